// An account's monthly history as stored (credit_account_histories.months_json, migration 0003):
// one positional array per month, in the column order of the credit_account_months view that
// reads it in SQL. One row per account, not one per month, keeps rewriting every history fast.

import type { MonthRow } from '../account-schema.ts';
import type { StatusCode } from '../../shared/status-alphabet.ts';
import type { Db } from '../../storage/database.ts';

type StoredMonth = [string, StatusCode, MonthRow['statusSource'], MonthRow['reason'], number | null, number | null, number | null, number, number | null, number | null, string | null, number, number | null, [number, number] | null];

export function monthsJson(rows: readonly MonthRow[]): string {
  return JSON.stringify(
    rows.map((r): StoredMonth => [r.month, r.status, r.statusSource, r.reason, r.statementBalanceFen, r.amountDueFen, r.minimumDueFen, r.amountPaidFen, r.creditUsedFen, r.daysPastDue, r.dueOn, r.unconfirmed, r.overdueFen, r.overdueRangeFen]),
  );
}

export function parseMonthsJson(json: string): MonthRow[] {
  return (JSON.parse(json) as StoredMonth[]).map((r) => ({
    month: r[0],
    status: r[1],
    statusSource: r[2],
    reason: r[3],
    statementBalanceFen: r[4],
    amountDueFen: r[5],
    minimumDueFen: r[6],
    amountPaidFen: r[7],
    creditUsedFen: r[8],
    daysPastDue: r[9],
    dueOn: r[10],
    unconfirmed: r[11],
    overdueFen: r[12] ?? null,
    overdueRangeFen: r[13] ?? null,
  }));
}

/** One account's stored months, as of the last recompute (ensureLedger brings it up to date). */
export function readMonths(db: Db, accountId: number): MonthRow[] {
  const json = db.prepare('SELECT months_json FROM credit_account_histories WHERE account_id = ?').pluck().get(accountId) as string | undefined;
  return json ? parseMonthsJson(json) : [];
}
