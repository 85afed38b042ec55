// The target planner: a goal (a score or band of one model, or every lender rule passing) by a
// date → the smallest set of the what-if's own actions that reaches it, the cash it needs and the
// earliest day it holds; or why it cannot be reached by then. Every candidate is a scenario run
// by the what-if engine (actions.ts → projection.ts → timeline.ts evaluate), so the planner
// knows no rule of its own: it only proposes actions and reads the engine's answer.
//
// The goal is met on a day when the report and scores the engine computes for that day meet it;
// "reached by the date" means met on the date itself (the day the client applies), and the
// earliest day is the first from which it is met on every report through the date.
//
// The search (bounded and deterministic):
//   1. Candidate measures, read off the baseline on the as-of day: clear every overdue (one
//      clear_overdue per account overdue today); pay the cards down before their statement days
//      (pay, a total amount T a statement month, the largest statements first; on the last
//      statement before the date, or on every one from now to the date); consolidate every open
//      online loan into one bank loan (consolidate, one hard query).
//   2. Every combination of the (at most three) measures, fewest first, each at its strongest
//      (every overdue cleared, T the whole statements): the first size at which some combination
//      meets the goal is the fewest measures that can, since every smaller one was tried and
//      failed. Among those, the least cash, then the earliest day, then the order above.
//   3. Within the chosen combination: each clear is dropped if the goal holds without it (none
//      left can be dropped alone), the last-statement span is preferred to every statement, and
//      T is the smallest amount in fen by binary search between a grid point that fails and the
//      next that holds (the grid first, as paying more is not always better for the fitted card:
//      core/score/models/bureau-caveats-v1.ts). Paying T to the largest statements first touches
//      the fewest cards; the report's and the models' use figures read the cards' sums
//      (core/bureau/lender-metrics.ts cardUtilisation, core/score/ledger-features.ts), so the
//      split does not change them.
//   4. Whenever the goal is met only later than today, "stop all applications" until the
//      earliest day: a new query before then would move the windows the goal waits for.
// Each candidate costs one projection of the accounts it touches and one evaluation on the date,
// so the planner runs at most 2^3 + 2 + clears + grid + log2(T) scenarios.

import { reportMonthOf, addMonthsToDay } from '../bureau/windows.ts';
import { sight, type Scorer } from '../rules/scorer-visibility.ts';
import { BUREAU_BANDS } from '../score/models/bureau-bands-v1.ts';
import type { ScoreReport } from '../score/report-schema.ts';
import { dayOfMonth, formatDay, formatMonth, lastDay, monthOfDay, parseDay } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { formatFen } from '../shared/money.ts';
import type { ReportCore } from '../bureau/report-core.ts';
import type { LedgerAccountSnapshot } from '../ledger/snapshot.ts';
import { applyActions } from './actions.ts';
import { ACTION_NAMES } from '../shared/whatif-actions.ts';
import { previousBase, timelineDays, type WhatIfBase } from './base.ts';
import { baselineOf, type Baseline } from './compare.ts';
import { factorDeltas } from './deltas.ts';
import { overdueNow, project, type Projection } from './projection.ts';
import { scenarioResult } from './results.ts';
import { goalSpec, MAX_MONTHS, type Goal, type ScenarioResult, type TargetResult, type WhatIfAction } from './schema.ts';
import { startScenario, type ScenarioState } from './scenario-state.ts';
import { evaluate, projectedActivity, snapshotOn, timeline, type TimelinePoint } from './timeline.ts';

/**
 * The bank loan a consolidation is planned with: Credence's planning convention, not an offer
 * (the adviser edits the plan's action to the lender's real terms on the What-if page).
 */
export const CONSOLIDATION_TERMS = {
  lender: '银行',
  institutionType: '11',
  termMonths: 36,
  repaymentMethod: 'equal_installment',
  annualRateBp: 600,
} as const;

/** Steps of the amount grid scanned before the binary search (as core/score/next-action.ts scans repayments). */
const GRID_STEPS = 20;
/** The longest pause the action allows (schema.ts stop_applications). */
const MAX_PAUSE_MONTHS = 60;

