// A month closed, at its end (or today, for the current month): what is overdue and for how
// many days, what fell due and whether it was paid late, whether the data can tell at all; the
// status code those facts pick (repayment-status.ts) and the reason when it is `#`; the user's
// status, which wins; the credit used. The close moves the state too: a loan paid off is
// settled, a user's N/*/C/M says nothing was overdue, a user's balance is an anchor.

import { dayOfMonth, formatDay, formatMonth } from '../../shared/calendar.ts';
import type { StatusReason } from '../../shared/ledger-vocabulary.ts';
import type { MonthRow } from '../account-schema.ts';
import type { StatusCode } from '../../shared/status-alphabet.ts';
import { pickStatus, type MonthFacts } from '../repayment-status.ts';
import { covered } from './coverage.ts';
import { advanceQueue, periodOf, satisfy, type HistoryState } from './history-state.ts';
import type { MonthWalk } from './month-walk.ts';
import { loanScheduleReason, principalOutstanding, settleWhenPaid } from './obligations-loan.ts';
import { dueInStatementMonth } from './obligations-revolving.ts';
import type { Obligation } from './obligations.ts';
import type { ManualMonth } from './history-input.ts';
import { isLenderOverdue } from '../../shared/status-alphabet.ts';
import { unknownMinimumRange } from '../../rules/minimum-payment.ts';

interface Arrears {
  /** null: the data cannot tell. */
  overdue: boolean | null;
  daysPastDue: number | null;
  /** Why it cannot tell, when this month's own data says. */
  reason: StatusReason | null;
  /** The unpaid part of what fell due (a card's minimum, a loan's instalment): [low, high] fen, equal when known. */
  amount: [number, number];
}

/** What of an obligation missed is still unpaid: its minimum (a card) or its amount less what was paid; a range when a card's minimum is unknown. */
function unpaid(s: HistoryState, o: Obligation): [number, number] {
  if (o.min !== null) return [o.min - o.paid, o.min - o.paid];
  if (s.revolving) return unknownMinimumRange(o.full!); // missed with its minimum unknown only when nothing was paid (due-check.ts)
  const left = o.full! - o.paid;
  return [left, left];
}

/** What remains unpaid past its due day at the month's end, and since when. */
function arrearsAt(s: HistoryState, monthEnd: number): Arrears {
  let overdue: boolean | null = s.revolving && !s.arrearsKnown ? null : false;
  let oldestDue = Number.POSITIVE_INFINITY;
  let reason: StatusReason | null = null;
  const amount: [number, number] = [0, 0];
  for (let i = s.queueStart; i < s.obligations.length && overdue !== null; i++) {
    const o = s.obligations[i];
    if (o.dueDay > monthEnd) break;
    if (o.full === 0 || (o.satisfiedDay >= 0 && o.satisfiedDay <= monthEnd)) continue;
    if (o.state !== 'missed') {
      overdue = null;
      break;
    }
    if (!o.manualPaid && !covered(s.input.coverage, o.dueDay + 1, monthEnd)) {
      overdue = null;
      reason = 'not_observed';
      break;
    }
    overdue = true;
    oldestDue = Math.min(oldestDue, o.dueDay);
    const [low, high] = unpaid(s, o);
    amount[0] += low;
    amount[1] += high;
  }
  if (!s.revolving && overdue === false) s.arrearsKnown = true;
  return { overdue, daysPastDue: overdue === null ? null : overdue ? monthEnd - oldestDue : 0, reason, amount };
}

interface DueThisMonth {
  dueThisMonth: boolean | null;
  amountDue: number | null;
  paidLate: boolean;
  /** The most days an obligation due this month was repaid late, within the month. */
  lateDays: number;
  /** Today's month: a bill whose statement is not out yet, or that is due later, is not known yet. */
  pending: boolean;
}

