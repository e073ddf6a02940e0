import assert from 'node:assert/strict';
import { CODE_LIFETIME_MS, DENIED_DESCRIPTION, europeWorkspace, FakeIntercom, SCOPES } from '../../fake-intercom';
import { approve, authorizeUrl, bearer, CLIENT, exchange, get, postForm, useFake } from './helpers';

const UNAUTHORIZED_CODE = { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Unauthorized Code' }] };

async function assertUnauthorizedCode(res: Response): Promise<void> {
  assert.equal(res.status, 401);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await res.json()) as { request_id: string };
  assert.equal(typeof body.request_id, 'string');
  assert.ok(body.request_id.length > 0);
  assert.deepEqual({ ...body, request_id: undefined }, { ...UNAUTHORIZED_CODE, request_id: undefined });
}

suite('fake Intercom: GET /oauth', () => {
  const ctx = useFake();

  test('unknown client_id → 400 HTML page saying so', async () => {
    const res = await get(authorizeUrl(ctx.fake, { client_id: 'nope', state: 's' }));
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, /Unknown app/);
    assert.match(html, /nope/);
  });

  test('redirect_uri not registered for the client → 400 page', async () => {
    const res = await get(authorizeUrl(ctx.fake, { client_id: CLIENT.clientId, state: 's', redirect_uri: 'https://evil.example/cb' }));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /not registered/);
  });

  test('consent page: title, app name, workspace, both buttons and a form carrying client_id/state/redirect_uri', async () => {
    ctx.fake.nextGrant = europeWorkspace();
    const res = await get(authorizeUrl(ctx.fake, { client_id: CLIENT.clientId, state: 'a<b"c' }));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Intercom – Authorize Scope Checker<\/title>/);
    assert.match(html, /Brasserie Nord/);
    assert.match(html, />Authorize access<\/button>/);
    assert.match(html, />Cancel<\/button>/);
    assert.match(html, /<form method="post" action="oauth\/decision">/);
    assert.match(html, /name="client_id" value="client-abc"/);
    assert.match(html, /name="state" value="a&#60;b&#34;c"/, 'state is HTML-escaped');
    assert.ok(html.includes(`name="redirect_uri" value="${CLIENT.redirectUrls[0].replace(/&/g, '&#38;')}"`), 'default redirect: the first registered URL');
  });

  test('approve: 302 to the first registered URL with code (+ / and trailing =) and state unchanged, merged into its query', async () => {
    ctx.fake.consent = 'approve';
    const state = 'eyJjYiI6InZzY29kZTovL3guY29tL2NiP25vbmNlPTEmYT0yIn0';
    const res = await get(authorizeUrl(ctx.fake, { client_id: CLIENT.clientId, state }));
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location') ?? '');
    assert.equal(location.origin + location.pathname, 'https://bridge.example.com/intercom/callback');
    assert.equal(location.searchParams.get('from'), 'fake', 'the redirect URL keeps its own query');
    assert.equal(location.searchParams.get('state'), state);
    const code = location.searchParams.get('code') ?? '';
    assert.match(code, /^[A-Za-z0-9+/]+=$/);
    assert.ok(code.includes('+') && code.includes('/'), code);
  });

  test('approve honours a registered redirect_uri other than the first', async () => {
    ctx.fake.consent = 'approve';
    const res = await get(authorizeUrl(ctx.fake, { client_id: CLIENT.clientId, state: 's', redirect_uri: CLIENT.redirectUrls[1] }));
    assert.ok(res.headers.get('location')?.startsWith('http://127.0.0.1:9/second?code='));
  });

  test('deny: 302 with error=access_denied, error_description and state, no code', async () => {
    ctx.fake.consent = 'deny';
    const res = await get(authorizeUrl(ctx.fake, { client_id: CLIENT.clientId, state: 'xyz' }));
    assert.equal(res.status, 302);
    const q = new URL(res.headers.get('location') ?? '').searchParams;
    assert.equal(q.get('error'), 'access_denied');
    assert.equal(q.get('error_description'), DENIED_DESCRIPTION);
    assert.equal(q.get('state'), 'xyz');
    assert.equal(q.get('code'), null);
  });

  test('the consent form: "Authorize access" and "Cancel" posts redirect like approve/deny', async () => {
    const form = { client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUrls[0], state: 'form-state' };
    const yes = await postForm(`${ctx.fake.url}/oauth/decision`, { ...form, decision: 'approve' });
    assert.equal(yes.status, 302);
    const yq = new URL(yes.headers.get('location') ?? '').searchParams;
    assert.match(yq.get('code') ?? '', /=$/);
    assert.equal(yq.get('state'), 'form-state');
    const no = await postForm(`${ctx.fake.url}/oauth/decision`, { ...form, decision: 'deny' });
    assert.equal(new URL(no.headers.get('location') ?? '').searchParams.get('error'), 'access_denied');
  });

  test('the decision endpoint re-checks the redirect URL', async () => {
    const res = await postForm(`${ctx.fake.url}/oauth/decision`, {
      client_id: CLIENT.clientId, redirect_uri: 'https://evil.example/', state: 's', decision: 'approve',
    });
    assert.equal(res.status, 400);
  });

  test('every issued code is distinct', async () => {
    const a = (await approve(ctx.fake)).get('code');
    const b = (await approve(ctx.fake)).get('code');
    assert.notEqual(a, b);
  });
});

