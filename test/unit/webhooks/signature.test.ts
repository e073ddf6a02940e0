import assert from 'node:assert/strict';
import { signatureHeader, verifySignature } from '../../../src/webhooks/signature';

const SECRET = 'app-secret-Zq9+/=';
const OTHER = 'another-app-secret';
/** Compact key order and spacing as a sender might emit them; any re-serialisation changes these bytes. */
const RAW = Buffer.from('{"type":"notification_event", "id":"notif_1","topic":"contact.user.created","data":{"item":{"name":"Zoë"}}}');
/**
 * Fixed vectors, computed once outside the code under test, e.g. for RAW with SECRET:
 * `printf '%s' "$RAW" | openssl dgst -sha1 -hmac 'app-secret-Zq9+/='` (and -sha256); the re-serialised bodies are
 * JSON.stringify(JSON.parse(RAW), null, indent) written to a file first.
 */
const SIGNED = {
  raw: 'sha1=c2d28288fb1fad997e9bc6314806daecf379eb93',
  rawWithOther: 'sha1=891a05f34dc1ab9dc68c69fb56180afb857df2a4',
  rawWithWrong: 'sha1=f045ce3ed562cc80242b5d236320d4bbe5b4fc48',
  rawSha256: '6f893eb759240e127042efcea9ea5a58c16b7d7ac1aa31de4e7847124854a630',
  reserialised: {
    compact: 'sha1=e69931dea67fb4f93a4979fa2de131755ccabb2a',
    pretty2: 'sha1=73c64f658a8ed7f5365b6c1c0e19b50c9e51130e',
    pretty4: 'sha1=f266609b5510d30a8d51240383fde3eb7a665b33',
    tabs: 'sha1=4c51e6a4ff2fae24e5c5567afae750259019123f',
  },
  /** The large body below, pretty-printed with 2 spaces. */
  largePretty: 'sha1=cddf660fcb238152a8d791098f75c27a1051bd9f',
  /** The 5 bytes "other". */
  other: 'sha1=dfcc7dfd3478b93d45d4d8b71b779dd8fbfdc451',
};

suite('webhooks: signature check on raw bytes', () => {
  test('signatureHeader is HMAC-SHA1 of the bytes, hex, with the sha1= prefix', () => {
    assert.equal(signatureHeader(RAW, SECRET), SIGNED.raw);
    assert.match(signatureHeader(RAW, SECRET), /^sha1=[0-9a-f]{40}$/);
  });

  test('the signature of the exact bytes verifies (upper-case hex too)', () => {
    assert.deepEqual(verifySignature({ body: RAW, header: SIGNED.raw, secret: SECRET }), { ok: true });
    assert.deepEqual(verifySignature({ body: RAW, header: SIGNED.raw.toUpperCase().replace('SHA1=', 'sha1='), secret: SECRET }), { ok: true });
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
    assert.equal(problemOf({ body: RAW, header: SIGNED.raw, secret: undefined }), 'noSecret');
    assert.equal(problemOf({ body: RAW, header: SIGNED.raw, secret: '' }), 'noSecret');
  });

  test('a SHA-256 signature, with or without prefix → sha256', () => {
    const hex = SIGNED.rawSha256;
    assert.equal(problemOf({ body: RAW, header: `sha256=${hex}`, secret: SECRET }), 'sha256');
    assert.equal(problemOf({ body: RAW, header: hex, secret: SECRET }), 'sha256');
  });

  test('signed over a re-serialised body (compact, pretty 2/4, tabs) → reserialised', () => {
    for (const [layout, header] of Object.entries(SIGNED.reserialised)) {
      assert.equal(problemOf({ body: RAW, header, secret: SECRET }), 'reserialised', layout);
    }
  });

  test('a body over 64 KiB is not re-serialised to explain a mismatch: any sender could make each check cost ~50 ms', () => {
    const large = Buffer.from(JSON.stringify({ id: 'notif_large', items: Array.from({ length: 20_000 }, (_, i) => i) }));
    assert.ok(large.length > 64 * 1024);
    assert.equal(problemOf({ body: large, header: SIGNED.largePretty, secret: SECRET }), 'mismatch');
  });

  test('signed with another app\'s secret the extension holds → otherApp', () => {
    assert.equal(problemOf({ body: RAW, header: SIGNED.rawWithOther, secret: SECRET, otherSecrets: ['x', OTHER] }), 'otherApp');
    assert.equal(problemOf({ body: RAW, header: SIGNED.rawWithOther, secret: SECRET }), 'mismatch', 'unknown secrets stay a plain mismatch');
  });

  test('anything else → mismatch: wrong secret, changed body, malformed header, non-JSON body', () => {
    assert.equal(problemOf({ body: RAW, header: SIGNED.rawWithWrong, secret: SECRET, otherSecrets: [OTHER] }), 'mismatch');
    assert.equal(problemOf({ body: Buffer.concat([RAW, Buffer.from(' ')]), header: SIGNED.raw, secret: SECRET }), 'mismatch');
    assert.equal(problemOf({ body: RAW, header: 'sha1=xyz', secret: SECRET }), 'mismatch');
    assert.equal(problemOf({ body: RAW, header: SIGNED.raw.slice(5), secret: SECRET }), 'mismatch', 'hex without the sha1= prefix');
    assert.equal(problemOf({ body: Buffer.from('not json'), header: SIGNED.other, secret: SECRET }), 'mismatch');
  });
});
