import assert from 'node:assert/strict';
import { EDITOR_SCHEMES, MAX_CALLBACK_LENGTH, checkCallbackTarget, type BridgeConfig } from '../../../src/bridge/target';

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
    {
      name: 'code-server on 127.0.0.1 with the stable-<commit> path',
      url: `http://127.0.0.1:8080/stable-${COMMIT}/callback${webQuery({ 'vscode-scheme': 'code-oss' })}`,
      editor: false,
    },
    { name: 'code-server on localhost', url: `http://localhost:3000/stable-${COMMIT}/callback${Q}`, editor: false },
    { name: 'loopback IPv6', url: `http://[::1]:8080/callback${Q}`, editor: false },
    { name: 'elsewhere in 127.0.0.0/8, over https', url: `https://127.4.5.6:9443/callback${Q}`, editor: false },
    { name: 'a listed host', url: `https://code.example.com/stable-${COMMIT}/callback${Q}`, editor: false },
    { name: 'a listed wildcard', url: `https://ide.team.example.org/callback${Q}`, editor: false },
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
  const refused: { name: string; url: string; because: RegExp }[] = [
    { name: 'another extension (editor scheme)', url: 'vscode://evil.stealer/callback?nonce=N', because: /for "evil\.stealer"/ },
    { name: 'our id as a prefix of another host', url: `vscode://${ID}.evil.com/callback`, because: /for another extension/ },
    { name: 'an unknown scheme', url: `myapp://${ID}/callback`, because: /"myapp:" addresses/ },
    { name: 'javascript:', url: 'javascript:alert(document.domain)//callback', because: /"javascript:"/ },
    { name: 'data:', url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', because: /"data:"/ },
    { name: 'file:', url: 'file:///etc/passwd', because: /"file:"/ },
    { name: 'blob:', url: 'blob:https://vscode.dev/2c9e7d1a-57b1-4f0a-9a0c-0d5d8a6f1d3e', because: /"blob:"/ },
    { name: 'editor callback on another path', url: `vscode://${ID}/other?nonce=N`, because: /path/ },
    { name: 'editor callback with a trailing slash', url: `vscode://${ID}/callback/?nonce=N`, because: /path/ },
    { name: 'editor callback with a user name', url: `vscode://evil@${ID}/callback`, because: /user name/ },
    { name: 'editor callback with a port', url: `vscode://${ID}:1234/callback`, because: /port/ },
    { name: 'editor callback without a host', url: `vscode:${ID}/callback`, because: /for another extension/ },
    { name: 'arbitrary text as the extension is not echoed', url: 'vscode://Call%20us%20now/callback', because: /^The callback is for another extension,/ },
    { name: 'a foreign https host', url: `https://evil.example/callback${Q}`, because: /"evil\.example" is not an allowed/ },
    { name: 'userinfo: vscode.dev@evil.com', url: `https://vscode.dev@evil.com/callback${Q}`, because: /user name/ },
    { name: 'userinfo: evil.com@vscode.dev', url: `https://evil.com@vscode.dev/callback${Q}`, because: /user name/ },
    { name: 'userinfo with a password only', url: `https://:x@vscode.dev/callback${Q}`, because: /user name or password/ },
    { name: 'backslash before @', url: `https://evil.com\\@vscode.dev/callback${Q}`, because: /backslash/ },
    { name: 'backslashes as slashes', url: `https:\\\\evil.com/callback${Q}`, because: /backslash/ },
    { name: 'look-alike: vscode.dev.evil.com', url: `https://vscode.dev.evil.com/callback${Q}`, because: /not an allowed/ },
    { name: 'look-alike: evilvscode.dev', url: `https://evilvscode.dev/callback${Q}`, because: /not an allowed/ },
    { name: 'look-alike: vscode-dev.com', url: `https://vscode-dev.com/callback${Q}`, because: /not an allowed/ },
    { name: 'look-alike: evil-github.dev', url: `https://evil-github.dev/callback${Q}`, because: /not an allowed/ },
    { name: 'look-alike: x.github.dev.evil.com', url: `https://x.github.dev.evil.com/callback${Q}`, because: /not an allowed/ },
    { name: 'punycode look-alike of vscode.dev', url: `https://xn--vscod-7za.dev/callback${Q}`, because: /not an allowed/ },
    { name: 'Cyrillic homoglyph in vscode.dev', url: `https://vscod\u0435.dev/callback${Q}`, because: /non-ASCII/ },
    { name: 'full-width letters that IDNA maps to vscode.dev', url: `https://\uff56\uff53\uff43\uff4f\uff44\uff45.dev/callback${Q}`, because: /non-ASCII/ },
    { name: 'github.dev itself', url: `https://github.dev/callback${Q}`, because: /not an allowed/ },
    { name: 'trailing-dot host', url: `https://vscode.dev./callback${Q}`, because: /ends with a dot/ },
    { name: 'a port on vscode.dev', url: `https://vscode.dev:8443/callback${Q}`, because: /port 8443/ },
    { name: 'a port on a codespace', url: `https://x.github.dev:444/callback${Q}`, because: /port 444/ },
    { name: 'http on vscode.dev', url: `http://vscode.dev/callback${Q}`, because: /not https/ },
    { name: 'http on a LAN address', url: `http://192.168.1.10:8080/stable-abc/callback${Q}`, because: /not https/ },
    { name: 'a DNS name that resolves to loopback', url: `http://127.0.0.1.nip.io/callback${Q}`, because: /not https/ },
    { name: 'localhost as a subdomain of another host', url: `https://localhost.evil.com/callback${Q}`, because: /not an allowed/ },
    { name: 'a listed host on another port', url: `https://code.example.com:8443/callback${Q}`, because: /port 8443/ },
    { name: 'a listed host without its port', url: `https://ide.example.net/callback${Q}`, because: /port 443/ },
    { name: 'a listed wildcard does not cover its apex', url: `https://example.org/callback${Q}`, because: /not an allowed/ },
    { name: 'a web page that is not /callback', url: `https://vscode.dev/redirect${Q}`, because: /not a \/callback page/ },
    { name: 'no vscode-authority', url: 'https://vscode.dev/callback?vscode-reqid=1&vscode-path=%2Fcallback', because: /no vscode-authority/ },
    { name: 'another extension (web callback)', url: `https://vscode.dev/callback${webQuery({ 'vscode-authority': 'evil.stealer' })}`, because: /for "evil\.stealer"/ },
    { name: 'loopback callback for another extension', url: `http://127.0.0.1:8080/stable-abc/callback${webQuery({ 'vscode-authority': 'evil.stealer' })}`, because: /for "evil\.stealer"/ },
    { name: 'duplicated vscode-authority (ours first)', url: `https://vscode.dev/callback${Q}&vscode-authority=evil.stealer`, because: /more than one vscode-authority/ },
    { name: 'duplicated vscode-authority (percent-encoded name)', url: `https://vscode.dev/callback${Q}&vscode%2Dauthority=evil.stealer`, because: /more than one vscode-authority/ },
    {
      name: 'arbitrary text as vscode-authority is not echoed',
      url: `https://vscode.dev/callback${webQuery({ 'vscode-authority': 'Your account is locked, call 555' })}`,
      because: /^The callback is for another extension,/,
    },
    { name: 'vscode-path elsewhere', url: `https://vscode.dev/callback${webQuery({ 'vscode-path': '/other' })}`, because: /vscode-path/ },
    { name: 'a payload already in the query', url: `https://vscode.dev/callback${Q}&intercom=eyJjb2RlIjoieCJ9`, because: /already carries/ },
    { name: 'a payload smuggled in vscode-query', url: `https://vscode.dev/callback${webQuery({ 'vscode-query': 'nonce=N&intercom=X' })}`, because: /already carries/ },
    { name: 'a percent-encoded payload in an editor query', url: `vscode://${ID}/callback?nonce=N%26intercom%3DX`, because: /already carries/ },
    { name: 'broken percent-encoding in an editor query', url: `vscode://${ID}/callback?nonce=%E0%A4`, because: /percent-encoding/ },
    { name: 'a fragment', url: `https://vscode.dev/callback${Q}#x`, because: /fragment/ },
    { name: 'protocol-relative', url: `//evil.com/callback${Q}`, because: /not a complete URL/ },
    { name: 'relative', url: `/callback${Q}`, because: /not a complete URL/ },
    { name: 'leading space', url: ` https://vscode.dev/callback${Q}`, because: /spaces/ },
    { name: 'tab inside the host', url: `https://vscode.d\tev/callback${Q}`, because: /control/ },
    { name: 'newline inside the scheme', url: `java\nscript:alert(1)`, because: /control/ },
    { name: 'NUL character', url: `vscode://${ID}/callback\u0000`, because: /control/ },
    { name: 'empty', url: '', because: /control|spaces/ },
    { name: 'over-long', url: `https://vscode.dev/callback${Q}&pad=${'a'.repeat(MAX_CALLBACK_LENGTH)}`, because: /longer than/ },
  ];
  for (const { name, url, because } of refused) {
    test(name, () => {
      const check = checkCallbackTarget(url, config);
      assert.equal(check.ok, false, `${name} was accepted`);
      assert.match(check.ok ? '' : check.reason, because);
    });
  }
});
