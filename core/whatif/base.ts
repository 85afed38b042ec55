// What every scenario of one profile starts from, read once at the edge: the ledger snapshot
// (core/ledger/snapshot.ts) the dashboard's report and scores are built from, and the ledger's
// own inputs to its history pass (core/ledger/recompute/history-inputs.ts), so that a scenario can
// add dated events to a copy and have the ledger compute the months again. Neither is ever edited:
// a scenario builds new objects beside them (scenario-state.ts, projection.ts).

import { readActivity } from '../ledger/activity.ts';
import { currentCheckpoints, ensureLedger } from '../ledger/freshness.ts';
import { readLedgerInputs, type LedgerInputs } from '../ledger/recompute/history-inputs.ts';
import { restamp } from '../ledger/reread.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { lastDay } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { reportMonthOf } from '../bureau/windows.ts';

export interface WhatIfBase {
  /** Today for the what-if (day number): the first point of every timeline. */
  asOfDay: number;
  snapshot: LedgerSnapshot;
  inputs: LedgerInputs;
  /**
   * The derivation's day checkpoints of the accounts' history passes (recompute/day-checkpoints.ts),
   * as stored, by account: made from these inputs, so the baseline's pass of an account may start
   * after their months instead of walking its years again (projection.ts storedCheckpoint).
   */
  checkpoints: ReadonlyMap<number, string>;
}

/**
 * Reads a profile's snapshot and history inputs for `asOfDay`, in one read transaction. Given the
 * base read before (`previous`: the same profile), every part that reads back the same is the
 * previous object (core/ledger/reread.ts), and the baselines kept with `previous` are where the
 * new base's baselines start from (compare.ts baselineOf): an edit costs what it changed. When
 * every part reads back the same (a write the what-if does not read, a value rewritten as it
 * was), the base is `previous` itself, and so is everything computed from it.
 */
export function loadWhatIfBase(db: Db, asOfDay: number, previous?: WhatIfBase): WhatIfBase {
  ensureLedger(db, asOfDay);
  // The activity read first outside the read transaction, where what is read is kept with the
  // connection (activity.ts): the read inside, and the next base's, get it again unless a row
  // moved. Nothing is written: a what-if leaves the profile as it was.
  readActivity(db, previous?.snapshot.activity, { write: false });
  const base = db.transaction(() => ({
    asOfDay,
    snapshot: loadLedgerSnapshot(db, asOfDay, previous?.snapshot),
    inputs: readLedgerInputs(db, previous?.inputs),
    checkpoints: currentCheckpoints(db),
  }))();
  if (!previous) return base;
  if (sameBase(base, previous)) {
    // As current as the parts just read: the next read after an edit of queries or facts skips the accounts.
    restamp(previous.snapshot, base.snapshot);
    restamp(previous.inputs, base.inputs);
    return previous;
  }
  readAfter.set(base, previous);
  // One step back only: the previous base does not keep its own predecessor alive.
  readAfter.delete(previous);
  return base;
}

/** A base read again → the base it was read after (loadWhatIfBase's `previous`). */
const readAfter = new WeakMap<WhatIfBase, WhatIfBase>();

export function previousBase(base: WhatIfBase): WhatIfBase | undefined {
  return readAfter.get(base);
}

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value || !b.has(key)) return false;
  return true;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Every part the same object (the rest of the inputs is built from the accounts). The checkpoints
 * aside: made from the inputs, they serve the previous base's as well.
 */
function sameBase(a: WhatIfBase, b: WhatIfBase): boolean {
  const [s, t] = [a.snapshot, b.snapshot];
  const [i, j] = [a.inputs, b.inputs];
  return (
    a.asOfDay === b.asOfDay &&
    (Object.keys(s) as (keyof LedgerSnapshot)[]).every((key) => (key === 'accounts' ? sameItems(s.accounts, t.accounts) : s[key] === t[key])) &&
    sameItems(i.accounts, j.accounts) &&
    sameEntries(i.events, j.events) &&
    sameEntries(i.lineEvents, j.lineEvents) &&
    sameEntries(i.facts, j.facts) &&
    sameEntries(i.plans, j.plans) &&
    i.exports === j.exports &&
    i.graceRules === j.graceRules
  );
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