// ---------------------------------------------------------------- the goal

const MODEL_NAMES: Record<Scorer, LocalizedText> = {
  bureau: { 'zh-CN': '征信式评分', en: 'bureau-style score' },
  sesame: { 'zh-CN': '芝麻式估分', en: 'Sesame-style estimate' },
};

function bandsOf(model: Scorer, score: ScoreReport) {
  return model === 'bureau' ? BUREAU_BANDS : score.sesame.bands;
}

/** The goal as a sentence: "a bureau-style score of 600 or more". */
export function goalText(goal: Goal, bands: ScoreReport): LocalizedText {
  if (goal.kind === 'lender') return { 'zh-CN': '通过全部放贷规则（无一项未通过）', en: 'every lender rule passing (none failing)' };
  const name = MODEL_NAMES[goal.model];
  if (goal.kind === 'score') return { 'zh-CN': `${name['zh-CN']}达到 ${goal.score} 分`, en: `a ${name.en} of ${goal.score} or more` };
  const band = bandsOf(goal.model, bands).find((b) => b.id === goal.band)!;
  return { 'zh-CN': `${name['zh-CN']}达到「${band.label['zh-CN']}」档或更高`, en: `a ${name.en} in band “${band.label.en}” or above` };
}

/**
 * The lender rules an application on `day` fails: those that fail, and the query rules its own
 * query would take over their line (the lender view's safe-to-apply day is later).
 */
function blockingRules(core: ReportCore, day: number) {
  const text = formatDay(day);
  return core.lenderView.filter((r) => r.status === 'fail' || (exactDay(r) !== null && exactDay(r)! > text));
}

/**
 * The day a rule stops blocking, where it is exact between two month ends: a query window's (the
 * other rules' dates assume what the user does, which the plan itself decides month by month).
 */
function exactDay(r: ReportCore['lenderView'][number]): string | null {
  return r.safeToApply?.basis === 'queries' ? r.safeToApply.fail : null;
}

function meets(goal: Goal, core: ReportCore, score: ScoreReport, day: number): boolean {
  if (goal.kind === 'lender') return blockingRules(core, day).length === 0;
  const model = score[goal.model];
  if (goal.kind === 'score') return model.score !== null && model.score >= goal.score;
  if (model.band === null) return false;
  const bands = bandsOf(goal.model, score);
  return bands.findIndex((b) => b.id === model.band!.id) >= bands.findIndex((b) => b.id === goal.band);
}

function checkGoal(goal: Goal, score: ScoreReport): void {
  if (goal.kind === 'band' && !bandsOf(goal.model, score).some((b) => b.id === goal.band)) {
    throw new CredenceError('whatif.invalid_goal', { goal: `${goal.model}:${goal.band}` });
  }
}

// ---------------------------------------------------------------- candidates

interface Statement {
  accountId: number;
  name: string;
  month: number;
  /** The statement as the baseline has it (what paying it all down before its statement day removes). */
  balanceFen: number;
  limitFen: number | null;
  statementDay: number;
}

interface Candidates {
  /** Accounts overdue today (not lines: a line's overdue is its draws'). */
  overdue: LedgerAccountSnapshot[];
  /** Per card the goal's scorer sees, its statements from now to the date, month order. */
  statements: Statement[][];
  /** Open online loans the consolidation repays (a line's open draws in its place). */
  online: LedgerAccountSnapshot[];
}

/** Whether the goal's scorer reads a card (core/rules/scorer-visibility.ts): every lender rule reads the report. */
function seenFor(goal: Goal, account: LedgerAccountSnapshot): boolean {
  const scorer: Scorer = goal.kind === 'lender' ? 'bureau' : goal.model;
  const how = sight(scorer, account.product);
  return how === 'full' || (how === 'as_reported' && account.reportsToBureau !== 'no');
}

