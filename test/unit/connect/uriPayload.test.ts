import assert from 'node:assert/strict';
import { decodePayload, decodeState, encodePayload, encodeState, fromBase64Url, toBase64Url } from '../../../src/connect/uriPayload';

suite('Wire encoding (base64url both ways)', () => {
  test('matches Node\'s base64url for any UTF-8 text', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'code+/=', 'émoji 🎉', 'http://x/?a=1&b=%2F']) {
      assert.equal(toBase64Url(text), Buffer.from(text, 'utf8').toString('base64url'));
      assert.equal(fromBase64Url(toBase64Url(text)), text);
    }
  });

  test('payload round-trip keeps + / = byte-exact', () => {
    const code = 'xY+z/w==';
    const encoded = encodePayload({ code });
    assert.match(encoded, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodePayload(encoded), { code });
  });

  test('state round-trip', () => {
    const cb = 'vscode://seedworks.intercom-devtools/callback?nonce=abc';
    assert.equal(decodeState(encodeState(cb)), cb);
  });

  test('rejects non-base64url, invalid UTF-8 and wrong shapes', () => {
    assert.equal(fromBase64Url('a+b/'), undefined);
    assert.equal(fromBase64Url('a'), undefined, 'impossible length');
    assert.equal(fromBase64Url(Buffer.from([0xff, 0xfe]).toString('base64url')), undefined);
    assert.equal(decodePayload(toBase64Url('not json')), undefined);
    assert.equal(decodePayload(toBase64Url('[1]')), undefined);
    assert.equal(decodePayload(toBase64Url('{"code":5}')), undefined);
    assert.equal(decodePayload(toBase64Url('{"other":"x"}')), undefined);
  });
});
