// Whether a file is binary rather than source text. One NUL is not enough: real source files carry a
// raw NUL inside a string literal now and then. Binary content (images, archives, compiled code, UTF-16)
// has NULs early and is full of control characters or bytes that are not UTF-8, so a file with a NUL
// is judged by their share.

/** How much of the start of a file is looked at. */
const SAMPLE = 8192;
/** Share of odd characters (control or not UTF-8) above which the content is binary. */
const MAX_ODD_SHARE = 0.1;
const REPLACEMENT = 0xfffd;

const decoder = new TextDecoder('utf-8');

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; and U+FFFD. */
function isOdd(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d) && code !== 0x1b) || code === REPLACEMENT;
}

export function isBinary(content: Uint8Array | string): boolean {
  // Binary content of any size has a NUL early on; most files have none and are settled by this search.
  const head = content.slice(0, SAMPLE);
  if (typeof head === 'string' ? !head.includes('\0') : !head.includes(0)) return false;
  // Bytes that are not UTF-8 decode to U+FFFD; a character cut at the sample's end adds at most one.
  const sample = typeof head === 'string' ? head : decoder.decode(head);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (isOdd(sample.charCodeAt(i))) odd++;
  return odd > sample.length * MAX_ODD_SHARE;
}
