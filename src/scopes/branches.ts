// Whether two places are in sibling branches of one if/else: a URL assigned in the `if` branch is not
// overwritten by the `else` branch's assignment of the same name, and the call after both sends either.
import type { Language } from './source';

const ELSE_AFTER_BRACE = /^\s*else\b/;
const ELSE_LINE = /^[ \t]*(?:else|elif|elsif|when|case)\b/;
const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/**
 * `at` is in a branch that follows the one holding `from` (`} else {`, `else:`, `elif …:`, `elsif`, `when`, a match's `case`):
 * the block holding `from` ends only into an `else`, and `at` sits at the depth `from` had.
 */
export function inOtherBranch(text: string, lang: Language, from: number, at: number): boolean {
  return lang === 'python' || lang === 'ruby' ? byIndent(text, from, at) : byBraces(text, from, at);
}

function byBraces(text: string, from: number, at: number): boolean {
  let depth = 0;
  let branched = false;
  for (let i = from; i < at; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth < -1) return false;
      // The block holding `from` closes: only into an else (`} else {`, `} else if (…) {`).
      if (depth === -1) {
        if (!ELSE_AFTER_BRACE.test(text.slice(i + 1, i + 40))) return false;
        branched = true;
      }
    }
  }
  return branched && depth === 0;
}

function byIndent(text: string, from: number, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const own = indentOf(text.slice(lineStart, from));
  const lines = text.slice(text.indexOf('\n', from) + 1, text.lastIndexOf('\n', at - 1) + 1).split('\n');
  let branched = false;
  for (const line of lines) {
    if (line.trim() === '' || indentOf(line) >= own) continue;
    // A line out of the block holding `from` must open the next branch.
    if (!ELSE_LINE.test(line)) return false;
    branched = true;
  }
  const atLine = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return branched && indentOf(atLine) === own;
}