function candidatesOf(base: WhatIfBase, baseline: Baseline, goal: Goal, byDay: number): Candidates {
  const accounts = baseline.projection.accounts;
  const overdue = base.snapshot.accounts.filter((a) => a.kind !== 'line' && overdueNow(a.months, base.asOfDay));
  const statements: Statement[][] = [];
  for (const a of accounts) {
    if (a.kind !== 'revolving' || a.statementDay === null || a.dueDay === null || a.closedOn !== null || !seenFor(goal, a)) continue;
    const rows = new Map(a.months.map((r) => [r.month, r]));
    const own: Statement[] = [];
    for (let m = monthOfDay(base.asOfDay); dayOfMonth(m, a.statementDay) <= byDay; m++) {
      // Paid the day before the statement day (actions.ts pay), which must not be before today.
      if (dayOfMonth(m, a.statementDay) - 1 < base.asOfDay) continue;
      const balance = rows.get(formatMonth(m))?.statementBalanceFen ?? null;
      if (balance !== null && balance > 0) own.push({ accountId: a.id, name: a.name, month: m, balanceFen: balance, limitFen: a.limitFen, statementDay: a.statementDay });
    }
    if (own.length > 0) statements.push(own);
  }
  const rule = baseline.points[0].core.lenderView.find((r) => r.ruleId === 'online_loans');
  const ids = new Set((rule?.figure.records ?? []).flatMap((r) => (r.kind === 'account' ? [r.accountId] : [])));
  const byId = new Map(base.snapshot.accounts.map((a) => [a.id, a]));
  const online: LedgerAccountSnapshot[] = [];
  for (const id of [...ids].sort((x, y) => x - y)) {
    const a = byId.get(id);
    if (!a) continue;
    if (a.kind !== 'line') online.push(a);
    else online.push(...base.snapshot.accounts.filter((d) => d.parentId === a.id && d.kind === 'draw' && d.settledOn === null));
  }
  // A card or Huabei counted as an online loan is paid down, not consolidated (that would close it).
  const open = online.filter((a) => (a.kind === 'loan' || a.kind === 'draw') && a.settledOn === null && a.closedOn === null);
  return { overdue, statements, online: open };
}

// ---------------------------------------------------------------- plans

type Span = 'last' | 'every';

interface Plan {
  clears: number[];
  paydown: { span: Span; totalFen: number } | null;
  consolidate: boolean;
}

/** The statement months a paydown pays, grouped: each group shares one total, largest statements first. */
function paydownGroups(c: Candidates, span: Span): Statement[][] {
  const groups = new Map<number, Statement[]>();
  if (span === 'last') groups.set(0, c.statements.map((own) => own.at(-1)!));
  else for (const own of c.statements) for (const s of own) groups.set(s.month, [...(groups.get(s.month) ?? []), s]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, list]) => list.sort((x, y) => y.balanceFen - x.balanceFen || x.accountId - y.accountId));
}

function maxPaydown(c: Candidates, span: Span): number {
  return Math.max(0, ...paydownGroups(c, span).map((g) => g.reduce((s, x) => s + x.balanceFen, 0)));
}

function payActions(c: Candidates, span: Span, totalFen: number): { action: WhatIfAction; statement: Statement }[] {
  const out: { action: WhatIfAction; statement: Statement }[] = [];
  for (const group of paydownGroups(c, span)) {
    let left = totalFen;
    for (const s of group) {
      const fen = Math.min(left, s.balanceFen);
      if (fen <= 0) break;
      left -= fen;
      out.push({ action: { type: 'pay', accountId: s.accountId, amountFen: fen, month: formatMonth(s.month), timing: 'before_statement' }, statement: s });
    }
  }
  return out;
}

interface Step {
  action: WhatIfAction;
  why: LocalizedText;
}

