import assert from 'node:assert/strict';
import { countBefore } from '../../../src/scopes/sorted';

suite('countBefore', () => {
  const cases: [number[], number, number][] = [
    [[], 5, 0],
    [[1, 3, 5], 0, 0],
    [[1, 3, 5], 1, 0],
    [[1, 3, 5], 2, 1],
    [[1, 3, 5], 5, 2],
    [[1, 3, 5], 9, 3],
    [[2, 2, 2, 7], 2, 0],
    [[2, 2, 2, 7], 3, 3],
  ];
  for (const [sorted, at, expected] of cases) {
    test(`counts ${expected} of [${sorted.join(', ')}] before ${at}`, () => {
      assert.equal(countBefore(sorted, (x) => x < at), expected);
    });
  }

  test('agrees with a linear count on random sorted lists', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 50;
    for (let round = 0; round < 500; round++) {
      const sorted = Array.from({ length: next() }, next).sort((a, b) => a - b);
      const at = next();
      assert.equal(countBefore(sorted, (x) => x <= at), sorted.filter((x) => x <= at).length, `${sorted.join(',')} ≤ ${at}`);
    }
  });
});
