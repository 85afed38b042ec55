// The expert adjustments' inputs: the lender metrics of core/bureau/lender-metrics.ts (the one
// place they are computed, shared with the simulated report's lender view), as value bounds; and
// every rule's verdict on the report (core/bureau/lender-view.ts ruleStatus), which the score card
// shows where a rule fails.
//
// A metric's point value counts the accounts whose reporting is unknown as reported (as the
// bureau card's point estimate does); its bounds run from "only the accounts known to report"
// to "all of them". A sum with amounts the ledger cannot tell is a lower bound: unbounded above.
// Loan lines whose layout nobody confirmed (per-draw or merged,
// docs/domain/platform-products.md#weilidai and report note 10) are computed both ways and the
// bounds cover both.
//
// Speed (issue 5 §8: a full score on a day not scored before well under 5 ms): only the rules an
// adjustment names are computed, each once per thing it depends on and from no more of the ledger
// than it reads (METRIC_READS), and kept with the ledger. Scoring the next day then costs only the
// query metrics of that day; the next-action search's projected month ends only the figures of
// months not seen yet. A loaded ledger is read as immutable (a what-if scores a changed copy).

import type { ScenarioOverrides } from '../bureau/layouts.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import { formatDay, parseMonth } from '../shared/calendar.ts';
import type { BureauLayout } from '../shared/ledger-vocabulary.ts';
import type { LenderMetricId, LenderRule } from '../rules/lender-heuristics.ts';
import { computeLenderMetrics, type LenderMetricValue } from '../bureau/lender-metrics.ts';
import { besideLike, likeOf } from '../bureau/replaced.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { ADJUSTMENTS } from './adjustments.ts';
import { ruleStatus } from '../bureau/lender-view.ts';
import type { RuleStatus } from '../bureau/report-schema.ts';
import type { ValueBounds } from './bins.ts';
import type { ScoringAccount, ScoringLedger } from './scoring-ledger.ts';

export type AdjustmentInputs = Record<string, ValueBounds>;

/**
 * What each lender metric reads (core/bureau/lender-metrics.ts), so that it is computed once per
 * thing it depends on, from no more of the ledger than it reads:
 *   window  the months in the rule's look-back window (windowMonths) up to the report month whose
 *           status is an overdue month for the lender rules (core/shared/status-alphabet.ts lenderOverdue), of
 *           the accounts on the report: computed once per report month, on a snapshot of the
 *           account families (a line with its draws) with such a month in the window, their
 *           histories cut to the window (the others add nothing to a count of overdue months);
 *   month   the accounts on the report as of the report month (every day of a report month gives
 *           the same figure): computed once per report month;
 *   day     the query records and the day, never the accounts: computed once per day, on a
 *           snapshot without accounts.
 * Checked against computeLenderMetrics on the whole snapshot, day by day, in
 * test/unit/score/score-cache.test.ts.
 */
export const METRIC_READS: Readonly<Record<LenderMetricId, 'window' | 'month' | 'day'>> = {
  consecutive_overdue_months: 'window',
  overdue_months_in_window: 'window',
  current_overdue_fen: 'month',
  bad_debt_accounts: 'month',
  hard_queries_in_window: 'day',
  open_online_loan_accounts: 'month',
  card_utilisation: 'month',
  debt_to_income: 'month',
};

/** A lender metric as an adjustment's input: the point the score reads and the bounds the unknowns allow. */
export function metricBounds(figure: LenderMetricValue): ValueBounds {
  let point = figure.ifUnknownReported !== undefined ? figure.ifUnknownReported : figure.value;
  if (point === null) return { value: null, low: null, high: null };
  // An amount the ledger cannot tell still exists (the lender view's reading, lender-view.ts).
  if (figure.unit === 'fen' && figure.missing > 0 && figure.records.length > 0) point = Math.max(point, 1);
  const [low, high] = figure.range ?? [point, point];
  const partial = figure.missing > 0 && (figure.unit === 'fen' || figure.unit === 'ratio');
  return { value: point, low, high: partial ? null : high };
}

