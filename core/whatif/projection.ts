// From a scenario's state to every account's monthly history up to the timeline's end, computed
// by the ledger's own history pass (core/ledger/history/monthly-history.ts) on the ledger's own
// inputs (core/ledger/recompute/history-inputs.ts) with dated events added: no rule of how a
// month is judged is repeated here. What this module adds is the frozen behaviour of the future
// (assumptions.ts lists it with every result):
//   - a card keeps spending what its last complete statement cycle charged, on the same days of
//     the month, and repays each statement in full on its due day (a card the scenario opens spends
//     its stated amount the day after each statement day);
//   - a loan or draw pays each instalment on its due day;
//   - an account overdue on the as-of day stays unpaid (and unused) until an action clears it;
//   - from the end of the month the report last showed, every event of an account is known
//     (the scenario is the whole future); an account whose history is known month by month is
//     taken as seen since it opened, which changes none of its months.
// Amounts that depend on the scenario (a statement after a paydown, what clears an overdue or
// settles a loan on a day) are asked of the ledger: a statement is linear in the payments made
// before it, so one pass without the repayments gives every statement, and each repayment is
// that statement less what was paid since; a clearance or settlement is owedOn() on its day.

import { checkpointFromOtherDay, owedOn, resumeHistory, type HistoryCheckpoint } from '../ledger/history/monthly-history.ts';
import { parseCheckpoint } from '../ledger/codecs/history-checkpoint.ts';
import { isDeepStrictEqual } from 'node:util';
import type { HistoryInput, HistoryResult, LedgerEvent } from '../ledger/history/history-input.ts';
import { mergeIntervals } from '../ledger/history/coverage.ts';
import { billDueMonth } from '../ledger/history/obligations-revolving.ts';
import { historyInputOf, mergeLineEvents, type AccountEvents, type LedgerInputs } from '../ledger/recompute/history-inputs.ts';
import { snapshotAccount, type LedgerAccountSnapshot } from '../ledger/snapshot.ts';
import type { AccountRecord } from '../ledger/account-values.ts';
import { dayOfMonth, dayOfMonthOf, firstDay, formatDay, formatMonth, monthOfDay, parseMonth } from '../shared/calendar.ts';
import type { MonthRow } from '../ledger/account-schema.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { formatFen } from '../shared/money.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import { ACTION_NAMES } from '../shared/whatif-actions.ts';
import type { CashItem } from './schema.ts';
import { newRecord, type AccountDirectives, type ScenarioState } from './scenario-state.ts';

export interface AccountRun {
  snapshot: LedgerAccountSnapshot;
  /** Every event the pass read (a draw's also go into its line's history). */
  events: readonly LedgerEvent[];
  /** What projecting the account noted (said again when the run is taken over: projectBaseline). */
  notes: readonly LocalizedText[];
}

export interface Projection {
  runs: Map<number, AccountRun>;
  /** In the snapshot's order, the accounts the scenario creates last. */
  accounts: LedgerAccountSnapshot[];
  cash: CashItem[];
  notes: LocalizedText[];
}

interface Context {
  state: ScenarioState;
  inputs: LedgerInputs;
  asOfDay: number;
  horizonDay: number;
  cash: CashItem[];
  notes: LocalizedText[];
  /** The notes of the account being projected. */
  noted: LocalizedText[];
}

// ---------------------------------------------------------------- events

function payment(day: number, fen: number): LedgerEvent {
  return { day, role: 'payment', fen, unconfirmed: false };
}

function merged(first: readonly LedgerEvent[], ...rest: readonly (readonly LedgerEvent[])[]): LedgerEvent[] {
  // concat, not flat: V8's flat copies element by element, some fifteen times slower on a card's years of events.
  const out = first.concat(...rest);
  // Most often already in day order (years of events, then the days after today): the stable sort would leave it as it is.
  if (!inDayOrder(out)) out.sort((a, b) => a.day - b.day);
  return out;
}

