import assert from 'node:assert/strict';
import { Budget } from '../../../src/scopes/budget';
import { scanFiles } from '../../../src/scopes/scanFiles';
import { scanText } from '../../../src/scopes/scanner';
import { CRAFTED_FILES } from '../../support/craftedFiles';

/** The scan's work on a crafted file of `bytes`, in budget steps. */
function work(file: string, text: string): number {
  const budget = new Budget();
  scanText(file, text, budget);
  return budget.steps;
}

suite('scopes scanner: work grows linearly', () => {
  for (const crafted of CRAFTED_FILES) {
    test(`${crafted.title}: twice the text, at most about twice the work`, () => {
      const small = work(crafted.file, crafted.make(20_000));
      const large = work(crafted.file, crafted.make(40_000));
      assert.ok(large <= 2.3 * small, `work went from ${small} to ${large} steps when the text doubled`);
      assert.ok(large <= 20 * 40_000, `${large} steps for 40 KB`);
    });
  }
});

suite('scopes scanner: time budget and cancellation inside a file', () => {
  const [sum] = CRAFTED_FILES;

  test('a file over its time budget is reported skipped as too slow; the next file gets a fresh budget', async () => {
    let clock = 0;
    const files: Record<string, string> = { 'slow.js': sum.make(200_000), 'ok.js': "fetch('https://api.intercom.io/tags')" };
    const result = await scanFiles(Object.keys(files), async (f) => files[f], {
      fileBudgetMs: 5,
      now: () => clock++, // every look at the clock costs a millisecond
      concurrency: 1,
    });
    assert.deepEqual(result.skipped, [{ file: 'slow.js', reason: 'too-slow' }]);
    assert.deepEqual(result.findings.map((f) => f.file), ['ok.js']);
    assert.equal(result.scanned, 1);
  });

  test('cancelling while a file is being scanned stops inside that file', async () => {
    let looks = 0;
    const result = await scanFiles(['big.js'], async () => sum.make(200_000), { isCancelled: () => looks++ > 0 });
    assert.equal(result.cancelled, true);
    assert.equal(result.scanned, 0);
    assert.ok(looks < 50, `cancellation was looked at ${looks} times`);
  });
});

suite('scopes scanner: classes on Intercom\'s base URL, bare API paths, endpoint tables and helpers stay linear', () => {
  const shapes: [string, string, (i: number) => string][] = [
    ['a class built on Intercom\'s base URL, again and again', 'classes.ts', (i) => `class A${i} extends B { constructor() { super('https://api.intercom.io'); this.get('/me'); } }\n`],
    ['bare API paths in an Intercom file', 'paths.ts', (i) => `${i === 0 ? "import 'intercom-client';\n" : ''}page('contacts/search'); `],
    ['one endpoint table of many entries', 'table.ts', (i) => `${i === 0 ? "export const t = { prefix: 'https://api.intercom.io', endpoints: {\n" : ''}e${i}: { url: '/contacts/\${id}', operation: 'put' },\n`],
    ['calls with the method beside the path, never closed', 'open.py', (i) => `${i === 0 ? 'BASE = "https://api.intercom.io"\n' : ''}request("POST", "/contacts/search", `],
    ['URLs handed to a function of the same file', 'send.js', (i) => `${i === 0 ? "const base = 'https://api.intercom.io';\nfunction send(url, b) { return fetch(url, { method: 'POST', body: b }); }\n" : ''}send(base + '/events', b${i});\n`],
  ];
  for (const [title, file, piece] of shapes) {
    test(`${title}: twice the text, at most about twice the work`, () => {
      const make = (bytes: number): string => {
        let text = '';
        for (let i = 0; text.length < bytes; i++) text += piece(i);
        return text;
      };
      const small = work(file, make(20_000));
      const large = work(file, make(40_000));
      assert.ok(large <= 2.3 * small, `work went from ${small} to ${large} steps when the text doubled`);
      assert.ok(large <= 20 * 40_000, `${large} steps for 40 KB`);
    });
  }
});
