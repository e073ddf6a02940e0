import assert from 'node:assert/strict';
import { decideForward, parseBridgeConfig } from '../../../src/bridge/forward';
import { REFUSAL, type Refusal } from '../../../src/bridge/refusals';
import type { BridgeConfig } from '../../../src/bridge/target';
import { PAYLOAD_PARAM, decodePayload, decodeState, encodeState } from '../../../src/connect/uriPayload';
import { assertEchoesNothing } from './noEcho';

const ID = 'seedworks.intercom-devtools';
const config: BridgeConfig = { extensionId: ID, extraHosts: [] };
/** Base64-like, as Intercom's are: `+`, `/` and a trailing `=`. */
const CODE = 'q1+Zx/7Rw9k+Lm/P0a==';
const CODE_SERVER_CALLBACK = 'http://127.0.0.1:41234/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss'
  + `&vscode-authority=${ID}&vscode-path=%2Fcallback&vscode-query=nonce%3DN0nce_-x`;
const DESKTOP_CALLBACK = `vscode://${ID}/callback?nonce=N0nce_-x`;
/** A codespace's public port forward: anyone can serve a /callback page there. */
const PORT_FORWARD_CALLBACK = CODE_SERVER_CALLBACK.replace('http://127.0.0.1:41234/stable-abc', 'https://x-3000.app.github.dev');

/** The bridge page's own query, as Intercom redirects to it. */
function bridgeSearch(callback: string, answer: Record<string, string>): string {
  return `?${new URLSearchParams({ ...answer, state: encodeState(callback) })}`;
}

function payloadOf(url: string) {
  return decodePayload(new URL(url).searchParams.get(PAYLOAD_PARAM) ?? '');
}

suite('bridge forward: the wire round trip', () => {
  test('code-server: the payload decodes to the exact code and the vscode-* params are intact', () => {
    const decision = decideForward(bridgeSearch(CODE_SERVER_CALLBACK, { code: CODE }), config);
    assert.ok(decision.forward, decision.forward ? '' : decision.reason);
    assert.equal(decision.editor, false);
    assert.deepEqual(payloadOf(decision.url), { code: CODE });
    const forwarded = new URL(decision.url);
    const original = new URL(CODE_SERVER_CALLBACK);
    assert.equal(forwarded.origin + forwarded.pathname, original.origin + original.pathname);
    for (const [name, value] of original.searchParams) assert.equal(forwarded.searchParams.get(name), value, name);
    assert.deepEqual([...forwarded.searchParams.keys()], [...original.searchParams.keys(), PAYLOAD_PARAM]);
  });

  test('desktop: survives the editor percent-decoding the query before the handler reads it', () => {
    const decision = decideForward(bridgeSearch(DESKTOP_CALLBACK, { code: CODE }), config);
    assert.ok(decision.forward);
    assert.equal(decision.editor, true);
    const query = new URL(decision.url).search;
    const seenByHandler = new URLSearchParams(decodeURIComponent(query));
    assert.equal(seenByHandler.get('nonce'), 'N0nce_-x');
    assert.deepEqual(decodePayload(seenByHandler.get(PAYLOAD_PARAM) ?? ''), { code: CODE });
    assert.match(seenByHandler.get(PAYLOAD_PARAM) ?? '', /^[A-Za-z0-9_-]+$/);
  });

  test('access_denied is forwarded as an error payload', () => {
    const decision = decideForward(
      bridgeSearch(CODE_SERVER_CALLBACK, { error: 'access_denied', error_description: 'The user denied access' }),
      config,
    );
    assert.ok(decision.forward);
    assert.deepEqual(payloadOf(decision.url), { error: 'access_denied', error_description: 'The user denied access' });
  });

  test('an error without a description', () => {
    const decision = decideForward(bridgeSearch(DESKTOP_CALLBACK, { error: 'access_denied' }), config);
    assert.ok(decision.forward);
    assert.deepEqual(decision.payload, { error: 'access_denied' });
  });

  test('an error wins over a code', () => {
    const decision = decideForward(bridgeSearch(DESKTOP_CALLBACK, { code: CODE, error: 'server_error' }), config);
    assert.ok(decision.forward);
    assert.deepEqual(decision.payload, { error: 'server_error' });
  });

  test('a code whose + arrived unencoded keeps its +', () => {
    const search = `?code=${CODE.replace(/\//g, '%2F')}&state=${encodeState(DESKTOP_CALLBACK)}`;
    assert.ok(search.includes('+'));
    const decision = decideForward(search, config);
    assert.ok(decision.forward);
    assert.deepEqual(decision.payload, { code: CODE });
  });
});

