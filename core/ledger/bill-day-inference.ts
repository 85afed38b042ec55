// A revolving account's statement and due day read off its repayments, by the rule in
// core/rules/bill-day-inference.ts: the day of each month's largest repayment (the bill; a small
// extra paydown is not), the window of `clusterDays` that holds most of those days, and, when it
// holds enough months, the latest day in it as the due day and the product's usual gap before it
// as the statement day. Pure: the checklist (core/checklist) offers it, labelled inferred, and
// the user confirms it through the ordinary account edit.

import { BILL_DAY_INFERENCE, BILL_DAY_INFERENCE_VERSION, statementGapFor } from '../rules/bill-day-inference.ts';
import { dayOfMonthOf, monthOfDay } from '../shared/calendar.ts';
import type { LedgerEvent } from './history/history-input.ts';

export interface InferredBillDays {
  statementDay: number;
  dueDay: number;
  /** Months with a repayment, and how many of them fall in the cluster. */
  months: number;
  matched: number;
  gapSource: string;
  ruleVersion: string;
}

/** The day of the month of each month's largest repayment, in month order. */
function repaymentDays(events: readonly LedgerEvent[]): number[] {
  const largest = new Map<number, LedgerEvent>();
  for (const e of events) {
    if (e.role !== 'payment') continue;
    const month = monthOfDay(e.day);
    const held = largest.get(month);
    if (!held || e.fen > held.fen) largest.set(month, e);
  }
  return [...largest.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => dayOfMonthOf(e.day));
}

/** A due day `gap` days after the statement day, counted back on a 30-day month (a statement late in the month is due early in the next). */
function statementDayBefore(dueDay: number, gap: number): number {
  const day = dueDay - gap;
  return day >= 1 ? day : day + 30;
}

export function inferBillDays(events: readonly LedgerEvent[], product: string, bank: string | null): InferredBillDays | null {
  const gap = statementGapFor(product, bank);
  if (!gap) return null;
  const days = repaymentDays(events);
  const { minMonths, clusterDays, minShare } = BILL_DAY_INFERENCE;
  if (days.length < minMonths.value) return null;
  let best = { matched: 0, latest: 0 };
  for (let end = 1; end <= 31; end++) {
    const inside = days.filter((d) => d <= end && d >= end - clusterDays.value);
    if (inside.length > best.matched) best = { matched: inside.length, latest: Math.max(...inside) };
  }
  if (best.matched / days.length < minShare.value) return null;
  return { statementDay: statementDayBefore(best.latest, gap.days), dueDay: best.latest, months: days.length, matched: best.matched, gapSource: gap.source, ruleVersion: BILL_DAY_INFERENCE_VERSION };
}
