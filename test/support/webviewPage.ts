// The simulator's webview script in a plain page, as the webview loads it: dist/canvasKitWebview.js and its
// CSS under the panel's CSP, with acquireVsCodeApi stubbed to record what the script posts (window.posted).
// For the browser checks and the bench's first-render figure; the extension is not involved.
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../../src/canvasKit/panelHtml';

export function webviewTestPage(root: string): string {
  const script = fs.readFileSync(path.join(root, 'dist', 'canvasKitWebview.js'), 'utf8');
  const css = fs.readFileSync(path.join(root, 'media', 'canvasKit', 'simulator.css'), 'utf8');
  const nonce = 'benchnonce';
  // The page's own CSS is inline here (no webview resource origin): it carries the sheet nonce, which the CSP allows for styles.
  const csp = contentSecurityPolicy({ cspSource: "'self'", nonce, sheetNonce: nonce });
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style nonce="${nonce}">${css}</style></head><body><div id="app"></div>
<script nonce="${nonce}">window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });</script>
<script nonce="${nonce}">${script}</script></body></html>`;
}
