import assert from 'node:assert/strict';
import { parseErrorEnvelope, rateLimitRetryAt, requiredScopeOf } from '../../../src/api/errors';
import { apiBaseForRegion, developerHubUrl, regionFromMe, startHosts, workspaceUrl } from '../../../src/api/hosts';
import { parseMe } from '../../../src/api/me';

suite('Hosts and regions', () => {
  test('auto starts on US hosts; a region picks its hosts', () => {
    assert.deepEqual(startHosts('auto'), { appBase: 'https://app.intercom.com', apiBase: 'https://api.intercom.io' });
    assert.equal(startHosts('eu').apiBase, 'https://api.eu.intercom.io');
    assert.equal(startHosts('au').appBase, 'https://app.au.intercom.com');
  });

  test('overrides win and lose their trailing slash', () => {
    assert.deepEqual(startHosts('eu', { appBaseUrl: 'http://127.0.0.1:9/', apiBaseUrl: 'http://127.0.0.1:9' }), { appBase: 'http://127.0.0.1:9', apiBase: 'http://127.0.0.1:9' });
    assert.equal(apiBaseForRegion('eu', 'https://api.intercom.io', { apiBaseUrl: 'http://127.0.0.1:9/' }), 'http://127.0.0.1:9');
  });

  test('/me region names: "US", "Europe" (not "EU"), "AU", tolerant of variants', () => {
    assert.equal(regionFromMe('US'), 'us');
    assert.equal(regionFromMe('Europe'), 'eu');
    assert.equal(regionFromMe('EU'), 'eu');
    assert.equal(regionFromMe(' AU '), 'au');
    assert.equal(regionFromMe('Mars'), undefined);
    assert.equal(regionFromMe(null), undefined);
  });

  test('the region decides the API host kept for the workspace', () => {
    assert.equal(apiBaseForRegion('eu', 'https://api.intercom.io'), 'https://api.eu.intercom.io');
    assert.equal(apiBaseForRegion(undefined, 'https://api.intercom.io'), 'https://api.intercom.io');
  });

  test('workspace link on the region host', () => {
    assert.equal(workspaceUrl('drzzt019', 'eu'), 'https://app.eu.intercom.com/a/apps/drzzt019');
    assert.equal(workspaceUrl('a/b', undefined), 'https://app.intercom.com/a/apps/a%2Fb');
  });

  test('workspace and Developer Hub links follow intercom.advanced.appBaseUrl', () => {
    const overrides = { appBaseUrl: 'http://127.0.0.1:8080/' };
    assert.equal(workspaceUrl('drzzt019', 'eu', overrides), 'http://127.0.0.1:8080/a/apps/drzzt019');
    assert.equal(developerHubUrl('drzzt019', 'eu', overrides), 'http://127.0.0.1:8080/a/apps/drzzt019/developer-hub');
    assert.equal(developerHubUrl('drzzt019', 'au'), 'https://app.au.intercom.com/a/apps/drzzt019/developer-hub');
    assert.equal(developerHubUrl(undefined, undefined), 'https://app.intercom.com/a/apps/_/developer-hub', 'no workspace: Intercom picks');
  });
});

suite('Error envelope and rate limits', () => {
  test('reads error.list', () => {
    assert.deepEqual(parseErrorEnvelope({ type: 'error.list', request_id: 'r1', errors: [{ code: 'unauthorized', message: 'Unauthorized Code' }] }),
      { code: 'unauthorized', message: 'Unauthorized Code', requestId: 'r1' });
    assert.equal(parseErrorEnvelope({ error: 'invalid_grant' }), undefined, 'RFC 6749 shape is not Intercom\'s');
    assert.equal(parseErrorEnvelope('<html>'), undefined);
  });

  test('Retry-After seconds, Retry-After date, then X-RateLimit-Reset', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    assert.equal(rateLimitRetryAt({ 'retry-after': '3' }, now)!.getTime(), now + 3000);
    assert.equal(rateLimitRetryAt({ 'retry-after': 'Sat, 28 Nov 2026 12:00:10 GMT' }, now)!.getTime(), now + 10_000);
    assert.equal(rateLimitRetryAt({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)!.getTime(), now + 7000);
    assert.equal(rateLimitRetryAt({ 'x-ratelimit-reset': String(now / 1000 - 7) }, now)!.getTime(), now, 'never in the past');
    assert.equal(rateLimitRetryAt({}, now), undefined);
  });

  test('required scope from a 403 message', () => {
    assert.equal(requiredScopeOf('You do not have the required scope (read_conversations) to access this resource'), 'read_conversations');
    assert.equal(requiredScopeOf('Access Token Invalid'), undefined);
  });
});

suite('GET /me parsing', () => {
  const documented = {
    type: 'admin', id: '2633609', email: 'hermione.granger@awesomecorp.io', name: 'Hermione Granger', email_verified: true,
    app: { type: 'app', id_code: 'drzzt019', name: 'Hogwarts workspace', created_at: 1661876617, secure: true, identity_verification: true, timezone: 'Europe/Edinburgh', region: 'US' },
    avatar: { type: 'avatar', image_url: 'https://static.intercomassets.com/avatars/1/square_128/x.jpg' },
    has_inbox_seat: true,
  };

  test('the documented example', () => {
    const me = parseMe(documented);
    assert.equal(me.id, '2633609');
    assert.equal(me.email_verified, true);
    assert.equal(me.app?.id_code, 'drzzt019');
    assert.equal(me.app?.region, 'US');
    assert.equal(me.avatar_url, documented.avatar.image_url);
    assert.equal(me.job_title, null, 'omitted fields read as null');
  });

  test('nulls and omissions never become "undefined" strings', () => {
    const me = parseMe({ type: 'admin', id: 7, email: null, email_verified: null, app: null, avatar: { image_url: null } });
    assert.equal(me.id, '7');
    assert.equal(me.email, null);
    assert.equal(me.email_verified, null);
    assert.equal(me.app, null);
    assert.equal(me.avatar_url, null);
  });

  test('anything that is not an admin is an invalid response', () => {
    for (const body of [null, [], { type: 'error.list' }, { type: 'admin' }, 'text']) {
      assert.throws(() => parseMe(body), (e: Error & { kind?: string }) => e.kind === 'invalidResponse');
    }
  });
});
