// One account's month-by-month history, in one pass over its events: statement balance, amount
// due, amount paid, balance owed, days past due and the PBOC status code of every month.
//
// How much the data can tell is tracked as it goes (history-state.ts). The ledger knows an
// account's state only from an anchor (the open date, a balance the user gave, a statement paid
// in full) and keeps knowing it only while every day since is covered by an export that shows all
// of the account's events (`coverage`). Whatever the data cannot tell is `#` with the reason,
// never a guess: a missing statement day, a month no export covers, a partial payment when the
// minimum payment is unknown, a repayment that could belong to several draws.
//
// Obligations per account kind: a revolving account issues a bill on each statement day
// (obligations-revolving.ts); a loan, draw or line has its instalments from the disbursement on
// (obligations-loan.ts). Payments go to the oldest unpaid obligation first (payments.ts). Each
// month is walked day by day (month-walk.ts), then closed (month-close.ts), which turns the
// month's facts into a code (repayment-status.ts).

import { isDeepStrictEqual } from 'node:util';
import { formatDay, monthOfDay } from '../../shared/calendar.ts';
import type { MonthRow } from '../account-schema.ts';
import type { EventList, HistoryInput, HistoryResult } from './history-input.ts';
import { newHistoryState, periodEnd, periodOf, periodOfDay, type HistoryState } from './history-state.ts';
import { closeMonth } from './month-close.ts';
import { walkMonth } from './month-walk.ts';
import { addLoanObligations, settlementShortfall } from './obligations-loan.ts';
import { nextCycleDueDay } from './obligations-revolving.ts';

const EMPTY: HistoryResult = { rows: [], settledDay: null, balanceFen: null, nextDue: null };

/** The first month anything is known of: the open date, the user's balance, the first event or month fact (a cycle for a card). */
function firstMonthOf(s: HistoryState): number | null {
  const { input } = s;
  let first = Number.POSITIVE_INFINITY;
  if (input.openedDay !== null) first = Math.min(first, periodOf(s, input.openedDay));
  if (input.opening) first = Math.min(first, periodOf(s, input.opening.day));
  if (input.events.length > 0) first = Math.min(first, periodOf(s, input.events.at(0)!.day));
  for (const month of input.facts.keys()) first = Math.min(first, month);
  return Number.isFinite(first) ? first : null;
}

/** Today: the next obligation not yet paid, or a revolving account's next due day. */
function nextDueOf(s: HistoryState): HistoryResult['nextDue'] {
  const closed = s.settledDay !== null || (s.closedMonth !== null && s.closedMonth <= s.asOfMonth);
  if (closed) return null;
  const upcoming = s.obligations.find((o) => o.satisfiedDay < 0 && o.dueDay >= s.asOf && o.full !== 0);
  if (upcoming) return { on: formatDay(upcoming.dueDay), amountFen: upcoming.full };
  return s.scheduled ? { on: formatDay(nextCycleDueDay(s)), amountFen: null } : null;
}

/**
 * The pass's state after one of its months, to start a later pass from (resumeHistory): a pass
 * over an input that agrees with this one on everything the months walked so far read gives the
 * same state after them (resumable), so only the months after are walked again. A what-if adds
 * events after today to a history of years: the years before are walked once.
 */
export interface HistoryCheckpoint {
  readonly input: HistoryInput<EventList>;
  /** The last month walked (a cycle for a card: history-state.ts). */
  readonly month: number;
  /** The last day whose events those months read (a due day's grace days looked ahead). */
  readonly readUpTo: number;
  /**
   * The last day those months read at all: readUpTo, or an obligation judged in them that is due
   * later with its grace days. Before the as-of day, nothing they read depends on it (the
   * events and dues after it, today's month): a pass for another day after this one goes
   * through them alike (historyAfter).
   */
  readonly daysRead: number;
  /** How many of the input's events fall on or before that day. */
  readonly eventCount: number;
  readonly state: HistoryState;
  readonly rows: readonly MonthRow[];
  readonly last: MonthRow;
}

/**
 * A copy of the state after `month` that the pass can go on with, for `input`: every part the
 * months after it change is copied, and the as-of day is the input's (a later day's pass:
 * historyAfter). What no later month reads is left out or shared: a month's close reads the
 * per-month marks of that month alone (month-close.ts), so those of `month` and before are not
 * copied, and the satisfied obligations before the queue, which no month changes, are shared.
 */