function stepsOf(c: Candidates, plan: Plan, asOf: string, byText: string): Step[] {
  const steps: Step[] = [];
  const without = { 'zh-CN': `缺少这一步，到 ${byText} 达不到目标`, en: `without it the goal is not met by ${byText}` };
  for (const id of plan.clears) {
    const a = c.overdue.find((x) => x.id === id)!;
    steps.push({
      action: { type: 'clear_overdue', accountId: id, on: asOf },
      why: { 'zh-CN': `${asOf} 结清「${a.name}」的全部逾期：${without['zh-CN']}。`, en: `Clear everything overdue on “${a.name}” on ${asOf}: ${without.en}.` },
    });
  }
  if (plan.consolidate) {
    const names = c.online.map((a) => a.name);
    steps.push({
      action: {
        type: 'consolidate',
        on: asOf,
        accountIds: c.online.map((a) => a.id),
        lender: CONSOLIDATION_TERMS.lender,
        institutionType: CONSOLIDATION_TERMS.institutionType,
        termMonths: CONSOLIDATION_TERMS.termMonths,
        repaymentMethod: CONSOLIDATION_TERMS.repaymentMethod,
        annualRateBp: CONSOLIDATION_TERMS.annualRateBp,
      },
      why: {
        'zh-CN': `${asOf} 将 ${names.join('、')} 整合为一笔银行贷款（按 ${CONSOLIDATION_TERMS.termMonths} 期、年利率 ${CONSOLIDATION_TERMS.annualRateBp / 100}% 规划，以实际条件为准）：未结清网贷减少 ${names.length} 笔，新增一次贷款审批查询；${without['zh-CN']}。`,
        en: `On ${asOf}, consolidate ${names.join(', ')} into one bank loan (planned at ${CONSOLIDATION_TERMS.termMonths} months, ${CONSOLIDATION_TERMS.annualRateBp / 100}% a year; use the lender's real terms): ${names.length} fewer open online loans, one more loan-approval query; ${without.en}.`,
      },
    });
  }
  if (plan.paydown) {
    for (const { action, statement: s } of payActions(c, plan.paydown.span, plan.paydown.totalFen)) {
      const fen = (action as { amountFen: number }).amountFen;
      const payDay = formatDay(dayOfMonth(s.month, s.statementDay) - 1);
      const after = s.balanceFen - fen;
      const share = s.limitFen ? `（额度的 ${Math.round((after / s.limitFen) * 100)}%）` : '';
      const shareEn = s.limitFen ? ` (${Math.round((after / s.limitFen) * 100)}% of its limit)` : '';
      steps.push({
        action,
        why: {
          'zh-CN': `${payDay}（账单日前一天）向「${s.name}」还款 ${formatFen(fen)}：${formatMonth(s.month)} 账单的已用额度从 ${formatFen(s.balanceFen)} 降到 ${formatFen(after)}${share}；${without['zh-CN']}。`,
          en: `On ${payDay} (the day before the statement day) pay ${formatFen(fen)} on “${s.name}”: its ${formatMonth(s.month)} statement falls from ${formatFen(s.balanceFen)} to ${formatFen(after)}${shareEn}; ${without.en}.`,
        },
      });
    }
  }
  return steps;
}

function actionsOf(c: Candidates, plan: Plan, asOf: string): WhatIfAction[] {
  return stepsOf(c, plan, asOf, '').map((s) => s.action);
}

// ---------------------------------------------------------------- running candidates

interface Run {
  state: ScenarioState;
  projection: Projection;
}

interface Planner {
  base: WhatIfBase;
  baseline: Baseline;
  goal: Goal;
  byDay: number;
  asOf: string;
  candidates: Candidates;
  /** Each plan tried, by its actions: whether the goal holds on the date. */
  tried: Map<string, boolean>;
}

function run(p: Planner, actions: readonly WhatIfAction[], baseline: Baseline = p.baseline): Run {
  const state = applyActions(startScenario(p.base, baseline.months, baseline.horizonDay), actions, 'target');
  return { state, projection: project(state, baseline.projection) };
}

function holdsOn(p: Planner, r: Run, day: number, activity = p.baseline.activity): boolean {
  const { core, score } = evaluate(snapshotOn(r.state, r.projection, activity, day), day);
  return meets(p.goal, core, score, day);
}

function holds(p: Planner, plan: Plan): boolean {
  const actions = actionsOf(p.candidates, plan, p.asOf);
  const key = JSON.stringify(actions);
  let out = p.tried.get(key);
  if (out === undefined) {
    out = holdsOn(p, run(p, actions), p.byDay);
    p.tried.set(key, out);
  }
  return out;
}

