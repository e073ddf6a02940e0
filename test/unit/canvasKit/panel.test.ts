// The simulator panel's pure parts: the page's Content Security Policy, the sheet page made runnable in it,
// and the messages read from the webview.
import assert from 'node:assert/strict';
import { contentSecurityPolicy, panelHtml, sheetSrcdoc } from '../../../src/canvasKit/panelHtml';
import { parsePanelMessage } from '../../../src/canvasKit/panelMessages';
import { withSheetLibrary } from '../../../src/canvasKit/sheetLibrary';

suite('canvas kit: the simulator panel page and its messages', () => {
  test('the CSP loads nothing unlisted: scripts by nonce only, images over https or from this machine', () => {
    const csp = contentSecurityPolicy({ cspSource: 'https://webview.test', nonce: 'N1', sheetNonce: 'N2' });
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-N1' 'nonce-N2'(;|$)/, 'no host, no https:, no unsafe-inline for scripts');
    assert.match(csp, /img-src https: http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*/);
    assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
    const html = panelHtml({ cspSource: 'https://webview.test', scriptUri: 'https://webview.test/x.js', styleUri: 'https://webview.test/x.css', nonce: 'N1', sheetNonce: 'N2', title: '<T>' });
    assert.match(html, /<script nonce="N1" src="https:\/\/webview.test\/x.js"><\/script>/);
    assert.match(html, /<title>&#60;T&#62;<\/title>/);
  });

  test('a sheet page: its inline scripts and styles get the sheet nonce, its remote scripts none (they never load)', () => {
    const page = '<html><head><script src="https://js.intercomcdn.com/messenger-sheet-library.latest.js"></script><script src="https://cdn.example/x.js"></script><style>p{}</style></head><body><script>go()</script></body></html>';
    const doc = sheetSrcdoc(withSheetLibrary(page, 'S'), 'S');
    assert.doesNotMatch(doc, /intercomcdn/);
    assert.match(doc, /<script src="https:\/\/cdn.example\/x.js"><\/script>/, 'the remote script is left without a nonce');
    assert.match(doc, /<style nonce="S">p\{\}<\/style>/);
    assert.match(doc, /<script nonce="S">go\(\)<\/script>/);
    assert.equal(doc.match(/nonce="S"/g)?.length, 3, 'the stand-in, the style and the inline script');
  });

  test('messages from the webview: only the known shapes pass', () => {
    assert.deepEqual(parsePanelMessage({ kind: 'click', componentId: 'go', values: { name: 'Ada', topics: ['a'] } }), { kind: 'click', componentId: 'go', values: { name: 'Ada', topics: ['a'] } });
    assert.equal(parsePanelMessage({ kind: 'click', componentId: 'go', values: { n: 1 } }), undefined);
    assert.deepEqual(parsePanelMessage({ kind: 'placement', placement: 'conversationDetails' }), { kind: 'placement', placement: 'conversationDetails' });
    assert.equal(parsePanelMessage({ kind: 'placement', placement: 'toString' }), undefined);
    assert.deepEqual(parsePanelMessage({ kind: 'replay', entryId: 3 }), { kind: 'replay', entryId: 3 });
    assert.equal(parsePanelMessage({ kind: 'replay', entryId: '3' }), undefined);
    assert.deepEqual(parsePanelMessage({ kind: 'restart', extra: 1 }), { kind: 'restart' });
    assert.equal(parsePanelMessage({ kind: 'eval' }), undefined);
    assert.equal(parsePanelMessage('restart'), undefined);
  });
});
