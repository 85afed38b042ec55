// One loaded ledger per profile database, kept between score requests: loading reads every
// monthly history (about 110 ms at 100,000 transactions and 200 accounts), scoring a loaded
// ledger takes about a millisecond (issue 5 §8).
//
// A kept ledger is served while nothing it was read from has changed, by the ledger's own
// staleness check (core/ledger/recompute.ts ensureLedger): it re-derives when the newest
// transaction, the newest audit entry that is not the ledger's own, the day or the code moved,
// and stamps ledger_state 'fingerprint' with them. The ledger's own edits (accounts, month facts,
// queries, observed scores) recompute at once and leave that stamp as it was; they, like every
// other change a score reads (profile facts, rule settings, reviews, imports), write an audit
// entry, so the stamp and the newest audit entry together say whether a reload is due.

import { ensureLedger } from '../ledger/recompute.ts';
import type { Db } from '../storage/database.ts';
import { loadScoringLedger } from './load-ledger.ts';
import type { ScoringLedger } from './scoring-ledger.ts';

interface Entry {
  version: string;
  ledger: ScoringLedger;
}

/** What a loaded ledger was read from, after the staleness check brought the derived ledger up to date. */
export function ledgerVersion(db: Db, asOfDay: number): string {
  ensureLedger(db, asOfDay);
  const stamp = (db.prepare("SELECT value FROM ledger_state WHERE key = 'fingerprint'").pluck().get() as string | undefined) ?? '';
  // Consent events and exports (core/consent) change nothing a score reads.
  const audit = (db.prepare("SELECT id FROM audit_log WHERE action NOT LIKE 'consent.%' ORDER BY id DESC LIMIT 1").pluck().get() as number | undefined) ?? 0;
  return `${stamp}|${audit}|${asOfDay}`;
}

export class LedgerCache {
  /** By database: the profile store keeps one per profile; a closed profile's entry goes with it. */
  private readonly entries = new WeakMap<Db, Entry>();
  /** Ledgers read from a database so far (tests check that a request reloads only when it must). */
  loads = 0;

  /** The profile's ledger loaded for `asOfDay`, from memory while nothing it was read from changed. */
  ledger(db: Db, asOfDay: number): ScoringLedger {
    // Read before loading: a change that lands during the load makes the next request reload.
    const version = ledgerVersion(db, asOfDay);
    const kept = this.entries.get(db);
    if (kept && kept.version === version) return kept.ledger;
    const ledger = loadScoringLedger(db, asOfDay);
    this.loads++;
    this.entries.set(db, { version, ledger });
    return ledger;
  }
}