/** What fell due this month, and how it was paid. */
function dueThisMonth(s: HistoryState, w: MonthWalk): DueThisMonth {
  let due: boolean | null = s.revolving && !s.scheduled ? null : false;
  let amountDue: number | null = s.scheduled || s.loanScheduleKnown ? 0 : null;
  let paidLate = false;
  let lateDays = 0;
  let pending = s.scheduled && !s.cycle && w.month === s.asOfMonth && dueInStatementMonth(s) && dayOfMonth(w.month, s.input.statementDay!) > s.asOf;
  for (const o of w.dues) {
    if (o.dueDay > s.asOf && o.satisfiedDay < 0 && o.full !== 0) pending = true;
    if (o.full === null) {
      due = null;
      amountDue = null;
      continue;
    }
    amountDue = (amountDue ?? 0) + o.full;
    if (o.full > 0 && due !== null) due = true;
    if (o.satisfiedDay > o.dueDay && o.satisfiedDay <= w.monthEnd) {
      paidLate = true;
      lateDays = Math.max(lateDays, o.satisfiedDay - o.dueDay);
    }
  }
  if (due === false && s.curedMonths.has(w.month)) due = true; // earlier arrears repaid this month
  return { dueThisMonth: due, amountDue, paidLate, lateDays, pending };
}

function monthFacts(s: HistoryState, w: MonthWalk, arrears: Arrears, due: DueThisMonth, closedThisMonth: boolean): MonthFacts {
  const scheduleKnown = s.revolving ? s.scheduled : s.loanScheduleKnown || s.factDueMonths.has(w.month) || (s.openMonth === w.month && w.dues.length === 0);
  return {
    closedThisMonth,
    openedThisMonth: s.openMonth === w.month,
    scheduleKnown,
    observed: (!s.revolving || s.arrearsKnown) && due.dueThisMonth !== null && arrears.overdue !== null && !due.pending && !w.anchoredMidMonth,
    overdue: arrears.overdue,
    paidLate: arrears.overdue === false ? due.paidLate : null,
    inGrace: s.graceMonths.has(w.month),
    dueThisMonth: due.dueThisMonth,
    lateRepaidIsOverdue: s.input.billingCycle?.lateRepaidBeforeJudged === 'overdue' && s.cycle,
  };
}

/** The derived code and its reason: for `#`, the most specific reason the pass knows. */
function derivedStatus(s: HistoryState, w: MonthWalk, facts: MonthFacts, arrears: Arrears, due: DueThisMonth): { status: StatusCode; reason: StatusReason } {
  const picked = pickStatus(facts, arrears.overdue === false ? due.lateDays : arrears.daysPastDue);
  if (picked.rule === null || picked.rule.id === 'not_observed') {
    return { status: picked.code, reason: due.pending ? 'not_yet_due' : w.anchoredMidMonth ? 'balance_unknown' : (arrears.reason ?? s.lostReason) };
  }
  if (picked.rule.id === 'schedule_unknown') return { status: picked.code, reason: s.revolving ? 'no_statement_day' : loanScheduleReason(s) };
  return { status: picked.code, reason: picked.rule.reason };
}

/** The user's report says nothing was overdue at this month's end. */
const NOTHING_OVERDUE: ReadonlySet<StatusCode> = new Set(['N', '*', 'C', 'M']);

function clearArrears(s: HistoryState, monthEnd: number): void {
  for (let i = s.queueStart; i < s.obligations.length && s.obligations[i].dueDay <= monthEnd; i++) satisfy(s, s.obligations[i], monthEnd);
  advanceQueue(s);
  s.arrearsKnown = true;
}

/** Balance owed at the month's end: a revolving account's or line's balance when every day up to it was observed, a loan's outstanding principal; the user's balance wins and anchors the months after. */
function creditUsedAt(s: HistoryState, w: MonthWalk, overdue: boolean | null): number | null {
  let creditUsed: number | null = null;
  if (s.revolving || s.line) {
    if (s.balKnown && covered(s.input.coverage, s.verified + 1, w.monthEnd)) creditUsed = Math.max(0, s.bal);
  } else if (s.loanScheduleKnown && s.input.principalFen !== null && overdue !== null) {
    creditUsed = principalOutstanding(s, w.monthEnd);
  }
  if (w.fact && w.fact.balanceFen !== null) {
    creditUsed = w.fact.balanceFen;
    if (s.revolving || s.line) {
      s.bal = w.fact.balanceFen;
      s.balKnown = true;
      s.verified = Math.max(s.verified, w.monthEnd);
    }
  }
  return creditUsed;
}

/**
 * A month the user marked overdue that the ledger's own arrears do not show: the amount from what
 * the user entered, the overdue carried from the month before plus what fell due less what was
 * paid; for a card what fell due is its minimum (a range when only the bill is known).
 */
