import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { auWorkspace, europeWorkspace, FakeIntercom, ROUTE_SCOPES, SCOPES, usWorkspace } from '../../fake-intercom';
import { crc32 } from '../../fake-intercom/png';
import { approve, bearer, exchange, get, useFake } from './helpers';

interface ErrorList { type: string; request_id: string; errors: { code: string; message: string }[] }

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as ErrorList;
  assert.equal(body.type, 'error.list');
  assert.ok(body.request_id);
  assert.equal(body.errors.length, 1);
  return body.errors[0];
}

suite('fake Intercom: GET /me', () => {
  const ctx = useFake();

  test('an OAuth token answers the documented /me shape; the avatar points at the fake', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const { token } = (await (await exchange(ctx.fake, code)).json()) as { token: string };
    const res = await get(`${ctx.fake.url}/me`, bearer(token));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const me = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(me).sort(), [
      'app', 'avatar', 'away_mode_enabled', 'away_mode_reassign', 'email', 'email_verified', 'has_inbox_seat', 'id',
      'job_title', 'name', 'team_ids', 'type',
    ]);
    assert.deepEqual(me.app, {
      type: 'app', id_code: 'drzzt019', name: 'Hogwarts workspace', created_at: 1661876617, secure: true,
      identity_verification: true, timezone: 'Europe/Edinburgh', region: 'US',
    });
    assert.equal(me.type, 'admin');
    assert.equal(me.email_verified, true);
    assert.deepEqual(me.avatar, { type: 'avatar', image_url: `${ctx.fake.url}/avatars/2633609.png` });
  });

  test('regions: "Europe" and "AU" profiles per token', async () => {
    const eu = ctx.fake.addToken('tok-eu', europeWorkspace());
    const au = ctx.fake.addToken(undefined, auWorkspace());
    const euMe = (await (await get(`${ctx.fake.url}/me`, bearer(eu))).json()) as { app: { region: string } };
    const auMe = (await (await get(`${ctx.fake.url}/me`, bearer(au))).json()) as { app: { region: string }; avatar: { image_url: null } };
    assert.equal(euMe.app.region, 'Europe');
    assert.equal(auMe.app.region, 'AU');
    assert.equal(auMe.avatar.image_url, null);
    assert.match(au, /^dG9rOj/);
  });

  test('email_verified false / null, a null app and an omitted field are served as configured', async () => {
    const t1 = ctx.fake.addToken('t-false', usWorkspace({ me: { email_verified: false } }));
    const t2 = ctx.fake.addToken('t-null', usWorkspace({ me: { email_verified: null, app: null, job_title: undefined } }));
    const m1 = (await (await get(`${ctx.fake.url}/me`, bearer(t1))).json()) as Record<string, unknown>;
    const m2 = (await (await get(`${ctx.fake.url}/me`, bearer(t2))).json()) as Record<string, unknown>;
    assert.equal(m1.email_verified, false);
    assert.equal(m2.email_verified, null);
    assert.equal(m2.app, null);
    assert.equal('job_title' in m2, false);
    assert.equal('email_verified' in m2, true);
  });

  test('tokenInfo().profile is live: a change shows on the next /me', async () => {
    const token = ctx.fake.addToken('t-live');
    ctx.fake.tokenInfo(token)!.profile.me.name = 'Renamed';
    const me = (await (await get(`${ctx.fake.url}/me`, bearer(token))).json()) as { name: string };
    assert.equal(me.name, 'Renamed');
  });

  test('records Intercom-Version, Accept and Authorization headers', async () => {
    const token = ctx.fake.addToken('t-headers');
    await get(`${ctx.fake.url}/me?x=1`, { ...bearer(token), 'Intercom-Version': '2.16' });
    const rec = ctx.fake.lastRequest('GET /me');
    assert.equal(rec?.headers['intercom-version'], '2.16');
    assert.equal(rec?.headers.accept, 'application/json');
    assert.equal(rec?.headers.authorization, 'Bearer t-headers');
    assert.deepEqual(rec?.query, { x: '1' });
    assert.equal(rec?.status, 200);
  });

  test('unknown or missing token → 401 unauthorized "Access Token Invalid"', async () => {
    const unknown = await get(`${ctx.fake.url}/me`, bearer('not-a-token'));
    assert.equal(unknown.status, 401);
    assert.deepEqual(await errorOf(unknown), { code: 'unauthorized', message: 'Access Token Invalid' });
    const missing = await get(`${ctx.fake.url}/me`);
    assert.equal(missing.status, 401);
    assert.equal((await errorOf(missing)).code, 'unauthorized');
  });

  test('Basic auth with the token as user name is accepted (as older Intercom clients send it)', async () => {
    const token = ctx.fake.addToken('t-basic');
    const res = await get(`${ctx.fake.url}/me`, { Authorization: `Basic ${Buffer.from(`${token}:`).toString('base64')}` });
    assert.equal(res.status, 200);
  });

  test('every API response carries X-RateLimit-* and a request id', async () => {
    const token = ctx.fake.addToken('t-rate');
    const before = Math.floor(Date.now() / 1000);
    const res = await get(`${ctx.fake.url}/me`, bearer(token));
    const second = await get(`${ctx.fake.url}/me`, bearer('unknown'));
    assert.equal(res.headers.get('x-ratelimit-limit'), '10000');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '9999');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    assert.ok(reset > before && reset <= before + 11, String(reset));
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(second.headers.get('x-ratelimit-remaining'), '9998', 'a 401 also counts and carries the headers');
  });

  test('past the configured limit the fake answers 429 rate_limit_exceeded with X-RateLimit-Reset, no Retry-After', async () => {
    const token = ctx.fake.addToken('t-limit');
    ctx.fake.rateLimit = { limit: 2, windowSeconds: 10 };
    assert.equal((await get(`${ctx.fake.url}/me`, bearer(token))).status, 200);
    assert.equal((await get(`${ctx.fake.url}/me`, bearer(token))).status, 200);
    const third = await get(`${ctx.fake.url}/me`, bearer(token));
    assert.equal(third.status, 429);
    assert.equal(third.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(third.headers.get('x-ratelimit-reset'));
    assert.equal(third.headers.get('retry-after'), null);
    assert.equal((await errorOf(third)).code, 'rate_limit_exceeded');
    ctx.fake.advanceClock(10_000);
    assert.equal((await get(`${ctx.fake.url}/me`, bearer(token))).status, 200, 'the next window starts afresh');
  });
});

