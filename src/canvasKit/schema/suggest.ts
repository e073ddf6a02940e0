// "Did you mean": the candidate a misspelt key or value was most likely meant to be. A typo is a few edits
// away (a swap of two neighbours counts as one: `styel` → `style`); a key whose words are in another order
// (`margin_bottom` → `bottom_margin`) or in another case is also a match, and so, failing those, is the one
// candidate starting with the same four letters or more (`heading` → `header`).

/** Longer words are no typo of a key or value, and their edit distance would cost length × length. */
const MAX_WORD = 64;

/** The closest candidate, or undefined when none is near enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  const words = (s: string) => s.toLowerCase().split(/[-_]/).sort().join('_');
  const same = candidates.find((c) => c !== word && words(c) === words(word));
  if (same) return same;
  const most = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = most + 1;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best) return best;
  const prefix = (c: string) => {
    let n = 0;
    while (n < c.length && c[n].toLowerCase() === word[n]?.toLowerCase()) n++;
    return n;
  };
  const sharing = candidates.filter((c) => prefix(c) >= 4);
  return sharing.length === 1 ? sharing[0] : undefined;
}

/** Insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