function inDayOrder(events: readonly LedgerEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i]!.day < events[i - 1]!.day) return false;
  return true;
}

function fixedEvents(dir: AccountDirectives | undefined): LedgerEvent[] {
  if (!dir) return [];
  return [...dir.events, ...dir.payments.map((p) => payment(p.day, p.fen))];
}

/**
 * A day-ordered list of events with running totals of its payments, extended as the list grows
 * (a projection appends its repayments in day order): what was paid in a span of days is two
 * bisections, not a pass over years of events for each month.
 */
interface Paid {
  events: readonly LedgerEvent[];
  days: number[];
  totals: number[];
}

function paidOf(events: readonly LedgerEvent[]): Paid {
  return { events, days: [], totals: [] };
}

/** Payments with a day up to `day`. */
function paidUpTo(p: Paid, day: number): number {
  let lo = 0;
  let hi = p.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : p.totals[lo - 1];
}

/** Payments after day `after`, up to day `upTo`. */
function paidBetween(p: Paid, after: number, upTo: number): number {
  for (let i = p.days.length; i < p.events.length; i++) {
    const e = p.events[i];
    if (i > 0 && e.day < p.days[i - 1]) throw new Error('a projection’s events are out of day order');
    p.days.push(e.day);
    p.totals.push((i > 0 ? p.totals[i - 1] : 0) + (e.role === 'payment' ? e.fen : 0));
  }
  return paidUpTo(p, upTo) - paidUpTo(p, after);
}

// ---------------------------------------------------------------- the history pass

/**
 * The months before today of an account's pass, kept per account record and timeline end: the
 * baseline walks them once, and every pass of the account after (the baseline's second, each
 * scenario's) starts after them when it agrees with them (the ledger checks: resumeHistory).
 */
const checkpoints = new WeakMap<AccountRecord, Map<number, HistoryCheckpoint>>();

/** The ledger's history pass of `input` (an account's, to the timeline's end). */
function pass(ctx: Context, record: AccountRecord, input: HistoryInput): HistoryResult {
  const from = checkpointFor(ctx, record, input);
  // resumeHistory asks resumable itself, and walks from the start when it is not.
  if (from !== null) return resumeHistory(input, from, null).result;
  const { result, checkpoint } = resumeHistory(input, null, ctx.asOfDay + 1);
  if (checkpoint !== null) {
    let kept = checkpoints.get(record);
    if (!kept) checkpoints.set(record, (kept = new Map()));
    kept.set(ctx.horizonDay, checkpoint);
  }
  return result;
}

/**
 * The checkpoints of the base's record of the account: a scenario that changes an account's
 * record (a close) makes a new one, whose pass agrees with the base's where the kept months read
 * (resumable checks it; a close after them is allowed).
 */
function baseCheckpoints(ctx: Context, record: AccountRecord): Map<number, HistoryCheckpoint> | undefined {
  const own = ctx.state.base.inputs.byId.get(record.id);
  return own === undefined || own === record ? undefined : checkpoints.get(own);
}

/**
 * The account's kept checkpoint of this timeline (pass), where what it owes on a day after it is
 * walked from; with none yet, the derivation's stored one when it serves `input` (storedCheckpoint).
 */
function checkpointFor(ctx: Context, record: AccountRecord, input: HistoryInput): HistoryCheckpoint | null {
  return checkpoints.get(record)?.get(ctx.horizonDay) ?? baseCheckpoints(ctx, record)?.get(ctx.horizonDay) ?? storedCheckpoint(ctx, record, input);
}

/**
 * The derivation's day checkpoint of the base's own record (base.ts: stored for the same inputs),
 * as a checkpoint of this timeline's pass over `input`, kept as the pass's own when it is one
 * (monthly-history.ts checkpointFromOtherDay: its months read nothing the later day, the
 * projected events or the days a what-if takes as seen change), so the baseline walks the months
 * after it instead of the account's years. Its rows are the stored months up to it, checked
 * against its last row.
 */
