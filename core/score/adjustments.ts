// Expert adjustments to the bureau-style score: what the fitting file (Taiwanese card holders,
// six months of one card each) cannot show, but Chinese lenders are widely cited as weighing
// (docs/domain/lender-heuristics.md). Each row names a rule of core/rules/lender-heuristics.ts: the
// rule supplies the thresholds (editable there), label, explanation and sources; this table
// supplies the points.
//
// Points come from an assumed odds ratio against passing the rule, converted with the fitted
// card's own scaling: points = PDO × log2(odds ratio), PDO 20, so "the odds of repaying halve"
// costs 20 points, as on the card itself. The heuristics' sources give no default rates, only
// words:
//   "alert", "cost points", "causes doubt"        → warn level, odds × 0.75 (−8 points)
//   "pass rate −50%", "red flag"                  → fail level, odds × 0.5 (−20 points)
//   "likely reject"                               → odds × 0.35 (−30 points)
//   "near-automatic decline" (连三累六)            → odds × 0.25 (−40 points)
// These are judgements, shown as such in every explanation (origin 'adjustment').
//
// Where the fitted card already prices the same fact inside its six months, the adjustment adds
// only what goes beyond it (`pricedByCard`): its points are netted against the points the card
// lost on that fact, so the score takes the larger of the two penalties, not their sum. A late
// within 24 months costs nothing more while the delinquent card (which prices every late of its
// six months far more heavily) applies, and its warning level once the late has left the card's
// window, so a late does not vanish at month 7; a current overdue costs at least the
// "automatic rejection" level, of which the card's current-lateness feature may already have
// taken part. Bad debt (status 7 months) and card utilisation (max_utilisation_6m) are priced by
// the card alone; their failing lender rules are shown on the score card and cap its band
// (models/bureau-bands-v1.ts). Each window of the hard-query rules is its own row, as lenders are
// cited as checking each.

import type { LocalizedText } from '../shared/localized-text.ts';
import { LENDER_RULES, evaluateThreshold, type LenderRule } from '../rules/lender-heuristics.ts';
import { pointsRange, type PointsBin, type ValueBounds } from './bins.ts';
import { impactOf, type ImpactCutoffs } from './explain.ts';
import type { FactorResult, FactorUnit } from './report-schema.ts';

export const ADJUSTMENTS_VERSION = '1.1.0';

export interface AdjustmentRow {
  ruleId: string;
  /** Assumed odds of repaying at the rule's warn and fail levels, against passing it. */
  oddsRatio: { warn: number; fail: number };
  rationale: LocalizedText;
  /** Metric needs something only the user can give (debt-to-income: income). */
  requires: 'income' | null;
  /** The metric changes with time alone (its window moves on): projections re-read it at the later date. */
  ages: boolean;
  /**
   * What the fitted card already charges for the same fact, netted out of this adjustment:
   * 'lateness' (the delinquent card and its lateness features), 'current_months_late', or null.
   */
  pricedByCard: CardPricing | null;
}

export type CardPricing = 'lateness' | 'current_months_late';

const ALERT: LocalizedText = {
  'zh-CN': '来源只说“引起警觉/扣分”，假定还款几率降为 0.75 倍',
  en: 'Sources only say “alert” or “costs points”: odds of repaying assumed × 0.75',
};

