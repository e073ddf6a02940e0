import assert from 'node:assert/strict';
import { REJECTIONS, WebhookReceiver, type ReceivedRequest } from '../../../src/webhooks/receiver';
import { until } from '../../support/until';
import { send } from '../../support/localApp';

suite('webhooks: receiver', () => {
  let receiver: WebhookReceiver;
  let seen: ReceivedRequest[];
  const start = async (options: { maxBytes?: number; bodyTimeoutMs?: number } = {}) => {
    await receiver?.close();
    receiver = await WebhookReceiver.start({ port: 0, ...options, onRequest: (r) => seen.push(r) });
  };
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
    const answer = await send(`${receiver.url}hooks?x=1`, { body, headers: { 'content-type': 'application/json', 'X-Hub-Signature': 'sha1=abc' } });
    assert.equal(answer.status, 200);
    await until(() => seen.length === 1, 'the request to be reported');
    assert.deepEqual(seen[0].body, body);
    assert.equal(seen[0].path, '/hooks?x=1');
    assert.equal(seen[0].headers['x-hub-signature'], 'sha1=abc');
    assert.equal(seen[0].status, 200);
    assert.equal(seen[0].rejected, undefined);
  });

  test('a body that is not JSON → 400 with its message, and logged with the bytes', async () => {
    const answer = await send(receiver.url, { body: 'hello=world' });
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
    const declared = await send(receiver.url, { headers: { 'content-length': 1024 * 1024 + 1 }, stall: true, body: '{' });
    assert.equal(declared.status, 413);
    assert.match(declared.body, /larger than 1048576 bytes/);
    await start({ maxBytes: 1024 });
    const streamed = await send(receiver.url, { headers: { 'transfer-encoding': 'chunked' }, body: `{"a":"${'x'.repeat(4000)}"}` }).catch((e: Error) => e);
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
    const answer = await send(receiver.url, { headers: { 'content-length': 100 }, body: '{"id":', stall: true });
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
    assert.equal((await send(receiver.url, { body: '{}' })).status, 200);
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

  test('a taken port fails to start with EADDRINUSE', async () => {
    const error = await WebhookReceiver.start({ port: receiver.port, onRequest: () => undefined }).catch((e: NodeJS.ErrnoException) => e);
    assert.ok(error instanceof Error);
    assert.equal((error as NodeJS.ErrnoException).code, 'EADDRINUSE');
  });
});
