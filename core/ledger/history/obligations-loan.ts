// What a loan owes, and when it is done: loans, draws and lines (a line owes its draws'
// instalments). Every instalment is known from the disbursement on, from the terms
// (core/ledger/schedule.ts); the user's amount due for a month replaces the schedule's, or stands
// alone when the terms are unknown. A loan is settled when every instalment is paid, or early
// when the payments cover everything due so far and the principal still outstanding.

import { dayOfMonth, dayOfMonthOf, firstDay } from '../../shared/calendar.ts';
import type { DrawSchedule } from './history-input.ts';
import { advanceQueue, satisfy, type HistoryState } from './history-state.ts';
import { newObligation } from './obligations.ts';

/** A month's amount due with neither a due day nor an open date to place it falls due on the 28th, which every month has. */
const FALLBACK_DUE_DAY = 28;

function drawsOf(s: HistoryState): DrawSchedule[] {
  const { input } = s;
  if (s.line) return [...(input.draws ?? [])];
  return input.openedDay !== null ? [{ openDay: input.openedDay, schedule: input.schedule }] : [];
}

/** Every instalment of the loan (a line: of its draws), from `start`, the account's first month. */
export function addLoanObligations(s: HistoryState, start: number): void {
  const { input, obligations } = s;
  const draws = drawsOf(s);
  s.loanScheduleKnown = draws.length > 0 && draws.every((d) => d.schedule !== null) && !(s.line && (input.unknownDraws || input.openedDay === null));
  for (const draw of draws) {
    for (const inst of draw.schedule ?? []) obligations.push(newObligation(draw.openDay, inst.dueDay, inst.dueMonth, inst.amountFen, inst.principalFen, s.manualPaidMonths));
  }
  // The user's amount due for a month replaces the schedule's, or stands alone when the terms are unknown.
  const issue = input.openedDay ?? firstDay(start);
  const dueDayOf = (month: number) => dayOfMonth(month, input.dueDay ?? (input.openedDay !== null ? dayOfMonthOf(input.openedDay) : FALLBACK_DUE_DAY));
  for (const [month, fact] of input.facts) {
    if (fact.amountDueFen === null) continue;
    const same = obligations.filter((o) => o.dueMonth === month);
    if (same.length === 1) same[0].full = fact.amountDueFen;
    else {
      for (const o of same) obligations.splice(obligations.indexOf(o), 1);
      obligations.push(newObligation(issue, dueDayOf(month), month, fact.amountDueFen, 0, s.manualPaidMonths));
    }
  }
  obligations.sort((a, b) => a.dueDay - b.dueDay);
}

/** A loan (not a line) whose payments are all its own, with known terms and principal. */
function singleLoan(s: HistoryState): boolean {
  return !s.revolving && !s.line && s.loanScheduleKnown && s.input.principalFen !== null;
}

/**
 * What a single loan still needs on `day` to be settled ahead of schedule: everything due so far
 * plus the principal still outstanding, less everything paid; null for anything but a single
 * loan with known terms, or one already settled.
 */
export function settlementShortfall(s: HistoryState, day: number): number | null {
  if (!singleLoan(s) || s.settledDay !== null) return null;
  let dueSoFar = 0;
  let principalSoFar = 0;
  for (const o of s.obligations) {
    if (o.dueDay > day) break;
    dueSoFar += o.full ?? 0;
    principalSoFar += o.principal;
  }
  return Math.max(0, dueSoFar + (s.input.principalFen! - principalSoFar) - s.totalPaid);
}

/** A loan repaid ahead of schedule: everything due so far plus the principal still outstanding. */
export function settleEarly(s: HistoryState, day: number): void {
  if (settlementShortfall(s, day) !== 0) return;
  for (let i = s.queueStart; i < s.obligations.length; i++) satisfy(s, s.obligations[i], day);
  advanceQueue(s);
}

/** At a month's end: a loan whose every instalment is paid is settled; a line stays open when its draws are repaid. */
export function settleWhenPaid(s: HistoryState): void {
  if (s.revolving || s.line || s.settledDay !== null || !s.loanScheduleKnown || s.obligations.length === 0 || s.queueStart < s.obligations.length) return;
  s.settledDay = Math.max(...s.obligations.map((o) => o.satisfiedDay));
}

/** The principal still owed at `monthEnd`: the principal less the principal of the instalments paid by then. */
export function principalOutstanding(s: HistoryState, monthEnd: number): number {
  let repaid = 0;
  for (const o of s.obligations) if (o.satisfiedDay >= 0 && o.satisfiedDay <= monthEnd) repaid += o.principal;
  return Math.max(0, s.input.principalFen! - repaid);
}

/** Why a month's schedule is unknown: a line's draws are missing, or a loan's terms. */
export function loanScheduleReason(s: HistoryState): 'unknown_draws' | 'no_loan_terms' {
  return s.line && (s.input.unknownDraws || s.input.openedDay === null) ? 'unknown_draws' : 'no_loan_terms';
}
