// Fixed vectors: each digest below was computed once with `printf '%s' BODY | openssl dgst -sha256 -hmac SECRET`
// (OpenSSL 3), not with the code under test.
import assert from 'node:assert/strict';
import { bodySignature } from '../../../src/canvasKit/signing';

const BODY = '{"workspace_id":"drzzt019","context":{"location":"home","locale":"en"},"note":"Café 😀 \\"quoted\\""}';

suite('canvas kit: X-Body-Signature', () => {
  test('HMAC-SHA256 of the UTF-8 bytes, lowercase hex (openssl vector)', () => {
    assert.equal(bodySignature(BODY, 'sandbox-secret'), '3770cebaef738386eaadba112cd119222d56f937c2e4828429c9ae441ccdd515');
    assert.equal(bodySignature(Buffer.from(BODY, 'utf8'), 'sandbox-secret'), '3770cebaef738386eaadba112cd119222d56f937c2e4828429c9ae441ccdd515');
  });

  test('the exact bytes, not a re-encoding of them (openssl vector over bytes that are not UTF-8)', () => {
    assert.equal(bodySignature(Buffer.from([0xff, 0xfe, 0x7b, 0x7d, 0x0a]), 'sandbox-secret'), '0b63825f72f0d997f47d5d674a3a371a352c9fbf2f69edccbd27d6729f99fdc7');
  });

  test('an empty body, and a secret that is not ASCII (openssl vectors)', () => {
    assert.equal(bodySignature('', 'sandbox-secret'), 'f23d5df600ef3b9f0940a886c6076d6e316695c49833a631142f3a25f2b78148');
    assert.equal(bodySignature('{"a":1}', 'clé-secrète'), '0087d70d466dd42faa4d36f7a0b03db46e2cf70cac552ed52b0f29ddbb533b1c');
  });
});
