import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredenceError } from '../../core/errors.ts';
import { appendAudit, openDatabase, schemaVersion } from '../../core/storage/database.ts';
import { loadMigrations, type Migration } from '../../core/storage/migrations.ts';
import { initialiseProfile } from '../../core/profiles/profile-store.ts';
import { tempDir } from '../helpers/temp.ts';

const migrations = loadMigrations();
/** The newest schema version this build knows (numbers may have gaps: see loadMigrations). */
const newest = migrations.at(-1)!.version;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectCredenceError(fn: () => unknown, code: string): CredenceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CredenceError);
    expect((error as CredenceError).code).toBe(code);
    return error as CredenceError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

/** A database left at `version`, then closed: what an older Credence would have written. */
function databaseAt(file: string, version: number): void {
  openDatabase(file, { migrations: migrations.slice(0, version) }).close();
}

describe('migrations', () => {
  it('are numbered from 1 in rising order with names, and the list is not empty', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(1);
    expect(migrations[0].version).toBe(1);
    for (const [i, m] of migrations.entries()) if (i > 0) expect(m.version).toBeGreaterThan(migrations[i - 1].version);
    for (const m of migrations) expect(m.sql.trim().length).toBeGreaterThan(0);
  });

  it('refuse a folder with a number used twice', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0002_second.sql'), 'CREATE TABLE b (x);');
    writeFileSync(join(dir, '0002_other.sql'), 'CREATE TABLE c (x);');
    expect(() => loadMigrations(dir)).toThrow(/each number once: found 2 twice/);
  });

  it('allow a gap: a number handed to a branch not merged into this build', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0003_third.sql'), 'CREATE TABLE c (x);');
    expect(loadMigrations(dir).map((m) => m.version)).toEqual([1, 3]);
  });
});

describe('openDatabase', () => {
  it('creates a fresh database with the whole schema, WAL and foreign keys', () => {
    const file = join(tempDir(), 'fresh.sqlite');
    const db = openDatabase(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['profile', 'import_batches', 'transactions', 'credit_accounts', 'consents', 'audit_log', 'schema_migrations']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(newest);
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    db.close();
  });

  it('keeps the transaction columns the importers need, amounts in integer fen and times with +08:00', () => {
    const db = openDatabase(join(tempDir(), 'tx.sqlite'));
    const columns = (db.prepare('PRAGMA table_info(transactions)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'amount_fen', 'occurred_at', 'platform', 'platform_order_id', 'merchant_order_id', 'direction',
        'status', 'counterparty', 'item', 'payment_method', 'raw_row',
      ]),
    );
    const batch = db
      .prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('f', 'h', 'alipay', 'app', 'now')")
      .run().lastInsertRowid;
    const insert = db.prepare(
      `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, raw_row, source_line)
       VALUES (?, 'alipay', ?, ?, 0, ?, 'expense', 'ok', '{}', 1)`,
    );
    insert.run(batch, 'a', '2023-02-12T21:32:14+08:00', 4974);
    expect(() => insert.run(batch, 'b', '2023-02-12 21:32:14', 100)).toThrow(/CHECK/);
    expect(() => insert.run(batch, 'c', '2023-02-12T21:32:14+08:00', -1)).toThrow(/CHECK/);
    expect(() => insert.run(batch, 'a', '2023-02-12T21:32:14+08:00', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(9999, 'd', '2023-02-12T21:32:14+08:00', 1)).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it.each(Array.from({ length: migrations.length }, (_, v) => v))('upgrades a database from its first %i migrations and keeps its data', (version) => {
    const file = join(tempDir(), `v${version}.sqlite`);
    databaseAt(file, version);
    if (version >= 1) {
      const old = openDatabase(file, { migrations: migrations.slice(0, version) });
      initialiseProfile(old, 'Older client');
      old.close();
    }
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(newest);
    if (version >= 1) expect(db.prepare('SELECT name FROM profile').pluck().get()).toBe('Older client');
    db.close();
  });

  it('refuses a database from a newer Credence and leaves its bytes untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const future: Migration = { version: newest + 1, name: 'from_the_future', sql: 'CREATE TABLE future (x);' };
    openDatabase(file, { migrations: [...migrations, future] }).close();
    const before = sha(file);
    const error = expectCredenceError(() => openDatabase(file), 'db.newer_version');
    expect(error.details).toMatchObject({ found: newest + 1, supported: newest });
    expect(error.localized['zh-CN']).toContain('更新版本');
    expect(sha(file)).toBe(before);
  });

  it('applies a migration numbered below one already applied (its branch merged later), and only that one', () => {
    const file = join(tempDir(), 'merged-later.sqlite');
    const low: Migration = { version: newest + 1, name: 'merged_later', sql: 'CREATE TABLE merged_later (x);' };
    // CREATE TABLE without IF NOT EXISTS: applying `high` a second time would throw.
    const high: Migration = { version: newest + 2, name: 'merged_first', sql: 'CREATE TABLE merged_first (x);' };
    openDatabase(file, { migrations: [...migrations, high] }).close();
    const db = openDatabase(file, { migrations: [...migrations, low, high] });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([...migrations.map((m) => m.version), newest + 1, newest + 2]);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('merged_first', 'merged_later')").pluck().get()).toBe(2);
    expect(schemaVersion(db)).toBe(newest + 2);
    expect(db.pragma('user_version', { simple: true })).toBe(newest + 2);
    db.close();
  });

  it('refuses a database whose applied migration differs from this build', () => {
    const file = join(tempDir(), 'mismatch.sqlite');
    const renamed = migrations.map((m, i) => (i === 0 ? { ...m, name: 'something_else' } : m));
    openDatabase(file, { migrations: renamed }).close();
    expectCredenceError(() => openDatabase(file), 'db.migration_mismatch');
  });

  it('fails quick_check on a damaged file with a clear error and writes nothing', () => {
    const file = join(tempDir(), 'damaged.sqlite');
    const db = openDatabase(file);
    initialiseProfile(db, 'Damaged');
    const insert = db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('t', 'test', 'fill', 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over a page in the middle of the audit log's b-tree.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 20);
    closeSync(fd);
    const before = sha(file);
    const error = expectCredenceError(() => openDatabase(file), 'db.corrupt');
    expect(error.localized.en).toContain(file);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database', () => {
    const file = join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(200));
    const before = sha(file);
    expectCredenceError(() => openDatabase(file), 'db.corrupt');
    expect(sha(file)).toBe(before);
  });

  it('does not create a missing file when asked not to', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    const file = join(dir, 'x', 'missing.sqlite');
    expectCredenceError(() => openDatabase(file, { create: false }), 'db.not_found');
    expect(existsSync(file)).toBe(false);
  });
});

describe('audit log', () => {
  it('is append-only', () => {
    const db = openDatabase(join(tempDir(), 'audit.sqlite'));
    appendAudit(db, { actor: 'user', action: 'test.action', subject: 's', details: { a: 1 } });
    const row = db.prepare('SELECT at, action, details_json FROM audit_log').get() as { at: string; action: string; details_json: string };
    expect(row.action).toBe('test.action');
    expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(JSON.parse(row.details_json)).toEqual({ a: 1 });
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('a database written by plain better-sqlite3 without migrations', () => {
  it('is migrated from version 0 when it has no tables', () => {
    const file = join(tempDir(), 'empty.sqlite');
    new Database(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(newest);
    db.close();
  });
});
