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

import { formatDay, monthOfDay } from '../../shared/calendar.ts';
import type { MonthRow } from '../account-schema.ts';
import type { HistoryInput, HistoryResult } from './history-input.ts';
import { newHistoryState, type HistoryState } from './history-state.ts';
import { closeMonth } from './month-close.ts';
import { walkMonth } from './month-walk.ts';
import { addLoanObligations } from './obligations-loan.ts';
import { nextCycleDueDay } from './obligations-revolving.ts';

const EMPTY: HistoryResult = { rows: [], settledDay: null, balanceFen: null, nextDue: null };

/** The first month anything is known of: the open date, the user's balance, the first event or month fact. */
function firstMonthOf(input: HistoryInput): number | null {
  let first = Number.POSITIVE_INFINITY;
  if (input.openedDay !== null) first = Math.min(first, monthOfDay(input.openedDay));
  if (input.opening) first = Math.min(first, monthOfDay(input.opening.day));
  if (input.events.length > 0) first = Math.min(first, monthOfDay(input.events[0].day));
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

export function computeHistory(input: HistoryInput): HistoryResult {
  const s = newHistoryState(input);
  const start = firstMonthOf(input);
  if (start === null || start > s.asOfMonth) return EMPTY;
  const end = s.closedMonth === null ? s.asOfMonth : Math.min(s.asOfMonth, s.closedMonth);
  if (!s.revolving) addLoanObligations(s, start);
  const rows: MonthRow[] = [];
  for (let month = start; month <= end; month++) {
    const { row, closed } = closeMonth(s, walkMonth(s, month));
    rows.push(row);
    if (closed) break;
  }
  return { rows, settledDay: s.settledDay, balanceFen: rows.at(-1)?.creditUsedFen ?? null, nextDue: nextDueOf(s) };
}
