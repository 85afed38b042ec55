// Coverage as the history pass reads it: the days on which every event of an account was
// observed, as merged inclusive [start, end] day pairs, flat and sorted ([s1, e1, s2, e2, …]),
// so that "was every day from a to b observed?" is one binary search.

/** Whether every day of [from, to] lies in the merged intervals. */
export function covered(coverage: readonly number[], from: number, to: number): boolean {
  if (to < from) return true;
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (from < coverage[mid * 2]) hi = mid - 1;
    else if (from > coverage[mid * 2 + 1]) lo = mid + 1;
    else return to <= coverage[mid * 2 + 1];
  }
  return false;
}

/** Day pairs (sorted in place) merged where they overlap or touch. */
export function mergeIntervals(pairs: [number, number][]): number[] {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last] + 1) out[last] = Math.max(out[last], to);
    else out.push(from, to);
  }
  return out;
}

/** Removes single days from merged intervals (days when a repayment could have been this draw's). */
export function withoutDays(coverage: readonly number[], days: readonly number[]): number[] {
  if (days.length === 0) return [...coverage];
  const pairs: [number, number][] = [];
  const sortedDays = [...new Set(days)].sort((a, b) => a - b);
  for (let i = 0; i < coverage.length; i += 2) {
    let from = coverage[i];
    const to = coverage[i + 1];
    for (const day of sortedDays) {
      if (day < from || day > to) continue;
      if (day > from) pairs.push([from, day - 1]);
      from = day + 1;
    }
    if (from <= to) pairs.push([from, to]);
  }
  return pairs.flat();
}
