// Monotone weight-of-evidence binning of one numeric feature against a binary outcome.
//
// 1. Fine classing: every distinct value its own class when there are few (counts, statuses),
//    otherwise `fineBins` quantile classes; cut points are snapped to the feature's resolution
//    (0.01 for a ratio) so the bin edges read cleanly and are the same on every machine.
// 2. Pool adjacent violators: adjacent classes are merged until the bad rate moves strictly in
//    the feature's documented direction (the isotonic, i.e. maximum-likelihood monotone, fit).
// 3. Size: the smallest bin holding under `minBinShare` of the rows (or lacking a good or a bad) is
//    merged with the neighbour whose bad rate is closer, until every bin is large enough. Merging
//    neighbours of a monotone sequence keeps it monotone.
// 4. At most `maxBins`: the adjacent pair whose merge loses the least information value is merged.
//
// WOE convention (Siddiqi): WOE = ln(share of all goods in the bin / share of all bads in the bin),
// so a higher WOE is a safer bin; IV = Σ (good share − bad share) · WOE.
//
// Missing values (NaN) get a bin of their own when they hold at least `minBinShare` of the rows
// and both outcomes; otherwise they take the WOE of the regular bin whose bad rate is nearest
// (their counts are reported, not added to it), or WOE 0 (the population average) when none of
// the fitting rows was missing.

import type { RiskDirection } from '../score/bureau-scorecard.ts';

export interface BinningOptions {
  direction: RiskDirection;
  /** Every bin must hold at least this share of the non-missing rows. Default 0.05. */
  minBinShare?: number;
  /** Quantile classes for a feature with many distinct values. Default 20. */
  fineBins?: number;
  /** Up to this many distinct values, each value is its own fine class. Default 40. */
  maxDistinctClasses?: number;
  /** Cut points are rounded to a multiple of this (e.g. 0.01). Default: no rounding. */
  resolution?: number;
  /** At most this many bins. Default 10. */
  maxBins?: number;
}

export interface WoeBin {
  /** Inclusive lower edge; null = −∞. */
  lower: number | null;
  /** Exclusive upper edge; null = +∞. */
  upper: number | null;
  count: number;
  bads: number;
  goods: number;
  /** Share of all fitting rows (missing included) in this bin. */
  share: number;
  badRate: number;
  woe: number;
  iv: number;
}

export type MissingTreatment = 'own-bin' | 'nearest-bin' | 'population-average';

export interface MissingBin {
  treatment: MissingTreatment;
  count: number;
  bads: number;
  goods: number;
  share: number;
  woe: number;
  iv: number;
  /** For 'nearest-bin': the index of the bin whose WOE missing values take. */
  binIndex: number | null;
}

export interface Binning {
  direction: RiskDirection;
  bins: WoeBin[];
  missing: MissingBin;
  /** Information value over all bins, the missing bin included. */
  iv: number;
  rows: number;
}

interface Cls {
  lower: number | null;
  upper: number | null;
  count: number;
  bads: number;
}

function snap(value: number, resolution: number | undefined): number {
  if (!resolution) return value;
  // Round, then strip float noise (0.30000000000000004 → 0.3) so edges print exactly.
  const snapped = Math.round(value / resolution) * resolution;
  const decimals = Math.max(0, Math.ceil(-Math.log10(resolution)) + 1);
  return Number(snapped.toFixed(decimals));
}

