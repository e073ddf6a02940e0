import assert from 'node:assert/strict';
import { parseCallbackQuery, parseCallbackUrl } from '../../../src/connect/callback';
import { encodePayload, encodeState } from '../../../src/connect/uriPayload';

const CODE = 'aB3+dE/fG9hI+jK/=';
const payload = encodePayload({ code: CODE });

suite('Callback parsing', () => {
  test('desktop handler query: nonce and payload', () => {
    assert.deepEqual(parseCallbackQuery(`nonce=N1&intercom=${payload}`), { nonce: 'N1', payload: { code: CODE } });
  });

  test("code-server's merged query: the original params plus ours", () => {
    // code-server's /callback page delivers the original query with the bridge's extra param merged in.
    assert.deepEqual(parseCallbackQuery(`nonce=N2&windowId=3&intercom=${payload}`), { nonce: 'N2', payload: { code: CODE } });
  });

  test('desktop-style percent-decoded query: base64url survives where a raw code does not', () => {
    // Desktop VS Code hands the handler a decoded query; a raw code's "+" then reads as a space.
    const decoded = decodeURIComponent(`nonce=N3&intercom=${payload}&code=${encodeURIComponent(CODE)}`);
    const parsed = parseCallbackQuery(decoded);
    assert.deepEqual(parsed.payload, { code: CODE });
    assert.notEqual(new URLSearchParams(decoded).get('code'), CODE, 'the raw code is mangled by the same decoding');
  });

  test('error payloads (consent denied)', () => {
    const denied = encodePayload({ error: 'access_denied', error_description: 'The user denied' });
    assert.deepEqual(parseCallbackQuery(`nonce=N&intercom=${denied}`).payload, { error: 'access_denied', error_description: 'The user denied' });
  });

  test('missing or corrupt payload is reported, nonce kept', () => {
    assert.deepEqual(parseCallbackQuery('nonce=N'), { nonce: 'N', problem: 'noPayload' });
    assert.deepEqual(parseCallbackQuery('nonce=N&intercom=***'), { nonce: 'N', problem: 'badPayload' });
    assert.deepEqual(parseCallbackQuery(`nonce=N&intercom=${encodePayload({ code: '' })}`), { nonce: 'N', problem: 'badPayload' });
    assert.deepEqual(parseCallbackQuery(''), { problem: 'noPayload' });
  });

  test('pasted editor URL', () => {
    assert.deepEqual(parseCallbackUrl(`vscode://seedworks.intercom-devtools/callback?nonce=N4&intercom=${payload}`), { nonce: 'N4', payload: { code: CODE } });
  });

  test('pasted web callback page URL: nonce inside vscode-query, payload beside it', () => {
    const url = new URL('http://127.0.0.1:8080/stable-abc/callback');
    url.searchParams.set('vscode-reqid', '1');
    url.searchParams.set('vscode-scheme', 'code-oss');
    url.searchParams.set('vscode-authority', 'seedworks.intercom-devtools');
    url.searchParams.set('vscode-path', '/callback');
    url.searchParams.set('vscode-query', 'nonce=N5');
    url.searchParams.set('intercom', payload);
    assert.deepEqual(parseCallbackUrl(`  ${url}  `), { nonce: 'N5', payload: { code: CODE } });
  });

  test("pasted bridge page URL: Intercom's own code and state", () => {
    const state = encodeState('vscode://seedworks.intercom-devtools/callback?nonce=N6');
    const url = new URL('https://bridge.example.com/intercom.html');
    url.searchParams.set('code', CODE);
    url.searchParams.set('state', state);
    assert.deepEqual(parseCallbackUrl(url.toString()), { nonce: 'N6', payload: { code: CODE } });
  });

  test('text that is not a URL', () => {
    assert.equal(parseCallbackUrl('hello'), undefined);
    assert.equal(parseCallbackUrl(''), undefined);
  });
});