function copyState(s: HistoryState, month: number, input: HistoryInput<EventList>): HistoryState {
  // Every write to an obligation is to one not yet satisfied (payments, satisfy, checkDue) or to
  // the latest bill (creditLatestStatement); the queue starts after the satisfied ones.
  const obligations = s.obligations.map((o, i) => (i < s.queueStart && o !== s.latest ? o : { ...o }));
  return {
    ...s,
    input,
    asOf: input.asOfDay,
    asOfMonth: periodOfDay(s.cycle ? input.statementDay : null, input.asOfDay),
    // The input's close (resumable: one after the months walked may differ from the kept one's).
    closedMonth: input.closedDay === null ? null : periodOfDay(s.cycle ? input.statementDay : null, input.closedDay),
    obligations,
    latest: s.latest === null ? null : obligations[s.obligations.indexOf(s.latest)],
    graceMonths: monthsAfter(s.graceMonths, month),
    carriedOverdue: s.carriedOverdue === null ? null : [s.carriedOverdue[0], s.carriedOverdue[1]],
    curedMonths: monthsAfter(s.curedMonths, month),
    paidInMonth: entriesAfter(s.paidInMonth, month),
    unconfirmedInMonth: entriesAfter(s.unconfirmedInMonth, month),
  };
}

/** The months of `months` after `month` (a grace day's payment is the next month's before its month is walked). */
function monthsAfter(months: ReadonlySet<number>, month: number): Set<number> {
  const out = new Set<number>();
  for (const m of months) if (m > month) out.add(m);
  return out;
}

function entriesAfter(byMonth: ReadonlyMap<number, number>, month: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [m, value] of byMonth) if (m > month) out.set(m, value);
  return out;
}

/** The last month whose events, grace days included, all fall before `day`. */
function lastMonthBefore(s: HistoryState, day: number): number {
  const grace = s.input.grace?.graceDays ?? 0;
  let month = periodOf(s, day);
  while (periodEnd(s, month) + grace >= day) month--;
  return month;
}

function checkpointOf(s: HistoryState, month: number, rows: readonly MonthRow[], last: MonthRow): HistoryCheckpoint {
  const grace = s.input.grace?.graceDays ?? 0;
  const readUpTo = periodEnd(s, month) + grace;
  let eventCount = 0;
  const { events } = s.input;
  while (eventCount < events.length && events.at(eventCount)!.day <= readUpTo) eventCount++;
  let daysRead = readUpTo;
  for (let i = 0; i < s.dueIndex; i++) daysRead = Math.max(daysRead, s.obligations[i].dueDay + grace);
  return { input: s.input, month, readUpTo, daysRead, eventCount, state: copyState(s, month, s.input), rows: [...rows], last };
}

/**
 * Whether a pass over `input` may start from `checkpoint`: every other part of the input the same
 * (deep equality: terms, days, coverage, facts, rules) but the closing day, which only the months
 * from the one it falls in read (the walk stops there: closeMonth) and may be another when both
 * fall after the last day the walked months read (a what-if closing a card); and the same events
 * up to that day, none added before it.
 */
export function resumable(checkpoint: HistoryCheckpoint, input: HistoryInput<EventList>): boolean {
  const kept = checkpoint.input;
  const keys = Object.keys(input) as (keyof HistoryInput<EventList>)[];
  if (keys.length !== Object.keys(kept).length) return false;
  for (const key of keys) if (key !== 'events' && key !== 'closedDay' && !isDeepStrictEqual(input[key], kept[key])) return false;
  const closesAfter = (day: number | null) => day === null || day > checkpoint.daysRead;
  if (input.closedDay !== kept.closedDay && !(closesAfter(input.closedDay) && closesAfter(kept.closedDay))) return false;
  const { events } = input;
  if (events.length < checkpoint.eventCount) return false;
  // The same list is the same events; a packed list makes a new object at every read, so only
  // another list is compared event by event.
  if (events !== kept.events) {
    for (let i = 0; i < checkpoint.eventCount; i++) {
      const event = events.at(i);
      const keptEvent = kept.events.at(i);
      if (event !== keptEvent && !isDeepStrictEqual(event, keptEvent)) return false;
    }
  }
  return events.length === checkpoint.eventCount || events.at(checkpoint.eventCount)!.day > checkpoint.readUpTo;
}

