// An obligation judged on its due day: nothing owed is paid at once; unpaid with a known amount
// and every day from its issue to its due day observed (or the user's amount paid given), it is
// missed; otherwise it is uncertain, and the arrears stop being known, with the reason. Before
// that, the lender's grace (core/rules/repayment-grace.ts): a shortfall within the tolerance, or
// repaid within the grace days, is on time; what the grace days repay is then owed to this bill.

import { covered } from './coverage.ts';
import { advanceQueue, loseArrears, periodOf, satisfy, type HistoryState } from './history-state.ts';
import type { Obligation } from './obligations.ts';

/** Repayments in the grace days after the due day, as far as today. */
function repaidInGrace(s: HistoryState, o: Obligation, graceDays: number): number {
  const last = Math.min(o.dueDay + graceDays, s.asOf);
  let fen = 0;
  const { events } = s.input;
  for (let i = s.nextEvent; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.day > last) break;
    if (e.role === 'payment' && e.day > o.dueDay && !s.manualPaidMonths.has(periodOf(s, e.day))) fen += e.fen;
  }
  return fen;
}

function onTimeByGrace(s: HistoryState, o: Obligation, need: number): boolean {
  const rule = s.input.grace;
  if (!rule || o.manualPaid) return false;
  const short = need - o.paid;
  const inGrace = rule.graceDays > 0 && short > rule.toleranceFen ? Math.min(repaidInGrace(s, o, rule.graceDays), short) : 0;
  if (short - inGrace > rule.toleranceFen) return false;
  s.graceOwed += inGrace;
  s.graceMonths.add(o.dueMonth);
  satisfy(s, o, o.dueDay);
  advanceQueue(s);
  return true;
}

export function checkDue(s: HistoryState, o: Obligation): void {
  if (o.full === 0) {
    satisfy(s, o, o.issueDay);
    advanceQueue(s);
    return;
  }
  if (o.satisfiedDay >= 0) return;
  const need = o.min ?? o.full;
  if (need === null) {
    o.state = 'uncertain';
    loseArrears(s, s.revolving ? s.balanceReason : 'no_loan_terms');
    return;
  }
  if (onTimeByGrace(s, o, need)) return;
  const exact = o.manualPaid || covered(s.input.coverage, o.issueDay + 1, o.dueDay);
  // A revolving bill partly paid is missed only when its minimum is known: the part may have been the minimum.
  if (exact && (!s.revolving || o.min !== null || o.paid === 0)) o.state = 'missed';
  else {
    o.state = 'uncertain';
    loseArrears(s, exact ? 'partial_payment' : 'not_observed');
  }
}
