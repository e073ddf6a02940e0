// Python's triple-quoted strings: docstrings hold usage examples (`client.contacts.create(...)`, URLs in
// prose) that the scanner, reading strings as code, takes for calls. The analysis leaves them out.

import { countBefore } from '../scopes/sorted';

const TRIPLE_QUOTED = /("""|''')[\s\S]*?\1/g;

export interface Spans {
  /** Whether an offset is inside one of the spans. */
  has(offset: number): boolean;
}

const NONE: Spans = { has: () => false };

/** The triple-quoted strings of a Python text (comments already blanked); none for the other languages. */
export function docstrings(code: string, python: boolean): Spans {
  if (!python || !(code.includes('"""') || code.includes("'''"))) return NONE;
  const spans = [...code.matchAll(TRIPLE_QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
  return {
    has(offset) {
      const at = countBefore(spans, ([, end]) => end <= offset);
      return at < spans.length && spans[at][0] <= offset;
    },
  };
}