suite('fake Intercom: revoke', () => {
  const ctx = useFake();

  test('POST /auth/uninstall revokes: 200, then /me → 401 token_revoked', async () => {
    const token = ctx.fake.addToken('t-revoke');
    const res = await fetch(`${ctx.fake.url}/auth/uninstall`, { method: 'POST', headers: bearer(token) });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {});
    assert.equal(ctx.fake.isRevoked(token), true);
    const me = await get(`${ctx.fake.url}/me`, bearer(token));
    assert.equal(me.status, 401);
    assert.equal((await errorOf(me)).code, 'token_revoked');
  });

  test('uninstall with an unknown token → 401; isRevoked stays false for others', async () => {
    const other = ctx.fake.addToken('t-other');
    const res = await fetch(`${ctx.fake.url}/auth/uninstall`, { method: 'POST', headers: bearer('nope') });
    assert.equal(res.status, 401);
    assert.equal((await errorOf(res)).message, 'Access Token Invalid');
    assert.equal(ctx.fake.isRevoked(other), false);
  });

  test('revoke() from code has the same effect', async () => {
    const token = ctx.fake.addToken('t-revoke-2');
    ctx.fake.revoke(token);
    assert.equal((await get(`${ctx.fake.url}/me`, bearer(token))).status, 401);
  });
});

