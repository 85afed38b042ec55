// The data version of a profile database (migration 0008): counters its triggers move on every
// write, so a reader can tell whether what it read is still current without trusting writers
// to say so. Reading it costs one row.

import type { Db } from './database.ts';

export interface DataVersion {
  /** Moves on every write to a table the ledger snapshot reads. */
  version: number;
  /** Moves on every write to a table the derived ledger is computed from. */
  ledgerInputs: number;
  /** Moves on every write to a table the derivation writes (events, histories, summaries: migration 0019). */
  ledgerOutputs: number;
  /** Moves on every write to a table the derived ledger is computed from but what an import adds (migration 0021). */
  ledgerEdits: number;
  /** The highest transaction id the last derivation took up (migration 0021). */
  derivedThrough: number;
}

export function readDataVersion(db: Db): DataVersion {
  const [version, ledgerInputs, ledgerOutputs, ledgerEdits, derivedThrough] = db
    .prepare('SELECT version, ledger_inputs, ledger_outputs, ledger_edits, derived_through FROM data_version WHERE id = 1')
    .raw()
    .get() as [number, number, number, number, number];
  return { version, ledgerInputs, ledgerOutputs, ledgerEdits, derivedThrough };
}

/** Recorded by a derivation: the rows up to this id are taken up (an edit of one of them then moves ledger_edits). */
export function recordDerivedThrough(db: Db, through: number): void {
  db.prepare('UPDATE data_version SET derived_through = ? WHERE id = 1').run(through);
}
