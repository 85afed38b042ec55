// What every scenario of one profile starts from, read once at the edge: the ledger snapshot
// (core/ledger/snapshot.ts) the dashboard's report and scores are built from, and the ledger's
// own inputs to its history pass (core/ledger/recompute/history-inputs.ts), so that a scenario can
// add dated events to a copy and have the ledger compute the months again. Neither is ever edited:
// a scenario builds new objects beside them (scenario-state.ts, projection.ts).

import { ensureLedger } from '../ledger/freshness.ts';
import { readLedgerInputs, type LedgerInputs } from '../ledger/recompute/history-inputs.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { lastDay } from '../shared/calendar.ts';
import { readDataVersion } from '../storage/data-version.ts';
import type { Db } from '../storage/database.ts';
import { reportMonthOf } from '../bureau/windows.ts';

export interface WhatIfBase {
  /** Today for the what-if (day number): the first point of every timeline. */
  asOfDay: number;
  snapshot: LedgerSnapshot;
  inputs: LedgerInputs;
  /** The data version both were read at (migration 0008). */
  version: number;
}

/** Reads a profile's snapshot and history inputs for `asOfDay`, in one read transaction. */
export function loadWhatIfBase(db: Db, asOfDay: number): WhatIfBase {
  ensureLedger(db, asOfDay);
  return db.transaction(() => ({
    asOfDay,
    snapshot: loadLedgerSnapshot(db, asOfDay),
    inputs: readLedgerInputs(db),
    version: readDataVersion(db).version,
  }))();
}

/**
 * The days a timeline of `months` months reads the report and scores on: the as-of day, then the
 * last day of each following report month (lenders report monthly; the report shows a month once
 * it has ended: core/bureau/windows.ts reportMonthOf).
 */
export function timelineDays(asOfDay: number, months: number): number[] {
  const first = reportMonthOf(asOfDay);
  const days = [asOfDay];
  for (let k = 1; k <= months; k++) days.push(lastDay(first + k));
  return days;
}
