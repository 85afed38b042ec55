// The derived ledger's own bookkeeping (table ledger_state, one text value per key): the
// fingerprint of the last derivation and what it was made from (freshness.ts), the cached day
// spans of the imports (export-coverage.ts), the imported rows' activity (activity.ts), and the
// derived tables' counter its own writes left (freshness.ts currentCheckpoints).
// Nothing here is the user's: a fresh derivation rebuilds all of it.

import type { Db } from '../storage/database.ts';

export type LedgerStateKey = 'fingerprint' | 'derivation' | 'batch_coverage' | 'batch_coverage_through' | 'activity' | 'outputs';

export function readLedgerState(db: Db, key: LedgerStateKey): string | null {
  return (db.prepare('SELECT value FROM ledger_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function writeLedgerState(db: Db, key: LedgerStateKey, value: string): void {
  db.prepare('INSERT INTO ledger_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