function storedCheckpoint(ctx: Context, record: AccountRecord, input: HistoryInput): HistoryCheckpoint | null {
  const { base } = ctx.state;
  const text = base.checkpoints.get(record.id);
  if (text === undefined || base.inputs.byId.get(record.id) !== record || refused.get(record)?.has(ctx.horizonDay)) return null;
  const stored = parseCheckpoint(text, input);
  const months = byIdOf(base.snapshot.accounts).get(record.id)?.months ?? [];
  const rowsAgree = stored.rowCount >= 1 && months.length >= stored.rowCount && isDeepStrictEqual(months[stored.rowCount - 1], stored.last);
  const checkpoint = rowsAgree ? checkpointFromOtherDay(historyInputOf(ctx.inputs, record, base.asOfDay), stored, months.slice(0, stored.rowCount), input) : null;
  if (checkpoint === null) {
    // Asked again by every later pass of the account (they differ after today only): refused once.
    let no = refused.get(record);
    if (!no) refused.set(record, (no = new Set()));
    no.add(ctx.horizonDay);
    return null;
  }
  let kept = checkpoints.get(record);
  if (!kept) checkpoints.set(record, (kept = new Map()));
  kept.set(ctx.horizonDay, checkpoint);
  return checkpoint;
}

/** The timeline ends (horizon days) for which an account record's stored checkpoint does not serve. */
const refused = new WeakMap<AccountRecord, Set<number>>();

// ---------------------------------------------------------------- coverage

/**
 * The days the pass may take as seen: the exports' days, and from the end of the month the
 * report last showed on to the timeline's end. An account whose every month is known (status and
 * balance) is taken as seen since its first month: that changes none of its months, and lets a
 * missed payment the scenario makes show as the overdue it is.
 */
function extendedCoverage(input: HistoryInput, real: readonly MonthRow[] | null, ctx: Context): number[] {
  let from = firstDay(reportMonthOf(ctx.asOfDay) + 1);
  if (real === null) from = Math.min(from, input.openedDay ?? from);
  else if (real.length > 0 && real.every((row) => row.status !== '#' && row.creditUsedFen !== null)) {
    from = Math.min(from, firstDay(parseMonth(real[0].month)!), input.openedDay ?? from);
  }
  const pairs: [number, number][] = [[from, ctx.horizonDay]];
  for (let i = 0; i < input.coverage.length; i += 2) pairs.push([input.coverage[i], input.coverage[i + 1]]);
  return mergeIntervals(pairs);
}

// ---------------------------------------------------------------- cash

function addCash(ctx: Context, actionIndex: number, day: number, record: AccountRecord, fen: number): void {
  const action = ACTION_NAMES[ctx.state.actions[actionIndex].type];
  ctx.cash.push({
    actionIndex,
    on: formatDay(day),
    accountId: record.id,
    amountFen: fen,
    text: {
      'zh-CN': `${formatDay(day)} ${action['zh-CN']}：${record.values.name} ${formatFen(Math.abs(fen))}${fen < 0 ? '（到账）' : ''}`,
      en: `${formatDay(day)} ${action.en}: ${record.values.name} ${formatFen(Math.abs(fen))}${fen < 0 ? ' (received)' : ''}`,
    },
  });
}

function note(ctx: Context, text: LocalizedText): void {
  ctx.noted.push(text);
  if (!ctx.notes.some((n) => n.en === text.en)) ctx.notes.push(text);
}