/** Whether two coverages (merged, sorted day pairs) hold the same days up to `day`. */
function sameCoverageThrough(a: readonly number[], b: readonly number[], day: number): boolean {
  for (let i = 0; ; i += 2) {
    const aIn = i < a.length && a[i]! <= day;
    const bIn = i < b.length && b[i]! <= day;
    if (!aIn || !bIn) return aIn === bIn;
    if (a[i] !== b[i] || Math.min(a[i + 1]!, day) !== Math.min(b[i + 1]!, day)) return false;
  }
}

/**
 * A checkpoint kept from the pass over `kept`, another day's input of the account (the
 * derivation's stored one: recompute/day-checkpoints.ts), as a checkpoint of the pass over
 * `input`, or null when it cannot be one. The months it walked read nothing after `daysRead`
 * (the day, and the events and dues after it, historyAfter's rule), so the pass over `input`
 * goes through them alike when `daysRead` comes before both days, the coverage holds the same
 * days up to it (a what-if's pass takes more days as seen, mostly after the report's last month),
 * and the rest is resumable (every other part the same, the same events up to the months' last
 * day read, none added before it). `state` is revived for `input` (its own day and close);
 * `rows` are the months up to the checkpoint's.
 */
export function checkpointFromOtherDay(kept: HistoryInput<EventList>, stored: { month: number; daysRead: number; state: HistoryState; last: MonthRow }, rows: readonly MonthRow[], input: HistoryInput<EventList>): HistoryCheckpoint | null {
  if (stored.daysRead >= kept.asOfDay || stored.daysRead >= input.asOfDay) return null;
  if (!sameCoverageThrough(kept.coverage, input.coverage, stored.daysRead)) return null;
  const s = stored.state;
  const readUpTo = periodEnd(s, stored.month) + (s.input.grace?.graceDays ?? 0);
  let eventCount = 0;
  while (eventCount < kept.events.length && kept.events.at(eventCount)!.day <= readUpTo) eventCount++;
  const checkpoint: HistoryCheckpoint = { input: { ...kept, asOfDay: input.asOfDay, coverage: input.coverage }, month: stored.month, readUpTo, daysRead: stored.daysRead, eventCount, state: s, rows, last: stored.last };
  return resumable(checkpoint, input) ? checkpoint : null;
}

/** Where a pass starts: after `month`, in `state`, with the rows so far. */
type Start = Pick<HistoryCheckpoint, 'state' | 'month' | 'rows' | 'last'>;

interface Walked {
  s: HistoryState;
  rows: MonthRow[];
  last: MonthRow | null;
  checkpoint: HistoryCheckpoint | null;
}

/**
 * The pass over every month of the account up to its as-of day (or its close). A card's cycle
 * that began after this calendar month's statement date ends next month: it is walked (today's
 * balance and arrears are in it) but is not a row yet, so no month after today's is shown. From
 * a checkpoint the input is resumable from, the months after it; with `keepBefore`, the state
 * after the last month read entirely before that day is kept.
 */
function walk(input: HistoryInput<EventList>, from: Start | null = null, keepBefore: number | null = null): Walked | null {
  let s: HistoryState;
  let start: number;
  let rows: MonthRow[];
  let last: MonthRow | null;
  if (from) {
    s = copyState(from.state, from.month, input);
    start = from.month + 1;
    rows = [...from.rows];
    last = from.last;
  } else {
    s = newHistoryState(input);
    const first = firstMonthOf(s);
    if (first === null || first > s.asOfMonth) return null;
    start = first;
    if (!s.revolving) addLoanObligations(s, start);
    rows = [];
    last = null;
  }
  const end = s.closedMonth === null ? s.asOfMonth : Math.min(s.asOfMonth, s.closedMonth);
  const shownUpTo = monthOfDay(s.asOf);
  const keepAt = keepBefore === null ? null : lastMonthBefore(s, keepBefore);
  let checkpoint: HistoryCheckpoint | null = null;
  for (let month = start; month <= end; month++) {
    const { row, closed } = closeMonth(s, walkMonth(s, month));
    last = row;
    if (month <= shownUpTo) rows.push(row);
    if (closed) break;
    if (month === keepAt) checkpoint = checkpointOf(s, month, rows, row);
  }
  return { s, rows, last, checkpoint };
}