function union(a: ValueBounds, b: ValueBounds): ValueBounds {
  const lowest = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.min(x, y));
  const highest = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.max(x, y));
  return { value: a.value, low: lowest(a.low, b.low), high: highest(a.high, b.high) };
}

/** Lines with draws whose layout the user has not confirmed. */
export function unconfirmedLayoutLines(ledger: ScoringLedger): number[] {
  const parents = new Set(ledger.accounts.filter((a) => a.kind === 'draw' && a.parentId !== null).map((a) => a.parentId!));
  return ledger.accounts.filter((a) => a.kind === 'line' && a.bureauLayout === null && parents.has(a.id)).map((a) => a.id);
}

/** A snapshot account as the window snapshots cut it. */
interface Cut {
  /** The account's family: its line when it is a draw of one (reportAccounts reports them together), else itself. */
  family: number;
  /** The typed history (months in step with the snapshot's rows), or null when the rows do not run month by month. */
  typed: ScoringAccount | null;
}

/** A rule's figures: the bounds over every layout scenario, and the figure as recorded (for its verdict). */
interface Figures {
  bounds: ValueBounds;
  recorded: LenderMetricValue;
}

/** What does not depend on the day, worked out once per ledger, and the figures computed so far. */
interface Memo {
  /** Every lender rule, as the ledger carries them (the user's thresholds and windows). */
  rules: ReadonlyMap<string, LenderRule>;
  /** Layout overrides for each scenario: as recorded, then (with unconfirmed lines) per draw and merged. */
  scenarios: ScenarioOverrides[];
  /** The snapshot without accounts, for the day metrics. */
  queriesOnly: LedgerSnapshot;
  /** Per snapshot account. */
  cuts: Cut[];
  byMonth: Map<number, Map<string, Figures>>;
  byDay: Map<number, Map<string, Figures>>;
  /** Every adjustment's input by day. */
  inputs: Map<number, AdjustmentInputs>;
  verdicts: Map<number, RuleVerdict[]>;
}

const memos = new WeakMap<ScoringLedger, Memo>();

function cutsOf(ledger: ScoringLedger): Cut[] {
  const { accounts } = ledger.lenderInput;
  // The typed accounts are the snapshot's, one for one and in its order (load-ledger.ts scoringAccounts): no map by id.
  const kinds = accounts.some((a) => a.kind === 'draw') ? new Map(accounts.map((a) => [a.id, a.kind])) : null;
  const cuts: Cut[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i]!;
    const own = ledger.accounts[i]?.id === a.id ? ledger.accounts[i] : ledger.accounts.find((t) => t.id === a.id);
    cuts.push({
      family: a.kind === 'draw' && a.parentId !== null && kinds!.get(a.parentId) === 'line' ? a.parentId : a.id,
      typed: own !== undefined && inStep(own, a.months) ? own : null,
    });
  }
  return cuts;
}

/** Whether the typed account's months are the rows, one for one (kept per pair: both are never edited, and a what-if's months share them). */
function inStep(own: ScoringAccount, rows: LedgerSnapshot['accounts'][number]['months']): boolean {
  let kept = steps.get(own);
  if (kept === undefined || kept.rows !== rows) {
    const last = rows.length > 0 ? parseMonth(rows.at(-1)!.month) : null;
    const value = own.codes.length === rows.length && (rows.length === 0 || (own.firstMonth === parseMonth(rows[0]!.month) && last === own.firstMonth + rows.length - 1));
    steps.set(own, (kept = { rows, value }));
  }
  return kept.value;
}

const steps = new WeakMap<ScoringAccount, { rows: readonly unknown[]; value: boolean }>();