/** A payment an action asks for on a day (clear an overdue, pay off, settle), of `fen` (null: the ledger cannot tell). */
function actionPayment(ctx: Context, record: AccountRecord, actionIndex: number, day: number, fen: number | null, extras: LedgerEvent[]): void {
  const name = record.values.name;
  if (fen === null) {
    note(ctx, {
      'zh-CN': `${name}：${formatDay(day)} 的欠款无法从数据得知，第 ${actionIndex + 1} 项操作未计入还款`,
      en: `${name}: what is owed on ${formatDay(day)} cannot be told from the data; action ${actionIndex + 1} pays nothing`,
    });
    return;
  }
  if (fen <= 0) {
    if (ctx.state.actions[actionIndex].type === 'clear_overdue') {
      note(ctx, { 'zh-CN': `${name}：${formatDay(day)} 没有逾期，无需结清`, en: `${name}: nothing is overdue on ${formatDay(day)}; there is nothing to clear` });
    }
    return;
  }
  extras.push(payment(day, fen));
  addCash(ctx, actionIndex, day, record, fen);
}

interface Decision {
  day: number;
  /** Same-day order: clearances and payoffs before the regular payment. */
  kind: 'clear' | 'end' | 'due';
  actionIndex?: number;
  /** Revolving: the statement's day and month; loans: the instalment's due day and amount. */
  issue?: number;
  month?: number;
  dueDay?: number;
  amount?: number;
}

const KIND_ORDER = { clear: 0, end: 1, due: 2 } as const;

function actionDecisions(dir: AccountDirectives | undefined): Decision[] {
  if (!dir) return [];
  const out: Decision[] = dir.clears.map((c) => ({ day: c.day, kind: 'clear' as const, actionIndex: c.actionIndex }));
  if (dir.ends) out.push({ day: dir.ends.day, kind: 'end', actionIndex: dir.ends.actionIndex });
  return out;
}

/** Overdue on the as-of day: no payment and no use until the first clearance or payoff. */
function dormantUntil(dir: AccountDirectives | undefined, overdueNow: boolean): number | null {
  if (!overdueNow) return null;
  const days = [...(dir?.clears.map((c) => c.day) ?? []), ...(dir?.ends ? [dir.ends.day] : [])];
  return days.length > 0 ? Math.min(...days) : Number.POSITIVE_INFINITY;
}

