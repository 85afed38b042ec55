// Data-version triggers set aside for one bulk write inside its transaction: each would update the
// counters' row once per row written, where the writer moves them once for the whole write.
// Dropping a trigger is DDL and part of the transaction, so no other connection ever sees a table
// without it, and a rollback, a failure or a kill brings it back with the rows.

import type { Db } from './database.ts';

/** Drops the triggers on `table` whose names match `namePattern` (SQL GLOB); the returned function puts them back, in their own words. */
export function setTriggersAside(db: Db, table: string, namePattern: string): () => void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name GLOB ?").raw().all(table, namePattern) as [string, string][];
  for (const [name] of triggers) db.exec(`DROP TRIGGER "${name}"`);
  return () => {
    for (const [, sql] of triggers) db.exec(sql);
  };
}
