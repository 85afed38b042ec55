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
// Not adjusted here, because the fitted card already prices them: current overdue
// (current_months_late), bad debt (status 7 months) and card utilisation (max_utilisation_6m).
// Each window of the hard-query rules is its own row, as lenders are cited as checking each.

import type { LocalizedText } from '../shared/localized-text.ts';
import { LENDER_RULES, evaluateThreshold, type LenderRule } from '../rules/lender-heuristics.ts';
import { pointsRange, type PointsBin, type ValueBounds } from './bins.ts';
import { impactOf, type ImpactCutoffs } from './explain.ts';
import type { FactorResult, FactorUnit } from './report-schema.ts';

export const ADJUSTMENTS_VERSION = '1.0.0';

export interface AdjustmentRow {
  ruleId: string;
  /** Assumed odds of repaying at the rule's warn and fail levels, against passing it. */
  oddsRatio: { warn: number; fail: number };
  rationale: LocalizedText;
  /** Metric needs something only the user can give (debt-to-income: income). */
  requires: 'income' | null;
  /** The metric changes with time alone (its window moves on): projections re-read it at the later date. */
  ages: boolean;
}

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
  },
  { ruleId: 'hard_queries_1m', oddsRatio: { warn: 0.75, fail: 0.75 }, rationale: ALERT, requires: null, ages: true },
  {
    ruleId: 'hard_queries_3m',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '“通过率减半”：假定还款几率降为 0.5 倍；预警线 0.75 倍', en: '“Pass rate −50%”: odds assumed × 0.5; warning level × 0.75' },
    requires: null,
    ages: true,
  },
  {
    ruleId: 'hard_queries_6m',
    oddsRatio: { warn: 0.75, fail: 0.35 },
    rationale: { 'zh-CN': '“征信花、很可能被拒”：假定还款几率降为 0.35 倍；预警线 0.75 倍', en: '“Cluttered report, likely decline”: odds assumed × 0.35; warning level × 0.75' },
    requires: null,
    ages: true,
  },
  {
    ruleId: 'online_loans',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '3 笔起“扣分”（0.75 倍），5 笔以上“明显风险信号”（0.5 倍）', en: '3 or more “cost points” (× 0.75), 5 or more “a red flag” (× 0.5)' },
    requires: null,
    ages: false,
  },
  {
    ruleId: 'debt_to_income',
    oddsRatio: { warn: 0.75, fail: 0.5 },
    rationale: { 'zh-CN': '超过 40% 引起关注（0.75 倍），超过 50% 通常被拒（0.5 倍）', en: 'Over 40% draws attention (× 0.75), over 50% is usually declined (× 0.5)' },
    requires: 'income',
    ages: false,
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

export function adjustmentPoints(row: AdjustmentRow, rule: LenderRule, value: number | null, pdo: number): number {
  if (value === null) return 0;
  const level = evaluateThreshold(value, rule.threshold);
  return level === 'pass' ? 0 : levelPoints(row, pdo)[level];
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

/** One adjustment as a factor; value null: not applied (0 points), e.g. no income given. */
export function adjustmentFactor(row: AdjustmentRow, rule: LenderRule, bounds: ValueBounds, pdo: number, impact: ImpactCutoffs): FactorResult {
  const bins = binsOf(row, rule, pdo);
  const points = adjustmentPoints(row, rule, bounds.value, pdo);
  const worst = Math.min(...bins.map((b) => b.points));
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
    // Not applied when the metric is missing: a missing income is not uncertainty in the data.
    pointsRange: pointsRange(bins, bounds, { points: 0, uncertain: false }),
    impact: impactOf(-worst, impact),
    reason: {
      'zh-CN': `${rule.label['zh-CN']}（常见的银行经验规则，非监管规定）`,
      en: `${rule.label.en} (a commonly cited lender heuristic, not a regulation)`,
    },
    effect: {
      'zh-CN': `${rule.explanation['zh-CN']} 扣分依据：${row.rationale['zh-CN']}。`,
      en: `${rule.explanation.en} Points: ${row.rationale.en}.`,
    },
    sources: [`core/rules/lender-heuristics.ts rule ${rule.id}`, 'docs/domain/lender-heuristics.md', ...rule.sources, `core/score/adjustments.ts v${ADJUSTMENTS_VERSION}: PDO × log2(odds ratio)`],
    ruleId: rule.id,
  };
}
