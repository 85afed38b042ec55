// What an import's own transaction sets aside while it writes its rows, and puts back after the
// last one: the data version's per-row insert trigger, (into an empty table) the secondary
// indexes of transactions. DDL is part of the transaction, so no other connection ever sees the
// schema without them, and a cancel, a failure or a kill rolls the change back with the rows.
// SQLite evaluates the table's CHECK constraints on every row the import writes: the schema is
// their one home (a copy of them in the writer, to skip SQLite's, could drift from it). The
// foreign-key setting belongs to the import's connection alone, and comes back after it.

import type { Db } from '../storage/database.ts';
import { setTriggersAside } from '../storage/triggers.ts';

const ROW_COUNTER = 'transactions_insert_data_version';

/** The unique order index the writer's inserts (`ON CONFLICT … DO NOTHING`) and duplicate probes rely on: never set aside. */
const DEDUPE_INDEX = 'transactions_dedupe';

/**
 * Drops the data version's per-row insert trigger on transactions (migration 0008); the returned
 * function puts it back, as it was. The batch's own row, inserted with the first transaction and
 * updated at the end, moves the counters for the whole file: once, instead of an extra UPDATE for
 * every row written.
 */
export function suspendRowCounter(db: Db): () => void {
  return setTriggersAside(db, 'transactions', ROW_COUNTER);
}

/**
 * Into a table that holds no row yet (a profile's first import: the one that brings a whole
 * history), the secondary indexes of every row are dropped and built once at the end, from
 * sorted keys. Kept up to date row by row, newest-first rows land at the covering list index's
 * left edge (migration 0010), where every page split leaves two half-full pages: at 200,000 rows
 * that index took 37 MB instead of 18 MB, and a built one cost about 7% less CPU in all
 * (docs/engineering/performance.md). A partial index (the unpaired refunds') stays: it holds a
 * few rows, kept up to date at the cost of its WHERE per row, where building it reads the whole
 * table once more. The returned function builds them again, in the words they had; into a table
 * with rows already, nothing is dropped and it does nothing.
 */
export function deferIndexes(db: Db): () => void {
  if (db.prepare('SELECT 1 FROM transactions LIMIT 1').get() !== undefined) return () => {};
  const indexes = db
    .prepare(
      `SELECT s.name, s.sql FROM sqlite_schema s JOIN pragma_index_list('transactions') l ON l.name = s.name
        WHERE s.type = 'index' AND s.sql IS NOT NULL AND l.partial = 0 AND s.name <> ?`,
    )
    .all(DEDUPE_INDEX) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  return () => {
    for (const { sql } of indexes) db.exec(sql);
  };
}

/**
 * Foreign keys off on the import's connection for its transaction (the pragma does nothing inside
 * one, so this runs before BEGIN and the returned function after COMMIT or ROLLBACK). Every key
 * the import writes is valid by construction: a row's batch_id is the batch row it inserted first,
 * in the same transaction, and a refund's refund_of is the id a subquery just found; checking
 * them cost about 6% of an import's CPU (docs/engineering/performance.md).
 */
export function suspendForeignKeys(db: Db): () => void {
  const was = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  return () => void db.pragma(`foreign_keys = ${was ? 'ON' : 'OFF'}`);
}

/** The schema changes above, for one import's transaction: `end` after its last row; a ROLLBACK takes them back. */
export class BulkWrite {
  private readonly restoreRowCounter: () => void;
  private readonly buildIndexes: () => void;

  constructor(db: Db) {
    this.restoreRowCounter = suspendRowCounter(db);
    this.buildIndexes = deferIndexes(db);
  }

  end(): void {
    this.buildIndexes();
    this.restoreRowCounter();
  }
}