suite('fake Intercom: read-only endpoints and scopes', () => {
  const ctx = useFake();

  test('with all scopes every listed endpoint answers 200 JSON with a list-like body', async () => {
    const token = ctx.fake.addToken('t-all');
    for (const route of Object.keys(ROUTE_SCOPES)) {
      const path = route.split(' ')[1];
      const res = await get(ctx.fake.url + path, bearer(token));
      assert.equal(res.status, 200, route);
      const body = (await res.json()) as { type: string };
      assert.match(body.type, /list|count/, route);
      assert.ok(res.headers.get('x-ratelimit-limit'), route);
    }
    assert.equal(Object.keys(ROUTE_SCOPES).length, 12);
  });

  test('a token without the scope → 403 forbidden with Intercom\'s wording', async () => {
    const token = ctx.fake.addToken('t-some', undefined, [SCOPES.readAdmins]);
    assert.equal((await get(`${ctx.fake.url}/admins`, bearer(token))).status, 200);
    const res = await get(`${ctx.fake.url}/conversations`, bearer(token));
    assert.equal(res.status, 403);
    assert.deepEqual(await errorOf(res), {
      code: 'forbidden', message: 'You do not have the required scope (read_conversations) to access this resource',
    });
  });

  test('scopes granted through OAuth (nextGrant.scopes) apply to the issued token', async () => {
    ctx.fake.nextGrant = usWorkspace({ scopes: [SCOPES.readConversations] });
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const { token } = (await (await exchange(ctx.fake, code)).json()) as { token: string };
    assert.equal((await get(`${ctx.fake.url}/conversations`, bearer(token))).status, 200);
    const tickets = await get(`${ctx.fake.url}/tickets`, bearer(token));
    assert.equal(tickets.status, 403);
    assert.match((await errorOf(tickets)).message, /\(read_tickets\)/);
  });

  test('/admins lists the token\'s own admin', async () => {
    const token = ctx.fake.addToken('t-eu', europeWorkspace());
    const body = (await (await get(`${ctx.fake.url}/admins`, bearer(token))).json()) as { admins: { email: string }[] };
    assert.equal(body.admins[0].email, 'ines.moreau@brasserie-nord.eu');
  });

  test('GET /contacts pages with per_page and pages.next.starting_after, as Intercom documents', async () => {
    const token = ctx.fake.addToken();
    type Page = { data: { id: string }[]; pages: { page: number; next?: { page: number; starting_after: string } } };
    const first = (await (await get(`${ctx.fake.url}/contacts?per_page=2`, bearer(token))).json()) as Page;
    assert.equal(first.data.length, 2);
    assert.equal(first.pages.next?.page, 2);
    const cursor = encodeURIComponent(first.pages.next?.starting_after ?? '');
    const second = (await (await get(`${ctx.fake.url}/contacts?per_page=2&starting_after=${cursor}`, bearer(token))).json()) as Page;
    assert.deepEqual([second.pages.page, second.data.length, second.pages.next], [2, 1, undefined]);
    assert.notEqual(second.data[0].id, first.data[1].id);
    assert.equal((await get(`${ctx.fake.url}/contacts?starting_after=garbage`, bearer(token))).status, 400);
  });

  test('GET /contacts/{id} reads one contact or answers 404; POST /tags needs write_tags', async () => {
    const token = ctx.fake.addToken();
    const one = (await (await get(`${ctx.fake.url}/contacts/6657a1b96abd0167d9419d1d`, bearer(token))).json()) as { name: string };
    assert.equal(one.name, 'Luna Lovegood');
    assert.equal((await get(`${ctx.fake.url}/contacts/nobody`, bearer(token))).status, 404);
    const post = (t: string) => fetch(`${ctx.fake.url}/tags`, { method: 'POST', headers: { ...bearer(t), 'content-type': 'application/json' }, body: JSON.stringify({ name: 'vip' }) });
    assert.deepEqual(await (await post(token)).json(), { type: 'tag', id: '103', name: 'vip' });
    assert.equal((await post(ctx.fake.addToken(undefined, undefined, [SCOPES.readTags]))).status, 403);
  });

  test('list endpoints need a valid token', async () => {
    assert.equal((await get(`${ctx.fake.url}/contacts`)).status, 401);
  });

  test('unknown routes → 404 error.list not_found', async () => {
    const res = await get(`${ctx.fake.url}/nope`);
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).code, 'not_found');
  });
});

