import assert from 'node:assert/strict';
import { inOtherBranch } from '../../../src/scopes/branches';
import type { Language } from '../../../src/scopes/source';

/** `from` is the end of «A», `at` the start of «B»: is B in a branch after A's? */
const CASES: readonly [string, Language, string, boolean][] = [
  ['JS else', 'js', 'if (x) {\n  u = «A»;\n} else {\n  «B» = 2;\n}', true],
  ['JS else if', 'js', 'if (x) {\n  u = «A»;\n} else if (y) {\n  «B» = 2;\n}', true],
  ['JS after the if', 'js', 'if (x) {\n  u = «A»;\n} else {\n  v = 1;\n}\n«B» = 2;', false],
  ['JS a block closed without else', 'js', 'if (x) {\n  u = «A»;\n}\nif (y) {\n  «B» = 2;\n}', false],
  ['JS same block, an inner if/else between', 'js', 'u = «A»;\nif (y) { a(); } else { b(); }\n«B» = 2;', false],
  ['Go else', 'go', 'if x {\n\tu := «A»\n} else {\n\t«B» = 2\n}', true],
  ['Python else', 'python', 'if x:\n    u = «A»\nelse:\n    «B» = 2\n', true],
  ['Python elif', 'python', 'if x:\n    u = «A»\nelif y:\n    «B» = 2\n', true],
  ['Python after the if', 'python', 'if x:\n    u = «A»\nelse:\n    v = 1\n«B» = 2\n', false],
  ['Python same block', 'python', 'u = «A»\nif x:\n    print(1)\n«B» = 2\n', false],
  ['Ruby elsif', 'ruby', 'if x\n  u = «A»\nelsif y\n  «B» = 2\nend\n', true],
  ['Ruby case/when', 'ruby', 'case k\nwhen :a\n  u = «A»\nwhen :b\n  «B» = 2\nend\n', true],
];

suite('scopes: sibling branches of an if/else', () => {
  for (const [name, lang, marked, expected] of CASES) {
    test(`${name}: ${expected ? 'another branch' : 'not another branch'}`, () => {
      const from = marked.indexOf('»') - 2;
      const text = marked.replace('«A»', 'A').replace('«B»', 'B');
      const at = text.indexOf('B', from);
      assert.equal(inOtherBranch(text, lang, from + 1, at), expected);
    });
  }
});
