// The next character a one-character class matches, found with RegExp.test, which makes no match object: the
// token loops of the comment blanking and of paths beside their method stop at every quote and bracket of a
// file, and a match array per stop was the largest part of what analysing a document allocated.

/** Where `chars` (global, each match exactly one character long) next matches at or after `from`; -1 if nowhere. */
export function nextOf(chars: RegExp, text: string, from: number): number {
  chars.lastIndex = from;
  return chars.test(text) ? chars.lastIndex - 1 : -1;
}
