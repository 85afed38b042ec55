// One month of the pass (a calendar month, or a card's statement cycle: history-state.ts), day by day up to its end (or today): the anchors that fall in it (the
// open date, a balance the user gave), the obligations due in it, a revolving account's statement
// issued on its day, each due day judged (due-check.ts) after the events up to it, and the
// user's amount paid applied as one payment on the month's due day.

import { dayOfMonth, lastDay } from '../../shared/calendar.ts';
import type { ManualMonth } from './history-input.ts';
import { checkDue } from './due-check.ts';
import { anchor, periodEnd, periodOf, type HistoryState } from './history-state.ts';
import type { Obligation } from './obligations.ts';
import { dueDayInCycle, dueInStatementMonth, issueStatement } from './obligations-revolving.ts';
import { allocate } from './payments.ts';
import { advanceTo } from './replay.ts';

export interface MonthWalk {
  month: number;
  /** The month's last day, or today in today's month. */
  monthEnd: number;
  fact: ManualMonth | undefined;
  /** The obligations due this month, in due order (this month's bill included when it is due this month). */
  dues: Obligation[];
  /** The bill issued on this month's statement day. */
  issued: Obligation | null;
  /** A balance given for a day after the month began says nothing about the bill due before it. */
  anchoredMidMonth: boolean;
  /** The day the user's amount paid is applied, until it is. */
  manualDay: number | null;
}

function anchorsIn(s: HistoryState, month: number): boolean {
  const { input } = s;
  if (input.openedDay !== null && s.openMonth === month) {
    advanceTo(s, input.openedDay - 1, false);
    if (s.revolving || s.line) anchor(s, input.openedDay, 0);
    else if (input.principalFen !== null) anchor(s, input.openedDay, input.principalFen);
  }
  if (!input.opening || periodOf(s, input.opening.day) !== month) return false;
  advanceTo(s, input.opening.day - 1, false);
  anchor(s, input.opening.day, input.opening.fen);
  return input.opening.day > periodEnd(s, month - 1) + 1 && s.openMonth !== month;
}

function duesIn(s: HistoryState, month: number): Obligation[] {
  const dues: Obligation[] = [];
  while (s.dueIndex < s.obligations.length && s.obligations[s.dueIndex].dueMonth <= month) {
    if (s.obligations[s.dueIndex].dueMonth === month) dues.push(s.obligations[s.dueIndex]);
    s.dueIndex++;
  }
  return dues;
}

/** The user's amount paid is one payment on the month's due day (or its last day), once the pass reaches it. */
function payManual(s: HistoryState, w: MonthWalk, upTo: number): void {
  if (w.manualDay === null || w.manualDay > upTo || w.manualDay > s.asOf) return;
  const day = w.manualDay;
  const paid = w.fact!.amountPaidFen!;
  w.manualDay = null;
  advanceTo(s, day - 1, false);
  s.bal -= paid;
  s.paidInMonth.set(w.month, paid);
  allocate(s, paid, day);
}

/** Brings the pass to the end of `day`; false when that day is after today. */
function reach(s: HistoryState, w: MonthWalk, day: number): boolean {
  if (day > s.asOf) return false;
  payManual(s, w, day);
  advanceTo(s, day, true);
  return true;
}

function judgeDues(s: HistoryState, w: MonthWalk): void {
  for (const o of w.dues) if (reach(s, w, o.dueDay)) checkDue(s, o);
}

export function walkMonth(s: HistoryState, month: number): MonthWalk {
  const anchoredMidMonth = anchorsIn(s, month);
  const fact = s.input.facts.get(month);
  const dues = duesIn(s, month);
  let manualDay: number | null = null;
  if (fact && fact.amountPaidFen !== null) manualDay = s.cycle ? dueDayInCycle(s, month) : s.scheduled ? dayOfMonth(month, s.input.dueDay!) : (dues[0]?.dueDay ?? lastDay(month));
  const w: MonthWalk = { month, monthEnd: Math.min(periodEnd(s, month), s.asOf), fact, dues, issued: null, anchoredMidMonth, manualDay };
  if (s.cycle) {
    // The cycle's one due day comes before the statement date that closes it.
    judgeDues(s, w);
    if (reach(s, w, periodEnd(s, month))) w.issued = issueStatement(s, month, periodEnd(s, month));
  } else if (s.scheduled) {
    const statementDay = dayOfMonth(month, s.input.statementDay!);
    if (dueInStatementMonth(s)) {
      if (reach(s, w, statementDay)) {
        w.issued = issueStatement(s, month, statementDay);
        dues.push(w.issued);
      }
      judgeDues(s, w);
    } else {
      judgeDues(s, w);
      if (reach(s, w, statementDay)) w.issued = issueStatement(s, month, statementDay);
    }
  } else judgeDues(s, w);
  payManual(s, w, w.monthEnd);
  advanceTo(s, w.monthEnd, false);
  return w;
}