/** The smallest total in fen (per statement month) from which the plan meets the goal: a failing grid point, then halving. */
function smallestPaydown(p: Planner, plan: Plan, span: Span): number {
  const max = maxPaydown(p.candidates, span);
  const at = (fen: number) => holds(p, { ...plan, paydown: fen > 0 ? { span, totalFen: fen } : null });
  let low = 0;
  let high = max;
  for (let k = 1; k <= GRID_STEPS; k++) {
    const fen = Math.ceil((max * k) / GRID_STEPS);
    if (at(fen)) {
      high = fen;
      break;
    }
    low = fen;
  }
  // low fails (0: the plan without a paydown fails, else a grid point), high holds.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (at(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** The plan at its strongest for a set of measures, or null when it does not meet the goal. */
function strongest(p: Planner, clear: boolean, paydown: boolean, consolidate: boolean): Plan | null {
  const clears = clear ? p.candidates.overdue.map((a) => a.id) : [];
  for (const span of paydown ? (['last', 'every'] as const) : [null]) {
    const plan: Plan = { clears, consolidate, paydown: span === null ? null : { span, totalFen: maxPaydown(p.candidates, span) } };
    if (holds(p, plan)) return plan;
  }
  return null;
}

/** The chosen measures made as small as they go: clears dropped one by one, the smallest paydown. */
function tighten(p: Planner, plan: Plan): Plan {
  let out = plan;
  for (const id of plan.clears) {
    const fewer = { ...out, clears: out.clears.filter((x) => x !== id) };
    if (holds(p, fewer)) out = fewer;
  }
  if (out.paydown) out = { ...out, paydown: { span: out.paydown.span, totalFen: smallestPaydown(p, out, out.paydown.span) } };
  return out;
}

// ---------------------------------------------------------------- the result

/** The baseline on `days`: its own point where it has one (the same day of the same projection), else evaluated. */
function baselineOn(baseline: Baseline, days: readonly number[]): TimelinePoint[] {
  const at = new Map(baseline.points.map((point) => [point.day, point]));
  return days.map((day) => at.get(day) ?? timeline(baseline.state, baseline.projection, baseline.activity, [day])[0]);
}

/** The days a plan is read on: the timeline's month ends before the date, and the date. */
function daysTo(base: WhatIfBase, months: number, byDay: number): number[] {
  const days = timelineDays(base.asOfDay, months).filter((d) => d < byDay);
  return [...days, byDay];
}

/**
 * The first day from which the goal is met on every point through the date. The report moves
 * at month ends, but query windows move by the day: when only query rules blocked an
 * application at the point before, the day their windows let it through (the lender view's
 * safe-to-apply days).
 */
function earliestOf(p: Planner, points: readonly TimelinePoint[]): number | null {
  let k = points.length;
  while (k > 0 && meets(p.goal, points[k - 1].core, points[k - 1].score, points[k - 1].day)) k--;
  if (k === points.length) return null;
  if (k === 0 || p.goal.kind !== 'lender') return points[k].day;
  const before = points[k - 1];
  const days = blockingRules(before.core, before.day).map(exactDay);
  if (days.some((d) => d === null)) return points[k].day;
  const day = parseDay(days.sort().at(-1)!)!;
  return day > before.day && day < points[k].day ? day : points[k].day;
}

/** Stop applying from `from` until `until`: the fewest whole months that cover it. */
function pauseUntil(from: number, until: number): { type: 'stop_applications'; from: string; months: number } {
  let months = 1;
  while (months < MAX_PAUSE_MONTHS && addMonthsToDay(from, months) < until) months++;
  return { type: 'stop_applications', from: formatDay(from), months };
}

interface Evaluated {
  result: ScenarioResult;
  points: TimelinePoint[];
}

function evaluatePlan(p: Planner, actions: readonly WhatIfAction[], days: readonly number[], reference: readonly TimelinePoint[]): Evaluated {
  const r = run(p, actions);
  // The baseline's points on the same days: a day the plan's actions have not reached is the baseline's (day-cut.ts).
  const points = timeline(r.state, r.projection, p.baseline.activity, days, reference);
  return { result: scenarioResult(null, '', r.state, r.projection, points, reference), points };
}

function cashText(fen: number): LocalizedText {
  return fen > 0 ? { 'zh-CN': `所需现金 ${formatFen(fen)}`, en: `cash needed ${formatFen(fen)}` } : { 'zh-CN': '不需要额外现金', en: 'no extra cash' };
}

function measureCount(c: Candidates): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (c.overdue.length > 0) zh.push(`结清 ${c.overdue.length} 个逾期账户`), en.push(`clearing ${c.overdue.length} overdue account(s)`);
  if (c.statements.length > 0) zh.push(`${c.statements.length} 张卡账单日前还款`), en.push(`paying ${c.statements.length} card(s) down before their statement days`);
  if (c.online.length > 0) zh.push(`整合 ${c.online.length} 笔网贷`), en.push(`consolidating ${c.online.length} online loan(s)`);
  return { zh: zh.join('、') || '无', en: en.join(', ') || 'none' };
}

