// The simulator panel's page. A strict Content Security Policy: nothing loads unless listed, scripts only
// with this page's nonces (ours, and the sheet's inline scripts, which run in a sandboxed frame), no remote
// scripts at all; images over https, or http from this machine for a local app's own images. The page has
// no markup of the app's: the script draws everything with DOM calls and text nodes.
import { randomBytes } from 'node:crypto';

export interface PanelPage {
  /** The webview's own origin for its resources (Webview.cspSource). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Fresh per page: one for our script, one for the sheet page's inline scripts and styles. */
  nonce: string;
  sheetNonce: string;
  title: string;
}

export const newNonce = (): string => randomBytes(18).toString('base64url');

/** Loopback http for images, as render.ts's imageSource allows. */
const LOCAL_IMAGES = 'http://localhost:* http://127.0.0.1:*';

export function contentSecurityPolicy({ cspSource, nonce, sheetNonce }: Pick<PanelPage, 'cspSource' | 'nonce' | 'sheetNonce'>): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'nonce-${sheetNonce}'`,
    `style-src ${cspSource} 'nonce-${sheetNonce}'`,
    `img-src https: ${LOCAL_IMAGES} ${cspSource} data:`,
    `font-src ${cspSource}`,
    "frame-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const attr = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function panelHtml(page: PanelPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(page))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(page.styleUri)}">
<title>${attr(page.title)}</title>
</head>
<body>
<div id="app" data-sheet-nonce="${attr(page.sheetNonce)}"></div>
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}

/**
 * The sheet page, shown in a sandboxed frame (its own opaque origin: it reaches the panel only by
 * postMessage): the app's inline scripts and styles get the sheet nonce, its remote scripts none, so they
 * never load. The sheet library stand-in replaces Intercom's CDN script.
 */
export function sheetSrcdoc(html: string, sheetNonce: string): string {
  return html.replace(/<(script|style)\b([^>]*)>/gi, (tag, name: string, attrs: string) =>
    /\bsrc\s*=/i.test(attrs) || /\bnonce\s*=/i.test(attrs) ? tag : `<${name} nonce="${sheetNonce}"${attrs}>`);
}
