// A stand-in for Intercom's Messenger Sheet Library, put into the sheet page the app returns in place of
// the CDN script (the simulator loads nothing remote). It offers the same three calls and posts each to
// the page's parent, the simulator, which checks the message with parseSheetMessage before acting.
import { isObject } from './canvas';
import type { JsonObject } from './context';

/** Tags every message from the stand-in, so the host tells them from the page's own. */
export const SHEET_MESSAGE_SOURCE = 'intercom-canvas-kit-sheet';

export type SheetMessage =
  | { method: 'submitSheet'; values: JsonObject }
  | { method: 'closeSheet' }
  | { method: 'setTitle'; title: string };

/** The script's text: ES5, no imports, defines window.INTERCOM_MESSENGER_SHEET_LIBRARY. */
export function sheetLibraryScript(): string {
  return `(function () {
  'use strict';
  function post(message) {
    message.source = ${JSON.stringify(SHEET_MESSAGE_SOURCE)};
    window.parent.postMessage(message, '*');
  }
  var library = Object.freeze({
    submitSheet: function (values) {
      var copy;
      try {
        copy = JSON.parse(JSON.stringify(values === undefined ? {} : values));
      } catch (e) {
        throw new TypeError('submitSheet(values): values must be JSON data, such as { note: "..." }');
      }
      if (copy === null || typeof copy !== 'object' || Array.isArray(copy)) {
        throw new TypeError('submitSheet(values): values must be an object, such as { note: "..." }');
      }
      post({ method: 'submitSheet', values: copy });
    },
    closeSheet: function () {
      post({ method: 'closeSheet' });
    },
    setTitle: function (title) {
      post({ method: 'setTitle', title: String(title === undefined ? document.title : title) });
    }
  });
  Object.defineProperty(window, 'INTERCOM_MESSENGER_SHEET_LIBRARY', { value: library, enumerable: true });
  // The Messenger sets the title on load, from document.title unless the page sets it.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { library.setTitle(); });
  } else {
    library.setTitle();
  }
})();
`;
}

/** The CDN's script tag (js.intercomcdn.com or the S3 copy), however it is written. */
const CDN_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']?[^"'>\s]*messenger-sheet-library[^"'>\s]*["']?[^>]*>\s*<\/script\s*>/gi;

/** The page with the CDN script removed and the stand-in first in <head> (or first of all without one). */
export function withSheetLibrary(html: string, nonce?: string): string {
  const tag = `<script${nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, '')}"` : ''}>\n${sheetLibraryScript()}</script>`;
  const page = html.replace(CDN_SCRIPT, '');
  const head = /<head\b[^>]*>/i.exec(page);
  return head ? `${page.slice(0, head.index + head[0].length)}\n${tag}${page.slice(head.index + head[0].length)}` : `${tag}\n${page}`;
}

/** A message from the sheet as the host receives it; undefined for anything else. */
export function parseSheetMessage(data: unknown): SheetMessage | undefined {
  if (!isObject(data) || data.source !== SHEET_MESSAGE_SOURCE) return undefined;
  if (data.method === 'submitSheet' && isObject(data.values)) return { method: 'submitSheet', values: data.values };
  if (data.method === 'closeSheet') return { method: 'closeSheet' };
  if (data.method === 'setTitle' && typeof data.title === 'string') return { method: 'setTitle', title: data.title.slice(0, 200) };
  return undefined;
}