suite('fake Intercom: POST /auth/eagle/token', () => {
  const ctx = useFake();

  test('a fresh code → 200 {token_type, token, access_token} with an Intercom-like token bound to nextGrant', async () => {
    ctx.fake.nextGrant = europeWorkspace({ scopes: [SCOPES.readAdmins] });
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const res = await exchange(ctx.fake, code);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { token_type: string; token: string; access_token: string };
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'token', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.access_token, body.token);
    assert.match(body.token, /^dG9rOj[A-Za-z0-9+/]+=*$/);
    assert.match(Buffer.from(body.token, 'base64').toString(), /^tok:[0-9a-f_]{36}:1:0$/);
    const info = ctx.fake.tokenInfo(body.token);
    assert.equal(info?.kind, 'oauth');
    assert.equal(info?.clientId, CLIENT.clientId);
    assert.deepEqual(info?.profile.scopes, [SCOPES.readAdmins]);
    const me = (await (await get(`${ctx.fake.url}/me`, bearer(body.token))).json()) as { app: { region: string } };
    assert.equal(me.app.region, 'Europe');
  });

  test('the profile is fixed when the code is issued: changing nextGrant afterwards does not change the token', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    ctx.fake.nextGrant = europeWorkspace();
    const { token } = (await (await exchange(ctx.fake, code)).json()) as { token: string };
    assert.equal(ctx.fake.tokenInfo(token)?.profile.me.app?.region, 'US');
  });

  test('JSON bodies are accepted too', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const res = await fetch(`${ctx.fake.url}/auth/eagle/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
    });
    assert.equal(res.status, 200);
  });

  test('a code is single use', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    assert.equal((await exchange(ctx.fake, code)).status, 200);
    await assertUnauthorizedCode(await exchange(ctx.fake, code));
  });

  test('expireCodes() makes outstanding codes fail', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    ctx.fake.expireCodes();
    await assertUnauthorizedCode(await exchange(ctx.fake, code));
  });

  test('codes are valid 5 minutes on the fake clock', async () => {
    const fresh = (await approve(ctx.fake)).get('code') ?? '';
    const stale = (await approve(ctx.fake)).get('code') ?? '';
    ctx.fake.advanceClock(CODE_LIFETIME_MS - 1000);
    assert.equal((await exchange(ctx.fake, fresh)).status, 200, 'just under 5 minutes');
    ctx.fake.advanceClock(2000);
    await assertUnauthorizedCode(await exchange(ctx.fake, stale));
  });

  test('an injected clock drives expiry', async () => {
    let now = 1_700_000_000_000;
    const fake = await FakeIntercom.start({ now: () => now, clients: [CLIENT] });
    try {
      const code = fake.createCode(CLIENT.clientId);
      now += CODE_LIFETIME_MS + 1;
      await assertUnauthorizedCode(await exchange(fake, code));
    } finally {
      await fake.close();
    }
  });

  test('a code with its trailing "=" dropped → 401 Unauthorized Code (and the real code still works)', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    await assertUnauthorizedCode(await exchange(ctx.fake, code.replace(/=$/, '')));
    assert.equal((await exchange(ctx.fake, code)).status, 200);
  });

  test('a code whose "+" became a space (unencoded form body) → 401', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    const raw = `code=${code}&client_id=${CLIENT.clientId}&client_secret=${CLIENT.clientSecret}`; // '+' not escaped
    const res = await fetch(`${ctx.fake.url}/auth/eagle/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: raw,
    });
    await assertUnauthorizedCode(res);
    assert.equal((ctx.fake.lastRequest('POST /auth/eagle/token')?.body as { code: string }).code, code.replace(/\+/g, ' '));
  });

  test('a percent-encoded "/" left encoded → 401', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    await assertUnauthorizedCode(await exchange(ctx.fake, code.replace(/\//g, '%2F')));
  });

  test('wrong client_secret, wrong or unknown client_id, unknown code, missing fields → 401', async () => {
    const code = (await approve(ctx.fake)).get('code') ?? '';
    await assertUnauthorizedCode(await exchange(ctx.fake, code, { client_secret: 'wrong' }));
    await assertUnauthorizedCode(await exchange(ctx.fake, code, { client_id: 'other' }));
    await assertUnauthorizedCode(await exchange(ctx.fake, 'AAAA+BBBB/CCCC='));
    await assertUnauthorizedCode(await postForm(`${ctx.fake.url}/auth/eagle/token`, { code }));
    assert.equal((await exchange(ctx.fake, code)).status, 200, 'failed attempts did not consume the code');
  });

  test('a code issued to one client cannot be redeemed by another', async () => {
    ctx.fake.addClient({ clientId: 'client-2', clientSecret: 's2', redirectUrls: ['https://two.example/cb'] });
    const code = (await approve(ctx.fake)).get('code') ?? '';
    await assertUnauthorizedCode(await exchange(ctx.fake, code, { client_id: 'client-2', client_secret: 's2' }));
  });

  test('createCode() issues a code without a browser', async () => {
    const code = ctx.fake.createCode(CLIENT.clientId, { profile: europeWorkspace() });
    assert.match(code, /\+.*=$|\/.*=$/);
    const { token } = (await (await exchange(ctx.fake, code)).json()) as { token: string };
    assert.equal(ctx.fake.tokenInfo(token)?.profile.me.app?.name, 'Brasserie Nord');
  });
});