/** Why the goal is not met by the date: the rules that fail then (with their dates), or the factors that hold the score back. */
function blockers(p: Planner, at: TimelinePoint, later: TimelinePoint | null): LocalizedText[] {
  if (p.goal.kind === 'lender') {
    const passesLater = (ruleId: string) => later !== null && !blockingRules(later.core, later.day).some((r) => r.ruleId === ruleId);
    return blockingRules(at.core, p.byDay)
      .map((r) => {
        const until = exactDay(r) ?? (passesLater(r.ruleId) ? formatDay(later!.day) : null);
        return {
          'zh-CN': `${r.label['zh-CN']}：没有任何可选操作能让它在 ${formatDay(p.byDay)} 通过${until ? `，${until} 起记录离开${r.windowMonths === null ? '报告' : `它的 ${r.windowMonths} 个月窗口`}后才通过` : ''}`,
          en: `${r.label.en}: no candidate action makes it pass on ${formatDay(p.byDay)}${until ? `; it passes from ${until}, once the records leave ${r.windowMonths === null ? 'the report' : `its ${r.windowMonths}-month window`}` : ''}`,
        };
      });
  }
  if (later === null) return [];
  const month = formatMonth(reportMonthOf(later.day));
  return factorDeltas(later.score, at.score, month, new Map())
    .filter((d) => d.model === (p.goal as { model: Scorer }).model && d.points > 0)
    .slice(0, 3)
    .map((d) => ({ 'zh-CN': `到 ${formatDay(later.day)} 才会发生：${d.text['zh-CN']}`, en: `only by ${formatDay(later.day)}: ${d.text.en}` }));
}

/** Where the goal's measure stands on the date with every candidate measure taken. */
function standingText(p: Planner, at: TimelinePoint): LocalizedText {
  const day = formatDay(at.day);
  if (p.goal.kind === 'lender') {
    const n = blockingRules(at.core, at.day).length;
    return { 'zh-CN': `采取全部可选措施，${day} 仍有 ${n} 项放贷规则不通过。`, en: `With every candidate measure, ${n} lender rule(s) still block an application on ${day}.` };
  }
  const model = at.score[p.goal.model];
  const name = MODEL_NAMES[p.goal.model];
  if (model.score === null || model.band === null) {
    return { 'zh-CN': `采取全部可选措施，${day} 的${name['zh-CN']}仍无法评分。`, en: `With every candidate measure, the ${name.en} still cannot score the file on ${day}.` };
  }
  return {
    'zh-CN': `采取全部可选措施，${day} 的${name['zh-CN']}为 ${model.score}（${model.band.label['zh-CN']}）。`,
    en: `With every candidate measure, the ${name.en} on ${day} is ${model.score} (${model.band.label.en}).`,
  };
}

/**
 * The baseline's projection to MAX_MONTHS, without its points (reachableAfter reads the days it
 * needs), kept with the base; a base read again after the data moved starts from the previous
 * one's, as compare.ts baselineOf does.
 */
const longBaselines = new WeakMap<WhatIfBase, Baseline>();

