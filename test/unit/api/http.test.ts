// The HTTP client against the fake Intercom (a real server on 127.0.0.1), not against stubs of got.
import assert from 'node:assert/strict';
import net from 'node:net';
import { IntercomError } from '../../../src/api/errors';
import { createIntercomHttp, type HttpOptions } from '../../../src/api/http';
import type { Log } from '../../../src/log';
import { REDACTED, Redactor } from '../../../src/secrets/redact';
import { FakeIntercom, Faults, europeWorkspace } from '../../fake-intercom';
import { until } from '../../support/until';

class CollectingLog implements Log {
  readonly lines: string[] = [];
  trace = (m: string) => this.lines.push(m);
  debug = (m: string) => this.lines.push(m);
  info = (m: string) => this.lines.push(m);
  warn = (m: string) => this.lines.push(m);
  error = (m: string | Error) => this.lines.push(String(m));
}

const MiB = 1024 * 1024;
const CLIENT = { clientId: 'client-1', clientSecret: 'secret-XYZ-123', redirectUrls: ['https://bridge.example.com/i.html'] };

function rejectsWith(kind: string, extra: (e: IntercomError) => void = () => undefined) {
  return (e: unknown) => {
    assert.ok(e instanceof IntercomError, `an IntercomError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    extra(e);
    return true;
  };
}

suite('Intercom HTTP client (against the fake Intercom)', () => {
  let fake: FakeIntercom;
  let log: CollectingLog;
  const http = (o: Partial<HttpOptions> = {}) => createIntercomHttp({ log, knownSecrets: new Redactor(), timeoutMs: 2000, userAgent: 'test', backoffLimitMs: 20, ...o });

  suiteSetup(async () => {
    fake = await FakeIntercom.start();
    fake.addClient(CLIENT);
  });
  suiteTeardown(() => fake.close());
  setup(() => {
    fake.reset();
    log = new CollectingLog();
  });

  test('token exchange is form-encoded and keeps + / = byte-exact', async () => {
    const code = fake.createCode(CLIENT.clientId);
    assert.match(code, /\+/);
    assert.match(code, /\//);
    assert.match(code, /=$/);
    const token = await http().exchangeCode(fake.url, { code, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret });
    assert.ok(fake.tokenInfo(token), 'the fake issued this token');
    const request = fake.lastRequest('POST /auth/eagle/token')!;
    assert.match(String(request.headers['content-type']), /^application\/x-www-form-urlencoded/);
    assert.equal(new URLSearchParams(request.rawBody).get('code'), code);
    assert.ok(request.rawBody.includes('%2B') && request.rawBody.includes('%2F') && request.rawBody.includes('%3D'), 'reserved characters are percent-encoded, not sent raw');
  });

  test('a mangled code (trailing = dropped) → 401 Unauthorized Code, not retried', async () => {
    const code = fake.createCode(CLIENT.clientId);
    await assert.rejects(http().exchangeCode(fake.url, { code: code.slice(0, -1), ...CLIENT }),
      rejectsWith('unauthorized', (e) => assert.equal(e.details.intercomMessage, 'Unauthorized Code')));
    assert.equal(fake.count('POST /auth/eagle/token'), 1);
  });

  test('the exchange is never retried, even on 503 or 429', async () => {
    fake.failNext('POST /auth/eagle/token', Faults.serverError(503));
    await assert.rejects(http().exchangeCode(fake.url, { code: fake.createCode(CLIENT.clientId), ...CLIENT }), rejectsWith('server'));
    fake.failNext('POST /auth/eagle/token', Faults.rateLimit({ retryAfter: 1 }));
    await assert.rejects(http().exchangeCode(fake.url, { code: fake.createCode(CLIENT.clientId), ...CLIENT }), rejectsWith('rateLimited'));
    assert.equal(fake.count('POST /auth/eagle/token'), 2);
  });

  test('GET /me sends Bearer, Accept and Intercom-Version and parses the admin', async () => {
    const token = fake.addToken(undefined, europeWorkspace());
    const me = await http().getMe({ apiBase: fake.url, token, version: '2.16' });
    assert.equal(me.app?.region, 'Europe');
    const request = fake.lastRequest('GET /me')!;
    assert.equal(request.headers['intercom-version'], '2.16');
    assert.equal(request.headers.accept, 'application/json');
    assert.equal(request.headers.authorization, `Bearer ${token}`);
  });

  test('GET /me: 401 for an unknown token', async () => {
    await assert.rejects(http().getMe({ apiBase: fake.url, token: 'nope', version: '2.16' }),
      rejectsWith('unauthorized', (e) => assert.equal(e.details.intercomMessage, 'Access Token Invalid')));
  });

  test('GET /me: 429 with Retry-After is retried after the wait', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.rateLimit({ retryAfter: 1 }));
    const started = Date.now();
    await http().getMe({ apiBase: fake.url, token, version: '2.16' });
    assert.equal(fake.count('GET /me'), 2);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
  });

  test('GET /me: 429 with only X-RateLimit-Reset is retried at the reset', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.rateLimit({ retryAfter: null, resetIn: 1 }));
    await http().getMe({ apiBase: fake.url, token, version: '2.16' });
    assert.equal(fake.count('GET /me'), 2);
    assert.ok(log.lines.some((l) => /retry 1 after 429/.test(l)), 'the retry is logged');
  });

  test('GET /me: a reset far away gives up with when to retry', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.rateLimit({ retryAfter: null, resetIn: 60 }), 3);
    await assert.rejects(http({ maxRetryWaitMs: 2000 }).getMe({ apiBase: fake.url, token, version: '2.16' }),
      rejectsWith('rateLimited', (e) => assert.ok(e.details.retryAt && e.details.retryAt.getTime() > Date.now() + 50_000)));
    assert.equal(fake.count('GET /me'), 1);
  });

  test('GET /me with retry: false makes exactly one attempt', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.rateLimit({ retryAfter: 1 }));
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16', retry: false }), rejectsWith('rateLimited'));
    assert.equal(fake.count('GET /me'), 1);
  });

  test('GET /me: 5xx is retried, then reported as a server error', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.serverError(500), 3);
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('server', (e) => assert.equal(e.details.status, 500)));
    assert.equal(fake.count('GET /me'), 3, 'the first try and two retries');
  });

  test('invalid JSON and HTML pages are invalid responses', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.invalidJson(200));
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('invalidResponse'));
    fake.failNext('GET /me', Faults.html(502), 3);
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('invalidResponse', (e) => assert.equal(e.details.status, 502)));
  });

  test('a reset connection and a closed port are network errors', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.reset(), 3);
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('network'));
    assert.equal(fake.count('GET /me'), 3, 'the first try and two retries, no more');
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    await assert.rejects(http().getMe({ apiBase: `http://127.0.0.1:${closed}`, token, version: '2.16' }),
      rejectsWith('network', (e) => assert.equal(e.details.code, 'ECONNREFUSED')));
  });

  test('a slow answer times out', async () => {
    const token = fake.addToken();
    fake.failNext('POST /auth/uninstall', Faults.delay(3000));
    await assert.rejects(http({ timeoutMs: 300 }).revoke({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('timeout'));
  });

  test('an answer that stops after its headers is a timeout, not "http 200"', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.stallBody(), 3);
    await assert.rejects(http({ timeoutMs: 300 }).getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('timeout'));
    assert.equal(fake.count('GET /me'), 3, 'retried like any timeout, then given up');
    assert.deepEqual(log.lines.filter((l) => l.startsWith('GET /me')), ['GET /me: retry 1 after ETIMEDOUT', 'GET /me: retry 2 after ETIMEDOUT', 'GET /me → ETIMEDOUT']);
  });

  test('a redirect is never followed: code, client secret and token stay with the API host', async () => {
    const elsewhere = await FakeIntercom.start();
    try {
      elsewhere.addClient(CLIENT);
      const token = fake.addToken();
      elsewhere.addToken(token);
      const request = { apiBase: fake.url, token, version: '2.16' };
      const calls: [route: string, status: 301 | 302 | 307 | 308, call: () => Promise<unknown>][] = [
        ['POST /auth/eagle/token', 307, () => http().exchangeCode(fake.url, { code: fake.createCode(CLIENT.clientId), ...CLIENT })],
        ['GET /me', 308, () => http().getMe(request)],
        ['POST /auth/uninstall', 307, () => http().revoke(request)],
        ['GET /admins', 302, () => http().probe(request, '/admins')],
      ];
      for (const [route, status, call] of calls) {
        fake.failNext(route, Faults.redirect(`${elsewhere.url}${route.split(' ')[1]}`, status));
        await assert.rejects(call(), rejectsWith('invalidResponse', (e) => {
          assert.equal(e.details.unexpected, 'redirect');
          assert.equal(e.details.status, status);
          assert.match(e.message, /redirect/);
        }));
      }
      assert.equal(elsewhere.count(), 0, `the other host got: ${elsewhere.requests.map((r) => r.route).join(', ')}`);
      assert.equal(fake.count(), 4, 'one attempt each: a redirect is not retried');
    } finally {
      await elsewhere.close();
    }
  });

  for (const declareLength of [false, true]) {
    test(`an answer over 1 MiB fails and is not read further (${declareLength ? 'with' : 'without'} Content-Length)`, async () => {
      const token = fake.addToken();
      const size = 128 * MiB;
      fake.failNext('GET /me', Faults.hugeBody({ bytes: size, declareLength }));
      await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('invalidResponse', (e) => {
        assert.equal(e.details.unexpected, 'tooLarge');
        assert.match(e.message, /more than 1 MiB/);
      }));
      const answer = fake.lastRequest('GET /me')!;
      await until(() => answer.closedEarly, 'the client to close the connection');
      assert.ok(answer.bodyBytesSent! < 16 * MiB, `${answer.bodyBytesSent} of ${size} bytes sent`);
      assert.equal(fake.count('GET /me'), 1, 'not retried');
      assert.ok(log.lines.some((l) => /^GET \/me failed .*more than 1 MiB/.test(l)), log.lines.join('\n'));
    });
  }

  test('an aborted request is cancelled', async () => {
    const token = fake.addToken();
    fake.failNext('GET /me', Faults.delay(3000));
    const abort = new AbortController();
    const call = http().getMe({ apiBase: fake.url, token, version: '2.16', signal: abort.signal });
    await until(() => fake.count('GET /me') === 1, 'the request to reach Intercom');
    abort.abort();
    await assert.rejects(call, rejectsWith('cancelled'));
  });

  test('revoke: POST /auth/uninstall makes the token unusable', async () => {
    const token = fake.addToken();
    await http().revoke({ apiBase: fake.url, token, version: '2.16' });
    assert.ok(fake.isRevoked(token));
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }), rejectsWith('unauthorized'));
  });

  test('probe: 200 and 403 are answers, 401 is an error', async () => {
    const token = fake.addToken(undefined, undefined, []);
    const forbidden = await http().probe({ apiBase: fake.url, token, version: '2.16' }, '/conversations?per_page=1');
    assert.equal(forbidden.status, 403);
    assert.match(JSON.stringify(forbidden.body), /required scope \(read_conversations\)/);
    const all = fake.addToken();
    assert.equal((await http().probe({ apiBase: fake.url, token: all, version: '2.16' }, '/admins')).status, 200);
    await assert.rejects(http().probe({ apiBase: fake.url, token: 'nope', version: '2.16' }, '/admins'), rejectsWith('unauthorized'));
  });

  test('request: a GET with query and Intercom-Version; status, duration, request id and rate-limit headers come back', async () => {
    const token = fake.addToken();
    const answer = await http().request({ apiBase: fake.url, token, version: '2.11' }, { method: 'GET', path: '/contacts', query: { per_page: '2' } });
    const sent = fake.lastRequest('GET /contacts');
    assert.deepEqual([sent?.query, sent?.headers['intercom-version'], sent?.headers.authorization], [{ per_page: '2' }, '2.11', `Bearer ${token}`]);
    assert.equal(answer.status, 200);
    assert.ok(answer.durationMs >= 0);
    assert.deepEqual(Object.keys(answer.headers).sort(), ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-request-id']);
    assert.equal((answer.body as { data: unknown[] }).data.length, 2);
  });

  test('request: a write sends its JSON body once, and is not retried', async () => {
    const token = fake.addToken();
    const answer = await http().request({ apiBase: fake.url, token, version: '2.11' }, { method: 'POST', path: '/tags', query: {}, body: { name: 'vip' } });
    assert.deepEqual(answer.body, { type: 'tag', id: '103', name: 'vip' });
    assert.match(String(fake.lastRequest('POST /tags')?.headers['content-type']), /^application\/json/);
    fake.failNext('POST /tags', Faults.serverError(503));
    await assert.rejects(http().request({ apiBase: fake.url, token, version: '2.11' }, { method: 'POST', path: '/tags', query: {}, body: { name: 'x' } }), rejectsWith('server'));
    assert.equal(fake.count('POST /tags'), 2, 'the failed write was sent once');
  });

  test('request: 403 and 404 answers are IntercomErrors carrying Intercom\'s message', async () => {
    const token = fake.addToken(undefined, undefined, []);
    await assert.rejects(http().request({ apiBase: fake.url, token, version: '2.11' }, { method: 'GET', path: '/contacts', query: {} }),
      rejectsWith('forbidden', (e) => assert.match(e.details.intercomMessage ?? '', /read_users_companies/)));
    await assert.rejects(http().request({ apiBase: fake.url, token: fake.addToken(), version: '2.11' }, { method: 'GET', path: '/contacts/nobody', query: {} }),
      rejectsWith('http', (e) => assert.equal(e.details.status, 404)));
  });

  test('request: an unsuccessful answer comes with the error, for the response tab (status, kept headers, body), never in its message', async () => {
    await assert.rejects(http().request({ apiBase: fake.url, token: fake.addToken(), version: '2.11' }, { method: 'GET', path: '/contacts/nobody', query: {} }),
      rejectsWith('http', (e) => {
        const answer = e.details.answer;
        assert.equal(answer?.status, 404);
        assert.deepEqual((answer?.body as { errors: unknown[] }).errors, [{ code: 'not_found', message: 'User Not Found' }]);
        assert.ok(answer.headers['x-request-id'], 'the request id');
        assert.ok(Object.keys(answer.headers).every((name) => /^x-(request-id|ratelimit-)/.test(name)), 'only the kept headers');
        assert.doesNotMatch(e.message, /not_found"|errors/, 'the body is not in the message');
      }));
  });

  test('request: the path arrives as written; one with a dot segment, %2e included, is never sent', async () => {
    const token = fake.addToken();
    const request = { apiBase: fake.url, token, version: '2.11' };
    await assert.rejects(http().request(request, { method: 'GET', path: '/contacts/a%20b%2Fc', query: { q: 'x y' } }), rejectsWith('http'));
    assert.equal(fake.lastRequest()?.url, '/contacts/a%20b%2Fc?q=x+y');
    fake.reset();
    for (const path of ['/contacts/%2e%2e/admins', '/contacts/%2E./admins', '/contacts/.%2e/admins', '/contacts/../admins', '/contacts/./x', '/contacts/..\t/admins', '/contacts\\..\\admins', '/contacts/..\u0001']) {
      await assert.rejects(http().request(request, { method: 'GET', path, query: {} }), /is not an API path/, path);
    }
    assert.deepEqual(fake.requests.map((r) => r.url), [], 'nothing reached the server');
  });

  test('the client makes the code, client secret and tokens it handles known to the redaction step', async () => {
    const redactor = new Redactor();
    const client = http({ knownSecrets: redactor });
    const code = fake.createCode(CLIENT.clientId);
    const oauthToken = await client.exchangeCode(fake.url, { code, ...CLIENT });
    const accessToken = fake.addToken('short-token-123');
    await client.getMe({ apiBase: fake.url, token: accessToken, version: '2.16' });
    assert.equal(redactor.redact([code, CLIENT.clientSecret, oauthToken, accessToken].join(' ')), Array(4).fill(REDACTED).join(' '));
  });

  test('every request is logged with method, path, status and duration — and no secret', async () => {
    const code = fake.createCode(CLIENT.clientId);
    const token = await http().exchangeCode(fake.url, { code, ...CLIENT });
    await http().getMe({ apiBase: fake.url, token, version: '2.16' });
    fake.failNext('GET /me', Faults.reset(), 3);
    await assert.rejects(http().getMe({ apiBase: fake.url, token, version: '2.16' }));
    assert.ok(log.lines.some((l) => /^POST \/auth\/eagle\/token → 200 \(\d+ ms\)$/.test(l)), log.lines.join('\n'));
    assert.ok(log.lines.some((l) => /^GET \/me → 200 \(\d+ ms\)$/.test(l)));
    const all = log.lines.join('\n');
    for (const secret of [token, code, CLIENT.clientSecret, encodeURIComponent(code)]) assert.ok(!all.includes(secret), 'no secret in the log');
  });
});
