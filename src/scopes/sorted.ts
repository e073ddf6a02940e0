// One binary search for the sorted lists the scanner and the code analysis keep (line starts, declarations,
// pins, spans), so each lookup states only what "before" means.

/** How many items at the start of `sorted` satisfy `before` (which holds for a prefix of the list, then never). */
export function countBefore<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
