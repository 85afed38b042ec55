// A scenario's timeline as its result (schema.ts ScenarioResult): per month both scores with
// ranges and bands, the figures, the lender rules and their verdict, the factor deltas; the day
// from which every lender rule passes; the cash the actions need; the frozen assumptions.

import type { RuleEvaluation } from '../bureau/report-schema.ts';
import { formatDay, formatMonth } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import type { ModelResult } from '../score/report-schema.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import { frozenAssumptions } from './assumptions.ts';
import { factorDeltas } from './deltas.ts';
import { figuresOf } from './figures.ts';
import type { Projection } from './projection.ts';
import type { MonthResult, RuleAt, RuleStatus, ScenarioResult, ScoreAt } from './schema.ts';
import type { ScenarioState } from './scenario-state.ts';
import type { TimelinePoint } from './timeline.ts';

const SEVERITY: Record<RuleStatus, number> = { pass: 0, unknown: 1, warn: 2, fail: 3 };

function scoreAt(m: ModelResult): ScoreAt {
  if (m.score === null || m.range === null || m.band === null || m.bandRange === null) return { score: null, low: null, high: null, band: null, bandLow: null, bandHigh: null };
  return { score: m.score, low: m.range.low, high: m.range.high, band: { id: m.band.id, label: m.band.label }, bandLow: m.bandRange.low.id, bandHigh: m.bandRange.high.id };
}

function ruleAt(r: RuleEvaluation): RuleAt {
  // Only the query windows are exact between two month ends; every other rule's date assumes what
  // the user does, which the scenario itself says month by month.
  const queries = r.safeToApply?.basis === 'queries' ? { warn: r.safeToApply.warn, fail: r.safeToApply.fail } : null;
  const out: RuleAt = { ruleId: r.ruleId, status: r.status, value: r.figure.value, safeToApply: queries };
  if (r.statusIfUnknownReported !== undefined) out.statusIfUnknownReported = r.statusIfUnknownReported;
  return out;
}

function verdict(rules: readonly RuleAt[]): RuleStatus {
  return rules.reduce<RuleStatus>((worst, r) => (SEVERITY[r.status] > SEVERITY[worst] ? r.status : worst), 'pass');
}

export function monthResults(points: readonly TimelinePoint[], reference: readonly TimelinePoint[] | null): MonthResult[] {
  const since = new Map<string, string>();
  return points.map((p, k) => {
    const rules = p.core.lenderView.map(ruleAt);
    const month = formatMonth(reportMonthOf(p.day));
    const ref = reference ? reference[k] : points[0];
    return {
      month,
      asOf: formatDay(p.day),
      bureau: scoreAt(p.score.bureau),
      sesame: scoreAt(p.score.sesame),
      figures: figuresOf(p.core),
      rules,
      verdict: verdict(rules),
      deltas: factorDeltas(p.score, ref.score, month, since),
    };
  });
}

function labels(point: TimelinePoint, ids: readonly string[]): { zh: string; en: string } {
  const of = point.core.lenderView.filter((r) => ids.includes(r.ruleId));
  return { zh: of.map((r) => r.label['zh-CN']).join('、'), en: of.map((r) => r.label.en).join(', ') };
}

/**
 * The first day from which no lender rule fails, to the end of the timeline. Between two month
 * ends the query windows are exact to the day: when only query rules failed the month before,
 * the day their windows let one more application through.
 */
export function safeToApply(points: readonly TimelinePoint[], months: readonly MonthResult[]): { on: string | null; text: LocalizedText } {
  let k = months.length;
  while (k > 0 && months[k - 1].verdict !== 'fail') k--;
  const last = months.length - 1;
  if (k === months.length) {
    const failing = labels(points[last], months[last].rules.filter((r) => r.status === 'fail').map((r) => r.ruleId));
    return {
      on: null,
      text: {
        'zh-CN': `到 ${months[last].month} 仍未通过：${failing.zh}`,
        en: `Not within the timeline: ${failing.en} still ${failing.en.includes(',') ? 'fail' : 'fails'} in ${months[last].month}`,
      },
    };
  }
  if (k === 0) return { on: months[0].asOf, text: { 'zh-CN': '现在即通过全部放贷规则（警示项仍需留意）', en: 'Every lender rule passes now (mind any warnings)' } };
  let on = months[k].asOf;
  const before = months[k - 1].rules.filter((r) => r.status === 'fail');
  if (before.every((r) => r.safeToApply !== null && r.safeToApply.fail !== null)) {
    const day = before.map((r) => r.safeToApply!.fail!).sort().at(-1)!;
    if (day > months[k - 1].asOf && day < on) on = day;
  }
  const failing = labels(points[k - 1], before.map((r) => r.ruleId));
  return {
    on,
    text: { 'zh-CN': `自 ${on} 起通过全部放贷规则（此前未通过：${failing.zh}）`, en: `Every lender rule passes from ${on} (until then: ${failing.en})` },
  };
}

export function scenarioResult(
  id: number | null,
  name: string,
  state: ScenarioState,
  projection: Projection,
  points: readonly TimelinePoint[],
  reference: readonly TimelinePoint[] | null,
): ScenarioResult {
  const months = monthResults(points, reference);
  const paid = projection.cash.filter((c) => state.actions[c.actionIndex].type !== 'consolidate');
  return {
    id,
    name,
    actions: state.actions,
    months,
    focus: state.focusMonths ?? months.length - 1,
    safeToApply: safeToApply(points, months),
    cash: projection.cash,
    cashTotalFen: paid.reduce((s, c) => s + c.amountFen, 0),
    assumptions: frozenAssumptions(state, projection),
    notes: [...state.notes, ...projection.notes],
    accounts: projection.accounts.map((a) => ({ id: a.id, name: a.name, product: a.product, kind: a.kind, created: a.id < 0 })),
  };
}
