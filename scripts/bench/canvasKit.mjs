// Canvas Kit section of `npm run bench` (issue 22's budgets), a report with met/NOT met verdicts, no assertions:
// - overhead: the simulator's cost on a 64 KB canvas (sign, send, parse, validate, build the render model)
//   beyond the app's own answer time. A local app in a worker thread answers initialize with the same 64 KB
//   canvas; each round times a plain node:http POST of the same body (the app alone) and the simulator's
//   initialize (CanvasKitSimulator.start, as the panel runs it), in turn. Budget: p95 of the simulator minus
//   p95 of the app alone ≤ 10 ms. The simulator's own steps are printed beside it.
// - first render: the panel's script (dist/canvasKitWebview.js) in headless Chromium (playwright-core, as the
//   E2E tests), in a fresh page each run, drawing the render model of that canvas: from the message (cloned, as
//   postMessage clones it) to the page laid out, and to the next frame. Budget: ≤ 50 ms. The script draws the
//   top of a long canvas first and the rest in the tasks after: the time until all of it is drawn is printed too.
/* global window, document, MessageEvent, structuredClone, requestAnimationFrame -- the first render's probe runs in the page */
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ROOT } from '../toolchain.mjs';

const require = createRequire(import.meta.url);
const SECRET = 'bench-canvas-secret';
const ROUNDS = 200;
const WARMUP = 20;
const RENDER_RUNS = 7;
const BUDGETS = { overheadMs: 10, firstRenderMs: 50 };
const verdict = (met) => (met ? 'met' : 'NOT met');
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function compiled(file) {
  const full = path.join(ROOT, 'out', file);
  if (!fs.existsSync(full)) execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: ROOT, stdio: 'inherit' });
  return require(full);
}

/** A canvas whose content is just under the 64 KB limit: the components a booking app uses, repeated. */
export function canvas64k() {
  const components = [];
  const reply = () => ({ canvas: { content: { components }, stored_data: { step: 1 } } });
  for (let i = 0; ; i++) {
    const batch = [
      { type: 'text', text: `**Slot ${i}** is free. [Details](https://example.com/slots/${i})`, style: i % 5 === 0 ? 'header' : 'paragraph' },
      { type: 'input', id: `name_${i}`, label: 'Your name', placeholder: 'Hermione Granger' },
      { type: 'single-select', id: `slot_${i}`, label: 'Pick a time', options: [{ type: 'option', id: 'a', text: 'Monday 10:00' }, { type: 'option', id: 'b', text: 'Tuesday 14:00' }] },
      { type: 'data-table', items: [{ type: 'field-value', field: 'Length', value: '30 minutes' }, { type: 'field-value', field: 'Where', value: 'Video call' }] },
      { type: 'button', id: `book_${i}`, label: 'Book meeting', action: { type: 'submit' } },
    ];
    components.push(...batch);
    if (Buffer.byteLength(JSON.stringify(reply().canvas.content)) > 64 * 1024) {
      components.splice(components.length - batch.length);
      return reply();
    }
  }
}

/** The app: answers every POST with the canvas, once it has read the request. */
function startApp(body) {
  const worker = new Worker(`
    const http = require('node:http');
    const { parentPort, workerData } = require('node:worker_threads');
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': workerData.length }).end(workerData));
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
  `, { eval: true, workerData: Buffer.from(body) });
  return new Promise((resolve) => worker.once('message', (port) => resolve({ url: `http://127.0.0.1:${port}/initialize`, close: () => worker.terminate() })));
}

