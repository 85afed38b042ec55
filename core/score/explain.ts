// Explanations shared by both models: impact levels, bands, the top reasons.
//
// Impact (Credit Karma's High / Medium / Low labels,
// docs/domain/explainable-scoring.md#credit-karma, which
// docs/domain/explainable-scoring.md#factor-weights prefers to false-precision percentages) is a
// factor's swing, best bin minus worst, against the model's own cut-offs: the bureau card's are in
// PDO terms (20 points = the odds doubled), the estimate's in points of its 600-point span.
//
// Reasons: every factor that lost points, most points lost first, at most four, the cap of the
// FCRA key-factor disclosure (docs/domain/explainable-scoring.md#adverse-action-reasons; the PBOC
// 数字解读 shows at most two).

import type { BandResult, FactorResult, Impact, ReasonResult } from './report-schema.ts';

export const MAX_REASONS = 4;

export interface ImpactCutoffs {
  /** Swing at or above which a factor is high impact. */
  high: number;
  medium: number;
}

export function impactOf(swing: number, cutoffs: ImpactCutoffs): Impact {
  if (swing >= cutoffs.high) return 'high';
  if (swing >= cutoffs.medium) return 'medium';
  return 'low';
}

/** The band holding `score` (lower bound inclusive, docs/domain/platform-scores.md#grade-bands); scores below the first band fall in it. */
export function bandOf(bands: readonly BandResult[], score: number): BandResult {
  for (let k = bands.length - 1; k >= 0; k--) if (score >= bands[k]!.lower) return bands[k]!;
  return bands[0]!;
}

/** The next band above `score`, or null at the top. */
export function nextBandAbove(bands: readonly BandResult[], score: number): BandResult | null {
  return bands.find((b) => b.lower > score) ?? null;
}

export function topReasons(factors: readonly FactorResult[], leading: readonly ReasonResult[] = []): ReasonResult[] {
  const fromFactors: ReasonResult[] = factors
    .filter((f) => f.applicable && f.pointsBelowBest > 0)
    .map((f) => ({ key: f.key, origin: f.origin, pointsBelowBest: f.pointsBelowBest, text: f.reason }));
  // Most points lost first; equal losses keep the given order (Array.prototype.sort is stable).
  return [...leading, ...fromFactors].sort((a, b) => b.pointsBelowBest - a.pointsBelowBest).slice(0, MAX_REASONS);
}
