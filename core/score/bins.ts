// Points from binned values, and the points an uncertain value allows. Shared by the fitted
// bureau card (its ModelBin rows), the expert adjustments and the Sesame-style estimate.

import { findBin } from './bureau-scorecard.ts';
import type { Interval } from './report-schema.ts';

export interface PointsBin {
  /** Inclusive; null = −∞. */
  lower: number | null;
  /** Exclusive; null = +∞. */
  upper: number | null;
  points: number;
}

/**
 * A value and the values its uncertain inputs allow. value null = cannot be computed (or not
 * provided); a null bound = unbounded on that side.
 */
export interface ValueBounds {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface MissingRule {
  points: number;
  /** Missing because the data cannot tell (any bin is possible), not because the user gave nothing. */
  uncertain: boolean;
}

export function exact(value: number | null): ValueBounds {
  return { value, low: value, high: value };
}

export function pointsFor(bins: readonly PointsBin[], value: number | null, missing: number): number {
  const k = findBin(bins, value);
  return k < 0 ? missing : bins[k]!.points;
}

function extremes(points: readonly number[]): Interval {
  return { low: Math.min(...points), high: Math.max(...points) };
}

/** The bins a value in [low, high] can fall in. */
function binsBetween(bins: readonly PointsBin[], low: number | null, high: number | null): PointsBin[] {
  return bins.filter((b) => (b.lower === null || high === null || b.lower <= high) && (b.upper === null || low === null || b.upper > low));
}

/**
 * The least and most points `bounds` allows: every bin its interval touches, and the missing
 * points too when the point value is missing. A missing value the data cannot tell allows any bin.
 */
export function pointsRange(bins: readonly PointsBin[], bounds: ValueBounds, missing: MissingRule): Interval {
  if (bounds.value === null && bounds.low === null && bounds.high === null) {
    return missing.uncertain ? extremes([missing.points, ...bins.map((b) => b.points)]) : { low: missing.points, high: missing.points };
  }
  const candidates = binsBetween(bins, bounds.low, bounds.high).map((b) => b.points);
  if (bounds.value === null) candidates.push(missing.points);
  else candidates.push(pointsFor(bins, bounds.value, missing.points));
  return extremes(candidates);
}

export function maxPoints(bins: readonly PointsBin[]): number {
  return Math.max(...bins.map((b) => b.points));
}

export function minPoints(bins: readonly PointsBin[]): number {
  return Math.min(...bins.map((b) => b.points));
}
