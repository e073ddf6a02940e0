import assert from 'node:assert/strict';
import type { Me } from '../../../src/api/me';
import { accountOf, maskToken, parseStoredSessions, readBefore, upsertSession, type IntercomSession } from '../../../src/session/model';

const me = (adminId: string, idCode: string | null, name: string | null = 'Ada'): Me => ({
  id: adminId, name, email: 'ada@example.com', email_verified: true, job_title: null, has_inbox_seat: true, away_mode_enabled: false, avatar_url: null,
  app: idCode ? { id_code: idCode, name: `WS ${idCode}`, created_at: 1, secure: true, identity_verification: false, timezone: 'UTC', region: 'US' } : null,
});

const session = (id: string, m: Me): IntercomSession => ({
  id, accessToken: `tok-${id}`, kind: 'oauth', account: accountOf(m), region: 'us', apiBase: 'https://api.intercom.io', createdAt: '', me: m, meFetchedAt: '',
});

suite('Session model', () => {
  test('account id is `${app.id_code}:${admin.id}` with a readable label', () => {
    assert.deepEqual(accountOf(me('1', 'abc')), { id: 'abc:1', label: 'Ada (WS abc)' });
    assert.deepEqual(accountOf(me('1', null, null)), { id: 'unknown:1', label: 'ada@example.com' });
  });

  test('connecting the same admin and workspace again replaces that session; others coexist', () => {
    const a = session('s1', me('1', 'abc'));
    const b = session('s2', me('1', 'xyz'));
    const again = session('s3', me('1', 'abc'));
    const list = upsertSession(upsertSession(upsertSession([], a), b), again);
    assert.deepEqual(list.map((s) => s.id), ['s3', 's2']);
  });

  test('readBefore: whether /me was read before a time (what the view reads on its first show)', () => {
    const at = (iso: string) => ({ ...session('s', me('1', 'abc')), meFetchedAt: iso });
    const activated = Date.parse('2026-11-29T05:00:00.000Z');
    assert.equal(readBefore(at('2026-11-29T04:59:59.999Z'), activated), true, 'read in an earlier window');
    assert.equal(readBefore(at('2026-11-29T05:00:00.000Z'), activated), false, 'read as this window started');
    assert.equal(readBefore(at('2026-11-29T05:00:01.000Z'), activated), false, 'a Connect in this window');
    assert.equal(readBefore(at(''), activated), true, 'an unreadable date is read again');
  });

  test('masked token shows the last 4 characters only', () => {
    assert.equal(maskToken('dG9rOjBiM2Y1ZDc='), '••••ZDc=');
  });

  test('stored JSON: round-trip, empty, corrupt', () => {
    const a = session('s1', me('1', 'abc'));
    assert.deepEqual(parseStoredSessions(JSON.stringify([a])), [a]);
    assert.deepEqual(parseStoredSessions(undefined), []);
    assert.equal(parseStoredSessions('{not json'), undefined);
    assert.equal(parseStoredSessions('{"a":1}'), undefined);
    assert.deepEqual(parseStoredSessions(JSON.stringify([a, { id: 'broken' }])), [a], 'malformed entries are dropped');
  });
});