function longBaselineOf(base: WhatIfBase): Baseline {
  const kept = longBaselines.get(base);
  if (kept) return kept;
  const months = MAX_MONTHS;
  const horizonDay = lastDay(reportMonthOf(base.asOfDay) + months);
  const state = startScenario(base, months, horizonDay);
  const previous = previousBase(base);
  const earlier = previous && longBaselines.get(previous);
  const long: Baseline = {
    months,
    days: [],
    horizonDay,
    activity: projectedActivity(base.snapshot.activity, base.asOfDay, horizonDay),
    state,
    projection: project(state, null, earlier ?? null),
    points: [],
  };
  longBaselines.set(base, long);
  return long;
}

/** With every measure at its strongest, the first month end after the date on which the goal is met (within MAX_MONTHS). */
function reachableAfter(p: Planner, actions: readonly WhatIfAction[]): TimelinePoint | null {
  const long = longBaselineOf(p.base);
  const months = long.months;
  const r = run(p, actions, long);
  for (const day of timelineDays(p.base.asOfDay, months)) {
    if (day <= p.byDay) continue;
    const snapshot = snapshotOn(r.state, r.projection, long.activity, day);
    const { core, score } = evaluate(snapshot, day);
    if (meets(p.goal, core, score, day)) return { day, snapshot, core, score };
  }
  return null;
}

/**
 * The smallest set of actions that meets `goal` on the day `by` (YYYY-MM-DD), from the base's
 * as-of day. Throws whatif.target_date when the date is not a day after the as-of day or too far.
 */