suite('bridge forward: refusals', () => {
  const refused: { name: string; search: string; because: Refusal }[] = [
    { name: 'no state', search: `?code=${encodeURIComponent(CODE)}`, because: REFUSAL.noState },
    { name: 'an empty state', search: '?code=x&state=', because: REFUSAL.noState },
    { name: 'a state that is not base64url', search: '?code=x&state=%3Cscript%3E', because: REFUSAL.badState },
    { name: 'a state that is not UTF-8', search: '?code=x&state=_w', because: REFUSAL.badState },
    { name: 'a state for a foreign host', search: bridgeSearch('https://evil.example/callback', { code: 'x' }), because: REFUSAL.hostNotAllowed },
    {
      name: 'a state for another extension',
      search: bridgeSearch(CODE_SERVER_CALLBACK.replace(ID, 'evil.stealer'), { error: 'access_denied' }),
      because: REFUSAL.otherExtension,
    },
    { name: 'two states', search: `${bridgeSearch(DESKTOP_CALLBACK, { code: 'x' })}&state=${encodeState('https://evil.example/callback')}`, because: REFUSAL.repeatedParam },
    { name: 'two codes', search: `${bridgeSearch(DESKTOP_CALLBACK, { code: 'x' })}&code=y`, because: REFUSAL.repeatedParam },
    { name: 'neither a code nor an error', search: bridgeSearch(DESKTOP_CALLBACK, {}), because: REFUSAL.noAnswer },
    { name: 'a code for a codespace port forward', search: bridgeSearch(PORT_FORWARD_CALLBACK, { code: CODE }), because: REFUSAL.hostNotAllowed },
    // With no Intercom involved, an error answer must not make the page an open redirect either.
    { name: 'an error for a codespace port forward', search: bridgeSearch(PORT_FORWARD_CALLBACK, { error: 'x' }), because: REFUSAL.hostNotAllowed },
  ];
  for (const { name, search, because } of refused) {
    test(name, () => {
      const decision = decideForward(search, config);
      assert.equal(decision.forward, false);
      assert.equal(decision.forward ? '' : decision.reason, because);
      const states = new URLSearchParams(search).getAll('state').map((s) => decodeState(s) ?? s);
      assertEchoesNothing(decision.forward ? '' : decision.reason, search, ...states);
    });
  }
});

suite('bridge forward: the baked-in config', () => {
  test('reads a sound config', () => {
    const json = JSON.stringify({ extensionId: ID, extraHosts: ['*.example.com', 'code.example.net:8443'] });
    assert.deepEqual(parseBridgeConfig(json), { extensionId: ID, extraHosts: ['*.example.com', 'code.example.net:8443'] });
  });

  const damaged: { name: string; json: string }[] = [
    { name: 'not JSON', json: '{{config}}' },
    { name: 'null', json: 'null' },
    { name: 'no extension id', json: '{"extraHosts":[]}' },
    { name: 'hosts not a list', json: `{"extensionId":"${ID}","extraHosts":"x"}` },
    { name: 'a host that is not a string', json: `{"extensionId":"${ID}","extraHosts":[1]}` },
    { name: 'a junk host', json: `{"extensionId":"${ID}","extraHosts":["https://evil.com"]}` },
    { name: 'a junk extension id', json: '{"extensionId":"not an id","extraHosts":[]}' },
  ];
  for (const { name, json } of damaged) {
    test(`refuses ${name}`, () => {
      assert.throws(() => parseBridgeConfig(json), /damaged configuration/);
    });
  }
});
