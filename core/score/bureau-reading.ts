// How the engine reads the fitted bureau card for a person, beyond scoring a feature vector:
// shared by the full score (engine.ts) and the next-action search's fast point path (models.ts).
//
//   - Extrapolation. A lateness pattern (worst lateness, current lateness, late months) with no
//     row in the fitting file (models/bureau-v1.json `support`) is scored by the card from bins it
//     learnt on other patterns, and the result says so. The commonest such pattern is a single
//     1–30-day late in months 2–6, repaid: the file's status 1 occurs almost only in its latest
//     month (models/bureau-v1.model-card.md#2-data, #8-known-limitations). For it the point reads the months as the clean card would, and
//     the expert adjustment for a late within 24 months (adjustments.ts, rule late_24m) prices the
//     late instead, so the card's extrapolation is bounded by the adjustment; the card's own
//     reading stays in the range. Other patterns without rows (a long late repaid, several short
//     ones) keep the card's reading, labelled: no adjustment speaks for them alone.
//   - Netting. An adjustment that prices a fact the card also prices inside its six months
//     (AdjustmentRow.pricedByCard) adds only what goes beyond the card's loss on it.
//   - Not applicable. A file with no revolving account on the report gives the card's use
//     features nothing to read: they score the population average, with no range and no reason
//     (a loan-only file gets no card reasons).

import { formatCount } from '../shared/money.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { LenderRule } from '../rules/lender-heuristics.ts';
import { ADJUSTMENTS, adjustmentPoints, ruleOf, type CardPricing } from './adjustments.ts';
import { computeBureauFeatures } from './bureau-features.ts';
import { patternRows, scoreBureau, type BureauFeatureName, type BureauFeatureVector, type BureauModel, type BureauScore } from './bureau-scorecard.ts';
import type { BureauMonth } from './ledger-features.ts';
import type { AdjustmentInputs } from './lender-inputs.ts';

export const LATENESS_FEATURES = ['worst_months_late_6m', 'current_months_late', 'months_late_6m'] as const satisfies readonly BureauFeatureName[];

/** The card's features that read balances, lines and payments of revolving accounts. */
export const USE_FEATURES = [
  'months_no_payment_5m',
  'avg_payment_to_limit_6m',
  'max_utilisation_6m',
  'months_high_utilisation_6m',
  'months_light_use_6m',
  'months_no_balance_6m',
] as const satisfies readonly BureauFeatureName[];

/** The use features when no month of the window has a revolving account on the report, else none. */
export function notApplicableFeatures(months: readonly BureauMonth[]): Set<BureauFeatureName> {
  return new Set(months.every((m) => m.revolving === 'none') ? USE_FEATURES : []);
}

export interface ExtrapolatedPattern {
  worst: number;
  current: number;
  lateMonths: number;
  rows: number;
}

export interface PointReading {
  vector: BureauFeatureVector;
  /** The pattern, when no fitting row has it. */
  extrapolated: ExtrapolatedPattern | null;
  /** The point reads the clean card instead of the card's extrapolation (a single 1–30-day late, repaid). */
  bounded: boolean;
}

/**
 * The vector the card scores at the point: the person's, or, for a single 1–30-day late in
 * months 2–6 that no fitting row has, the same with lateness read as the clean card does (the
 * late is then priced by the expert adjustment for a late within 24 months).
 */
export function pointVector(model: BureauModel, features: BureauFeatureVector): PointReading {
  const [worst, current, lateMonths] = LATENESS_FEATURES.map((name) => features[name] ?? 0);
  if (worst === 0 || patternRows(model, features) > 0) return { vector: features, extrapolated: null, bounded: false };
  const extrapolated = { worst: worst!, current: current!, lateMonths: lateMonths!, rows: 0 };
  if (!(worst === 1 && current === 0 && lateMonths === 1)) return { vector: features, extrapolated, bounded: false };
  const vector = { ...features };
  for (const name of LATENESS_FEATURES) vector[name] = 0;
  return { vector, extrapolated, bounded: true };
}

/** Points the card lost on a fact an adjustment also prices (≥ 0). */
export function cardLoss(score: BureauScore, pricing: CardPricing | null): number {
  if (pricing === null) return 0;
  const lost = (name: BureauFeatureName) => score.features.find((f) => f.name === name)?.pointsBelowBest ?? 0;
  if (pricing === 'current_months_late') return lost('current_months_late');
  return score.segmentPointsBelowBest + LATENESS_FEATURES.reduce((t, name) => t + lost(name), 0);
}

/** The bureau point estimate for given months and adjustment inputs: the card's point plus every adjustment's netted points. */
export function bureauPoint(model: BureauModel, rules: readonly LenderRule[], months: readonly BureauMonth[], inputs: AdjustmentInputs): number {
  const card = scoreBureau(model, pointVector(model, computeBureauFeatures(months.map((m) => m.point))).vector);
  const pdo = model.scaling.pdo;
  let score = card.score;
  for (const row of ADJUSTMENTS) score += adjustmentPoints(row, ruleOf(row, rules), inputs[row.ruleId]?.value ?? null, pdo, cardLoss(card, row.pricedByCard));
  return score;
}

/** What the result says about an extrapolated reading; `fittingRows`: the size of the fitting file. */
export function extrapolationText(p: ExtrapolatedPattern, bounded: boolean, cardScore: number, fittingRows: number): LocalizedText {
  const what = bounded
    ? { 'zh-CN': '近 6 个月里有一次已还清的 1–30 天逾期，不在最近一个月', en: 'a single 1–30-day late in the last 6 months, repaid, not in the latest month' }
    : { 'zh-CN': `最长逾期 ${p.worst}、当前逾期 ${p.current}、逾期 ${p.lateMonths} 个月`, en: `worst lateness ${p.worst}, current ${p.current}, ${p.lateMonths} late month(s)` };
  const head = {
    'zh-CN': `外推：建模数据的 ${formatCount(fittingRows)} 行中没有一行是这种逾期情况（${what['zh-CN']}），评分卡对它的读数（${cardScore} 分）是外推出来的。`,
    en: `Extrapolated: none of the fitting file’s ${formatCount(fittingRows)} rows has this lateness pattern (${what.en}), so the card’s reading of it (${cardScore}) is an extrapolation.`,
  };
  return bounded
    ? {
        'zh-CN': `${head['zh-CN']}点估计改用“无逾期”评分卡，再加上“近 2 年有逾期”的经验调整；评分卡的读数保留在区间内。`,
        en: `${head.en} The point uses the clean card with the expert adjustment for a late within 2 years instead; the card’s reading stays in the range.`,
      }
    : {
        'zh-CN': `${head['zh-CN']}分数仍按评分卡计算，连三累六等经验调整照常计入；请把它当作粗略的估计。`,
        en: `${head.en} The score still follows the card, with the expert adjustments (连三累六 and the others) as usual; read it as a rough estimate.`,
      };
}