export function planTarget(base: WhatIfBase, goal: Goal, by: string): TargetResult {
  const asOf = formatDay(base.asOfDay);
  const byDay = parseDay(by);
  const months = byDay === null ? 0 : monthOfDay(byDay) - reportMonthOf(base.asOfDay);
  if (byDay === null || byDay <= base.asOfDay || months > MAX_MONTHS) {
    throw new CredenceError('whatif.target_date', { by, asOf, last: formatDay(lastDay(reportMonthOf(base.asOfDay) + MAX_MONTHS)), max: MAX_MONTHS });
  }
  const baseline = baselineOf(base, months);
  checkGoal(goal, baseline.points[0].score);
  const p: Planner = { base, baseline, goal, byDay, asOf, candidates: candidatesOf(base, baseline, goal, byDay), tried: new Map() };
  const byText = formatDay(byDay);
  const days = daysTo(base, months, byDay);
  const reference = baselineOn(baseline, days);
  const goalLine = goalText(goal, baseline.points[0].score);
  const head: LocalizedText = { 'zh-CN': `目标：${byText} 前${goalLine['zh-CN']}。`, en: `Goal: ${goalLine.en} by ${byText}.` };
  const c = p.candidates;
  const measures = measureCount(c);
  const search: LocalizedText = {
    'zh-CN': `搜索：可选措施（${measures.zh}）的每种组合，措施少者优先，同样少则现金少者、再则日期早者；还款金额用二分法精确到分。每个方案都由假设分析引擎计算。`,
    en: `Search: every combination of the candidate measures (${measures.en}), fewest first, then the least cash, then the earliest; the amount by binary search to the fen. Every plan is computed by the what-if engine.`,
  };

  // Same-size combinations in the order of the measures (clear, pay down, consolidate).
  const flags = [true, false];
  const combos = flags
    .flatMap((clear) => flags.flatMap((paydown) => flags.map((consolidate) => ({ clear, paydown, consolidate }))))
    .filter((m) => (!m.clear || c.overdue.length > 0) && (!m.paydown || c.statements.length > 0) && (!m.consolidate || c.online.length > 0))
    .map((m) => ({ ...m, size: Number(m.clear) + Number(m.paydown) + Number(m.consolidate) }))
    .sort((a, b) => a.size - b.size);

  let chosen: { plan: Plan; evaluated: Evaluated; earliest: number } | null = null;
  for (const size of [0, 1, 2, 3]) {
    for (const m of combos.filter((x) => x.size === size)) {
      const plan = strongest(p, m.clear, m.paydown, m.consolidate);
      if (plan === null) continue;
      const tight = tighten(p, plan);
      const evaluated = evaluatePlan(p, actionsOf(c, tight, asOf), days, reference);
      const earliest = earliestOf(p, evaluated.points) ?? byDay;
      const better =
        chosen === null ||
        evaluated.result.cashTotalFen < chosen.evaluated.result.cashTotalFen ||
        (evaluated.result.cashTotalFen === chosen.evaluated.result.cashTotalFen && earliest < chosen.earliest);
      if (better) chosen = { plan: tight, evaluated, earliest };
    }
    if (chosen !== null) break;
  }

  if (chosen === null) {
    const all: Plan = { clears: c.overdue.map((a) => a.id), consolidate: c.online.length > 0, paydown: c.statements.length > 0 ? { span: 'every', totalFen: maxPaydown(c, 'every') } : null };
    const strongestActions = actionsOf(c, all, asOf);
    const at = evaluatePlan(p, strongestActions, days, reference).points.at(-1)!;
    const later = reachableAfter(p, strongestActions);
    const outcome: LocalizedText =
      later === null
        ? { 'zh-CN': `无法在 ${byText} 前达到，采取全部可选措施到 ${MAX_MONTHS} 个月内也达不到。`, en: `Cannot be reached by ${byText}, nor within ${MAX_MONTHS} months with every candidate measure.` }
        : {
            'zh-CN': `无法在 ${byText} 前达到：即使采取全部可选措施，最早也要到 ${formatDay(later.day)}。`,
            en: `Cannot be reached by ${byText}: even with every candidate measure, not before ${formatDay(later.day)}.`,
          };
    const standing = standingText(p, at);
    return {
      goal,
      by: byText,
      reached: false,
      steps: [],
      cashFen: 0,
      earliest: null,
      reachableOn: later === null ? null : formatDay(later.day),
      explanation: [head, outcome, standing, ...blockers(p, at, later), search],
      scenario: null,
    };
  }

  const { plan, earliest } = chosen;
  const steps = stepsOf(c, plan, asOf, byText);
  // A pause after the plan's own application (a consolidation's query), until the earliest day.
  const from = plan.consolidate ? base.asOfDay + 1 : base.asOfDay;
  if (earliest > from) {
    const pause = pauseUntil(from, earliest);
    steps.push({
      action: pause,
      why: {
        'zh-CN': `${pause.from} 起 ${pause.months} 个月内不申请任何贷款或信用卡（到 ${formatDay(earliest)} 为止）：在此之前的新申请（查询、新账户）不在本方案之内，可能推迟达到目标的日期。`,
        en: `Apply for no loan or card for ${pause.months} month(s) from ${pause.from} (until ${formatDay(earliest)}): a new application before then (a query, a new account) is not in this plan and could move the day the goal is met.`,
      },
    });
  }
  const final = evaluatePlan(p, steps.map((s) => s.action), days, reference).result;
  const names = steps.map((s) => ACTION_NAMES[s.action.type]);
  const outcome: LocalizedText =
    steps.length === 0
      ? { 'zh-CN': `现在已达到，且到 ${byText} 一直保持，无需任何操作。`, en: `Met already, and through ${byText}, with no action.` }
      : {
          'zh-CN': `可以达到：${steps.length} 步（${[...new Set(names.map((n) => n['zh-CN']))].join('、')}），${cashText(final.cashTotalFen)['zh-CN']}，最早 ${formatDay(earliest)} 起达到并保持到 ${byText}。`,
          en: `Reachable: ${steps.length} step(s) (${[...new Set(names.map((n) => n.en))].join(', ')}), ${cashText(final.cashTotalFen).en}, met from ${formatDay(earliest)} through ${byText}.`,
        };
  return {
    goal,
    by: byText,
    reached: true,
    steps,
    cashFen: final.cashTotalFen,
    earliest: formatDay(earliest),
    reachableOn: formatDay(earliest),
    explanation: [head, outcome, ...steps.map((s) => s.why), search],
    scenario: { ...final, name: `${goalSpec(goal)} → ${byText}` },
  };
}