/**
 * The snapshot without accounts the day metrics are computed on, kept with the query list: they
 * read the queries and the day only (figuresFor), so every snapshot with the same list (a
 * what-if's months and scenarios) shares one, and the metrics kept with it.
 */
function queriesOnlyOf(input: LedgerSnapshot): LedgerSnapshot {
  let out = queriesOnly.get(input.queries);
  if (!out) queriesOnly.set(input.queries, (out = { ...input, accounts: [] }));
  return out;
}

const queriesOnly = new WeakMap<LedgerSnapshot['queries'], LedgerSnapshot>();

/** The rules by id, kept with the list (load-ledger.ts keeps one list per settings). */
function rulesById(rules: ScoringLedger['rules']): ReadonlyMap<string, LenderRule> {
  let out = byId.get(rules);
  if (!out) byId.set(rules, (out = new Map(rules.map((rule) => [rule.id, rule]))));
  return out;
}

const byId = new WeakMap<ScoringLedger['rules'], ReadonlyMap<string, LenderRule>>();

function memoOf(ledger: ScoringLedger): Memo {
  let memo = memos.get(ledger);
  if (memo) return memo;
  const lines = unconfirmedLayoutLines(ledger);
  const layout = (choice: BureauLayout) => ({ layout: new Map(lines.map((id) => [id, choice])) });
  memo = {
    rules: rulesById(ledger.rules),
    scenarios: lines.length > 0 ? [{}, layout('per_draw'), layout('merged_monthly')] : [{}],
    queriesOnly: queriesOnlyOf(ledger.lenderInput),
    cuts: cutsOf(ledger),
    byMonth: new Map(),
    byDay: new Map(),
    inputs: new Map(),
    verdicts: new Map(),
  };
  memos.set(ledger, memo);
  return memo;
}

/** Rows [start, end) of an account in step with the typed ledger for the `window` months up to `reportMonth` (two numbers, not a pair: read for every account of every scored month). */
function windowStart(account: ScoringAccount, reportMonth: number, window: number): number {
  return Math.min(account.codes.length, Math.max(0, reportMonth - window + 1 - account.firstMonth));
}

function windowEnd(account: ScoringAccount, reportMonth: number, start: number): number {
  return Math.max(start, Math.min(account.codes.length, reportMonth - account.firstMonth + 1));
}

/** The account with its rows [start, end) only: one object per account and cut, so what the report builds from it is kept (core/bureau/layouts.ts). */
function windowOf(account: LedgerSnapshot['accounts'][number], start: number, end: number): LedgerSnapshot['accounts'][number] {
  let kept = windows.get(account);
  if (!kept) windows.set(account, (kept = new Map()));
  const key = start * 100_000 + end;
  let cut = kept.get(key);
  if (!cut) kept.set(key, (cut = { ...account, months: account.months.slice(start, end) }));
  return cut;
}

const windows = new WeakMap<LedgerSnapshot['accounts'][number], Map<number, LedgerSnapshot['accounts'][number]>>();

/** Whether one of the ascending rows `at` is in [start, end). */
function overdueWithin(at: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = at.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at[mid]! < start) low = mid + 1;
    else high = mid;
  }
  return low < at.length && at[low]! < end;
}

/** The snapshot of the families with an overdue month in the `window` months up to `reportMonth`, histories cut to them. */
function windowSnapshot(memo: Memo, input: LedgerSnapshot, reportMonth: number, window: number): LedgerSnapshot {
  const families = new Set<number>();
  memo.cuts.forEach(({ family, typed }) => {
    if (typed === null) return void families.add(family);
    const at = typed.lenderOverdueAt;
    if (at.length === 0) return;
    const start = windowStart(typed, reportMonth, window);
    if (overdueWithin(at, start, windowEnd(typed, reportMonth, start))) families.add(family);
  });
  const accounts: LedgerSnapshot['accounts'] = [];
  input.accounts.forEach((account, k) => {
    const { family, typed } = memo.cuts[k]!;
    if (!families.has(family)) return;
    if (typed === null) return void accounts.push(account); // the metric cuts it itself
    const start = windowStart(typed, reportMonth, window);
    const end = windowEnd(typed, reportMonth, start);
    accounts.push(start === 0 && end === account.months.length ? account : windowOf(account, start, end));
  });
  const key = `${reportMonth}:${window}`;
  const out = keptWindowSnapshot(input, accounts, key);
  let byKey = windowsOfInput.get(input);
  if (!byKey) windowsOfInput.set(input, (byKey = new Map()));
  byKey.set(key, out);
  return out;
}

