// Where the stated-totals tally (tally-rows.ts) keeps its chunks once full. The tally is read back
// only when a stated total differs, after the last row, but it grows with the file (about 5 bytes
// a row: 40 MB at 8,000,000 rows, docs/engineering/performance.md, stop 31). An import keeps them
// in a TEMP table on its own connection, one row a chunk: SQLite's temporary database, which lives
// where its temporary files go (unlinked as soon as opened, so no file of the user's amounts is
// left anywhere, nor one another process can open by name), and in memory where temp_store is
// MEMORY, as an encrypted profile sets it (storage/encryption/cipher.ts): there the chunks stay in
// memory, as before. Its page cache is held small while it exists, so the pages written pass
// through a few hundred KB of memory.

import type Database from 'better-sqlite3-multiple-ciphers';
import { release } from '../shared/typed-arrays.ts';
import type { Db } from '../storage/database.ts';

export interface TallyChunks {
  /** Keeps a full chunk; the chunk is the store's (the caller makes no further use of it). */
  put(bytes: Uint8Array): void;
  /** Each chunk put, in the order put. */
  each(read: (bytes: Uint8Array) => void): void;
  /** Drops every chunk. */
  clear(): void;
}

const TABLE = 'temp.credence_import_tally';
/** The temporary database's page cache while the chunks are in it, KiB (SQLite's negative cache_size). */
const TEMP_CACHE_KIB = 256;

/** The chunks in a TEMP table of the import's connection, created at the first chunk and dropped at `clear`. */
export class TempTableChunks implements TallyChunks {
  private readonly db: Db;
  private insert: Database.Statement<[number, Uint8Array]> | null = null;
  private count = 0;
  private restoreCache: (() => void) | null = null;

  constructor(db: Db) {
    this.db = db;
  }

  put(bytes: Uint8Array): void {
    if (this.insert === null) {
      const size = this.db.pragma('temp.cache_size', { simple: true }) as number;
      this.db.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`);
      this.restoreCache = () => void this.db.pragma(`temp.cache_size = ${size}`);
      this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS credence_import_tally (n INTEGER PRIMARY KEY, bytes BLOB NOT NULL)`);
      this.insert = this.db.prepare(`INSERT INTO ${TABLE} (n, bytes) VALUES (?, ?)`);
    }
    // The addon copies the bytes it binds: the chunk's memory is freed now, not at V8's next full collection.
    this.insert.run(this.count++, bytes);
    release(bytes);
  }

  /**
   * Each chunk is a Buffer the addon copied out of SQLite, freed once read: left to V8, a read of
   * every chunk (one per stated total that differs) kept them all until a collection, 83 MB at
   * 4,000,000 rows (docs/engineering/performance.md, stop 31).
   */
  each(read: (bytes: Uint8Array) => void): void {
    if (this.insert === null) return;
    for (const bytes of this.db.prepare(`SELECT bytes FROM ${TABLE} ORDER BY n`).pluck().iterate() as Iterable<Uint8Array>) {
      read(bytes);
      // Only a buffer of its own: a view into a shared one (a small Buffer from Node's pool) is left as it is.
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) release(bytes);
    }
  }

  /** Drops the table (a ROLLBACK may have taken it already) and puts the cache's size back. */
  clear(): void {
    if (this.insert === null) return;
    this.insert = null;
    this.count = 0;
    this.db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
    this.restoreCache?.();
    this.restoreCache = null;
  }
}
