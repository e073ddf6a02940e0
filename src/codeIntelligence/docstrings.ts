// Python's triple-quoted strings: docstrings hold usage examples (`client.contacts.create(...)`, URLs in
// prose) that the scanner, reading strings as code, takes for calls. The analysis leaves them out.

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
      let lo = 0;
      let hi = spans.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (offset < spans[mid][0]) hi = mid - 1;
        else if (offset >= spans[mid][1]) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}