/** The app alone: the same POST, without the simulator's work around it (a connection each, as the simulator's). */
function plainPost(url, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function overhead(reply) {
  const { CanvasKitSimulator } = compiled('src/canvasKit/engine.js');
  const { createHttpTransport } = compiled('src/canvasKit/transport.js');
  const { sampleContext } = compiled('src/canvasKit/context.js');
  const { validateResponse } = compiled('src/canvasKit/schema/validate.js');
  const { renderReply } = compiled('src/canvasKit/render.js');
  const { bodySignature } = compiled('src/canvasKit/signing.js');
  const { initializeBody } = compiled('src/canvasKit/requests.js');
  const text = JSON.stringify(reply);
  const app = await startApp(text);
  try {
    const simulator = () => new CanvasKitSimulator({
      urls: { initialize: app.url, submit: app.url }, placement: 'home', clientSecret: SECRET, context: sampleContext(),
      transport: createHttpTransport({ allowOtherHosts: false }), validate: validateResponse, redact: (t) => t, maxEntries: 10,
    });
    const requestBody = JSON.stringify(initializeBody(sampleContext(), 'home', {}));
    const times = { app: [], sim: [] };
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const order = round % 2 === 0 ? ['app', 'sim'] : ['sim', 'app'];
      for (const which of order) {
        const t0 = performance.now();
        if (which === 'app') await plainPost(app.url, requestBody);
        else {
          const outcome = await simulator().start();
          if (outcome.screen.kind !== 'view' || outcome.screen.view.kind !== 'canvas') throw new Error(`the 64 KB canvas did not render: ${JSON.stringify(outcome.screen).slice(0, 400)}`);
        }
        if (round >= WARMUP) times[which].push(performance.now() - t0);
      }
    }
    // The simulator's own steps on the same reply, without the network.
    const steps = { sign: [], parse: [], validate: [], render: [] };
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now();
      bodySignature(requestBody, SECRET);
      steps.sign.push(performance.now() - t);
      t = performance.now();
      const json = JSON.parse(text);
      steps.parse.push(performance.now() - t);
      t = performance.now();
      const problems = validateResponse('initialize', 'home', json);
      steps.validate.push(performance.now() - t);
      t = performance.now();
      renderReply({ flow: 'initialize', placement: 'home', reply: json, validate: () => problems });
      steps.render.push(performance.now() - t);
    }
    const [appP50, appP95, simP50, simP95] = [pct(times.app, 0.5), pct(times.app, 0.95), pct(times.sim, 0.5), pct(times.sim, 0.95)];
    const extra = simP95 - appP95;
    console.log(`\nCanvas Kit simulator overhead, 64 KB canvas (${(Buffer.byteLength(JSON.stringify(reply.canvas.content)) / 1024).toFixed(1)} KB content, ${reply.canvas.content.components.length} components), ${ROUNDS} rounds after ${WARMUP} warm-up, app alone and simulator in turn:`);
    console.log(`  app alone (plain POST):     p50 ${appP50.toFixed(2)} ms, p95 ${appP95.toFixed(2)} ms`);
    console.log(`  through the simulator:      p50 ${simP50.toFixed(2)} ms, p95 ${simP95.toFixed(2)} ms`);
    for (const p of [0.5, 0.95]) console.log(`  its steps (p${p * 100}): ${Object.entries(steps).map(([name, xs]) => `${name} ${pct(xs, p).toFixed(2)} ms`).join(', ')}`);
    console.log(`  overhead p95 ${extra.toFixed(2)} ms beyond the app's (budget ${BUDGETS.overheadMs} ms): ${verdict(extra <= BUDGETS.overheadMs)}`);
    return renderReply({ flow: 'initialize', placement: 'home', reply, validate: () => [] });
  } finally {
    await app.close();
  }
}

async function firstRender(view) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'canvasKitWebview.js'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const { webviewTestPage } = compiled('test/support/webviewPage.js');
  const { launchBrowser } = compiled('test/support/browser.js');
  const html = webviewTestPage(ROOT);
  const state = { placement: 'home', screen: { kind: 'view', flow: 'initialize', view, configuring: false, live: false }, busy: false, completed: false, notices: [], accent: '#1f8ceb' };
  const browser = await launchBrowser();
  try {
    const runs = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const page = await browser.newPage();
      await page.setContent(html);
      runs.push(await page.evaluate((state) => new Promise((resolve) => {
        const t0 = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: structuredClone({ kind: 'state', state }) }));
        const first = document.querySelectorAll('.ck-component').length;
        void document.body.offsetHeight; // layout
        const laidOut = performance.now() - t0;
        requestAnimationFrame(() => {
          const frame = performance.now() - t0;
          // The rest of the canvas, drawn in the tasks that follow: until every component is in the page, laid out.
          const whole = () => {
            if (!document.querySelector('[data-drawn="all"]')) return void setTimeout(whole, 0);
            void document.body.offsetHeight;
            resolve({ laidOut, frame, all: performance.now() - t0, first, components: document.querySelectorAll('.ck-component').length });
          };
          whole();
        });
      }), state));
      await page.close();
    }
    const laidOut = pct(runs.map((r) => r.laidOut), 0.5);
    const worst = Math.max(...runs.map((r) => r.laidOut));
    console.log(`\nCanvas Kit first render in Chromium (${runs[0].components} components, the first ${runs[0].first} drawn at once; fresh page each of ${RENDER_RUNS} runs): message to laid out median ${laidOut.toFixed(1)} ms, worst ${worst.toFixed(1)} ms; to the next frame median ${pct(runs.map((r) => r.frame), 0.5).toFixed(1)} ms; until the whole canvas is drawn and laid out median ${pct(runs.map((r) => r.all), 0.5).toFixed(1)} ms`);
    console.log(`  first render median ${laidOut.toFixed(1)} ms (budget ${BUDGETS.firstRenderMs} ms): ${verdict(laidOut <= BUDGETS.firstRenderMs)}`);
  } finally {
    await browser.close();
  }
}

export async function benchCanvasKit() {
  // Every figure here is wall-clock time on a shared machine: the load says how far to trust it.
  console.log(`\nCanvas Kit: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);
  const view = await overhead(canvas64k());
  await firstRender(view);
  return 0;
}
