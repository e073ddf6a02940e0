import assert from 'node:assert/strict';
import { FakeIntercom, Faults } from '../../fake-intercom';
import { until } from '../../support/until';
import { approve, bearer, CLIENT, exchange, get, useFake } from './helpers';

interface ErrorList { type: string; request_id: string; errors: { code: string; message: string }[] }

suite('fake Intercom: faults', () => {
  const ctx = useFake();
  let token = '';
  setup(() => { token = ctx.fake.addToken('t-faults'); });
  const me = () => get(`${ctx.fake.url}/me`, bearer(token));

  test('429 with X-RateLimit-Limit/Remaining/Reset and Retry-After, then normal again', async () => {
    ctx.fake.failNext('GET /me', Faults.rateLimit({ retryAfter: 3, limit: 500 }));
    const nowSec = Math.floor(Date.now() / 1000);
    const res = await me();
    const answeredSec = Math.floor(Date.now() / 1000);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '3');
    assert.equal(res.headers.get('x-ratelimit-limit'), '500');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    assert.ok(reset >= nowSec + 3 && reset <= answeredSec + 3, String(reset));
    const body = (await res.json()) as ErrorList;
    assert.equal(body.errors[0].code, 'rate_limit_exceeded');
    assert.equal((await me()).status, 200);
  });

  test('429 with only X-RateLimit-Reset (no Retry-After)', async () => {
    ctx.fake.failNext('GET /me', Faults.rateLimit({ retryAfter: null, resetIn: 5 }));
    const nowSec = Math.floor(Date.now() / 1000);
    const res = await me();
    const answeredSec = Math.floor(Date.now() / 1000);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), null);
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    assert.ok(reset >= nowSec + 5 && reset <= answeredSec + 5, String(reset));
  });

  test('429 with Retry-After only (X-RateLimit-* left out)', async () => {
    ctx.fake.failNext('GET /me', { kind: 'rateLimit', retryAfter: 2, resetIn: null, limit: null, remaining: null });
    const res = await me();
    assert.equal(res.headers.get('retry-after'), '2');
    assert.equal(res.headers.get('x-ratelimit-reset'), null);
    assert.equal(res.headers.get('x-ratelimit-limit'), null);
  });

  for (const [status, code] of [[500, 'server_error'], [502, 'bad_gateway'], [503, 'service_unavailable']] as const) {
    test(`${status} with Intercom's envelope`, async () => {
      ctx.fake.failNext('GET /me', Faults.serverError(status));
      const res = await me();
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await res.json()) as ErrorList;
      assert.equal(body.type, 'error.list');
      assert.equal(body.errors[0].code, code);
      assert.equal(body.request_id, res.headers.get('x-request-id'));
    });
  }

  test('a custom error (e.g. 401 token_blocked)', async () => {
    ctx.fake.failNext('GET /me', Faults.error(401, 'token_blocked', 'Token blocked'));
    const res = await me();
    assert.equal(res.status, 401);
    assert.deepEqual(((await res.json()) as ErrorList).errors, [{ code: 'token_blocked', message: 'Token blocked' }]);
  });

  test('a delay of N ms before the normal answer', async () => {
    ctx.fake.failNext('GET /me', Faults.delay(150));
    const started = Date.now();
    const res = await me();
    assert.ok(Date.now() - started >= 140, `took ${Date.now() - started} ms`);
    assert.equal(res.status, 200);
    assert.equal(ctx.fake.lastRequest('GET /me')?.fault, 'delay');
  });

  test('a delay followed by a fault', async () => {
    ctx.fake.failNext('GET /me', Faults.delay(50, Faults.serverError(503)));
    const started = Date.now();
    const res = await me();
    assert.ok(Date.now() - started >= 45);
    assert.equal(res.status, 503);
  });

  test('a delay longer than the client waits lets the client time out', async () => {
    ctx.fake.failNext('GET /me', Faults.delay(5000));
    await assert.rejects(fetch(`${ctx.fake.url}/me`, { headers: bearer(token), signal: AbortSignal.timeout(100) }), /abort|timeout/i);
  });

  test('invalid JSON served as application/json', async () => {
    ctx.fake.failNext('GET /me', Faults.invalidJson());
    const res = await me();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const text = await res.text();
    assert.throws(() => JSON.parse(text), SyntaxError);
  });

  test('an HTML error page (a proxy\'s 502)', async () => {
    ctx.fake.failNext('GET /me', Faults.html());
    const res = await me();
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<h1>502 Bad Gateway<\/h1>/);
  });

  test('a reset connection: the socket is reset (ECONNRESET) without an answer', async () => {
    ctx.fake.failNext('GET /me', Faults.reset());
    await assert.rejects(me(), (err: Error & { cause?: { code?: string } }) => {
      assert.equal(err.name, 'TypeError');
      assert.equal(err.cause?.code, 'ECONNRESET');
      return true;
    });
    assert.equal(ctx.fake.lastRequest('GET /me')?.status, undefined);
    assert.equal((await me()).status, 200, 'the next request is served');
  });

  test('hang: no answer until the client gives up', async () => {
    ctx.fake.failNext('GET /me', Faults.hang());
    await assert.rejects(fetch(`${ctx.fake.url}/me`, { headers: bearer(token), signal: AbortSignal.timeout(100) }));
    assert.equal(ctx.fake.count('GET /me'), 1);
  });

  test('redirect: the status and Location, nothing else', async () => {
    ctx.fake.failNext('GET /me', Faults.redirect('http://127.0.0.1:9/elsewhere', 308));
    const res = await me();
    assert.equal(res.status, 308);
    assert.equal(res.headers.get('location'), 'http://127.0.0.1:9/elsewhere');
  });

  test('echoSecrets: the error message repeats the code, client secret and token it was sent', async () => {
    ctx.fake.failNext('POST /auth/eagle/token', Faults.echoSecrets());
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const exchanged = (await (await exchange(ctx.fake, code)).json()) as ErrorList;
    assert.equal(exchanged.errors[0].message, `Unauthorized Code ${code} ${CLIENT.clientSecret}`);
    ctx.fake.failNext('GET /me', Faults.echoSecrets(500));
    const res = await me();
    assert.equal(res.status, 500);
    assert.equal(((await res.json()) as ErrorList).errors[0].message, `Access Token Invalid ${token}`);
  });

  test('stallBody: headers and the start of a body, then nothing', async () => {
    ctx.fake.failNext('GET /me', Faults.stallBody());
    const abort = new AbortController();
    const res = await fetch(`${ctx.fake.url}/me`, { headers: bearer(token), signal: abort.signal });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    assert.equal(new TextDecoder().decode((await reader.read()).value), '{"type":"admin",');
    abort.abort();
  });

  test('hugeBody: a valid admin of the given size, counted as it is sent', async () => {
    ctx.fake.failNext('GET /me', Faults.hugeBody({ bytes: 200_000, declareLength: true }));
    const res = await me();
    assert.equal(res.headers.get('content-length'), '200000');
    const body = await res.text();
    assert.equal(body.length, 200_000);
    assert.equal((JSON.parse(body) as { type: string }).type, 'admin');
    assert.equal(ctx.fake.lastRequest('GET /me')!.bodyBytesSent, 200_000);
  });

  test('times: the fault repeats, then the route recovers; faults queue in order', async () => {
    ctx.fake.failNext('GET /me', Faults.serverError(500), 2);
    ctx.fake.failNext('GET /me', Faults.serverError(503));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await me()).status);
    assert.deepEqual(statuses, [500, 500, 503, 200]);
  });

  test('faults are per route; "*" matches any route; routes are normalised', async () => {
    ctx.fake.failNext('get /admins?x', Faults.serverError(500));
    assert.equal((await me()).status, 200);
    assert.equal((await get(`${ctx.fake.url}/admins`, bearer(token))).status, 500);
    ctx.fake.failNext('*', Faults.serverError(502));
    assert.equal((await get(`${ctx.fake.url}/contacts`, bearer(token))).status, 502);
    assert.equal((await get(`${ctx.fake.url}/contacts`, bearer(token))).status, 200);
  });

  test('faults apply to the token exchange too, without consuming the code', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    ctx.fake.failNext('POST /auth/eagle/token', Faults.serverError(503));
    assert.equal((await exchange(ctx.fake, code)).status, 503);
    assert.equal((await exchange(ctx.fake, code)).status, 200);
  });

  test('clearFaults() and reset() drop queued faults', async () => {
    ctx.fake.failNext('GET /me', Faults.serverError(500), 5);
    ctx.fake.clearFaults();
    assert.equal((await me()).status, 200);
    ctx.fake.failNext('GET /me', Faults.serverError(500), 5);
    ctx.fake.reset();
    assert.equal((await me()).status, 200);
  });

  test('failNext rejects a non-positive count', () => {
    assert.throws(() => ctx.fake.failNext('GET /me', Faults.reset(), 0), /positive/);
  });
});

