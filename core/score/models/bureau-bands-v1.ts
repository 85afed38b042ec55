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

import type { LocalizedText } from '../../shared/localized-text.ts';
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

export const BUREAU_BAND_CAPS_VERSION = '1.0.0';

/**
 * The best band the bureau-style score shows while a lender rule fails (null: no cap), by rule
 * id. Credence's own convention, not a documented lender practice
 * (docs/domain/explainable-scoring.md#knock-out-rules): lenders apply such rules beside the
 * score and decline whatever it is, so a band must not say "very low risk" while one fails. The
 * cap follows each rule's own wording (docs/domain/lender-heuristics.md): an automatic or
 * near-automatic decline caps at E, "likely" or "usually" declined at D, "high risk", "a red flag"
 * or "pass rate halved" at C. Rules without a failing level never cap. The user may change any
 * cap (core/settings/bureau-settings.ts saveBandCap).
 */
export const BUREAU_BAND_CAPS: Readonly<Record<string, string | null>> = {
  lian_san: 'e',
  lei_liu: 'e',
  current_overdue: 'e',
  bad_debt: 'e',
  hard_queries_6m: 'd',
  debt_to_income: 'd',
  hard_queries_3m: 'c',
  online_loans: 'c',
  card_utilisation: 'c',
};

export const BAND_CAP_CONVENTION: LocalizedText = {
  'zh-CN': 'Credence 的约定（并非银行公布的做法）：银行对这些规则“一票否决”或从严处理，与分数无关；规则不通过时，等级最多显示到所列等级。可逐条修改。',
  en: 'Credence’s convention (not a documented lender practice): lenders apply these rules beside the score, declining or tightening whatever it is; while one fails, the band shown is at most the one listed. Each cap can be changed.',
};

export const BAND_CAP_SOURCES: readonly string[] = [
  `core/score/models/bureau-bands-v1.ts BUREAU_BAND_CAPS v${BUREAU_BAND_CAPS_VERSION}: Credence’s convention, editable`,
  'docs/domain/explainable-scoring.md#knock-out-rules: knock-out rules end an application whatever the score',
  'docs/domain/lender-heuristics.md: each rule’s wording (automatic decline, likely decline, high risk)',
];
