// Rewrites the path in a URL literal to another path of the same operation (one that moved between API
// versions), keeping what the code interpolates into each slot. Only when it is certain: the literal
// holds the whole path, and both paths have the same number of slots.
import type { LiteralSpan } from './callRange';

const slot = (segment: string): boolean => segment.startsWith('{');

/** Where each `/`-separated segment of a literal's path part starts and ends, outside interpolations. */
function segmentSpans(inner: string): { start: number; end: number }[] | undefined {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  for (; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '?' || ch === '#')) break;
    else if (depth === 0 && ch === '/') {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  if (i > start) spans.push({ start, end: i });
  return depth === 0 ? spans : undefined;
}

/**
 * The literal's new source text with `oldPath`'s segments (the last ones of the literal) replaced by
 * `newPath`'s, or undefined when that cannot be done safely. Paths are catalog templates (`{name}` slots).
 */
export function rewritePath(source: string, literal: LiteralSpan, oldPath: string, newPath: string): string | undefined {
  const inner = source.slice(literal.open + 1, literal.end - 1);
  const spans = segmentSpans(inner);
  const before = oldPath.split('/').slice(1);
  const after = newPath.split('/').slice(1);
  if (!spans || spans.length < before.length) return undefined;
  if (before.filter(slot).length !== after.filter(slot).length) return undefined;
  const own = spans.slice(spans.length - before.length);
  // The literal's own segments must read as the old path: its literal words, anything in its slots.
  if (!before.every((p, i) => slot(p) || inner.slice(own[i].start, own[i].end) === p)) return undefined;
  const filled = own.filter((_, i) => slot(before[i])).map((s) => inner.slice(s.start, s.end));
  let next = 0;
  const path = after.map((p) => (slot(p) ? filled[next++] : p)).join('/');
  const rewritten = inner.slice(0, own[0].start) + path + inner.slice(own[own.length - 1].end);
  return source[literal.open] + rewritten + source[literal.end - 1];
}