suite('fake Intercom: avatars and static pages', () => {
  const ctx = useFake();

  test('GET /avatars/<id>.png serves a valid PNG (signature, IHDR, CRCs, pixel data)', async () => {
    const res = await get(`${ctx.fake.url}/avatars/2633609.png`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const png = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    let offset = 8;
    const types: string[] = [];
    let idat = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('latin1', offset + 4, offset + 8);
      const data = png.subarray(offset + 8, offset + 8 + length);
      assert.equal(png.readUInt32BE(offset + 8 + length), crc32(png.subarray(offset + 4, offset + 8 + length)), `${type} CRC`);
      if (type === 'IDAT') idat = Buffer.concat([idat, data]);
      types.push(type);
      offset += 12 + length;
    }
    assert.deepEqual(types, ['IHDR', 'IDAT', 'IEND']);
    const width = png.readUInt32BE(16);
    assert.equal(inflateSync(idat).length, width * (1 + width * 3));
  });

  test('crc32 matches the standard check value', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });

  test('serveStatic: an exact path and a prefix ending in "/"', async () => {
    const url = ctx.fake.serveStatic('/bridge/', '<!doctype html><title>bridge</title>');
    ctx.fake.serveStatic('/robots.txt', 'User-agent: *', 'text/plain');
    assert.equal(url, `${ctx.fake.url}/bridge/`);
    const page = await get(`${url}?code=a%2Bb%3D&state=xyz`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await page.text(), '<!doctype html><title>bridge</title>');
    assert.equal((await get(`${ctx.fake.url}/bridge/index.html`)).status, 200);
    assert.equal(await (await get(`${ctx.fake.url}/robots.txt`)).text(), 'User-agent: *');
    assert.equal((await get(`${ctx.fake.url}/robots.txt/x`)).status, 404);
    assert.deepEqual(ctx.fake.requestsTo('GET /bridge/')[0].query, { code: 'a+b=', state: 'xyz' });
  });
});

suite('fake Intercom: server', () => {
  test('binds 127.0.0.1 on a free port by default; close() is idempotent', async () => {
    const a = await FakeIntercom.start();
    const b = await FakeIntercom.start();
    try {
      assert.match(a.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(a.port, b.port);
    } finally {
      await a.close();
      await a.close();
      await b.close();
    }
    await assert.rejects(fetch(`${a.url}/me`));
  });

  test('an explicit port is used', async () => {
    const probe = await FakeIntercom.start();
    const port = probe.port;
    await probe.close();
    const fake = await FakeIntercom.start({ port });
    try {
      assert.equal(fake.url, `http://127.0.0.1:${port}`);
    } finally {
      await fake.close();
    }
  });

  test('a path starting with "//" stays on the fake', async () => {
    const fake = await FakeIntercom.start();
    try {
      const res = await new Promise<number>((resolve, reject) => {
        import('node:http').then(({ request }) => {
          const req = request({ host: '127.0.0.1', port: fake.port, path: '//evil.example/me' }, (r) => { r.resume(); resolve(r.statusCode ?? 0); });
          req.on('error', reject);
          req.end();
        }, reject);
      });
      assert.equal(res, 404);
      assert.equal(fake.lastRequest()?.path, '//evil.example/me');
    } finally {
      await fake.close();
    }
  });
});
