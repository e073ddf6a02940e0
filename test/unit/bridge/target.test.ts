import assert from 'node:assert/strict';
import { MAX_CALLBACK_LENGTH, REFUSAL, type Refusal } from '../../../src/bridge/refusals';
import { EDITOR_SCHEMES, checkCallbackTarget, type BridgeConfig } from '../../../src/bridge/target';
import { assertEchoesNothing } from './noEcho';

const ID = 'seedworks.intercom-devtools';
const config: BridgeConfig = { extensionId: ID, extraHosts: ['code.example.com', '*.example.org', 'ide.example.net:8443'] };

/** The query VS Code's web callback provider builds for our callback. */
function webQuery(overrides: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    'vscode-reqid': '1',
    'vscode-scheme': 'vscode',
    'vscode-authority': ID,
    'vscode-path': '/callback',
    'vscode-query': 'nonce=N',
    ...overrides,
  });
  return `?${params}`;
}
const Q = webQuery();
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

suite('bridge target: accepted', () => {
  const accepted: { name: string; url: string; editor: boolean; cfg?: BridgeConfig }[] = [
    ...EDITOR_SCHEMES.map((scheme) => ({ name: `${scheme}: scheme`, url: `${scheme}://${ID}/callback?nonce=N`, editor: true })),
    { name: 'extension id in another case', url: 'vscode://Seedworks.Intercom-DevTools/callback?nonce=N', editor: true },
    { name: 'scheme in upper case', url: `VSCODE://${ID}/callback?nonce=N`, editor: true },
    { name: 'editor callback without a query', url: `cursor://${ID}/callback`, editor: true },
    { name: 'vscode.dev', url: `https://vscode.dev/callback${Q}`, editor: false },
    { name: 'insiders.vscode.dev', url: `https://insiders.vscode.dev/callback${webQuery({ 'vscode-scheme': 'vscode-insiders' })}`, editor: false },
    { name: 'a codespace', url: `https://fluffy-space-guide-q7r9wx4.github.dev/callback${Q}`, editor: false },
    { name: 'a codespace named in capitals', url: `https://Fluffy-Space-Guide-Q7R9WX4.GitHub.dev/callback${Q}`, editor: false },
    {
      name: 'code-server on 127.0.0.1 with the stable-<commit> path',
      url: `http://127.0.0.1:8080/stable-${COMMIT}/callback${webQuery({ 'vscode-scheme': 'code-oss' })}`,
      editor: false,
    },
    { name: 'code-server on localhost', url: `http://localhost:3000/stable-${COMMIT}/callback${Q}`, editor: false },
    { name: 'loopback IPv6', url: `http://[::1]:8080/callback${Q}`, editor: false },
    { name: 'elsewhere in 127.0.0.0/8, over https', url: `https://127.4.5.6:9443/callback${Q}`, editor: false },
    { name: 'a listed host', url: `https://code.example.com/stable-${COMMIT}/callback${Q}`, editor: false },
    { name: 'a listed wildcard', url: `https://ide.example.org/callback${Q}`, editor: false },
    { name: 'a listed host with its port', url: `https://ide.example.net:8443/callback${Q}`, editor: false },
    { name: 'the default https port written out', url: `https://vscode.dev:443/callback${Q}`, editor: false },
  ];
  for (const { name, url, editor } of accepted) {
    test(name, () => {
      const check = checkCallbackTarget(url, config);
      assert.ok(check.ok, check.ok ? '' : check.reason);
      assert.equal(check.editor, editor);
    });
  }

  test('returns the parsed URL, unchanged', () => {
    const url = `http://127.0.0.1:8080/stable-${COMMIT}/callback${Q}`;
    const check = checkCallbackTarget(url, config);
    assert.ok(check.ok);
    assert.equal(check.url.href, url);
  });
});

