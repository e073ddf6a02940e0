import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renderBridgePage, type BridgePageParts } from '../../../src/bridge/render';

const ROOT = path.resolve(__dirname, '../../../..');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'media/redirect-bridge.html'), 'utf8');
const ID = 'seedworks.intercom-devtools';
/** `$&` and `$'` would be expanded by a naive String.replace; → checks UTF-8 hashing. */
const SCRIPT = 'document.title = "a $& b $\' c → d";\n';

function render(overrides: Partial<BridgePageParts> = {}): string {
  return renderBridgePage({ template: TEMPLATE, script: SCRIPT, extensionId: ID, extraHosts: [], ...overrides });
}

function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;
}

function cspOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(content, 'no CSP meta');
  return new Map(content.split(';').map((d) => d.trim().split(/\s+(.*)/s, 2) as [string, string]));
}

function only(html: string, pattern: RegExp): string {
  const found = [...html.matchAll(pattern)];
  assert.equal(found.length, 1, `${pattern} matched ${found.length} times`);
  return found[0][1];
}

suite('bridge render', () => {
  test('the CSP hashes match the inlined script and style bytes', () => {
    const html = render();
    const inlinedScript = only(html, /<script>([\s\S]*?)<\/script>/g);
    const inlinedStyle = only(html, /<style>([\s\S]*?)<\/style>/g);
    assert.equal(inlinedScript, SCRIPT);
    const csp = cspOf(html);
    assert.equal(csp.get('script-src'), hashOf(inlinedScript));
    assert.equal(csp.get('style-src'), hashOf(inlinedStyle));
    assert.equal(csp.get('default-src'), "'none'");
    assert.equal(csp.get('base-uri'), "'none'");
    assert.equal(csp.get('form-action'), "'none'");
    assert.equal(csp.size, 5);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|https?:\/\//);
  });

  test('the CSP and referrer policy come before any style or script', () => {
    const html = render();
    const csp = html.indexOf('http-equiv="Content-Security-Policy"');
    assert.ok(csp > 0 && csp < html.indexOf('<style>') && csp < html.indexOf('<script'));
    assert.ok(html.includes('<meta name="referrer" content="no-referrer">'));
    assert.ok(html.includes('<title>Intercom → VS Code</title>'));
    assert.doesNotMatch(html, /\{\{\w+\}\}/);
  });

  test('bakes the config in, normalizing host names', () => {
    const html = render({ extraHosts: [' Code.Example.COM ', '*.example.org:8443'] });
    const json = only(html, /<script type="application\/json" id="bridge-config">([\s\S]*?)<\/script>/g);
    assert.deepEqual(JSON.parse(json), { extensionId: ID, extraHosts: ['code.example.com', '*.example.org:8443'] });
    assert.ok(!json.includes('<'));
  });

  test('CRLF templates hash what the browser sees (LF)', () => {
    const html = render({ template: TEMPLATE.replace(/\n/g, '\r\n'), script: SCRIPT.replace(/\n/g, '\r\n') });
    assert.ok(!html.includes('\r'));
    const csp = cspOf(html);
    assert.equal(csp.get('style-src'), hashOf(only(html, /<style>([\s\S]*?)<\/style>/g)));
    assert.equal(csp.get('script-src'), hashOf(SCRIPT));
  });

  const junkHosts = [
    'https://code.example.com', 'code.example.com/callback', 'user@example.com', 'exa mple.com', 'code..example.com',
    '-code.example.com', 'code.example.com.', 'localhost', '192.168.1.10', '*', '*.com', '*.*.example.com',
    'code.*.example.com', 'code.example.com:0', 'code.example.com:99999', 'code.example.com:', 'évil.example.com',
    '', '</script><script>alert(1)</script>.example.com',
  ];
  for (const host of junkHosts) {
    test(`refuses the extra host ${JSON.stringify(host)}`, () => {
      assert.throws(() => render({ extraHosts: [host] }), /not a host name|invalid port/);
    });
  }

  test('refuses an extension id that is not publisher.name', () => {
    assert.throws(() => render({ extensionId: '</script>' }), /not an extension id/);
    assert.throws(() => render({ extensionId: 'intercom-devtools' }), /not an extension id/);
  });

  test('refuses a script that would close its element', () => {
    assert.throws(() => render({ script: 'let s = "</SCRIPT>";' }), /<\/script/);
    assert.throws(() => render({ script: 'let s = "<!--";' }), /<!--/);
  });

  test('refuses a template without its placeholders', () => {
    assert.throws(() => render({ template: TEMPLATE.replace('{{config}}', '') }), /\{\{config\}\} exactly once/);
    assert.throws(() => render({ template: TEMPLATE.replace('<style>', '<style media="all">') }), /exactly one <style>/);
  });
});
