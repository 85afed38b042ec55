// A read of a whole table that SQLite sorts or groups (the derivation's credit rows, the
// activity's months) keeps up to the page cache's size of sorted records in memory before it
// spills them to a temporary file (SQLite's sorter is sized by cache_size), on top of the page
// cache itself, which an import has just filled. Shrinking the cache for such a read frees its
// pages for the sorter: after a million-row import the work after it then needs no more memory
// than the import did (docs/engineering/performance.md, the post-import work). A scan in rowid
// order gains nothing from a large cache anyway.

import type { Db } from './database.ts';

/** SQLite's unit for a negative cache_size: KiB. */
const SCAN_CACHE_KIB = 2000;

/** Shrinks the connection's page cache; the function returned puts its own size back. */
export function smallCache(db: Db): () => void {
  const size = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
  return () => db.pragma(`cache_size = ${size}`);
}

/** Runs `read` with a small page cache. */
export function withSmallCache<T>(db: Db, read: () => T): T {
  const restore = smallCache(db);
  try {
    return read();
  } finally {
    restore();
  }
}
