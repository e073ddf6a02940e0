import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { FORWARDED_MARK } from '../../../src/webhooks/forwarder';
import { REJECTIONS, WebhookReceiver, type ReceivedRequest, type ReceiverOptions } from '../../../src/webhooks/receiver';
import { until } from '../../support/until';
import { send } from '../../support/localApp';

/** How Intercom declares a notification's body. */
const JSON_TYPE = { 'content-type': 'application/json' };
/** The worker's script as the test build has it (out/test/unit/webhooks → out/src/webhooks). */
const JSON_WORKER = path.join(__dirname, '../../../src/webhooks/jsonWorker.js');

suite('webhooks: receiver', () => {
  let receiver: WebhookReceiver;
  let seen: ReceivedRequest[];
  const start = async (options: Partial<ReceiverOptions> = {}) => {
    await receiver?.close();
    receiver = await WebhookReceiver.start({ port: 0, ...options, onRequest: (r) => seen.push(r) });
  };
  /** A raw connection that sent `text` and then nothing; resolves once connected. */
  const halfOpen = (text: string) => new Promise<net.Socket>((resolve) => {
    const socket = net.connect(receiver.port, '127.0.0.1', () => {
      socket.write(text);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.resume(); // reads what the receiver answers, so its closing is seen
  });
  const closed = (socket: net.Socket) => socket.destroyed || socket.readableEnded;
  setup(async () => {
    seen = [];
    await start();
  });
  teardown(() => receiver.close());
  const message = (r: keyof typeof REJECTIONS) => REJECTIONS[r].message({ maxBytes: 1024, timeoutMs: 300 });

  test('listens on 127.0.0.1; HEAD (Intercom\'s URL check) → 200', async () => {
    assert.match(receiver.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal((await send(receiver.url, { method: 'HEAD' })).status, 200);
  });

  test('POST JSON → 200, and the exact bytes and headers are handed on', async () => {
    const body = Buffer.from('{ "id" : "notif_1",\n"topic":"ping", "x":"é" }');
    const answer = await send(`${receiver.url}hooks?x=1`, { body, headers: { 'content-type': 'application/json; charset=UTF-8', 'X-Hub-Signature': 'sha1=abc' } });
    assert.equal(answer.status, 200);
    await until(() => seen.length === 1, 'the request to be reported');
    assert.deepEqual(seen[0].body, body);
    assert.equal(seen[0].path, '/hooks?x=1');
    assert.equal(seen[0].headers['x-hub-signature'], 'sha1=abc');
    assert.equal(seen[0].status, 200);
    assert.equal(seen[0].rejected, undefined);
    assert.deepEqual(seen[0].summary, { notificationId: 'notif_1', topic: 'ping' }, 'the envelope, read as the body was checked');
  });

  test('a body that is not JSON → 400 with its message, and logged with the bytes', async () => {
    const answer = await send(receiver.url, { body: 'hello=world', headers: JSON_TYPE });
    assert.equal(answer.status, 400);
    assert.match(answer.body, /not JSON/);
    await until(() => seen.length === 1, 'the request to be reported');
    assert.equal(seen[0].rejected, 'notJson');
    assert.equal(seen[0].body.toString(), 'hello=world');
  });

  test('other methods → 405 with Allow, logged', async () => {
    const answer = await send(receiver.url, { method: 'GET' });
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.allow, 'HEAD, POST');
    assert.match(answer.body, /Only POST/);
    await until(() => seen[0]?.rejected === 'method', 'the request to be reported');
    assert.equal(seen[0].method, 'GET');
  });

  test('over the size limit → 413: declared (default 1 MiB) and streamed without a length', async () => {
    const declared = await send(receiver.url, { headers: { ...JSON_TYPE, 'content-length': 1024 * 1024 + 1 }, stall: true, body: '{' });
    assert.equal(declared.status, 413);
    assert.match(declared.body, /larger than 1048576 bytes/);
    await start({ maxBytes: 1024 });
    const streamed = await send(receiver.url, { headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' }, body: `{"a":"${'x'.repeat(4000)}"}` }).catch((e: Error) => e);
    // The receiver stops reading: the client sees the 413 or, if it was still writing, a reset.
    if (!(streamed instanceof Error)) assert.equal(streamed.status, 413);
    await until(() => seen.length === 2, 'both requests to be reported');
    assert.deepEqual(seen.map((r) => r.rejected), ['tooLarge', 'tooLarge']);
    assert.ok(seen[1].size > 1024);
    assert.equal(seen[1].body.length, 0, 'an oversized body is not kept');
    assert.match(message('tooLarge'), /1024 bytes/);
  });

  test('a slow upload → 408 after the body timeout, with what arrived', async () => {
    await start({ bodyTimeoutMs: 300 });
    const answer = await send(receiver.url, { headers: { ...JSON_TYPE, 'content-length': 100 }, body: '{"id":', stall: true });
    assert.equal(answer.status, 408);
    assert.equal(answer.body.trim(), message('timeout'));
    await until(() => seen.length === 1, 'the request to be reported');
    assert.equal(seen[0].rejected, 'timeout');
    assert.equal(seen[0].body.toString(), '{"id":');
  });

  test('never crashes: a throwing handler and garbage on the socket leave it answering', async () => {
    await receiver.close();
    const errors: unknown[] = [];
    receiver = await WebhookReceiver.start({ port: 0, onRequest: () => { throw new Error('handler bug'); }, onError: (e) => errors.push(e) });
    assert.equal((await send(receiver.url, { body: '{}', headers: JSON_TYPE })).status, 200);
    assert.equal(errors.length, 1);
    const net = await import('node:net');
    const socket = net.connect(receiver.port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('close', () => resolve(text));
      socket.write('NOT HTTP AT ALL\r\n\r\n');
    });
    assert.match(reply, /^HTTP\/1\.1 400/);
    assert.equal((await send(receiver.url, { method: 'HEAD' })).status, 200);
  });

  test('a body not declared application/json → 415: a web page cannot send one without a preflight, which gets 405', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, {}, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'application/jsonp' }] as Record<string, string>[]) {
      const answer = await send(receiver.url, { body: '{}', headers });
      assert.equal(answer.status, 415, JSON.stringify(headers));
      assert.match(answer.body, /application\/json/);
    }
    assert.equal((await send(receiver.url, { body: '{}', headers: { 'content-type': 'Application/JSON;charset=utf-8' } })).status, 200);
    assert.equal((await send(receiver.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })).status, 405);
    await until(() => seen.length === 6, 'every request to be reported');
    assert.deepEqual(seen.map((r) => r.rejected), ['contentType', 'contentType', 'contentType', 'contentType', undefined, 'method']);
  });

  test('a Host that does not name the receiver → 421 (DNS rebinding); loopback names and the given hosts pass', async () => {
    await start({ hosts: () => ['abcd.ngrok-free.app'] });
    const status = async (host: string) => (await send(receiver.url, { body: '{}', headers: { ...JSON_TYPE, host } })).status;
    assert.equal(await status(`evil.example:${receiver.port}`), 421);
    assert.equal(await status('127.0.0.1.evil.example'), 421);
    for (const host of [`127.0.0.1:${receiver.port}`, `localhost:${receiver.port}`, 'LOCALHOST', `[::1]:${receiver.port}`, 'abcd.ngrok-free.app', 'ABCD.ngrok-free.app:443']) {
      assert.equal(await status(host), 200, host);
    }
    assert.equal((await send(receiver.url, { method: 'HEAD', headers: { host: 'evil.example' } })).status, 421);
    await until(() => seen.length === 9, 'every request to be reported');
    assert.equal(seen[0].rejected, 'host');
    assert.match(message('host'), /intercom\.webhooks\.tunnelHosts/);
  });

  test('a request a receiver of ours forwarded → 508: a forwarding loop stops at once', async () => {
    const answer = await send(receiver.url, { body: '{}', headers: { ...JSON_TYPE, [FORWARDED_MARK]: '1' } });
    assert.equal(answer.status, 508);
    await until(() => seen[0]?.rejected === 'loop', 'the loop to be reported');
  });

  test('connections that send half their headers give way: the longest waiting is closed at the limit, requests keep being answered', async () => {
    await start({ maxConnections: 10 });
    const stalled: net.Socket[] = [];
    for (let i = 0; i < 30; i++) stalled.push(await halfOpen(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty`));
    await until(() => stalled.filter(closed).length >= 20, 'the oldest to be closed');
    assert.ok(stalled.slice(-5).every((s) => !closed(s)), 'the newest stay');
    assert.equal((await send(receiver.url, { body: '{}', headers: JSON_TYPE })).status, 200);
    stalled.forEach((s) => s.destroy());
  });

  test('headers that never end time out', async () => {
    await start({ headersTimeoutMs: 300 });
    const socket = await halfOpen('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await until(() => closed(socket), 'the connection to be closed', 5000);
  });

  test('bodies being read are capped in total: a large upload past the cap → 503, small notifications still pass', async () => {
    await start({ maxBufferedBytes: 500_000 });
    const large = (n: number) => send(receiver.url, { headers: { ...JSON_TYPE, 'content-length': 200_000 }, body: `{"n":${n},`, stall: true });
    void large(1).catch(() => undefined);
    void large(2).catch(() => undefined);
    const third = await large(3);
    assert.equal(third.status, 503);
    assert.equal(third.headers['retry-after'], '1');
    assert.equal((await send(receiver.url, { body: JSON.stringify({ id: 'notif_small', pad: 'x'.repeat(2000) }), headers: JSON_TYPE })).status, 200);
    await until(() => seen.some((r) => r.rejected === 'busy'), 'the 503 to be reported');
  });

  test('a large body is parsed on a worker thread, never on the receiver\'s; small ones and a missing worker stay on it', async () => {
    await start({ jsonWorker: JSON_WORKER });
    const parsed: number[] = [];
    const parse = JSON.parse;
    JSON.parse = (text: string, reviver?: Parameters<typeof parse>[1]) => {
      parsed.push(String(text).length);
      return parse(text, reviver);
    };
    try {
      const large = JSON.stringify({ id: 'notif_large', topic: 'ping', items: Array.from({ length: 40_000 }, (_, i) => i) });
      assert.equal((await send(receiver.url, { body: large, headers: JSON_TYPE })).status, 200);
      assert.equal((await send(receiver.url, { body: `${large.slice(0, -1)},`, headers: JSON_TYPE })).status, 400);
      assert.equal((await send(receiver.url, { body: '{"id":"notif_small"}', headers: JSON_TYPE })).status, 200);
      await until(() => seen.length === 3, 'the requests to be reported');
      assert.deepEqual(seen.map((r) => [r.rejected, r.summary?.notificationId]), [[undefined, 'notif_large'], ['notJson', undefined], [undefined, 'notif_small']]);
      assert.deepEqual(parsed, ['{"id":"notif_small"}'.length], 'only the small body was parsed here');
      await start({ jsonWorker: path.join(JSON_WORKER, 'missing.js') });
      assert.equal((await send(receiver.url, { body: large, headers: JSON_TYPE })).status, 200, 'checked here when the worker cannot start');
    } finally {
      JSON.parse = parse;
    }
  });

  test('a taken port fails to start with EADDRINUSE', async () => {
    const error = await WebhookReceiver.start({ port: receiver.port, onRequest: () => undefined }).catch((e: NodeJS.ErrnoException) => e);
    assert.ok(error instanceof Error);
    assert.equal((error as NodeJS.ErrnoException).code, 'EADDRINUSE');
  });
});