export const ADJUSTMENTS: readonly AdjustmentRow[] = [
  {
    ruleId: 'lian_san',
    oddsRatio: { warn: 0.75, fail: 0.25 },
    rationale: {
      'zh-CN': '“近乎自动拒贷”：假定还款几率降为 0.25 倍；连续 2 个月视为预警（0.75 倍）',
      en: '“Near-automatic decline”: odds assumed × 0.25; 2 months in a row as a warning (× 0.75)',
    },
    requires: null,
    ages: true,
    pricedByCard: null,
  },
  {
    ruleId: 'lei_liu',
    oddsRatio: { warn: 0.75, fail: 0.25 },
    rationale: {
      'zh-CN': '“近乎自动拒贷”：假定还款几率降为 0.25 倍；累计 4 个月视为预警（0.75 倍）',
      en: '“Near-automatic decline”: odds assumed × 0.25; 4 months in total as a warning (× 0.75)',
    },
    requires: null,
    ages: true,
    pricedByCard: null,
  },
  {
    ruleId: 'late_24m',
    oddsRatio: { warn: 0.75, fail: 0.75 },
    rationale: {
      'zh-CN': '“通常不会直接拒贷，但审批更严”：假定还款几率降为 0.75 倍；近 6 个月内的逾期由拟合的“有逾期”评分卡计价，只计超出部分',
      en: '“Rarely a decline by itself, but a stricter review”: odds assumed × 0.75; a late within the last 6 months is priced by the fitted delinquent card, and only what goes beyond it counts',
    },
    requires: null,
    ages: true,
    pricedByCard: 'lateness',
  },
  {
    ruleId: 'current_overdue',
    oddsRatio: { warn: 0.25, fail: 0.25 },
    rationale: {
      'zh-CN': '“直接拒绝”：假定还款几率降为 0.25 倍（与连三累六相同）；拟合评分卡的“当前逾期”已扣的分数计入其中',
      en: '“An automatic rejection”: odds assumed × 0.25 (as for 连三累六); the points the fitted card’s “overdue now” already took count toward it',
    },
    requires: null,
    ages: false,
    pricedByCard: 'current_months_late',
  },
  { ruleId: 'hard_queries_1m', oddsRatio: { warn: 0.75, fail: 0.75 }, rationale: ALERT, requires: null, ages: true, pricedByCard: null },
  {
    ruleId: 'hard_queries_3m',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '“通过率减半”：假定还款几率降为 0.5 倍；预警线 0.75 倍', en: '“Pass rate −50%”: odds assumed × 0.5; warning level × 0.75' },
    requires: null,
    ages: true,
    pricedByCard: null,
  },
  {
    ruleId: 'hard_queries_6m',
    oddsRatio: { warn: 0.75, fail: 0.35 },
    rationale: { 'zh-CN': '“征信花、很可能被拒”：假定还款几率降为 0.35 倍；预警线 0.75 倍', en: '“Cluttered report, likely decline”: odds assumed × 0.35; warning level × 0.75' },
    requires: null,
    ages: true,
    pricedByCard: null,
  },
  {
    ruleId: 'online_loans',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '3 笔起“扣分”（0.75 倍），5 笔以上“明显风险信号”（0.5 倍）', en: '3 or more “cost points” (× 0.75), 5 or more “a red flag” (× 0.5)' },
    requires: null,
    ages: false,
    pricedByCard: null,
  },
  {
    ruleId: 'debt_to_income',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '超过 40% 引起关注（0.75 倍），超过 50% 通常被拒（0.5 倍）', en: 'Over 40% draws attention (× 0.75), over 50% is usually declined (× 0.5)' },
    requires: 'income',
    ages: false,
    pricedByCard: null,
  },
];

/** The row's rule among `rules` (the table with the user's thresholds, core/settings/bureau-settings.ts). */
export function ruleOf(row: AdjustmentRow, rules: readonly LenderRule[] = LENDER_RULES): LenderRule {
  const rule = rules.find((r) => r.id === row.ruleId);
  if (!rule) throw new Error(`adjustment ${row.ruleId} names no lender-heuristics rule`);
  return rule;
}

/** Points at the warn and fail levels: PDO × log2(odds ratio), whole points. */
export function levelPoints(row: AdjustmentRow, pdo: number): { warn: number; fail: number } {
  const of = (ratio: number) => Math.round(pdo * Math.log2(ratio)) || 0;
  return { warn: of(row.oddsRatio.warn), fail: of(row.oddsRatio.fail) };
}

/** The points at the rule's level for `value`, before netting (0 when it passes or has no value). */
function levelFor(row: AdjustmentRow, rule: LenderRule, value: number | null, pdo: number): number {
  if (value === null) return 0;
  const level = evaluateThreshold(value, rule.threshold);
  return level === 'pass' ? 0 : levelPoints(row, pdo)[level];
}

/** An adjustment's points net of what the card already took for the same fact (`cardLoss`, ≥ 0): never positive. */
export function netted(points: number, cardLoss: number): number {
  return Math.min(0, points + cardLoss) || 0;
}