/** Fine classes over the sorted non-missing values. */
function fineClasses(sorted: Float64Array, sortedBad: Uint8Array, options: BinningOptions): Cls[] {
  const n = sorted.length;
  const fineBins = options.fineBins ?? 20;
  const maxDistinct = options.maxDistinctClasses ?? 40;
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = snap(sorted[i]!, options.resolution);
    if (distinct.length === 0 || distinct[distinct.length - 1] !== v) distinct.push(v);
    if (distinct.length > maxDistinct) break;
  }
  let cuts: number[];
  if (distinct.length <= maxDistinct) {
    // Each distinct (snapped) value its own class: cut at every value but the smallest, so a
    // class is [value, next value).
    cuts = distinct.slice(1);
  } else {
    const set = new Set<number>();
    for (let q = 1; q < fineBins; q++) {
      const c = snap(sorted[Math.floor((q * n) / fineBins)]!, options.resolution);
      if (c > sorted[0]!) set.add(c);
    }
    cuts = [...set].sort((a, b) => a - b);
  }
  const classes: Cls[] = [];
  let start = 0;
  for (let c = 0; c <= cuts.length; c++) {
    const upper = c < cuts.length ? cuts[c]! : null;
    let end = start;
    let bads = 0;
    while (end < n && (upper === null || sorted[end]! < upper)) {
      bads += sortedBad[end]!;
      end++;
    }
    if (end > start) classes.push({ lower: null, upper, count: end - start, bads });
    start = end;
  }
  // Make the classes contiguous: each lower edge is the previous upper edge.
  for (let c = 0; c < classes.length; c++) {
    classes[c]!.lower = c === 0 ? null : classes[c - 1]!.upper;
  }
  if (classes.length > 0) classes[classes.length - 1]!.upper = null;
  return classes;
}

function merge(a: Cls, b: Cls): Cls {
  return { lower: a.lower, upper: b.upper, count: a.count + b.count, bads: a.bads + b.bads };
}

const rate = (c: Cls): number => c.bads / c.count;

/** Pool adjacent violators: bad rate strictly increasing (after orienting by direction). */
function poolAdjacentViolators(classes: Cls[], sign: number): Cls[] {
  const stack: Cls[] = [];
  for (const c of classes) {
    stack.push(c);
    while (stack.length >= 2) {
      const b = stack[stack.length - 1]!;
      const a = stack[stack.length - 2]!;
      if (sign * (rate(b) - rate(a)) > 0) break;
      stack.splice(stack.length - 2, 2, merge(a, b));
    }
  }
  return stack;
}

function infoValue(bads: number, goods: number, totalBads: number, totalGoods: number): { woe: number; iv: number } {
  if (bads === 0 || goods === 0) throw new Error('a bin without goods or without bads has no finite WOE');
  const g = goods / totalGoods;
  const b = bads / totalBads;
  const woe = Math.log(g / b);
  return { woe, iv: (g - b) * woe };
}

function pairIvLoss(a: Cls, b: Cls, totalBads: number, totalGoods: number): number {
  const iv = (c: Cls): number => {
    const goods = c.count - c.bads;
    if (c.bads === 0 || goods === 0) return 0;
    return infoValue(c.bads, goods, totalBads, totalGoods).iv;
  };
  return iv(a) + iv(b) - iv(merge(a, b));
}