function enteredOverdue(s: HistoryState, fact: ManualMonth | undefined, row: Pick<MonthRow, 'amountDueFen' | 'amountPaidFen' | 'creditUsedFen'>): [number, number] | null {
  if (s.carriedOverdue === null) return null;
  let due: [number, number] | null;
  if (!s.revolving) due = row.amountDueFen === null ? null : [row.amountDueFen, row.amountDueFen];
  else if (fact?.minimumDueFen != null) due = [fact.minimumDueFen, fact.minimumDueFen];
  else due = row.amountDueFen === null ? null : unknownMinimumRange(row.amountDueFen);
  if (due === null) return null;
  const cap = s.revolving && row.creditUsedFen !== null ? row.creditUsedFen : Number.POSITIVE_INFINITY;
  const left = (carried: number, fell: number) => Math.min(cap, Math.max(0, carried + fell - row.amountPaidFen));
  const [low, high] = [left(s.carriedOverdue[0], due[0]), left(s.carriedOverdue[1], due[1])];
  if (high > 0) return [low, high];
  // Paid more than the common minimum, yet late by the user's report: the minimum was higher, the
  // shortfall at least 1 fen and at most the bill less what was paid.
  const bound = s.revolving && row.amountDueFen !== null ? left(s.carriedOverdue[1], row.amountDueFen) : 0;
  return bound > 0 ? [1, bound] : null;
}

/**
 * The month's 逾期（透支）总额: the unpaid minimums and instalments past due at its end, a range
 * where a card's minimum is unknown; 0 in a month not overdue; null when the data cannot tell.
 */
function overdueOf(s: HistoryState, w: MonthWalk, status: StatusCode, reason: StatusReason, arrears: Arrears, row: Pick<MonthRow, 'amountDueFen' | 'amountPaidFen' | 'creditUsedFen'>): [number, number] | null {
  if (status === '#') return null;
  if (!isLenderOverdue(status) || reason === 'repaid_late') return [0, 0]; // repaid late: nothing left overdue when judged
  if (arrears.overdue === true && arrears.amount[1] > 0) return arrears.amount;
  return enteredOverdue(s, w.fact, row);
}

/** Closes the walked month: its row, and whether the account closed in it (the history ends there). */
export function closeMonth(s: HistoryState, w: MonthWalk): { row: MonthRow; closed: boolean } {
  settleWhenPaid(s);
  const arrears = arrearsAt(s, w.monthEnd);
  const due = dueThisMonth(s, w);
  const closed = s.closedMonth === w.month || (s.settledDay !== null && periodOf(s, s.settledDay) === w.month);
  const facts = monthFacts(s, w, arrears, due, closed);
  let { status, reason } = derivedStatus(s, w, facts, arrears, due);
  let statusSource: MonthRow['statusSource'] = 'derived';
  if (w.fact && w.fact.status !== null) {
    status = w.fact.status;
    reason = 'manual';
    statusSource = 'manual';
    if (NOTHING_OVERDUE.has(status)) clearArrears(s, w.monthEnd);
  }
  const creditUsed = creditUsedAt(s, w, arrears.overdue);
  const firstDue = w.dues[0];
  const row: MonthRow = {
    month: formatMonth(w.month),
    status,
    statusSource,
    reason,
    statementBalanceFen: w.issued?.full ?? null,
    amountDueFen: w.fact?.amountDueFen ?? due.amountDue,
    minimumDueFen: s.revolving ? (firstDue?.min ?? null) : null,
    amountPaidFen: s.paidInMonth.get(w.month) ?? 0,
    creditUsedFen: creditUsed,
    // A month the data cannot tell has no days past due either.
    daysPastDue: status === '#' && statusSource === 'derived' ? null : reason === 'repaid_late' ? due.lateDays : arrears.daysPastDue,
    overdueFen: null,
    overdueRangeFen: null,
    dueOn: firstDue ? formatDay(firstDue.dueDay) : null,
    unconfirmed: s.unconfirmedInMonth.get(w.month) ?? 0,
  };
  const overdue = overdueOf(s, w, status, reason, arrears, row);
  s.carriedOverdue = overdue;
  if (overdue !== null && overdue[0] === overdue[1]) row.overdueFen = overdue[0];
  else row.overdueRangeFen = overdue;
  return { row, closed };
}
