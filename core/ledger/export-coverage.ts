// The days each import covers: an export shows every event of the accounts it is complete for
// (derive/derive-accounts.ts, COMPLETE_SOURCES) on each day of its period, so a day no export
// covers may hide a charge, and a history cannot claim to know it.

import { dayOfEpoch, parseDay } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { readLedgerState, writeLedgerState } from './ledger-state.ts';

/** [batch, platform, first day, last day] */
export type CoverageEntry = [number, string, number, number];

/**
 * The whole days an export period covers, or null when it covers none. A stated period counts
 * only the days it contains from their first to their last second (`终止时间：[2021-01-05
 * 12:18:44]` does not cover the rest of Jan 5; `终止日期:[2019-10-01 00:00:00]` ends with Sep 30).
 * A period taken from the rows counts the first row's day to the last row's day, as the row
 * spans always have.
 */
export function periodDays(start: string, end: string, source: 'stated' | 'rows'): [number, number] | null {
  let from = parseDay(start.slice(0, 10));
  let to = parseDay(end.slice(0, 10));
  if (from === null || to === null) return null;
  if (source === 'stated') {
    if (start.slice(11, 19) !== '00:00:00') from++;
    if (end.slice(11, 19) !== '23:59:59') to--;
  }
  return from <= to ? [from, to] : null;
}

function readRowSpans(db: Db): CoverageEntry[] {
  return JSON.parse(readLedgerState(db, 'batch_coverage') ?? '[]') as CoverageEntry[];
}

/**
 * Batch row spans: the days from each import's first to its last inserted row, for imports that
 * have no recorded period (see exportCoverage). Kept in ledger_state and extended with the rows
 * added since the last derive only (transaction ids grow), so a derive does not scan a
 * million-row table for it.
 */
export function extendRowSpans(db: Db): void {
  const seen = Number(readLedgerState(db, 'batch_coverage_through') ?? 0);
  const byBatch = new Map(readRowSpans(db).map((entry) => [entry[0], entry]));
  // Only an import recorded without a period needs its rows' span (exportCoverage): when there is
  // none, the rows are not read at all (a first import of a million rows would be).
  const periodless = db.prepare('SELECT count(*) FROM import_batches WHERE period_source IS NULL').pluck().get() as number;
  const rows =
    periodless === 0
      ? []
      : (db
          .prepare('SELECT batch_id, platform, min(occurred_epoch), max(occurred_epoch), max(id) FROM transactions WHERE id > ? GROUP BY batch_id')
          .raw()
          .all(seen) as [number, string, number, number, number][]);
  let through = periodless === 0 ? ((db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? seen) : seen;
  for (const [batch, platform, from, to, maxId] of rows) {
    const first = dayOfEpoch(from);
    const last = dayOfEpoch(to);
    const entry = byBatch.get(batch);
    if (entry) {
      entry[2] = Math.min(entry[2], first);
      entry[3] = Math.max(entry[3], last);
    } else byBatch.set(batch, [batch, platform, first, last]);
    through = Math.max(through, maxId);
  }
  writeLedgerState(db, 'batch_coverage', JSON.stringify([...byBatch.values()]));
  writeLedgerState(db, 'batch_coverage_through', String(through));
}

/**
 * The days each import covers: its recorded period (import_batches.period_*, migration 0006),
 * which also covers days without a row and holds for an import whose rows were all duplicates;
 * imports recorded before periods were have their rows' first to last day. One row per import
 * is read, never the transactions.
 */
export function exportCoverage(db: Db): CoverageEntry[] {
  const byBatch = new Map(readRowSpans(db).map((entry) => [entry[0], entry]));
  const periods = db
    .prepare('SELECT id, platform, period_start, period_end, period_source FROM import_batches WHERE period_source IS NOT NULL')
    .raw()
    .all() as [number, string, string, string, 'stated' | 'rows'][];
  for (const [batch, platform, start, end, source] of periods) {
    const days = periodDays(start, end, source);
    if (days) byBatch.set(batch, [batch, platform, days[0], days[1]]);
    else byBatch.delete(batch);
  }
  return [...byBatch.values()];
}
