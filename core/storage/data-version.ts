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
}

export function readDataVersion(db: Db): DataVersion {
  const [version, ledgerInputs, ledgerOutputs] = db.prepare('SELECT version, ledger_inputs, ledger_outputs FROM data_version WHERE id = 1').raw().get() as [number, number, number];
  return { version, ledgerInputs, ledgerOutputs };
}
