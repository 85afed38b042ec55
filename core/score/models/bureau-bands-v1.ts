// Bands and impact cut-offs for the bureau-style score (models/bureau-v1.json), as data.
//
// The PBOC's own explainable score (数字解读) publishes no bands, only a percentile
// (docs/domain/pboc-report.md#digital-interpretation-score), so these are Credence's, derived from
// the model's scaling rather than chosen by feel: the card puts 600 points at odds 50:1 with PDO 20
// (model card §3), so every 20 points is one doubling of the odds of repaying. The bands are 20
// points wide, one doubling each, cut at 480, 500, 520 and 540; the top band holds about 45% of the
// fitting population and the bottom about 10% (the percentile table in bureau-v1.json). The fitting
// population's odds are Taiwanese card holders' in 2005 (22% defaulted), not a forecast for a
// Credence user, so the bands name relative risk only.

import type { ImpactCutoffs } from '../explain.ts';
import type { BandResult } from '../report-schema.ts';

export const BUREAU_BANDS_VERSION = '1.0.0';

/** Lower bound of the first band: scores below 480 fall in it too (expert adjustments can take a score below the card's minimum). */
export const BUREAU_BANDS: readonly BandResult[] = [
  { id: 'e', label: { 'zh-CN': 'E 风险高', en: 'E High risk' }, lower: 0, upper: 480 },
  { id: 'd', label: { 'zh-CN': 'D 风险较高', en: 'D Elevated risk' }, lower: 480, upper: 500 },
  { id: 'c', label: { 'zh-CN': 'C 中等', en: 'C Moderate' }, lower: 500, upper: 520 },
  { id: 'b', label: { 'zh-CN': 'B 风险较低', en: 'B Low risk' }, lower: 520, upper: 540 },
  { id: 'a', label: { 'zh-CN': 'A 风险低', en: 'A Very low risk' }, lower: 540, upper: null },
];

export const BUREAU_BAND_SOURCES: readonly string[] = [
  'core/score/models/bureau-bands-v1.ts: one band per doubling of the odds (PDO 20, bureau-v1 model card §3)',
  'docs/domain/pboc-report.md#digital-interpretation-score: the PBOC 数字解读 shows a percentile (相对位置), not bands',
];

/**
 * A factor is high impact when it can move the odds 2× or more (≥ 20 points, one PDO), medium
 * from about 1.4× (10 points), low below.
 */
export const BUREAU_IMPACT: ImpactCutoffs = { high: 20, medium: 10 };
