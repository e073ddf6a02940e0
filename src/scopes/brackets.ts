// The bracket around a value, found by counting brackets on the (comment-free) text: shallow like the rest of
// the scanner, and bounded, so that a long or unbalanced file costs no more than a window. Reading forward, string
// literals are skipped (`"/contacts/{id}"`, `"a, b"`); reading back they are not, as a value is read from its start.

const QUOTES = '\'"`';
/** Longer strings are not skipped whole: a stray quote costs at most this much. */
const MAX_STRING = 2000;

/** Just after the string literal whose quote is at `open` (Python's triple quotes too); at its line's end when it does not close there. */
export function afterString(text: string, open: number): number {
  const quote = text[open];
  const triple = quote.repeat(3);
  if (quote !== '`' && text.startsWith(triple, open)) {
    const end = text.substring(open + 3, open + MAX_STRING).indexOf(triple);
    return end < 0 ? open + 3 : open + 3 + end + 3;
  }
  for (let i = open + 1; i < text.length && i < open + MAX_STRING; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if (ch === '\n' && quote !== '`') return i;
  }
  return open + 1;
}

export const isStringStart = (ch: string | undefined): boolean => ch !== undefined && QUOTES.includes(ch);

/** A list inside brackets: `(…)`, `[…]` or `{…}`, from its opener to its closer. */
export interface Group {
  readonly open: number;
  readonly close: number;
}

/** One top-level item of a list, with where it starts. */
export interface Item {
  readonly text: string;
  readonly at: number;
}

/** The innermost bracket open before `index` and still open at it, looking back at most `max` characters. */
export function enclosingOpen(text: string, index: number, max = 600): number | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0 && i >= index - max; i--) {
    // Character codes: this runs back from every URL the scan finds.
    const code = text.charCodeAt(i);
    if (code === 0x29 || code === 0x5d || code === 0x7d) depth++;
    else if ((code === 0x28 || code === 0x5b || code === 0x7b) && depth-- === 0) return i;
  }
  return undefined;
}

/**
 * +1 for an opening bracket's character code, -1 for a closing one, else 0. Codes, not characters: the bracket
 * counting loops run over every call the scan and the editor's analysis read.
 */
export function bracketStep(code: number): number {
  switch (code) {
    case 0x28: case 0x5b: case 0x7b: return 1;
    case 0x29: case 0x5d: case 0x7d: return -1;
    default: return 0;
  }
}

/** The index of the bracket that closes the one at `open`, looking at most `max` characters ahead. */
export function closingOf(text: string, open: number, max = 1500): number | undefined {
  let depth = 0;
  const end = Math.min(text.length - 1, open + max);
  for (let i = open; i <= end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x27 || code === 0x60) {
      i = afterString(text, i) - 1;
      continue;
    }
    const step = bracketStep(code);
    depth += step;
    if (step < 0 && depth === 0) return i;
  }
  return undefined;
}

/** The innermost group around `index`, when it closes in reach. */
export function enclosingGroup(text: string, index: number): Group | undefined {
  const open = enclosingOpen(text, index);
  const close = open === undefined ? undefined : closingOf(text, open);
  return open === undefined || close === undefined ? undefined : { open, close };
}

/** Top-level comma-separated pieces of text[from, to), with their start indexes (`<…>` counts as brackets too, not `=>` or `->`). */
export function splitList(text: string, from: number, to: number): Item[] {
  const pieces: Item[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (isStringStart(ch)) i = Math.min(to, afterString(text, i)) - 1;
    else if (ch === '(' || ch === '[' || ch === '{' || ch === '<') depth++;
    else if (ch === ')' || ch === ']' || ch === '}' || (ch === '>' && text[i - 1] !== '=' && text[i - 1] !== '-')) depth--;
    else if (ch === ',' && depth === 0) {
      pieces.push({ text: text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  if (text.slice(start, to).trim() !== '') pieces.push({ text: text.slice(start, to), at: start });
  return pieces;
}

/** The items of a group, and which of them holds `index`. */
export function itemsAround(text: string, group: Group, index: number): { items: Item[]; at: number } {
  const items = splitList(text, group.open + 1, group.close);
  return { items, at: items.findIndex((item) => item.at <= index && index < item.at + item.text.length) };
}