suite('fake Intercom: counters and request log', () => {
  const ctx = useFake();

  test('count(route) counts every request to the route, faulted ones included', async () => {
    const token = ctx.fake.addToken('t-count');
    ctx.fake.failNext('GET /me', Faults.serverError(500));
    await get(`${ctx.fake.url}/me`, bearer(token));
    await get(`${ctx.fake.url}/me?again=1`, bearer(token));
    await get(`${ctx.fake.url}/admins`, bearer(token));
    assert.equal(ctx.fake.count('GET /me'), 2);
    assert.equal(ctx.fake.count('GET /admins'), 1);
    assert.equal(ctx.fake.count('POST /me'), 0);
    assert.equal(ctx.fake.count(), 3);
    assert.deepEqual(ctx.fake.requestsTo('GET /me').map((r) => r.status), [500, 200]);
    assert.equal(ctx.fake.requestsTo('GET /me')[0].fault, 'error');
  });

  test('the log keeps method, path, query, headers and the parsed body', async () => {
    await fetch(`${ctx.fake.url}/auth/eagle/token?v=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Test': 'yes' },
      body: 'code=a%2Bb%2Fc%3D&client_id=c&client_secret=s',
    });
    const rec = ctx.fake.lastRequest();
    assert.equal(rec?.method, 'POST');
    assert.equal(rec?.path, '/auth/eagle/token');
    assert.equal(rec?.url, '/auth/eagle/token?v=1');
    assert.deepEqual(rec?.query, { v: '1' });
    assert.equal(rec?.headers['x-test'], 'yes');
    assert.deepEqual(rec?.body, { code: 'a+b/c=', client_id: 'c', client_secret: 's' });
    assert.equal(rec?.rawBody, 'code=a%2Bb%2Fc%3D&client_id=c&client_secret=s');
    assert.equal(rec?.status, 401);
  });

  test('reset() clears counters, the log, codes, consent and the clock but keeps clients and tokens', async () => {
    const token = ctx.fake.addToken('t-keep');
    ctx.fake.consent = 'deny';
    ctx.fake.advanceClock(60_000);
    const code = ctx.fake.createCode(CLIENT.clientId);
    const log = ctx.fake.requests;
    await get(`${ctx.fake.url}/me`, bearer(token));
    ctx.fake.reset();
    assert.equal(ctx.fake.count('GET /me'), 0);
    assert.equal(log.length, 0, 'the live array is emptied in place');
    assert.equal(ctx.fake.consent, 'page');
    assert.ok(Math.abs(ctx.fake.now() - Date.now()) < 1000);
    assert.equal((await exchange(ctx.fake, code)).status, 401, 'outstanding codes are forgotten');
    assert.equal((await get(`${ctx.fake.url}/me`, bearer(token))).status, 200, 'tokens survive');
    assert.equal((await approve(ctx.fake)).has('code'), true, 'clients survive');
  });

  test('close() ends hung requests', async () => {
    const fake = await FakeIntercom.start();
    fake.failNext('*', Faults.hang());
    const pending = fetch(`${fake.url}/me`);
    await until(() => fake.count() === 1, 'the request to arrive');
    await fake.close();
    await assert.rejects(pending);
  });
});