export function fitBinning(values: ArrayLike<number>, bad: ArrayLike<number>, options: BinningOptions): Binning {
  if (values.length !== bad.length) throw new Error(`values has ${values.length} rows, outcome ${bad.length}`);
  const minShare = options.minBinShare ?? 0.05;
  const maxBins = options.maxBins ?? 10;
  const sign = options.direction === 'higher-is-riskier' ? 1 : -1;
  const rows = values.length;

  const present: number[] = [];
  let missingCount = 0;
  let missingBads = 0;
  let totalBads = 0;
  for (let i = 0; i < rows; i++) {
    const b = bad[i] ? 1 : 0;
    totalBads += b;
    if (Number.isNaN(values[i]!)) {
      missingCount++;
      missingBads += b;
    } else present.push(i);
  }
  const totalGoods = rows - totalBads;
  if (totalBads === 0 || totalGoods === 0) throw new Error('binning needs both goods and bads');
  if (present.length === 0) throw new Error('binning needs at least one value that is not missing');
  present.sort((a, b) => values[a]! - values[b]! || a - b);
  const sorted = new Float64Array(present.length);
  const sortedBad = new Uint8Array(present.length);
  present.forEach((row, k) => {
    sorted[k] = values[row]!;
    sortedBad[k] = bad[row] ? 1 : 0;
  });

  const missingGoods = missingCount - missingBads;
  const missingOwn = missingCount >= minShare * rows && missingBads > 0 && missingGoods > 0;
  // Regular bins must hold minShare of all rows, except that when missing values are folded into
  // a regular bin's WOE the share is measured against the rows that carry a value.
  const minCount = Math.ceil(minShare * (missingOwn ? rows : present.length) - 1e-9);

  let classes = poolAdjacentViolators(fineClasses(sorted, sortedBad, options), sign);
  const undersized = (c: Cls): boolean => c.count < minCount || c.bads === 0 || c.bads === c.count;
  for (;;) {
    if (classes.length <= 1) break;
    let worst = -1;
    for (let c = 0; c < classes.length; c++) {
      if (undersized(classes[c]!) && (worst < 0 || classes[c]!.count < classes[worst]!.count)) worst = c;
    }
    if (worst < 0) break;
    let partner: number;
    if (worst === 0) partner = 1;
    else if (worst === classes.length - 1) partner = worst - 1;
    else {
      const r = rate(classes[worst]!);
      const left = Math.abs(r - rate(classes[worst - 1]!));
      const right = Math.abs(r - rate(classes[worst + 1]!));
      partner = left <= right ? worst - 1 : worst + 1;
    }
    const lo = Math.min(worst, partner);
    classes.splice(lo, 2, merge(classes[lo]!, classes[lo + 1]!));
  }
  while (classes.length > maxBins) {
    let best = 0;
    let bestLoss = Infinity;
    for (let c = 0; c + 1 < classes.length; c++) {
      const loss = pairIvLoss(classes[c]!, classes[c + 1]!, totalBads, totalGoods);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = c;
      }
    }
    classes.splice(best, 2, merge(classes[best]!, classes[best + 1]!));
  }
  if (classes.length === 1 && (classes[0]!.bads === 0 || classes[0]!.bads === classes[0]!.count)) {
    throw new Error('the only bin has no goods or no bads');
  }

  const bins: WoeBin[] = classes.map((c) => {
    const goods = c.count - c.bads;
    const { woe, iv } = infoValue(c.bads, goods, totalBads, totalGoods);
    return {
      lower: c.lower,
      upper: c.upper,
      count: c.count,
      bads: c.bads,
      goods,
      share: c.count / rows,
      badRate: c.bads / c.count,
      woe,
      iv,
    };
  });

  let missing: MissingBin;
  if (missingOwn) {
    const { woe, iv } = infoValue(missingBads, missingGoods, totalBads, totalGoods);
    missing = { treatment: 'own-bin', count: missingCount, bads: missingBads, goods: missingGoods, share: missingCount / rows, woe, iv, binIndex: null };
  } else if (missingCount > 0 && bins.length > 0) {
    const r = missingBads / missingCount;
    let nearest = 0;
    for (let k = 1; k < bins.length; k++) {
      if (Math.abs(bins[k]!.badRate - r) < Math.abs(bins[nearest]!.badRate - r)) nearest = k;
    }
    missing = { treatment: 'nearest-bin', count: missingCount, bads: missingBads, goods: missingGoods, share: missingCount / rows, woe: bins[nearest]!.woe, iv: 0, binIndex: nearest };
  } else {
    missing = { treatment: 'population-average', count: missingCount, bads: missingBads, goods: missingGoods, share: missingCount / rows, woe: 0, iv: 0, binIndex: null };
  }
  const iv = bins.reduce((s, b) => s + b.iv, 0) + missing.iv;
  return { direction: options.direction, bins, missing, iv, rows };
}

/** The index of the bin holding `value`, or −1 for a missing value (NaN). */
export function binIndex(bins: readonly { lower: number | null; upper: number | null }[], value: number): number {
  if (Number.isNaN(value)) return -1;
  // Bins are contiguous and ascending: find the last bin whose lower edge is ≤ value.
  let lo = 0;
  let hi = bins.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const lower = bins[mid]!.lower;
    if (lower === null || value >= lower) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The WOE a value takes under a fitted binning. */
export function woeOf(binning: Binning, value: number): number {
  const k = binIndex(binning.bins, value);
  return k < 0 ? binning.missing.woe : binning.bins[k]!.woe;
}

/** True when the WOE moves strictly in the documented direction across the regular bins. */
export function isMonotone(binning: Binning): boolean {
  const sign = binning.direction === 'higher-is-riskier' ? -1 : 1; // WOE falls as risk rises
  for (let k = 1; k < binning.bins.length; k++) {
    if (!(sign * (binning.bins[k]!.woe - binning.bins[k - 1]!.woe) > 0)) return false;
  }
  return true;
}