suite('bridge target: refused', () => {
  const refused: { name: string; url: string; because: Refusal }[] = [
    { name: 'another extension (editor scheme)', url: 'vscode://evil.stealer/callback?nonce=N', because: REFUSAL.otherExtension },
    { name: 'our id as a prefix of another host', url: `vscode://${ID}.evil.com/callback`, because: REFUSAL.otherExtension },
    { name: 'an unknown scheme', url: `myapp://${ID}/callback`, because: REFUSAL.otherScheme },
    { name: 'javascript:', url: 'javascript:alert(document.domain)//callback', because: REFUSAL.otherScheme },
    { name: 'data:', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', because: REFUSAL.otherScheme },
    { name: 'file:', url: 'file:///etc/passwd', because: REFUSAL.otherScheme },
    { name: 'blob:', url: 'blob:https://vscode.dev/2c9e7d1a-57b1-4f0a-9a0c-0d5d8a6f1d3e', because: REFUSAL.otherScheme },
    { name: 'editor callback on another path', url: `vscode://${ID}/other?nonce=N`, because: REFUSAL.editorPath },
    { name: 'editor callback with a trailing slash', url: `vscode://${ID}/callback/?nonce=N`, because: REFUSAL.editorPath },
    { name: 'editor callback with a user name', url: `vscode://evil@${ID}/callback`, because: REFUSAL.userInfo },
    { name: 'editor callback with a port', url: `vscode://${ID}:1234/callback`, because: REFUSAL.editorPort },
    { name: 'editor callback without a host', url: `vscode:${ID}/callback`, because: REFUSAL.otherExtension },
    { name: 'arbitrary text as the extension is not echoed', url: 'vscode://Call%20us%20now/callback', because: REFUSAL.otherExtension },
    { name: 'a foreign https host', url: `https://evil.example/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'userinfo: vscode.dev@evil.com', url: `https://vscode.dev@evil.com/callback${Q}`, because: REFUSAL.userInfo },
    { name: 'userinfo: evil.com@vscode.dev', url: `https://evil.com@vscode.dev/callback${Q}`, because: REFUSAL.userInfo },
    { name: 'userinfo with a password only', url: `https://:x@vscode.dev/callback${Q}`, because: REFUSAL.userInfo },
    { name: 'backslash before @', url: `https://evil.com\\@vscode.dev/callback${Q}`, because: REFUSAL.backslash },
    { name: 'backslashes as slashes', url: `https:\\\\evil.com/callback${Q}`, because: REFUSAL.backslash },
    { name: 'look-alike: vscode.dev.evil.com', url: `https://vscode.dev.evil.com/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'look-alike: evilvscode.dev', url: `https://evilvscode.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'look-alike: vscode-dev.com', url: `https://vscode-dev.com/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'look-alike: evil-github.dev', url: `https://evil-github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'look-alike: x.github.dev.evil.com', url: `https://x.github.dev.evil.com/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'punycode look-alike of vscode.dev', url: `https://xn--vscod-7za.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'Cyrillic homoglyph in vscode.dev', url: `https://vscod\u0435.dev/callback${Q}`, because: REFUSAL.oddCharacters },
    { name: 'full-width letters that IDNA maps to vscode.dev', url: `https://\uff56\uff53\uff43\uff4f\uff44\uff45.dev/callback${Q}`, because: REFUSAL.oddCharacters },
    { name: 'github.dev itself', url: `https://github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    // Anyone can serve a page on a codespace's public port: only the codespace itself, one label, is an editor.
    { name: 'a codespace port forward: <codespace>-<port>.app.github.dev', url: `https://fluffy-space-guide-q7r9wx4-3000.app.github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'an older codespace port forward: x.preview.app.github.dev', url: `https://x.preview.app.github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'two labels before github.dev: a.b.github.dev', url: `https://a.b.github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'a label that is not a DNS label before github.dev', url: `https://x_y.github.dev/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'a listed wildcard covers one label only: a.b.example.org', url: `https://a.b.example.org/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'a listed wildcard: x-3000.app.example.org', url: `https://x-3000.app.example.org/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'trailing-dot host', url: `https://vscode.dev./callback${Q}`, because: REFUSAL.trailingDot },
    { name: 'a port on vscode.dev', url: `https://vscode.dev:8443/callback${Q}`, because: REFUSAL.portNotAllowed },
    { name: 'a port on a codespace', url: `https://x.github.dev:444/callback${Q}`, because: REFUSAL.portNotAllowed },
    { name: 'http on vscode.dev', url: `http://vscode.dev/callback${Q}`, because: REFUSAL.notHttps },
    { name: 'http on a LAN address', url: `http://192.168.1.10:8080/stable-abc/callback${Q}`, because: REFUSAL.notHttps },
    { name: 'a DNS name that resolves to loopback', url: `http://127.0.0.1.nip.io/callback${Q}`, because: REFUSAL.notHttps },
    { name: 'localhost as a subdomain of another host', url: `https://localhost.evil.com/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'a listed host on another port', url: `https://code.example.com:8443/callback${Q}`, because: REFUSAL.portNotAllowed },
    { name: 'a listed host without its port', url: `https://ide.example.net/callback${Q}`, because: REFUSAL.portNotAllowed },
    { name: 'a listed wildcard does not cover its apex', url: `https://example.org/callback${Q}`, because: REFUSAL.hostNotAllowed },
    { name: 'a web page that is not /callback', url: `https://vscode.dev/redirect${Q}`, because: REFUSAL.notCallbackPage },
    { name: 'no vscode-authority', url: 'https://vscode.dev/callback?vscode-reqid=1&vscode-path=%2Fcallback', because: REFUSAL.noAuthority },
    { name: 'another extension (web callback)', url: `https://vscode.dev/callback${webQuery({ 'vscode-authority': 'evil.stealer' })}`, because: REFUSAL.otherExtension },
    { name: 'loopback callback for another extension', url: `http://127.0.0.1:8080/stable-abc/callback${webQuery({ 'vscode-authority': 'evil.stealer' })}`, because: REFUSAL.otherExtension },
    { name: 'duplicated vscode-authority (ours first)', url: `https://vscode.dev/callback${Q}&vscode-authority=evil.stealer`, because: REFUSAL.repeatedVscodeParam },
    { name: 'duplicated vscode-authority (percent-encoded name)', url: `https://vscode.dev/callback${Q}&vscode%2Dauthority=evil.stealer`, because: REFUSAL.repeatedVscodeParam },
    {
      name: 'arbitrary text as vscode-authority is not echoed',
      url: `https://vscode.dev/callback${webQuery({ 'vscode-authority': 'Your account is locked, call 555' })}`,
      because: REFUSAL.otherExtension,
    },
    { name: 'vscode-path elsewhere', url: `https://vscode.dev/callback${webQuery({ 'vscode-path': '/other' })}`, because: REFUSAL.webPath },
    { name: 'a payload already in the query', url: `https://vscode.dev/callback${Q}&intercom=eyJjb2RlIjoieCJ9`, because: REFUSAL.alreadyCarried },
    { name: 'a payload smuggled in vscode-query', url: `https://vscode.dev/callback${webQuery({ 'vscode-query': 'nonce=N&intercom=X' })}`, because: REFUSAL.alreadyCarried },
    { name: 'a percent-encoded payload in an editor query', url: `vscode://${ID}/callback?nonce=N%26intercom%3DX`, because: REFUSAL.alreadyCarried },
    { name: 'broken percent-encoding in an editor query', url: `vscode://${ID}/callback?nonce=%E0%A4`, because: REFUSAL.brokenEncoding },
    { name: 'a fragment', url: `https://vscode.dev/callback${Q}#x`, because: REFUSAL.fragment },
    { name: 'protocol-relative', url: `//evil.com/callback${Q}`, because: REFUSAL.notUrl },
    { name: 'relative', url: `/callback${Q}`, because: REFUSAL.notUrl },
    { name: 'leading space', url: ` https://vscode.dev/callback${Q}`, because: REFUSAL.oddCharacters },
    { name: 'tab inside the host', url: `https://vscode.d\tev/callback${Q}`, because: REFUSAL.oddCharacters },
    { name: 'newline inside the scheme', url: `java\nscript:alert(1)`, because: REFUSAL.oddCharacters },
    { name: 'NUL character', url: `vscode://${ID}/callback\u0000`, because: REFUSAL.oddCharacters },
    { name: 'empty', url: '', because: REFUSAL.oddCharacters },
    { name: 'over-long', url: `https://vscode.dev/callback${Q}&pad=${'a'.repeat(MAX_CALLBACK_LENGTH)}`, because: REFUSAL.tooLong },
  ];
  for (const { name, url, because } of refused) {
    test(name, () => {
      const check = checkCallbackTarget(url, config);
      assert.equal(check.ok, false, `${name} was accepted`);
      assert.equal(check.ok ? '' : check.reason, because);
      assertEchoesNothing(check.ok ? '' : check.reason, url);
    });
  }
});
