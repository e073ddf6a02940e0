import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from '../../../src/webhooks/signature';

const SECRET = 'app-secret-Zq9+/=';
const OTHER = 'another-app-secret';
/** Compact key order and spacing as a sender might emit them; any re-serialisation changes these bytes. */
const RAW = Buffer.from('{"type":"notification_event", "id":"notif_1","topic":"contact.user.created","data":{"item":{"name":"Zoë"}}}');
const sha1 = (body: Buffer | string, secret = SECRET) => `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;

suite('webhooks: signature check on raw bytes', () => {
  test('signatureHeader is HMAC-SHA1 of the bytes, hex, with the sha1= prefix', () => {
    assert.equal(signatureHeader(RAW, SECRET), sha1(RAW));
    assert.match(signatureHeader(RAW, SECRET), /^sha1=[0-9a-f]{40}$/);
  });

  test('the signature of the exact bytes verifies (upper-case hex too)', () => {
    assert.deepEqual(verifySignature({ body: RAW, header: sha1(RAW), secret: SECRET }), { ok: true });
    assert.deepEqual(verifySignature({ body: RAW, header: sha1(RAW).toUpperCase().replace('SHA1=', 'sha1='), secret: SECRET }), { ok: true });
  });

  const problemOf = (input: Parameters<typeof verifySignature>[0]) => {
    const verdict = verifySignature(input);
    return verdict.ok ? 'ok' : verdict.problem;
  };

  test('no header → missingHeader (checked before the secret)', () => {
    assert.equal(problemOf({ body: RAW, header: undefined, secret: SECRET }), 'missingHeader');
    assert.equal(problemOf({ body: RAW, header: '  ', secret: undefined }), 'missingHeader');
  });

  test('no secret configured → noSecret', () => {
    assert.equal(problemOf({ body: RAW, header: sha1(RAW), secret: undefined }), 'noSecret');
    assert.equal(problemOf({ body: RAW, header: sha1(RAW), secret: '' }), 'noSecret');
  });

  test('a SHA-256 signature, with or without prefix → sha256', () => {
    const hex = createHmac('sha256', SECRET).update(RAW).digest('hex');
    assert.equal(problemOf({ body: RAW, header: `sha256=${hex}`, secret: SECRET }), 'sha256');
    assert.equal(problemOf({ body: RAW, header: hex, secret: SECRET }), 'sha256');
  });

  test('signed over a re-serialised body (compact, pretty 2/4, tabs) → reserialised', () => {
    const parsed = JSON.parse(RAW.toString('utf8'));
    for (const text of [JSON.stringify(parsed), JSON.stringify(parsed, null, 2), JSON.stringify(parsed, null, 4), JSON.stringify(parsed, null, '\t')]) {
      assert.equal(problemOf({ body: RAW, header: sha1(text), secret: SECRET }), 'reserialised', text);
    }
  });

  test('a body over 64 KiB is not re-serialised to explain a mismatch: any sender could make each check cost ~50 ms', () => {
    const large = Buffer.from(JSON.stringify({ id: 'notif_large', items: Array.from({ length: 20_000 }, (_, i) => i) }));
    assert.ok(large.length > 64 * 1024);
    assert.equal(problemOf({ body: large, header: sha1(JSON.stringify(JSON.parse(large.toString()), null, 2)), secret: SECRET }), 'mismatch');
  });

  test('signed with another app\'s secret the extension holds → otherApp', () => {
    assert.equal(problemOf({ body: RAW, header: sha1(RAW, OTHER), secret: SECRET, otherSecrets: ['x', OTHER] }), 'otherApp');
    assert.equal(problemOf({ body: RAW, header: sha1(RAW, OTHER), secret: SECRET }), 'mismatch', 'unknown secrets stay a plain mismatch');
  });

  test('anything else → mismatch: wrong secret, changed body, malformed header, non-JSON body', () => {
    assert.equal(problemOf({ body: RAW, header: sha1(RAW, 'wrong'), secret: SECRET, otherSecrets: [OTHER] }), 'mismatch');
    assert.equal(problemOf({ body: Buffer.concat([RAW, Buffer.from(' ')]), header: sha1(RAW), secret: SECRET }), 'mismatch');
    assert.equal(problemOf({ body: RAW, header: 'sha1=xyz', secret: SECRET }), 'mismatch');
    assert.equal(problemOf({ body: RAW, header: sha1(RAW).slice(5), secret: SECRET }), 'mismatch', 'hex without the sha1= prefix');
    assert.equal(problemOf({ body: Buffer.from('not json'), header: sha1('other'), secret: SECRET }), 'mismatch');
  });
});
