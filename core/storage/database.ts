import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { CredenceError } from '../shared/errors.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { applyKey, describeOpenFailure } from './encryption/cipher.ts';
import { registerAuditHashFunction } from './audit-chain.ts';
import { loadMigrations, type Migration } from './migrations.ts';
import { registerRawRowFunctions } from './raw-rows.ts';

export { appendAudit } from './audit-chain.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (default: true). */
  create?: boolean;
  migrations?: Migration[];
  /** The profile's raw data key when the file is encrypted (core/storage/encryption). */
  key?: Buffer;
  /** Called before the first pending migration of an existing file: the automatic backup (core/storage/backups.ts). */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
  /**
   * The file was inspected already by this process's shared connection (a second connection for
   * an import): skip the integrity check, a read of the whole file (seconds at 1M rows).
   */
  inspected?: boolean;
  /**
   * The file's clean-close marker vouches that it has not changed since it last passed the
   * integrity check (clean-close.ts): its schema is still checked, the integrity check skipped.
   */
  skipIntegrity?: boolean;
}

interface AppliedMigration {
  version: number;
  name: string;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

function sqliteReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readApplied(db: Db): AppliedMigration[] {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
}

/**
 * Checks an existing file read-only before anything may write to it: integrity first, then the
 * schema version. A corrupt file or one from a newer Credence is refused with its bytes untouched.
 */
export function inspectExisting(file: string, migrations: Migration[], key: Buffer | undefined, integrity = true): void {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (key) applyKey(db, key);
    const rows = integrity ? (db.pragma('quick_check') as Array<{ quick_check: string }>) : [];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    if (problems.length > 0) throw new CredenceError('db.corrupt', { file, reason: problems.slice(0, 3).join('; ') });
    const known = new Map(migrations.map((migration) => [migration.version, migration.name]));
    for (const row of readApplied(db)) {
      const expected = known.get(row.version);
      // A migration this build does not have: written by a newer Credence (or a branch not merged here).
      if (expected === undefined) {
        throw new CredenceError('db.newer_version', { file, found: row.version, supported: migrations.at(-1)?.version ?? 0 });
      }
      if (expected !== row.name) {
        throw new CredenceError('db.migration_mismatch', {
          file,
          version: row.version,
          found: row.name,
          expected,
        });
      }
    }
  } catch (error) {
    if (error instanceof CredenceError) throw error;
    throw describeOpenFailure(file, key !== undefined, error) ?? new CredenceError('db.corrupt', { file, reason: sqliteReason(error) });
  } finally {
    db?.close();
  }
}

/**
 * Applies, in order, every migration not yet recorded. Usually those above the newest applied; a
 * lower one too when its branch merged after a higher one had reached this file (see loadMigrations).
 */
function migrate(db: Db, migrations: Migration[], beforeMigrate: OpenOptions['beforeMigrate']): void {
  db.exec(MIGRATIONS_TABLE);
  const applied = new Set(readApplied(db).map((row) => row.version));
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (applied.size > 0 && pending.length > 0) beforeMigrate?.(db, Math.max(...applied), migrations.at(-1)!.version);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, toUtc8Iso());
      applied.add(migration.version);
      db.pragma(`user_version = ${Math.max(...applied)}`);
    })();
  }
}

/**
 * SQLite's page size for a new plaintext profile, set before its first page is written (an
 * existing file keeps the size it was made with: SQLite fixes it at creation, in WAL mode for
 * good). At 16 KiB a 1M-row import writes a quarter of the WAL frames and checkpoint writes it did
 * at SQLite's default 4 KiB, about 0.8 CPU s less (docs/engineering/performance.md, stop 29).
 * Encrypted profiles are written at their cipher's size (encryption/cipher.ts: the cipher id
 * names it); encrypting a plaintext profile copies its rows into a new file at that size.
 */
export const PLAINTEXT_PAGE_SIZE = 16384;

/** Opens (or creates) one profile database: integrity-checked, migrated, WAL, foreign keys on. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? loadMigrations();
  const exists = existsSync(file);
  if (!exists && options.create === false) throw new CredenceError('db.not_found', { file });
  if (exists && !options.inspected) inspectExisting(file, migrations, options.key, !options.skipIntegrity);
  const db = new Database(file);
  try {
    if (options.key) applyKey(db, options.key);
    else if (!exists) db.pragma(`page_size = ${PLAINTEXT_PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    registerAuditHashFunction(db);
    registerRawRowFunctions(db);
    migrate(db, migrations, options.beforeMigrate);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return readApplied(db).at(-1)?.version ?? 0;
}

/**
 * An import holds its transaction open between chunks: a write now would join it (and vanish if
 * the import is cancelled). Edits refuse; reads serve what was derived before the import.
 */
export function assertNotImporting(db: Db): void {
  if (db.inTransaction) throw new CredenceError('ledger.busy');
}

/** Imports running on connections of their own (a worker's), by the profile's shared connection. */
const importsRunning = new WeakMap<Db, number>();

/**
 * Marks the profile of a shared connection as being imported into elsewhere (core/ipc/import-jobs.ts),
 * until the returned function is called: its ledger is then derived by the import, right after
 * its last COMMIT, and reads meanwhile serve the stored one instead of deriving it a second time
 * on the thread that answers IPC (and waiting for the import's write lock to do so).
 */
export function markImportRunning(db: Db): () => void {
  importsRunning.set(db, (importsRunning.get(db) ?? 0) + 1);
  return () => {
    const left = (importsRunning.get(db) ?? 1) - 1;
    if (left > 0) importsRunning.set(db, left);
    else importsRunning.delete(db);
  };
}

/** Whether an import writes into this connection's profile: in its transaction, or on a connection of its own. */
export function importRunning(db: Db): boolean {
  return db.inTransaction || importsRunning.has(db);
}
