// The names (runs of word characters and `$`) that contain a word, found from the word's occurrences
// outward: much quicker than a regex trying every name in the text.

const NAME_CHAR = /[\w$]/;

/** Each name containing a match of `word` (a global regex), in order, once. */
export function* namesContaining(text: string, word: RegExp): Generator<{ at: number; end: number; text: string }> {
  let end = 0;
  for (const m of text.matchAll(word)) {
    if (m.index < end) continue;
    let at = m.index;
    while (at > 0 && NAME_CHAR.test(text[at - 1])) at--;
    end = m.index + m[0].length;
    while (end < text.length && NAME_CHAR.test(text[end])) end++;
    yield { at, end, text: text.slice(at, end) };
  }
}
