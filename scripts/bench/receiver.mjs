// Receiver section of `npm run bench`: 2,000 signed deliveries from 20 concurrent senders to the webhook
// receiver, each verified, logged (last 500 kept) and forwarded to a local sink. Prints throughput, p50/p99
// answer time, dropped deliveries and memory. A report, not a test: no timing assertions; it fails only
// when a delivery is dropped (not answered 200, not verified, or not forwarded). The senders and the sink
// run in worker threads, as Intercom and the developer's app would be elsewhere: the main thread's event
// loop is the receiver's alone.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DELIVERIES = 2_000;
const SENDERS = 20;
const LOG_LIMIT = 500;
const SECRET = 'bench-secret';

function load(file) {
  const compiled = path.join(ROOT, 'out/src/webhooks', file);
  if (!fs.existsSync(compiled)) execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  return createRequire(import.meta.url)(compiled);
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

/** A notification as Intercom sends it, about 1 KB. */
function delivery(i) {
  const body = JSON.stringify({
    type: 'notification_event', app_id: 'bench1', id: `notif_bench_${i}`, topic: 'conversation.user.replied', delivery_attempts: 1,
    data: { type: 'notification_event_data', item: { type: 'conversation', id: String(1000 + i), source: { body: `<p>${'message '.repeat(100)}</p>` } } },
    created_at: 1_764_000_000 + i,
  });
  return { body, signature: `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}` };
}

function post(agent, port, { body, signature }) {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-hub-signature': signature } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - start }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - start }));
    req.end(body);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function benchReceiver() {
  const { WebhookReceiver } = load('receiver.js');
  const { Inbox } = load('inbox.js');
  const { EventLog } = load('eventLog.js');

  const sink = startWorker({ role: 'sink' });
  const sinkPort = await sink.next();
  const log = new EventLog(LOG_LIMIT);
  const inbox = new Inbox({
    log,
    secrets: async () => ({ secret: SECRET, others: [] }),
    forwarding: () => ({ target: new URL(`http://127.0.0.1:${sinkPort}/webhooks`), timeoutMs: 10_000 }),
    onChange: () => undefined,
  });
  let verified = 0;
  let forwarded = 0;
  let handled = 0;
  const receiver = await WebhookReceiver.start({
    port: 0,
    onRequest: (request) => void inbox.receive(request).then((event) => {
      handled++;
      if (event.signature?.ok) verified++;
      if (event.forward?.ok) forwarded++;
    }),
  });

  const heapBefore = process.memoryUsage().heapUsed;
  const senders = startWorker({ role: 'senders', port: receiver.port });
  const started = performance.now();
  const { times, answered } = await senders.next();
  const answeredIn = performance.now() - started;
  while (handled < DELIVERIES && performance.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
  const total = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  await receiver.close();
  sink.post('count');
  const sunk = await sink.next();
  await Promise.all([sink.worker.terminate(), senders.worker.terminate()]);

  times.sort((a, b) => a - b);
  const dropped = DELIVERIES - Math.min(answered, verified, forwarded);
  console.log(`\nWebhook receiver: ${DELIVERIES} signed deliveries from ${SENDERS} concurrent senders, forwarded to a local sink`);
  console.log(`answered 200: ${answered}, verified: ${verified}, forwarded: ${forwarded} (sink received ${sunk}), dropped: ${dropped}`);
  console.log(`throughput: ${(DELIVERIES / (answeredIn / 1000)).toFixed(0)} deliveries/s answered; all forwarded after ${total.toFixed(0)} ms`);
  console.log(`answer time: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (budget p99 < 50 ms)`);
  console.log(`log: ${log.size} events kept (limit ${LOG_LIMIT}), ${mb(JSON.stringify(log).length)} as stored; heap ${mb(heapBefore)} → ${mb(heapAfter)}`);
  if (dropped > 0) {
    console.error(`FAIL: ${dropped} deliveries were not answered, verified and forwarded`);
    return 1;
  }
  return 0;
}

/** A worker running this file in another role; `next()` is its next message. */
function startWorker(data) {
  const worker = new Worker(new URL(import.meta.url), { workerData: data, execArgv: [] });
  const queue = [];
  const waiting = [];
  worker.on('message', (m) => (waiting.length ? waiting.shift()(m) : queue.push(m)));
  return { worker, post: (m) => worker.postMessage(m), next: () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => waiting.push(r))) };
}

/** The developer's app: answers every forward with 200 and counts them. */
async function runSink() {
  let sunk = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      sunk++;
      res.end('ok');
    });
  });
  parentPort.postMessage(await listen(server));
  parentPort.on('message', () => parentPort.postMessage(sunk));
}

/** Intercom: SENDERS connections sending DELIVERIES signed notifications, timing each answer. */
async function runSenders(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SENDERS });
  const times = [];
  let answered = 0;
  let next = 0;
  await Promise.all(Array.from({ length: SENDERS }, async () => {
    while (next < DELIVERIES) {
      const result = await post(agent, port, delivery(next++));
      times.push(result.ms);
      if (result.status === 200) answered++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ times, answered });
}

if (!isMainThread) {
  if (workerData.role === 'sink') await runSink();
  else await runSenders(workerData.port);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await benchReceiver();
}