function resultOf(walked: Walked | null): HistoryResult {
  if (walked === null) return EMPTY;
  const { s, rows, last } = walked;
  return { rows, settledDay: s.settledDay, balanceFen: last?.creditUsedFen ?? null, nextDue: nextDueOf(s) };
}

export function computeHistory(input: HistoryInput<EventList>): HistoryResult {
  return resultOf(walk(input));
}

/**
 * computeHistory, from `from` when the input is resumable from it (else from the start), keeping
 * a checkpoint of the months read entirely before `keepBefore` (a day) when it is given.
 */
export function resumeHistory(input: HistoryInput<EventList>, from: HistoryCheckpoint | null, keepBefore: number | null): { result: HistoryResult; checkpoint: HistoryCheckpoint | null } {
  const walked = walk(input, from !== null && resumable(from, input) ? from : null, keepBefore);
  return { result: resultOf(walked), checkpoint: walked?.checkpoint ?? null };
}

/**
 * The pass for a later day than the one `from` was kept on, over the same input but its day
 * (recompute/day-checkpoints.ts says when it is): the months after `from` only (the result's
 * `rows`), and the checkpoint before the new day. Valid only when `from.daysRead` came before
 * both days, which the caller checks: those months then read nothing either day changes.
 */
export function historyAfter(input: HistoryInput<EventList>, from: Pick<HistoryCheckpoint, 'state' | 'month' | 'last'>): { result: HistoryResult; checkpoint: HistoryCheckpoint | null } {
  const walked = walk(input, { ...from, rows: [] }, input.asOfDay);
  return { result: resultOf(walked), checkpoint: walked?.checkpoint ?? null };
}

/** What an account owes at the end of a day, its events of that day included (owedOn). */
export interface OwedOn {
  /** The balance owed (revolving accounts and lines), null when the data cannot tell. */
  balanceFen: number | null;
  /**
   * What fell due before the day and is still unpaid: a loan's unpaid instalments; a revolving
   * account's latest statement less what was paid since (it carries every earlier unpaid bill).
   * 0 when nothing is past due; null when an amount is unknown.
   */
  pastDueFen: number | null;
  /** A single loan or draw: what would settle it early on the day (settleEarly's rule), else null. */
  settlementFen: number | null;
  /** Loans, draws, lines: the instalments due on or before the day, in full (null when one is unknown). */
  dueByFen: number | null;
  /** Everything paid toward the account by the end of the day. */
  paidFen: number;
}

/**
 * The same pass, run to the end of `day` (a what-if asks what a payment on that day has to be:
 * to clear an overdue, to settle a loan early). From `from` (a checkpoint of the same account's
 * pass for another day) when its months read nothing either day changes (daysRead before both,
 * as historyAfter) and the input is resumable from it but for its day: the months after it only.
 */
export function owedOn(input: HistoryInput<EventList>, day: number, from: HistoryCheckpoint | null = null): OwedOn {
  const start = from !== null && from.daysRead < day && from.daysRead < from.input.asOfDay && resumable(from, { ...input, asOfDay: from.input.asOfDay }) ? from : null;
  const walked = walk({ ...input, asOfDay: day }, start);
  if (walked === null) return { balanceFen: null, pastDueFen: 0, settlementFen: null, dueByFen: 0, paidFen: 0 };
  const { s } = walked;
  let pastDue: number | null = 0;
  let dueBy: number | null = 0;
  let revolvingArrears = false;
  for (const o of s.obligations) if (!s.revolving && o.dueDay <= day) dueBy = dueBy === null || o.full === null ? null : dueBy + o.full;
  for (let i = s.queueStart; i < s.obligations.length; i++) {
    const o = s.obligations[i];
    if (o.dueDay >= day || o.satisfiedDay >= 0) continue;
    if (s.revolving) revolvingArrears = true;
    else pastDue = pastDue === null || o.full === null ? null : pastDue + Math.max(0, o.full - o.paid);
  }
  if (revolvingArrears) {
    const latest = s.latest;
    pastDue = latest === null || latest.full === null ? null : Math.max(0, latest.full - latest.paidSinceIssue);
  }
  return {
    balanceFen: (s.revolving || s.line) && s.balKnown ? s.bal : null,
    pastDueFen: pastDue,
    settlementFen: settlementShortfall(s, day),
    dueByFen: s.revolving ? null : dueBy,
    paidFen: s.totalPaid,
  };
}
