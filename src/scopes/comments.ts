// Comments blanked out of source text, so calls in commented-out code are not cited. One linear pass:
// strings are skipped whole (a URL's `//` stays), comments become spaces and newlines stay, so every
// index and line in the result is the same as in the source.

import { nextOf } from './nextOf';
import type { Language } from './source';

interface Syntax {
  readonly line: readonly string[];
  /** Block comments; `lineStart`: only at the start of a line (Ruby's `=begin`). */
  readonly block: readonly { open: string; close: string; lineStart?: boolean }[];
  readonly quotes: string;
  /** Python's `'''` and `"""`. */
  readonly triple: boolean;
  /** `'` and `"` strings end at a line break (an unclosed quote, a regex literal's, harms one line only). */
  readonly singleLine: boolean;
  /** The characters where anything above can start (each match one character): the pass jumps from one to the next. */
  readonly starts: RegExp;
  /** JS only: the same, and braces, looked for while a template's `${` is open (only then do braces count). */
  readonly startsInTemplate?: RegExp;
}

const C_BLOCK = [{ open: '/*', close: '*/' }];

const SYNTAX: Readonly<Record<Language, Syntax>> = {
  js: { line: ['//'], block: C_BLOCK, quotes: '\'"`', triple: false, singleLine: true, starts: /[\\/'"`]/g, startsInTemplate: /[\\/'"`{}]/g },
  go: { line: ['//'], block: C_BLOCK, quotes: '\'"`', triple: false, singleLine: true, starts: /[\\/'"`]/g },
  php: { line: ['//', '#'], block: C_BLOCK, quotes: '\'"`', triple: false, singleLine: false, starts: /[\\/#'"`]/g },
  python: { line: ['#'], block: [], quotes: '\'"', triple: true, singleLine: true, starts: /[\\#'"]/g },
  ruby: {
    line: ['#'], block: [{ open: '=begin', close: '\n=end', lineStart: true }], quotes: '\'"`', triple: false, singleLine: false,
    starts: /[\\#'"`]|^=(?=begin)/gm,
  },
};

/** Where a string may end or turn: an escape, a quote, a line break, a template's `${`. */
const STRING_STOPS = /[\\'"`\n$]/g;

/** The text with every comment's characters but line breaks replaced by spaces. */
export function blankComments(text: string, lang: Language): string {
  const syntax = SYNTAX[lang];
  const parts: string[] = [];
  let kept = 0;
  const blank = (from: number, to: number): void => {
    const span = text.slice(from, to);
    // A line comment holds no line break: spaces of its length, without a regex pass.
    parts.push(text.slice(kept, from), span.includes('\n') ? span.replace(/[^\n]/g, ' ') : ' '.repeat(to - from));
    kept = to;
  };
  // JS template literals: the brace depth at each open `${`, to know where the template resumes.
  const templates: number[] = [];
  let depth = 0;

  /** Skips a string from `from` (inside it) to after its `close`; in a JS template, stops after `${`. */
  const skipString = (from: number, close: string): number => {
    for (let j = nextOf(STRING_STOPS, text, from); j >= 0; j = nextOf(STRING_STOPS, text, j + 1)) {
      const ch = text[j];
      if (ch === '\\') j++;
      else if (text.startsWith(close, j)) return j + close.length;
      else if (ch === '\n' && syntax.singleLine && close.length === 1 && close !== '`') return j;
      else if (close === '`' && lang === 'js' && ch === '$' && text[j + 1] === '{') {
        templates.push(++depth);
        return j + 2;
      }
    }
    return text.length;
  };

  for (let i = 0; i < text.length; ) {
    const starts = templates.length > 0 ? syntax.startsInTemplate! : syntax.starts;
    i = nextOf(starts, text, i);
    if (i < 0) break;
    const ch = text[i];
    if (ch === '\\') {
      i += 2; // outside strings only in regex literals (`/https?:\/\//`): the escaped character is no delimiter
      continue;
    }
    if (syntax.line.some((open) => text.startsWith(open, i)) && !(lang === 'php' && text.startsWith('#[', i))) {
      const end = text.indexOf('\n', i);
      blank(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      continue;
    }
    const block = syntax.block.find((b) => text.startsWith(b.open, i) && (!b.lineStart || i === 0 || text[i - 1] === '\n'));
    if (block) {
      const close = text.indexOf(block.close, i + block.open.length);
      const end = close < 0 ? text.length : close + block.close.length;
      blank(i, end);
      i = end;
      continue;
    }
    if (syntax.quotes.includes(ch)) {
      const close = syntax.triple && text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i = skipString(i + close.length, close);
      continue;
    }
    if (lang === 'js' && ch === '{') depth++;
    else if (lang === 'js' && ch === '}') {
      if (templates.at(-1) === depth) {
        templates.pop();
        depth--;
        i = skipString(i + 1, '`');
        continue;
      }
      depth--;
    }
    i++;
  }
  if (kept === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}