function sortDecisions(decisions: Decision[]): Decision[] {
  return decisions.sort((a, b) => a.day - b.day || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

// ---------------------------------------------------------------- revolving accounts

/** Future charges: the last complete cycle's again on the same days each month, or a new card's stated spending. */
function cycleSpending(input: HistoryInput, dir: AccountDirectives | undefined, ctx: Context, stop: (day: number) => boolean): LedgerEvent[] {
  const S = input.statementDay!;
  const out: LedgerEvent[] = [];
  const lastMonth = monthOfDay(ctx.horizonDay);
  if (dir && dir.spendFen !== null) {
    if (dir.spendFen === 0 || input.openedDay === null) return out;
    for (let m = monthOfDay(input.openedDay); m <= lastMonth; m++) {
      const day = dayOfMonth(m, S) + 1;
      if (day >= input.openedDay && !stop(day)) out.push({ day, role: 'charge', fen: dir.spendFen, unconfirmed: false });
    }
    return out;
  }
  const asOfMonth = monthOfDay(ctx.asOfDay);
  const last = dayOfMonth(asOfMonth, S) <= ctx.asOfDay ? dayOfMonth(asOfMonth, S) : dayOfMonth(asOfMonth - 1, S);
  const previous = dayOfMonth(monthOfDay(last) - 1, S);
  const template = input.events.filter((e) => e.role === 'charge' && e.day > previous && e.day <= last);
  for (let k = 1; monthOfDay(last) + k - 1 <= lastMonth; k++) {
    for (const t of template) {
      const day = dayOfMonth(monthOfDay(t.day) + k, dayOfMonthOf(t.day));
      if (!stop(day)) out.push({ day, role: 'charge', fen: t.fen, unconfirmed: false });
    }
  }
  return out;
}

/**
 * The statement of each month from `firstMonth` on, by month (a month's last row, as a map of
 * every row would have it): not the account's years before, which no repayment asks for.
 */
function statementsFrom(rows: readonly MonthRow[], firstMonth: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of rows) if (r.month >= firstMonth) out.set(r.month, r.statementBalanceFen);
  return out;
}

function projectRevolving(input: HistoryInput, record: AccountRecord, dir: AccountDirectives | undefined, overdueNow: boolean, ctx: Context): LedgerEvent[] {
  const fixed = fixedEvents(dir);
  const S = input.statementDay;
  const D = input.dueDay;
  if (S === null || D === null) return merged(input.events, fixed);
  const until = dormantUntil(dir, overdueNow);
  const endDay = dir?.ends?.day ?? null;
  const inactive = (day: number) => (until !== null && day < until) || (endDay !== null && day >= endDay);
  const spending = cycleSpending(input, dir, ctx, (day) => day <= ctx.asOfDay || day > ctx.horizonDay || inactive(day));
  const first = merged(input.events, fixed, spending);
  // The statements the repayments read: from the month before today's on.
  const firstBill = monthOfDay(ctx.asOfDay) - 1;
  const statements = statementsFrom(pass(ctx, record, { ...input, events: first }).rows, formatMonth(firstBill));

  const decisions = actionDecisions(dir);
  for (let m = firstBill; m <= monthOfDay(ctx.horizonDay); m++) {
    const issue = dayOfMonth(m, S);
    const dueMonth = billDueMonth(S, D, m);
    const due = dayOfMonth(dueMonth, D);
    if (due <= ctx.asOfDay || (input.openedDay !== null && issue < input.openedDay)) continue;
    if (dir?.miss.has(dueMonth)) continue;
    const day = due + (dir?.late.get(dueMonth) ?? 0);
    if (day > ctx.horizonDay || inactive(day)) continue;
    decisions.push({ day, kind: 'due', issue, month: m });
  }
  const extras: LedgerEvent[] = [];
  const [paidFirst, paidExtras] = [paidOf(first), paidOf(extras)];
  for (const d of sortDecisions(decisions)) {
    if (d.kind === 'due') {
      const statement = statements.get(formatMonth(d.month!));
      if (statement === undefined || statement === null) {
        note(ctx, {
          'zh-CN': `${record.values.name}：${formatMonth(d.month!)} 的账单金额无法从数据得知，之后按时全额还款的假设无法计算`,
          en: `${record.values.name}: the ${formatMonth(d.month!)} statement cannot be told from the data, so paying it in full cannot be projected`,
        });
        break;
      }
      // The statement without the repayments added since, less what was paid toward it since it was drawn.
      const bill = statement - paidBetween(paidExtras, Number.NEGATIVE_INFINITY, d.issue!);
      const owed = bill - paidBetween(paidFirst, d.issue!, d.day) - paidBetween(paidExtras, d.issue!, d.day);
      if (owed > 0) extras.push(payment(d.day, owed));
      continue;
    }
    const owed = owedOn({ ...input, events: merged(first, extras) }, d.day, checkpointFor(ctx, record, input));
    actionPayment(ctx, record, d.actionIndex!, d.day, owed.balanceFen, extras);
  }
  return merged(first, extras);
}

// ---------------------------------------------------------------- loans and draws

function projectLoan(input: HistoryInput, record: AccountRecord, dir: AccountDirectives | undefined, ctx: Context): LedgerEvent[] {
  const fixed = fixedEvents(dir);
  const first = merged(input.events, fixed);
  const schedule = input.schedule;
  if (schedule === null) {
    if (dir && (dir.miss.size > 0 || dir.late.size > 0 || dir.clears.length > 0 || dir.ends)) {
      note(ctx, {
        'zh-CN': `${record.values.name}：没有完整的贷款条件（本金、期数、利率、还款方式），无法推算还款`,
        en: `${record.values.name}: its loan terms (principal, term, rate, method) are incomplete, so its repayments cannot be projected`,
      });
    }
    return first;
  }
  const now = owedOn({ ...input, events: first }, ctx.asOfDay, checkpointFor(ctx, record, { ...input, events: first }));
  const until = dormantUntil(dir, (now.pastDueFen ?? 0) > 0);
  const endDay = dir?.ends?.day ?? null;
  const decisions = actionDecisions(dir);
  for (const inst of schedule) {
    if (inst.dueDay <= ctx.asOfDay || dir?.miss.has(inst.dueMonth)) continue;
    const day = inst.dueDay + (dir?.late.get(inst.dueMonth) ?? 0);
    if (day > ctx.horizonDay || (until !== null && day < until) || (endDay !== null && day >= endDay)) continue;
    decisions.push({ day, kind: 'due', dueDay: inst.dueDay });
  }
  const extras: LedgerEvent[] = [];
  const [paidFirst, paidExtras] = [paidOf(first), paidOf(extras)];
  const dueBy = (day: number) => {
    let total = now.dueByFen;
    if (total === null) return null;
    for (const inst of schedule) if (inst.dueDay > ctx.asOfDay && inst.dueDay <= day) total += inst.amountFen;
    return total;
  };
  for (const d of sortDecisions(decisions)) {
    if (d.kind === 'due') {
      // Everything due by this instalment, less everything paid by the day: the ledger's totals as of today, then the schedule.
      const due = dueBy(d.dueDay!);
      if (due === null) break;
      const owed = due - now.paidFen - paidBetween(paidFirst, ctx.asOfDay, d.day) - paidBetween(paidExtras, ctx.asOfDay, d.day);
      if (owed > 0) extras.push(payment(d.day, owed));
      continue;
    }
    const owed = owedOn({ ...input, events: merged(first, extras) }, d.day, checkpointFor(ctx, record, input));
    actionPayment(ctx, record, d.actionIndex!, d.day, d.kind === 'end' ? owed.settlementFen : owed.pastDueFen, extras);
  }
  return merged(first, extras);
}

// ---------------------------------------------------------------- accounts

/** Overdue on the as-of day: the account's row of the as-of month has days past due. */
export function overdueNow(real: readonly MonthRow[] | null, asOfDay: number): boolean {
  const last = real?.at(-1);
  return last !== undefined && last.month === formatMonth(monthOfDay(asOfDay)) && (last.daysPastDue ?? 0) > 0;
}

function runAccount(ctx: Context, record: AccountRecord, real: LedgerAccountSnapshot | null, events?: readonly LedgerEvent[]): AccountRun {
  const noted: LocalizedText[] = (ctx.noted = []);
  const base = historyInputOf(ctx.inputs, record, ctx.horizonDay);
  const input: HistoryInput = { ...base, events: events ?? base.events, coverage: extendedCoverage(base, real?.months ?? null, ctx) };
  const dir = ctx.state.directives.get(record.id);
  for (const p of dir?.payments ?? []) addCash(ctx, p.actionIndex, p.day, record, p.fen);
  let all: readonly LedgerEvent[] = input.events;
  if (events === undefined) {
    if (record.values.kind === 'revolving') all = projectRevolving(input, record, dir, overdueNow(real?.months ?? null, ctx.asOfDay), ctx);
    else if (record.values.kind === 'loan' || record.values.kind === 'draw') all = projectLoan(input, record, dir, ctx);
  }
  const result = pass(ctx, record, { ...input, events: all });
  return { snapshot: snapshotAccount(record, result.rows, result.settledDay === null ? null : formatDay(result.settledDay)), events: all, notes: noted };
}

/** The inputs with the scenario's accounts in (created, changed): the base's are left as they are. */
function scenarioInputs(state: ScenarioState): LedgerInputs {
  const base = state.base.inputs;
  const inputs: LedgerInputs = { ...base, schedules: new Map(base.schedules) };
  if (state.records.size === 0) return inputs;
  inputs.byId = new Map(base.byId);
  inputs.children = new Map(base.children);
  inputs.accounts = base.accounts.map((a) => state.records.get(a.id) ?? a);
  for (const record of state.records.values()) {
    inputs.byId.set(record.id, record);
    if (!base.byId.has(record.id)) {
      inputs.accounts.push(record);
      const parent = record.values.parentId;
      if (parent !== null) inputs.children.set(parent, [...(inputs.children.get(parent) ?? []), record]);
    }
  }
  return inputs;
}

/** A line's history: its own events with its draws' as projected (the ledger's merge). */
function runLine(ctx: Context, line: AccountRecord, real: LedgerAccountSnapshot | null, runs: ReadonlyMap<number, AccountRun>): AccountRun {
  const draws = (ctx.inputs.children.get(line.id) ?? []).filter((d) => d.values.kind === 'draw' && !d.values.dismissed);
  const events = new Map<number, AccountEvents>(ctx.inputs.events);
  for (const draw of draws) {
    const run = runs.get(draw.id);
    if (run) events.set(draw.id, { events: [...run.events], batches: ctx.inputs.events.get(draw.id)?.batches ?? new Set(), unassigned: [] });
  }
  const lineEvents = mergeLineEvents(draws, ctx.inputs.byId, events).get(line.id);
  return runAccount(ctx, line, real, lineEvents);
}

/**
 * A baseline projected on an earlier read of the same profile (core/whatif/base.ts
 * loadWhatIfBase's `previous`), over the same days: its run of an account is taken over when
 * everything the run reads is the same object in both reads.
 */
export interface EarlierBaseline {
  state: ScenarioState;
  projection: Projection;
}

/** Everything of a base one account's run reads (historyInputOf, extendedCoverage, overdueNow), by identity. */
function readsOf(state: ScenarioState, real: ReadonlyMap<number, LedgerAccountSnapshot>, id: number): unknown[] {
  const { inputs } = state.base;
  const record = inputs.byId.get(id);
  const parentId = record?.values.parentId ?? null;
  const kids = inputs.children.get(id) ?? [];
  return [
    record,
    real.get(id),
    inputs.events.get(id),
    inputs.lineEvents.get(id),
    inputs.facts.get(id),
    inputs.plans.get(id),
    parentId === null ? null : inputs.byId.get(parentId),
    parentId === null ? null : inputs.events.get(parentId),
    inputs.exports,
    inputs.graceRules,
    kids.length,
    ...kids,
  ];
}

function sameObjects(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A base's accounts by id, kept with its list (every scenario of the base reads it). */
function byIdOf(accounts: readonly LedgerAccountSnapshot[]): ReadonlyMap<number, LedgerAccountSnapshot> {
  let out = accountsById.get(accounts);
  if (!out) accountsById.set(accounts, (out = new Map(accounts.map((a) => [a.id, a]))));
  return out;
}

const accountsById = new WeakMap<readonly LedgerAccountSnapshot[], ReadonlyMap<number, LedgerAccountSnapshot>>();

/** Whether a scenario adds nothing to its base (a baseline). */
function actionless(state: ScenarioState): boolean {
  return state.actions.length === 0 && state.directives.size === 0 && state.records.size === 0 && state.consolidations.length === 0;
}

/**
 * Every visible account's history to the timeline's end under the scenario. Accounts the
 * scenario does not touch are taken from `baseline` when given (the same horizon's projection
 * without actions); the rest are computed: draws before their lines, the sources of a
 * consolidation before the loan that repays them. A baseline (no action) takes over the runs of
 * `earlier` whose reads are unchanged.
 */
export function project(state: ScenarioState, baseline: Projection | null = null, earlier: EarlierBaseline | null = null): Projection {
  const steps = projecting(state, baseline, earlier);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * project() one account at a time: each step projects one account of the scenario's own (the
 * accounts of a line and the consolidations in one last step), the projection the generator's
 * value; what a baseline being prepared steps through between other requests (compare.ts).
 */
export function* projecting(state: ScenarioState, baseline: Projection | null = null, earlier: EarlierBaseline | null = null): Generator<void, Projection, void> {
  const { base } = state;
  const ctx: Context = { state, inputs: scenarioInputs(state), asOfDay: base.asOfDay, horizonDay: state.horizonDay, cash: [], notes: [], noted: [] };
  const real = byIdOf(base.snapshot.accounts);
  const visible = [...base.snapshot.accounts.map((a) => ctx.inputs.byId.get(a.id)!), ...[...state.records.values()].filter((r) => !real.has(r.id))];
  const loans = new Set(state.consolidations.map((c) => c.loanId));
  const touched = new Set<number>(baseline ? [...state.directives.keys(), ...state.records.keys()] : visible.map((r) => r.id));
  for (const record of visible) {
    const parent = record.values.parentId;
    if (touched.has(record.id) && record.values.kind === 'draw' && parent !== null) touched.add(parent);
  }
  // A scenario's untouched accounts run as in the baseline: its runs, the touched ones replaced below.
  const runs = new Map<number, AccountRun>();
  baseline?.runs.forEach((run, id) => runs.set(id, run));
  const before =
    earlier && baseline === null && actionless(state) && actionless(earlier.state) && earlier.state.base.asOfDay === base.asOfDay && earlier.state.horizonDay === state.horizonDay
      ? { runs: earlier.projection.runs, real: byIdOf(earlier.state.base.snapshot.accounts) }
      : null;
  const takenOver = (id: number): AccountRun | undefined => {
    const run = before?.runs.get(id);
    if (!run || !sameObjects(readsOf(state, real, id), readsOf(earlier!.state, before!.real, id))) return undefined;
    for (const text of run.notes) note(ctx, text);
    return run;
  };
  const compute = (record: AccountRecord) => runs.set(record.id, takenOver(record.id) ?? runAccount(ctx, record, real.get(record.id) ?? null));
  for (const record of visible) {
    if (!touched.has(record.id) || record.values.kind === 'line' || loans.has(record.id)) continue;
    compute(record);
    yield;
  }
  for (const c of state.consolidations) {
    const owed = ctx.cash.filter((item) => item.actionIndex === c.actionIndex).reduce((s, item) => s + item.amountFen, 0);
    const planned = ctx.inputs.byId.get(c.loanId)!;
    const funded = newRecord(c.loanId, {
      product: planned.values.product,
      kind: 'loan',
      name: planned.values.name,
      principalFen: owed > 0 ? owed : null,
      openedDay: planned.values.openedOn!,
      parentId: null,
      values: { ...planned.overrides, principalFen: owed > 0 ? owed : null },
    });
    ctx.inputs.byId.set(c.loanId, funded);
    ctx.inputs.accounts = ctx.inputs.accounts.map((a) => (a.id === c.loanId ? funded : a));
    compute(funded);
    if (owed > 0) addCash(ctx, c.actionIndex, c.day, funded, -owed);
  }
  for (const record of visible) {
    if (record.values.kind !== 'line' || !touched.has(record.id)) continue;
    // A line's run reads its draws' runs too: taken over only with theirs.
    const draws = ctx.inputs.children.get(record.id) ?? [];
    const kept = draws.every((d) => runs.get(d.id) === before?.runs.get(d.id)) ? takenOver(record.id) : undefined;
    runs.set(record.id, kept ?? runLine(ctx, record, real.get(record.id) ?? null, runs));
  }
  const accounts = visible.map((r) => runs.get(r.id)!.snapshot);
  ctx.cash.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.actionIndex - b.actionIndex));
  // The same accounts as the earlier baseline's: its list, and everything kept with the list.
  const same = before !== null && sameObjects(accounts, earlier!.projection.accounts);
  return { runs, accounts: same ? earlier!.projection.accounts : accounts, cash: ctx.cash, notes: ctx.notes };
}
