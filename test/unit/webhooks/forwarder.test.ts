import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import { FORWARDED_MARK, checkForwardTarget, forward } from '../../../src/webhooks/forwarder';
import { findFreePort } from '../../../src/webhooks/receiver';
import { startLocalApp, type LocalApp } from '../../support/localApp';

suite('webhooks: forwarder', () => {
  let app: LocalApp;
  setup(async () => (app = await startLocalApp()));
  teardown(() => app.close());

  const BODY = Buffer.from('{"id":"notif_1",  "topic":"ping"}\n');
  const HEADERS = { 'content-type': 'application/json', 'x-hub-signature': 'sha1=00', 'user-agent': 'intercom-parrot-service-client/1.0', host: 'example.ngrok.app', connection: 'keep-alive' };

  test('loopback targets only, unless other hosts are allowed', () => {
    for (const ok of ['http://localhost:3000/webhooks', 'http://127.0.0.1:3000/', 'http://[::1]:3000/x', 'https://localhost/']) {
      assert.ok('url' in checkForwardTarget(ok, false), ok);
    }
    assert.deepEqual(checkForwardTarget('https://example.com/hook', false), { problem: 'notLoopback' });
    assert.deepEqual(checkForwardTarget('http://localhost.example.com/', false), { problem: 'notLoopback' });
    assert.ok('url' in checkForwardTarget('https://example.com/hook', true));
    assert.deepEqual(checkForwardTarget('ftp://localhost/', true), { problem: 'notHttp' });
    assert.deepEqual(checkForwardTarget('localhost:3000', false), { problem: 'notHttp' });
    assert.deepEqual(checkForwardTarget('not a url', false), { problem: 'invalid' });
    assert.deepEqual(checkForwardTarget('http://u:p@localhost/', false), { problem: 'invalid' });
  });

  test('never the receiver itself, by any loopback name', () => {
    for (const self of ['http://127.0.0.1:8787/', 'http://localhost:8787/hooks', 'http://[::1]:8787', 'http://127.0.0.2:8787/x']) {
      assert.deepEqual(checkForwardTarget(self, true, [8787]), { problem: 'receiver' }, self);
    }
    assert.deepEqual(checkForwardTarget('http://localhost/', false, [80]), { problem: 'receiver' }, 'the default port counts');
    assert.ok('url' in checkForwardTarget('http://localhost:3000/webhooks', false, [8787]));
  });

  test('byte for byte with the notification headers; 2xx → ok with time', async () => {
    const result = await forward({ target: new URL(app.url), body: BODY, headers: HEADERS, timeoutMs: 5000 });
    assert.equal(result.ok, true);
    assert.equal(result.status, 200);
    assert.ok(result.ms >= 0);
    const [got] = app.received;
    assert.deepEqual(got.body, BODY);
    assert.equal(got.headers['x-hub-signature'], 'sha1=00');
    assert.equal(got.headers['user-agent'], 'intercom-parrot-service-client/1.0');
    assert.equal(got.headers['content-type'], 'application/json');
    assert.equal(got.headers.host, new URL(app.url).host, 'Host names the target, not the public URL');
    assert.equal(got.headers[FORWARDED_MARK], '1', 'marked, so a receiver it reaches does not forward it again');
  });

  test('kept-alive connections the app closes just as the next forward is sent: sent again on a new one, not on another of them', async () => {
    // The app closes each connection when its second request arrives, unanswered, as a server whose idle
    // timeout runs out at that moment does.
    const requests = new Map<net.Socket, number>();
    let answered = 0;
    const server = http.createServer((req, res) => {
      const count = (requests.get(req.socket) ?? 0) + 1;
      requests.set(req.socket, count);
      if (count > 1) {
        req.socket.destroy();
        return;
      }
      req.resume().on('end', () => {
        answered++;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = new URL(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`);
      const send = () => forward({ target, body: BODY, headers: HEADERS, timeoutMs: 5000 });
      // Two at once: two connections kept alive, both of which the app closes on their next request.
      assert.deepEqual((await Promise.all([send(), send()])).map((r) => r.ok), [true, true]);
      for (let i = 0; i < 2; i++) {
        const result = await send();
        assert.equal(result.ok, true, JSON.stringify(result));
      }
      assert.equal(answered, 4);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('4xx/5xx → status failure with the start of the body', async () => {
    app.answer = { status: 500, body: `TypeError: cannot read properties of undefined\n${'x'.repeat(500)}` };
    const result = await forward({ target: new URL(app.url), body: BODY, headers: HEADERS, timeoutMs: 5000 });
    assert.ok(!result.ok);
    assert.equal(result.failure, 'status');
    assert.equal(result.status, 500);
    assert.match(result.bodyStart!, /^TypeError: cannot read/);
    assert.equal(result.bodyStart!.length, 200);
  });

  test('nothing listening → refused', async () => {
    const result = await forward({ target: new URL(`http://127.0.0.1:${await findFreePort()}/`), body: BODY, headers: HEADERS, timeoutMs: 5000 });
    assert.ok(!result.ok);
    assert.equal(result.failure, 'refused');
    assert.equal(result.code, 'ECONNREFUSED');
  });

  test('a slow app → timeout after timeoutMs', async () => {
    app.answer = { status: 200, body: '', hang: true };
    const result = await forward({ target: new URL(app.url), body: BODY, headers: HEADERS, timeoutMs: 300 });
    assert.ok(!result.ok);
    assert.equal(result.failure, 'timeout');
    assert.ok(result.ms >= 290, String(result.ms));
  });
});
