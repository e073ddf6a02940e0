import assert from 'node:assert/strict';
import { authorizeUrl, checkRedirectUrl } from '../../../src/connect/authorize';
import { decodeState } from '../../../src/connect/uriPayload';

suite('Authorize URL', () => {
  const callbackUrl = 'http://127.0.0.1:8080/stable-abc/callback?vscode-reqid=1&vscode-scheme=code-oss&vscode-authority=seedworks.intercom-devtools&vscode-path=%2Fcallback&vscode-query=nonce%3DN';

  test('has client_id, base64url state carrying the callback URL, and redirect_uri', () => {
    const url = new URL(authorizeUrl({ appBase: 'https://app.intercom.com', clientId: 'cid 1', callbackUrl, redirectUrl: 'https://bridge.example.com/i.html' }));
    assert.equal(url.origin + url.pathname, 'https://app.intercom.com/oauth');
    assert.equal(url.searchParams.get('client_id'), 'cid 1');
    assert.equal(url.searchParams.get('redirect_uri'), 'https://bridge.example.com/i.html');
    const state = url.searchParams.get('state')!;
    assert.match(state, /^[A-Za-z0-9_-]+$/, 'state is only base64url characters');
    assert.equal(decodeState(state), callbackUrl, 'the callback URL comes back byte for byte');
  });

  test('works with a base that has a path or a trailing slash', () => {
    assert.ok(authorizeUrl({ appBase: 'http://127.0.0.1:9/', clientId: 'c', callbackUrl, redirectUrl: 'https://b/' }).startsWith('http://127.0.0.1:9/oauth?'));
  });
});

suite('Redirect URL check', () => {
  const ok = ['https://bridge.example.com/intercom.html', 'https://x.github.io/repo/', 'http://localhost:8080/bridge', 'http://127.0.0.1/b', 'http://[::1]:3000/'];
  const bad: [string, string][] = [
    ['http://example.com/bridge', 'notHttps'],
    ['ftp://example.com/', 'notHttps'],
    ['vscode://seedworks.intercom-devtools/callback', 'notHttps'],
    ['https://user:pw@example.com/', 'credentials'],
    ['https://example.com/#x', 'fragment'],
    ['example.com/bridge', 'notUrl'],
    ['', 'notUrl'],
  ];
  for (const u of ok) test(`accepts ${u}`, () => assert.ok('url' in checkRedirectUrl(u)));
  for (const [u, problem] of bad) test(`rejects ${u || '(empty)'} as ${problem}`, () => assert.deepEqual(checkRedirectUrl(u), { problem }));
});