/** Each snapshot's window snapshots by month and window: where those of a snapshot evaluated beside it (core/bureau/replaced.ts) are found. */
const windowsOfInput = new WeakMap<LedgerSnapshot, Map<string, LedgerSnapshot>>();

/** The window snapshot of the snapshot `input` is evaluated beside, for the same month and window (null: none built). */
function likeWindow(input: LedgerSnapshot, reportMonth: number, window: number): LedgerSnapshot | null {
  const like = likeOf(input);
  return (like && windowsOfInput.get(like)?.get(`${reportMonth}:${window}`)) ?? null;
}

/**
 * The window snapshot of these accounts and the input's other fields, the one built before when
 * all are the same objects (the months and scenarios of a what-if that leave the overdue families
 * alone): the metrics kept with it answer again. The last few per query list, month and window.
 */
function keptWindowSnapshot(input: LedgerSnapshot, accounts: LedgerSnapshot['accounts'], key: string): LedgerSnapshot {
  let kept = windowSnapshots.get(input.queries);
  if (!kept) windowSnapshots.set(input.queries, (kept = new Map()));
  const built = kept.get(key) ?? [];
  const fields = Object.keys(input) as (keyof LedgerSnapshot)[];
  const same = built.find((s) => s.accounts.length === accounts.length && s.accounts.every((a, i) => a === accounts[i]) && fields.every((f) => f === 'accounts' || s[f] === input[f]));
  if (same) return same;
  const out = { ...input, accounts };
  kept.set(key, [out, ...built.slice(0, KEPT_WINDOW_SNAPSHOTS - 1)]);
  return out;
}

const KEPT_WINDOW_SNAPSHOTS = 4;
const windowSnapshots = new WeakMap<LedgerSnapshot['queries'], Map<string, LedgerSnapshot[]>>();

/** Bounds over every scenario of each rule in `rules` (one computeLenderMetrics call per scenario), and the recorded figure. */
function compute(input: LedgerSnapshot, asOfDay: number, rules: readonly LenderRule[], scenarios: readonly ScenarioOverrides[], into: Map<string, Figures>): void {
  if (rules.length === 0) return;
  const asOf = formatDay(asOfDay);
  const [base, ...variants] = scenarios.map((overrides) => computeLenderMetrics(input, asOf, rules, overrides));
  for (const rule of rules) {
    const recorded = base![rule.id]!;
    into.set(rule.id, { bounds: variants.reduce((b, v) => union(b, metricBounds(v[rule.id]!)), metricBounds(recorded)), recorded });
  }
}

function readsOf(rule: LenderRule): 'window' | 'month' | 'day' {
  const reads = METRIC_READS[rule.metric];
  return reads === 'window' && rule.windowMonths === null ? 'month' : reads;
}

