// What a revolving account owes: on each statement day a bill, its full amount the statement
// balance (less the instalment principal not billed yet, plus the period's instalment fees), due
// on the due day of the same month when the due day comes after the statement day, else of the
// next. The user's amount due and minimum for the month win; a minimum rate gives the minimum
// otherwise. Paying the latest statement in full clears every earlier arrears it includes.

import { dayOfMonth } from '../../shared/calendar.ts';
import type { InstallmentPlan } from './history-input.ts';
import { periodOf, satisfy, type HistoryState } from './history-state.ts';
import { newObligation, type Obligation } from './obligations.ts';

/**
 * Unbilled instalment principal at the statement of `month`, and the fees that statement bills.
 * A plan's principal is in the balance already (the purchase, or the statement it converted);
 * from its first statement on, only one period of it is billed each month.
 */
function instalmentsAt(plans: readonly InstallmentPlan[], month: number): { unbilled: number; fee: number } {
  let unbilled = 0;
  let fee = 0;
  for (const plan of plans) {
    const period = month - plan.firstMonth; // 0-based period billed on this statement
    if (period < 0 || period >= plan.periods) continue;
    const part = Math.floor(plan.principalFen / plan.periods);
    unbilled += period === plan.periods - 1 ? 0 : plan.principalFen - part * (period + 1);
    const feePart = Math.floor(plan.feeFen / plan.periods);
    fee += period === plan.periods - 1 ? plan.feeFen - feePart * (plan.periods - 1) : feePart;
  }
  return { unbilled, fee };
}

/** The month the bill issued on `month`'s statement day falls due: its own when the due day comes after the statement day, else the next. */
export function billDueMonth(statementDay: number, dueDay: number, month: number): number {
  return dueDay > statementDay ? month : month + 1;
}

/** Whether a statement's bill falls due in its own month, not the next. */
export function dueInStatementMonth(s: HistoryState): boolean {
  return billDueMonth(s.input.statementDay!, s.input.dueDay!, 0) === 0;
}

/** The bill issued on the statement day `day` of `month`. */
export function issueStatement(s: HistoryState, month: number, day: number): Obligation {
  const { input } = s;
  const dueDay = dayOfMonth(billDueMonth(input.statementDay!, input.dueDay!, month), input.dueDay!);
  const dueMonth = periodOf(s, dueDay);
  const plans = instalmentsAt(input.installments, month);
  s.bal += plans.fee;
  const fact = input.facts.get(dueMonth);
  let full: number | null = s.balKnown ? Math.max(0, s.bal - plans.unbilled) : null;
  if (fact && fact.amountDueFen !== null) {
    full = fact.amountDueFen;
    if (!s.balKnown) {
      s.bal = full + plans.unbilled;
      s.balKnown = true;
    }
  }
  const o = newObligation(day, dueDay, dueMonth, full, 0, s.manualPaidMonths);
  if (fact && fact.minimumDueFen !== null) o.min = fact.minimumDueFen;
  else if (input.minimumPaymentBp !== null && full !== null) o.min = Math.ceil((full * input.minimumPaymentBp) / 10000);
  if (o.min !== null && full !== null) o.min = Math.min(o.min, full);
  s.obligations.push(o);
  s.latest = o;
  return o;
}

/** The statement balance includes every earlier unpaid bill: paying it in full clears all arrears. */
export function creditLatestStatement(s: HistoryState, amount: number, day: number): void {
  const bill = s.latest;
  if (bill === null || bill.full === null) return;
  bill.paidSinceIssue += amount;
  if (bill.paidSinceIssue >= bill.full) {
    for (let i = s.queueStart; i < s.obligations.length && s.obligations[i].issueDay <= bill.issueDay; i++) satisfy(s, s.obligations[i], day);
    s.arrearsKnown = true;
  }
}

/** A cycle's due day: that of the bill issued on the previous month's statement day. */
export function dueDayInCycle(s: HistoryState, month: number): number {
  return dayOfMonth(billDueMonth(s.input.statementDay!, s.input.dueDay!, month - 1), s.input.dueDay!);
}

/** With no bill known to be coming, the next due day of the cycle: this month's, or next month's once it passed. */
export function nextCycleDueDay(s: HistoryState): number {
  const day = dayOfMonth(s.asOfMonth, s.input.dueDay!);
  return day < s.asOf ? dayOfMonth(s.asOfMonth + 1, s.input.dueDay!) : day;
}
