// The sheet-library stand-in evaluated as a page would run it: in node:vm, with a fake window whose parent
// records what is posted.
import assert from 'node:assert/strict';
import vm from 'node:vm';
import { parseSheetMessage, SHEET_MESSAGE_SOURCE, sheetLibraryScript, withSheetLibrary } from '../../../src/canvasKit/sheetLibrary';

interface SheetLibrary {
  submitSheet(values?: unknown): void;
  closeSheet(): void;
  setTitle(title?: string): void;
}

function loadPage(readyState: 'loading' | 'complete' = 'complete') {
  const posted: { message: Record<string, unknown>; target: string }[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const window: Record<string, unknown> = {
    parent: { postMessage: (message: Record<string, unknown>, target: string) => posted.push({ message: JSON.parse(JSON.stringify(message)), target }) },
    document: { title: 'Add a note', readyState, addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn) },
  };
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(sheetLibraryScript(), context);
  const library = window.INTERCOM_MESSENGER_SHEET_LIBRARY as SheetLibrary;
  return { posted, listeners, library, context, messages: () => posted.map((p) => p.message) };
}

suite('canvas kit: the Messenger Sheet Library stand-in', () => {
  test('defines INTERCOM_MESSENGER_SHEET_LIBRARY with submitSheet, closeSheet and setTitle, which the page cannot replace', () => {
    const { library, context } = loadPage();
    assert.deepEqual(Object.keys(library).sort(), ['closeSheet', 'setTitle', 'submitSheet']);
    vm.runInContext('try { window.INTERCOM_MESSENGER_SHEET_LIBRARY = null } catch (e) {} try { INTERCOM_MESSENGER_SHEET_LIBRARY.submitSheet = null } catch (e) {}', context);
    assert.equal(typeof (vm.runInContext('INTERCOM_MESSENGER_SHEET_LIBRARY', context) as SheetLibrary).submitSheet, 'function');
  });

  test('on load it sets the title from document.title, at once or at DOMContentLoaded', () => {
    assert.deepEqual(loadPage().messages(), [{ method: 'setTitle', title: 'Add a note', source: SHEET_MESSAGE_SOURCE }]);
    const loading = loadPage('loading');
    assert.deepEqual(loading.messages(), []);
    loading.listeners.DOMContentLoaded.forEach((fn) => fn());
    assert.deepEqual(loading.messages(), [{ method: 'setTitle', title: 'Add a note', source: SHEET_MESSAGE_SOURCE }]);
  });

  test('submitSheet posts a copy of the values to the parent; closeSheet and setTitle post theirs', () => {
    const page = loadPage();
    const values = { note: 'Bring the contract', n: 2 };
    page.library.submitSheet(values);
    values.note = 'changed afterwards';
    page.library.closeSheet();
    page.library.setTitle('Notes');
    assert.deepEqual(page.messages().slice(1), [
      { method: 'submitSheet', values: { note: 'Bring the contract', n: 2 }, source: SHEET_MESSAGE_SOURCE },
      { method: 'closeSheet', source: SHEET_MESSAGE_SOURCE },
      { method: 'setTitle', title: 'Notes', source: SHEET_MESSAGE_SOURCE },
    ]);
    assert.ok(page.posted.every((p) => p.target === '*'));
  });

  test('submitSheet refuses what is not JSON data or not an object, saying what to pass', () => {
    const page = loadPage();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    assert.throws(() => page.library.submitSheet(circular), (e: Error) => e.name === 'TypeError' && /values must be JSON data/.test(e.message));
    assert.throws(() => page.library.submitSheet('text'), /values must be an object/);
    assert.throws(() => page.library.submitSheet([1]), /values must be an object/);
    assert.equal(page.messages().length, 1, 'only the title was posted');
  });

  test('the host accepts only well-formed messages from the stand-in', () => {
    assert.deepEqual(parseSheetMessage({ source: SHEET_MESSAGE_SOURCE, method: 'submitSheet', values: { a: 1 } }), { method: 'submitSheet', values: { a: 1 } });
    assert.deepEqual(parseSheetMessage({ source: SHEET_MESSAGE_SOURCE, method: 'closeSheet' }), { method: 'closeSheet' });
    assert.equal(parseSheetMessage({ method: 'closeSheet' }), undefined, 'without the source tag');
    assert.equal(parseSheetMessage({ source: SHEET_MESSAGE_SOURCE, method: 'submitSheet', values: 'x' }), undefined);
    assert.equal(parseSheetMessage({ source: SHEET_MESSAGE_SOURCE, method: 'setTitle', title: 3 }), undefined);
    assert.equal(parseSheetMessage({ source: SHEET_MESSAGE_SOURCE, method: 'openUrl' }), undefined);
    assert.equal(parseSheetMessage('closeSheet'), undefined);
  });

  test('the page gets the stand-in first in <head> in place of the CDN script, which is never loaded', () => {
    const html = '<!doctype html><html><HEAD lang="en"><title>T</title>\n<script src="https://js.intercomcdn.com/messenger-sheet-library.latest.js"></script>'
      + '<script type="text/javascript" src=\'https://s3.amazonaws.com/intercom-sheets.com/messenger-sheet-library.latest.js\' ></script ></HEAD><body><script src="app.js"></script></body></html>';
    const page = withSheetLibrary(html, 'abc123');
    assert.doesNotMatch(page, /messenger-sheet-library/);
    assert.match(page, /<HEAD lang="en">\n<script nonce="abc123">\n\(function \(\) \{/);
    assert.match(page, /<script src="app\.js"><\/script>/, 'the page\'s own scripts stay');
    assert.match(withSheetLibrary('<p>no head</p>'), /^<script>\n\(function[\s\S]*<\/script>\n<p>no head<\/p>$/);
    assert.match(withSheetLibrary('<head></head>', '"><x'), /<script nonce="x">/, 'a nonce cannot break out of its attribute');
  });
});
