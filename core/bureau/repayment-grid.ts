// The 60-month repayment grid of an account (PD01E, docs/domain/pboc-report.md#five-year-history)
// and the figures read off it: the overdue amount of each month, the latest month, whether the
// account is open.

import type { MonthRow } from '../ledger/account-schema.ts';
import type { ReportAccount } from './layouts.ts';
import { CLOSING_CODES } from '../shared/status-alphabet.ts';
import type { GridMonth } from './report-schema.ts';
import { formatMonth, monthIndex, monthOfDate } from './windows.ts';

/** Report note 9: each credit account shows the last 5 years of repayment. */
export const GRID_MONTHS = 60;

/**
 * 逾期（透支）总额 (PD01EJ01) of a month as the ledger closed it (month-close.ts): a card's unpaid
 * minimum payments, a loan's unpaid instalments. A card whose minimum is unknown has a range: a
 * counter of the highest amount takes its high end (at most this much was overdue). null when unknown.
 */
export function overdueHigh(row: MonthRow): number | null {
  return row.overdueFen ?? row.overdueRangeFen?.[1] ?? null;
}

export function gridMonths(account: ReportAccount): GridMonth[] {
  return account.months.map((row) => ({
    month: row.month,
    status: row.status,
    statusSource: row.statusSource,
    reason: row.reason,
    overdueFen: row.overdueFen,
    overdueRangeFen: row.overdueRangeFen,
    amountDueFen: row.amountDueFen,
    amountPaidFen: row.amountPaidFen,
    creditUsedFen: row.creditUsedFen,
  }));
}

/** The grid window: the 60 months ending with the report month. */
export function gridWindow(reportMonth: number): { from: string; to: string } {
  return { from: formatMonth(reportMonth - GRID_MONTHS + 1), to: formatMonth(reportMonth) };
}

export function inGrid(months: readonly GridMonth[], reportMonth: number): GridMonth[] {
  const { from, to } = gridWindow(reportMonth);
  return months.filter((m) => m.month >= from && m.month <= to);
}

/** The account's last reported month (≤ the report month), or null. */
export function latestMonth(account: ReportAccount): MonthRow | null {
  return account.months.at(-1) ?? null;
}

/** The month the account was closed or settled, if by the report month. */
export function closedMonth(account: ReportAccount, reportMonth: number): number | null {
  // The grid's own closing month (C, G) wins: it is what the report shows.
  const last = latestMonth(account);
  if (last && CLOSING_CODES.has(last.status)) return monthIndex(last.month);
  const { closed, settled } = endingMonths(account.source);
  const byClose = closed !== null && closed <= reportMonth ? closed : null;
  const bySettling = settled !== null && settled <= reportMonth ? settled : null;
  return byClose === null ? bySettling : bySettling === null ? byClose : Math.min(byClose, bySettling);
}

/** The months an account was closed and settled in, read once per ledger account (never edited once in a snapshot; a what-if's months share it). */
function endingMonths(source: ReportAccount['source']): { closed: number | null; settled: number | null } {
  let out = endings.get(source);
  if (!out) {
    out = { closed: source.closedOn ? monthOfDate(source.closedOn) : null, settled: source.settledOn ? monthOfDate(source.settledOn) : null };
    endings.set(source, out);
  }
  return out;
}

const endings = new WeakMap<ReportAccount['source'], { closed: number | null; settled: number | null }>();

/** Open at the end of the report month (the debt summary covers open accounts only, report note 7). */
export function isOpen(account: ReportAccount, reportMonth: number): boolean {
  return closedMonth(account, reportMonth) === null;
}

/** Whether the account has anything to show in the 60-month window. */
export function onReport(account: ReportAccount, reportMonth: number): boolean {
  const { from } = gridWindow(reportMonth);
  // The months run in order: the last is the latest.
  return (account.months.at(-1)?.month ?? '') >= from;
}

/** Average of the last 6 reported months' values (nulls make it unknown). */
export function average6m(account: ReportAccount, pick: (row: MonthRow) => number | null, reportMonth: number): number | null {
  const from = formatMonth(reportMonth - 5);
  // The months run in order: the window's are the last ones.
  const rows = account.months;
  let sum = 0;
  let n = 0;
  for (let i = rows.length - 1; i >= 0 && rows[i].month >= from; i--, n++) {
    const value = pick(rows[i]);
    if (value === null) return null;
    sum += value;
  }
  return n === 0 ? null : Math.round(sum / n);
}
