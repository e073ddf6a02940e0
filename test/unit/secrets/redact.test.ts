import assert from 'node:assert/strict';
import type { Log } from '../../../src/log';
import { redactedLog } from '../../../src/log';
import { REDACTED, Redactor } from '../../../src/secrets/redact';
import { newAccessToken, newAuthorizationCode } from '../../fake-intercom/secrets';

suite('redaction', () => {
  test('removes remembered secrets as sent and as echoed (percent- and form-encoded)', () => {
    const code = newAuthorizationCode();
    const secret = 'my client secret+/=';
    const token = 'tok-short-0123';
    const r = new Redactor();
    r.remember(code, secret, token, undefined);
    const text = `Unauthorized Code ${code} (${encodeURIComponent(code)}) ${new URLSearchParams({ secret })} for ${token}.`;
    assert.equal(r.redact(text), `Unauthorized Code ${REDACTED} (${REDACTED}) secret=${REDACTED} for ${REDACTED}.`);
  });

  test('a secret containing another is removed whole', () => {
    const r = new Redactor();
    r.remember('abcdefgh', 'abcdefgh-and-more');
    assert.equal(r.redact('x abcdefgh-and-more y'), `x ${REDACTED} y`);
  });

  test('strings too short to be credentials are not remembered', () => {
    const r = new Redactor();
    r.remember('admin', '');
    assert.equal(r.redact('admin of the workspace'), 'admin of the workspace');
  });

  test('removes Authorization values and Intercom-shaped tokens it was never told about', () => {
    const r = new Redactor();
    const token = newAccessToken();
    assert.match(token, /^dG9rOj/);
    assert.equal(r.redact(`Authorization: Bearer ${token}`), `Authorization: Bearer ${REDACTED}`);
    assert.equal(r.redact('basic dXNlcjpwYXNz, next'), `basic ${REDACTED}, next`);
    assert.equal(r.redact(`token "${token}" rejected`), `token "${REDACTED}" rejected`);
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ12345';
    assert.equal(r.redact(`key=${key}`), `key=${REDACTED}`);
  });

  test('leaves what the log and the screen need', () => {
    const r = new Redactor();
    r.remember('s3cret-Value');
    const ordinary = [
      'GET /me → 200 (12 ms)',
      'POST /auth/eagle/token failed (unauthorized 401): Unauthorized Code',
      'request 6f1c2e9a-0b4d-4c8e-9f3a-2d5b7e8c1a04 on api.eu.intercom.io',
      'Wrote the redirect bridge page to /tmp/bridge-AbC123/intercom-redirect-bridge.html',
      'packages/backend/src/services/IntercomConversationsService.php#L10',
      'Admin: Ada Lovelace (ada@example.com), America/Los_Angeles, workspace abc12def',
      'You do not have the required scope (read_conversations) to access this resource',
      'sha 3f786850e387550fdab836ed7e6dc881de23001b',
    ];
    for (const line of ordinary) assert.equal(r.redact(line), line);
  });

  test('is idempotent', () => {
    const r = new Redactor();
    r.remember('s3cret-Value');
    const once = r.redact(`Bearer x s3cret-Value ${newAccessToken()}`);
    assert.equal(r.redact(once), once);
  });

  test('redactedLog redacts every level, and an Error with its stack; it asks for its sink only when a line comes', () => {
    const lines: string[] = [];
    const sink: Log = { trace: (m) => lines.push(m), debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(String(m)) };
    const r = new Redactor();
    r.remember('s3cret-Value');
    let asked = 0;
    const log = redactedLog(() => { asked++; return sink; }, (t) => r.redact(t));
    assert.equal(asked, 0, 'no sink before the first line');
    for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) log[level](`${level} s3cret-Value`);
    log.error(new Error('failed with s3cret-Value'));
    assert.equal(lines.length, 6);
    assert.equal(asked, 6);
    for (const line of lines) assert.ok(!line.includes('s3cret-Value') && line.includes(REDACTED), line);
    assert.match(lines[5], /at /, 'the stack is kept');
  });
});
