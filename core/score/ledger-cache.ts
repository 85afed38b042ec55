// The read model the IPC handlers keep per profile database: the ledger snapshot
// (core/ledger/snapshot.ts), its bureau view and the scoring engine's form of it, loaded once per
// data version and day. Loading reads every monthly history (about 100 ms at 100,000 transactions
// and 200 accounts); scoring a loaded ledger takes about a millisecond (issue 5 §8).
//
// Freshness is the data version (migration 0008): SQL triggers move it on every write to every
// table a snapshot reads, whoever writes (an edit, an import on its own connection, raw SQL), so
// a kept snapshot is served exactly while the version it was read at is still the database's.

import { buildBureauView, type BureauView } from '../bureau/view.ts';
import { ensureLedger } from '../ledger/freshness.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { readDataVersion } from '../storage/data-version.ts';
import type { Db } from '../storage/database.ts';
import { scoringLedgerOf } from './load-ledger.ts';
import type { ScoringLedger } from './scoring-ledger.ts';

export interface ReadModel {
  snapshot: LedgerSnapshot;
  view: BureauView;
}

interface Entry extends ReadModel {
  version: number;
  /** Built on the first score request, from the kept snapshot and view. */
  ledger: ScoringLedger | null;
}

export class LedgerCache {
  /** By database: the profile store keeps one per profile; a closed profile's entry goes with it. */
  private readonly entries = new WeakMap<Db, Entry>();
  /** Snapshots read from a database so far (tests check that a request reloads only when it must). */
  loads = 0;

  private entry(db: Db, asOfDay: number): Entry {
    // The derived ledger first: bringing it up to date for the day writes, and moves the version.
    ensureLedger(db, asOfDay);
    // Read before loading: a change that lands during the load makes the next request reload.
    const { version } = readDataVersion(db);
    const kept = this.entries.get(db);
    if (kept && kept.version === version && kept.snapshot.asOfDay === asOfDay) return kept;
    const snapshot = loadLedgerSnapshot(db, asOfDay);
    this.loads++;
    const entry: Entry = { version, snapshot, view: buildBureauView(snapshot, asOfDay), ledger: null };
    this.entries.set(db, entry);
    return entry;
  }

  /** The profile's snapshot for `asOfDay` and its bureau view, from memory while nothing they were read from changed. */
  readModel(db: Db, asOfDay: number): ReadModel {
    const { snapshot, view } = this.entry(db, asOfDay);
    return { snapshot, view };
  }

  /** The scoring engine's form of the same read model. */
  ledger(db: Db, asOfDay: number): ScoringLedger {
    const entry = this.entry(db, asOfDay);
    entry.ledger ??= scoringLedgerOf(entry.snapshot, entry.view);
    return entry.ledger;
  }
}