function figuresFor(memo: Memo, ledger: ScoringLedger, asOfDay: number, ruleIds: readonly string[]): Map<string, Figures> {
  const month = reportMonthOf(asOfDay);
  let byMonth = memo.byMonth.get(month);
  if (!byMonth) memo.byMonth.set(month, (byMonth = new Map()));
  let byDay = memo.byDay.get(asOfDay);
  if (!byDay) memo.byDay.set(asOfDay, (byDay = new Map()));
  const monthRules: LenderRule[] = [];
  const dayRules: LenderRule[] = [];
  const windowRules = new Map<number, LenderRule[]>();
  for (const id of ruleIds) {
    const rule = memo.rules.get(id);
    if (!rule) continue;
    const reads = readsOf(rule);
    if (reads === 'day') {
      if (!byDay.has(rule.id)) dayRules.push(rule);
    } else if (byMonth.has(rule.id)) continue;
    else if (reads === 'month') monthRules.push(rule);
    else {
      const window = rule.windowMonths!;
      if (!windowRules.has(window)) windowRules.set(window, []);
      windowRules.get(window)!.push(rule);
    }
  }
  compute(ledger.lenderInput, asOfDay, monthRules, memo.scenarios, byMonth);
  for (const [window, rules] of windowRules) {
    // Beside the like snapshot's window snapshot (its accounts differ in those the actions touch): the metrics start from its folds.
    const cut = windowSnapshot(memo, ledger.lenderInput, month, window);
    const like = likeWindow(ledger.lenderInput, month, window);
    besideLike(cut, like ?? cut, () => compute(cut, asOfDay, rules, memo.scenarios, byMonth));
  }
  // Without accounts the layout scenarios are all the same: one is enough.
  compute(memo.queriesOnly, asOfDay, dayRules, [{}], byDay);
  const out = new Map<string, Figures>();
  for (const id of ruleIds) {
    const rule = memo.rules.get(id);
    if (rule) out.set(rule.id, (readsOf(rule) === 'day' ? byDay : byMonth).get(rule.id)!);
  }
  return out;
}

function boundsOf(figures: ReadonlyMap<string, Figures>): AdjustmentInputs {
  return Object.fromEntries([...figures].map(([id, f]) => [id, f.bounds]));
}

const ADJUSTED = ADJUSTMENTS.map((row) => row.ruleId);

/** Every adjustment's lender metric as of `asOfDay`, keyed by rule id (computed once per day and ledger). */
export function adjustmentInputs(ledger: ScoringLedger, asOfDay: number): AdjustmentInputs {
  const memo = memoOf(ledger);
  let inputs = memo.inputs.get(asOfDay);
  if (!inputs) memo.inputs.set(asOfDay, (inputs = boundsOf(figuresFor(memo, ledger, asOfDay, ADJUSTED))));
  return inputs;
}

const AGING = ADJUSTMENTS.filter((row) => row.ages).map((row) => row.ruleId);

/** The adjustments whose metrics change with time alone (AdjustmentRow.ages), as of `asOfDay`: what projections re-read. */
export function agingInputs(ledger: ScoringLedger, asOfDay: number): AdjustmentInputs {
  return boundsOf(figuresFor(memoOf(ledger), ledger, asOfDay, AGING));
}

/** A lender rule's verdict on the simulated report as of a day (core/bureau/lender-view.ts ruleStatus). */
export interface RuleVerdict {
  rule: LenderRule;
  status: RuleStatus;
  /** With the accounts of unknown reporting counted as reported (the score's point). */
  ifUnknownReported: RuleStatus;
  /** The metric's value in that reading. */
  value: number | null;
}

/** Every lender rule's verdict as of `asOfDay`, as the lender view judges it (computed once per day and ledger). */
export function ruleVerdicts(ledger: ScoringLedger, asOfDay: number): RuleVerdict[] {
  const memo = memoOf(ledger);
  let verdicts = memo.verdicts.get(asOfDay);
  if (!verdicts) {
    const figures = figuresFor(memo, ledger, asOfDay, [...memo.rules.keys()]);
    verdicts = [...memo.rules.values()].map((rule) => {
      const { recorded } = figures.get(rule.id)!;
      const judged = ruleStatus(recorded, rule);
      return { rule, ...judged, value: recorded.ifUnknownReported !== undefined ? recorded.ifUnknownReported : recorded.value };
    });
    memo.verdicts.set(asOfDay, verdicts);
  }
  return verdicts;
}
