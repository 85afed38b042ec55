// How long negative records stay on the report. 征信业管理条例 Art. 16 [A]: negative information
// is kept 5 years from the day the bad behaviour or event ends, then deleted; report note 13:
// defaults that ended more than 5 years ago are not shown (docs/domain/pboc-report.md#retention).
// The clock starts when the delinquency ends, not when it starts. And a month is shown only while
// it is in the 60-month grid (note 9): a negative month leaves with the grid's window, which is
// never later than the law's clock (a run ends after its last month), so what the summary counts
// and what the grid shows are the same months.

import { worstStatus } from '../ledger/repayment-status.ts';
import { keptWith, partKeys, type ReportAccount } from './layouts.ts';
import { GRID_MONTHS, gridWindow, overdueHigh } from './repayment-grid.ts';
import { isNegative } from '../shared/status-alphabet.ts';
import type { NegativeItem } from './report-schema.ts';
import { formatMonth, monthIndex } from './windows.ts';

export const RETENTION = {
  months: 60,
  source: '征信业管理条例 Art. 16 (http://www.jianbiaoku.com/webarbs/book/164491/4714245.shtml) and report note 13, docs/domain/pboc-report.md#retention',
} as const;

/**
 * The account's runs of negative months (overdue digits, B, G, D, Z: core/shared/status-alphabet.ts), each
 * with the month it ended and the month it leaves the report. A run ends at the first later
 * month that is known not to be negative; `#` months in between leave the end uncertain (it
 * may have ended as early as the first of them). A run at the end of a closed account's
 * history ended with the account. A run still going at the report month has no end yet: its
 * 5 years have not started. The month it leaves is the earlier of the law's (5 years after it
 * ended) and the grid's (its last month 60 months back): always the grid's, as a run ends after
 * its last month, and known even where `#` months hide the end.
 */
export function negativeRuns(account: ReportAccount, reportMonth: number): readonly NegativeItem[] {
  return keptWith(account, negativeRunsKey(reportMonth), () => findRuns(account, reportMonth));
}

const negativeRunsKey = partKeys('negativeRuns');
const retainedMonthsKey = partKeys('retainedMonths');

function findRuns(account: ReportAccount, reportMonth: number): NegativeItem[] {
  const rows = account.months;
  const items: NegativeItem[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!isNegative(rows[i].status)) {
      i++;
      continue;
    }
    const start = i;
    while (i < rows.length && isNegative(rows[i].status)) i++;
    const run = rows.slice(start, i);
    let j = i;
    while (j < rows.length && rows[j].status === '#') j++;
    const lastMonth = monthIndex(run.at(-1)!.month);
    let ended: number | null = null;
    if (j < rows.length) ended = monthIndex(rows[j].month);
    else if (lastMonth < reportMonth && j === i) ended = lastMonth; // the history stops: the account ended with it
    const earliest = j > i ? monthIndex(rows[i].month) : null;
    const known = run.map(overdueHigh).filter((a): a is number => a !== null);
    const leavesGrid = lastMonth + GRID_MONTHS;
    const ongoing = ended === null && earliest === null;
    const fallsOff = ongoing ? null : Math.min(ended === null ? leavesGrid : ended + RETENTION.months, leavesGrid);
    items.push({
      accountId: account.id,
      accountName: account.name,
      reporting: account.reporting,
      from: run[0].month,
      to: run.at(-1)!.month,
      worst: worstStatus(run.map((r) => r.status))!,
      months: run.length,
      highestOverdueFen: known.length > 0 ? Math.max(...known) : null,
      endedMonth: ended === null ? null : formatMonth(ended),
      endedEarliest: earliest === null ? null : formatMonth(earliest),
      fallsOffMonth: fallsOff === null ? null : formatMonth(fallsOff),
      fallsOffEarliest: earliest === null ? null : formatMonth(Math.min(earliest + RETENTION.months, leavesGrid)),
      monthsLeft: fallsOff === null ? null : fallsOff - reportMonth,
    });
  }
  return items;
}

/** Still on the report at the report month: its last month still in the grid, and not yet 5 years since it ended (or not ended). */
export function isRetained(item: NegativeItem, reportMonth: number): boolean {
  return item.fallsOffMonth === null || monthIndex(item.fallsOffMonth) > reportMonth;
}

export function retainedNegatives(account: ReportAccount, reportMonth: number): NegativeItem[] {
  return negativeRuns(account, reportMonth).filter((item) => isRetained(item, reportMonth));
}

/**
 * The negative months of an account still on the report: in a retained run and in the grid's
 * 60 months (a run's first months leave the grid before its last ones).
 */
export function retainedNegativeMonths(account: ReportAccount, reportMonth: number): ReadonlySet<string> {
  return keptWith(account, retainedMonthsKey(reportMonth), () => retainedMonths(account, reportMonth));
}

function retainedMonths(account: ReportAccount, reportMonth: number): Set<string> {
  const months = new Set<string>();
  const { from } = gridWindow(reportMonth);
  for (const item of retainedNegatives(account, reportMonth)) {
    for (const row of account.months) if (row.month >= from && row.month >= item.from && row.month <= item.to) months.add(row.month);
  }
  return months;
}