export function adjustmentPoints(row: AdjustmentRow, rule: LenderRule, value: number | null, pdo: number, cardLoss = 0): number {
  return netted(levelFor(row, rule, value, pdo), cardLoss);
}

/** The rule's thresholds as bins (pass / warn / fail), for the shared range arithmetic. */
function binsOf(row: AdjustmentRow, rule: LenderRule, pdo: number): PointsBin[] {
  const { threshold } = rule;
  const points = levelPoints(row, pdo);
  // at_least v: the level starts at v; more_than v: just above v (the metrics are counts, fen or ratios).
  const start = (v: number) => (threshold.comparison === 'at_least' ? v : v + 1e-9);
  const cuts: { at: number; points: number }[] = [];
  if (threshold.warn !== null) cuts.push({ at: start(threshold.warn), points: points.warn });
  if (threshold.fail !== null) cuts.push({ at: start(threshold.fail), points: points.fail });
  const bins: PointsBin[] = [{ lower: null, upper: cuts[0]?.at ?? null, points: 0 }];
  cuts.forEach((cut, i) => bins.push({ lower: cut.at, upper: cuts[i + 1]?.at ?? null, points: cut.points }));
  return bins;
}

const UNIT: Record<LenderRule['unit'], FactorUnit> = { months: 'count', fen: 'fen', count: 'count', ratio: 'ratio' };

const PRICED: Record<CardPricing, LocalizedText> = {
  lateness: { 'zh-CN': '拟合评分卡因近 6 个月的逾期已扣', en: 'the fitted card already took' },
  current_months_late: { 'zh-CN': '拟合评分卡的“当前逾期”已扣', en: 'the fitted card’s “overdue now” already took' },
};

/**
 * One adjustment as a factor; value null: not applied (0 points), e.g. no income given.
 * `cardLoss`: the points the fitted card lost on the same fact at the point (row.pricedByCard).
 */
export function adjustmentFactor(row: AdjustmentRow, rule: LenderRule, bounds: ValueBounds, pdo: number, impact: ImpactCutoffs, cardLoss = 0): FactorResult {
  const bins = binsOf(row, rule, pdo);
  const raw = levelFor(row, rule, bounds.value, pdo);
  const points = netted(raw, cardLoss);
  const worst = Math.min(...bins.map((b) => b.points));
  // Not applied when the metric is missing: a missing income is not uncertainty in the data.
  const span = pointsRange(bins, bounds, { points: 0, uncertain: false });
  const nettedNote =
    row.pricedByCard !== null && raw < 0 && cardLoss > 0
      ? {
          'zh-CN': `本项 ${raw} 分中，${PRICED[row.pricedByCard]['zh-CN']} ${cardLoss} 分，只计超出部分（${points} 分）。`,
          en: ` Of this rule’s ${raw} points, ${PRICED[row.pricedByCard].en} ${cardLoss}; only the rest counts (${points}).`,
        }
      : { 'zh-CN': '', en: '' };
  return {
    key: `adjustment:${row.ruleId}`,
    origin: 'adjustment',
    dimension: null,
    label: rule.label,
    unit: UNIT[rule.unit],
    value: bounds.value,
    valueRange: { low: bounds.low, high: bounds.high },
    points,
    maxPoints: 0,
    minPoints: worst,
    pointsBelowBest: 0 - points, // not -points: no -0 in the report
    pointsRange: { low: netted(span.low, cardLoss), high: netted(span.high, cardLoss) },
    impact: impactOf(-worst, impact),
    reason: {
      'zh-CN': `${rule.label['zh-CN']}（常见的银行经验规则，非监管规定）`,
      en: `${rule.label.en} (a commonly cited lender heuristic, not a regulation)`,
    },
    effect: {
      'zh-CN': `${rule.explanation['zh-CN']} 扣分依据：${row.rationale['zh-CN']}。${nettedNote['zh-CN']}`,
      en: `${rule.explanation.en} Points: ${row.rationale.en}.${nettedNote.en}`,
    },
    sources: [`core/rules/lender-heuristics.ts rule ${rule.id}`, 'docs/domain/lender-heuristics.md', ...rule.sources, `core/score/adjustments.ts v${ADJUSTMENTS_VERSION}: PDO × log2(odds ratio)`],
    ruleId: rule.id,
    applicable: true,
    caveat: null,
  };
}
