import assert from 'node:assert/strict';
import { nextOf } from '../../../src/scopes/nextOf';

/** Where exec finds the next match: what nextOf must answer without making match objects. */
function byExec(chars: RegExp, text: string, from: number): number {
  chars.lastIndex = from;
  return chars.exec(text)?.index ?? -1;
}

suite('nextOf', () => {
  const cases: [string, RegExp, string, number, number][] = [
    ['first quote or bracket', /['"`()[\]{}]/g, 'call(a, "b")', 0, 4],
    ['from a later index', /['"`()[\]{}]/g, 'call(a, "b")', 5, 8],
    ['none left', /['"`()[\]{}]/g, 'call(a, "b")', 12, -1],
    ['at the very index', /[\\/'"`]/g, "x = '/'", 4, 4],
    ['a line-start alternative that looks ahead (Ruby =begin)', /[\\#'"`]|^=(?=begin)/gm, 'a = 1\n=begin\nx\n=end', 0, 6],
    ['an = that starts no =begin is no stop', /[\\#'"`]|^=(?=begin)/gm, 'a = 1\n=bar\n', 0, -1],
  ];
  for (const [name, chars, text, from, expected] of cases) {
    test(name, () => {
      assert.equal(nextOf(chars, text, from), expected);
      assert.equal(nextOf(chars, text, from), byExec(chars, text, from));
    });
  }

  test('agrees with exec at every index of a mixed text', () => {
    const text = 'const a = fetch(`https://api.intercom.io/${x}`, { method: "POST" }); // [done] \'q\'\n=begin\n';
    for (const chars of [/['"`()[\]{}]/g, /[\\'"`\n$]/g, /[\\#'"`]|^=(?=begin)/gm]) {
      for (let from = 0; from <= text.length; from++) assert.equal(nextOf(chars, text, from), byExec(chars, text, from), `${chars} from ${from}`);
    }
  });
});
