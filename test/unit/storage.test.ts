import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredenceError } from '../../core/shared/errors.ts';
import { importFile } from '../../core/importers/import-file.ts';
import { appendAudit, openDatabase, PLAINTEXT_PAGE_SIZE, schemaVersion } from '../../core/storage/database.ts';
import { loadMigrations, type Migration } from '../../core/storage/migrations.ts';
import { initialiseProfile } from '../../core/storage/profile-store.ts';
import { bill } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

const migrations = loadMigrations();
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
  it('are numbered 1..N with names, and the list is not empty', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(1);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.sql.trim().length).toBeGreaterThan(0);
  });

  it('refuse a folder with a gap in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0003_third.sql'), 'CREATE TABLE c (x);');
    expect(() => loadMigrations(dir)).toThrow(/not numbered 1\.\.N/);
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
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
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

  it.each(Array.from({ length: migrations.length }, (_, v) => v))('upgrades a database from version %i and keeps its data', (version) => {
    const file = join(tempDir(), `v${version}.sqlite`);
    databaseAt(file, version);
    if (version >= 1) {
      const old = openDatabase(file, { migrations: migrations.slice(0, version) });
      initialiseProfile(old, 'Older client');
      old.close();
    }
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
    if (version >= 1) expect(db.prepare('SELECT name FROM profile').pluck().get()).toBe('Older client');
    db.close();
  });

  it('refuses a database from a newer Credence and leaves its bytes untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const future: Migration = { version: migrations.length + 1, name: 'from_the_future', sql: 'CREATE TABLE future (x);' };
    openDatabase(file, { migrations: [...migrations, future] }).close();
    const before = sha(file);
    const error = expectCredenceError(() => openDatabase(file), 'db.newer_version');
    expect(error.details).toMatchObject({ found: migrations.length + 1, supported: migrations.length });
    expect(error.localized['zh-CN']).toContain('更新版本');
    expect(sha(file)).toBe(before);
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

/** The page size a SQLite file's header records: two bytes at offset 16, big-endian (1 means 65536). */
function headerPageSize(file: string): number {
  return readFileSync(file).readUInt16BE(16);
}

describe('the page size of a plaintext profile', () => {
  it('is 16 KiB for a new file, in the header itself once the WAL is checkpointed', () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = openDatabase(file);
    initialiseProfile(db, '新档案', 'page-size-test');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(PLAINTEXT_PAGE_SIZE).toBe(16384);
    expect(headerPageSize(file)).toBe(16384);
  });

  it('stays 4 KiB for a profile written before (SQLite’s default): it opens, migrates and takes an import as it did', async () => {
    const file = join(tempDir(), 'old.sqlite');
    // What an older Credence left: SQLite's default page size, WAL, its first page written.
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.pragma('user_version = 0');
    old.close();
    expect(headerPageSize(file)).toBe(4096);
    const db = openDatabase(file, { migrations: migrations.slice(0, 10) });
    db.close();
    const migrated = openDatabase(file);
    expect(schemaVersion(migrated)).toBe(migrations.length);
    const [report] = await importFile(migrated, bill('wechat/wechat-csv-2025.csv'));
    expect(report!.imported).toBeGreaterThan(0);
    expect(migrated.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(report!.imported);
    expect(migrated.pragma('page_size', { simple: true })).toBe(4096);
    expect(migrated.pragma('quick_check', { simple: true })).toBe('ok');
    migrated.pragma('wal_checkpoint(TRUNCATE)');
    migrated.close();
    expect(headerPageSize(file)).toBe(4096);
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
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });
});

describe('the data version (migration 0008)', () => {
  const T = '2026-11-21T10:00:00+08:00';
  /**
   * Every table of the schema, by what a write to it means for the read model: `inputs` are
   * what the derived ledger is computed from (both counters move), `read` what the ledger
   * snapshot reads besides (only `version` moves), `unread` what no snapshot reads. A new table
   * fails the last test until it is placed here and, if read, given its triggers.
   */
  // issuer_grace_rules: the history pass judges each month with the issuer's 容时 and 容差 (migration 0013).
  const inputs = ['import_batches', 'transactions', 'credit_accounts', 'credit_account_overrides', 'credit_month_facts', 'credit_installments', 'credit_links', 'issuer_grace_rules'];
  const read = ['credit_account_events', 'credit_account_histories', 'credit_account_summaries', 'credit_queries', 'score_observations', 'score_profile_facts', 'bureau_rule_settings', 'bureau_settings'];
  // What the derivation writes: `ledger_outputs` moves too (migration 0019), so a reader that kept the accounts knows they are as they were.
  const outputs = ['credit_account_events', 'credit_account_histories', 'credit_account_summaries'];
  // Consent records, receipts and exports (core/consent) change nothing a report or score reads.
  const unread = ['profile', 'consents', 'consent_receipts', 'consent_exports', 'audit_log', 'schema_migrations', 'ledger_state', 'score_snapshots', 'data_version', 'whatif_scenarios', 'review_decisions', 'review_decision_rows', 'client_details', 'checklist_dismissals', 'import_raw_columns', 'credit_account_checkpoints', 'import_file_bytes'];

  /** One insert, update and delete per table, by raw SQL that no app function wraps; rows the others need come first. */
  const writes: Record<string, [string, string, string]> = {
    import_batches: [`INSERT INTO import_batches (id, file_name, file_sha256, platform, variant, started_at) VALUES (1, 'a.csv', '', 'alipay', 'app', '${T}')`, "UPDATE import_batches SET rows_read = 5 WHERE id = 1", ''],
    transactions: [
      `INSERT INTO transactions (id, batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, raw_row, source_line) VALUES (1, 1, 'alipay', 'o1', '${T}', 1795226400, 100, 'expense', '交易成功', '', 2)`,
      "UPDATE transactions SET category = '餐饮美食' WHERE id = 1",
      '',
    ],
    credit_accounts: [`INSERT INTO credit_accounts (id, product, name, created_at, updated_at) VALUES (1, 'huabei', '花呗', '${T}', '${T}')`, "UPDATE credit_accounts SET name = '花呗 2' WHERE id = 1", ''],
    credit_account_overrides: [`INSERT INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (1, 'limitFen', '500000', '${T}')`, "UPDATE credit_account_overrides SET value_json = '600000'", 'DELETE FROM credit_account_overrides'],
    credit_month_facts: [`INSERT INTO credit_month_facts (account_id, month, amount_paid_fen, updated_at) VALUES (1, '2026-10', 100, '${T}')`, 'UPDATE credit_month_facts SET amount_paid_fen = 200', 'DELETE FROM credit_month_facts'],
    credit_installments: [`INSERT INTO credit_installments (id, account_id, principal_fen, periods, first_month, created_at, updated_at) VALUES (1, 1, 120000, 12, '2026-01', '${T}', '${T}')`, 'UPDATE credit_installments SET periods = 6', 'DELETE FROM credit_installments'],
    credit_links: [`INSERT INTO credit_links (transaction_id, account_id, role, source, basis, day, amount_fen, batch_id, platform, unconfirmed) VALUES (1, 1, 'charge', 'manual', 'user', 20778, 100, 1, 'alipay', 0)`, 'UPDATE credit_links SET unconfirmed = 1', 'DELETE FROM credit_links'],
    credit_account_events: ["INSERT INTO credit_account_events (account_id, events, batches) VALUES (1, x'', '[]')", "UPDATE credit_account_events SET batches = '[1]'", 'DELETE FROM credit_account_events'],
    credit_account_histories: ["INSERT INTO credit_account_histories (account_id, months_json) VALUES (1, '[]')", "UPDATE credit_account_histories SET months_json = '[[\"2026-10\"]]'", 'DELETE FROM credit_account_histories'],
    credit_account_summaries: ['INSERT INTO credit_account_summaries (account_id, balance_fen) VALUES (1, 0)', 'UPDATE credit_account_summaries SET balance_fen = 5', 'DELETE FROM credit_account_summaries'],
    credit_queries: [`INSERT INTO credit_queries (id, queried_on, institution, reason_code, created_at, updated_at) VALUES (1, '2026-10-02', '某银行', '02', '${T}', '${T}')`, "UPDATE credit_queries SET reason_code = '03'", 'DELETE FROM credit_queries'],
    score_observations: [`INSERT INTO score_observations (id, kind, value, observed_on, created_at, updated_at) VALUES (1, 'sesame', 700, '2026-10-02', '${T}', '${T}')`, 'UPDATE score_observations SET value = 701', 'DELETE FROM score_observations'],
    score_profile_facts: [`INSERT INTO score_profile_facts (key, value_json, updated_at) VALUES ('phoneYears', '3', '${T}')`, "UPDATE score_profile_facts SET value_json = '4'", 'DELETE FROM score_profile_facts'],
    issuer_grace_rules: [`INSERT INTO issuer_grace_rules (lender, grace_days, tolerance_fen, updated_at) VALUES ('招商银行', 0, 0, '${T}')`, 'UPDATE issuer_grace_rules SET grace_days = 2', 'DELETE FROM issuer_grace_rules'],
    bureau_rule_settings: [`INSERT INTO bureau_rule_settings (rule_id, warn, fail, updated_at) VALUES ('lei_liu', 2, 4, '${T}')`, 'UPDATE bureau_rule_settings SET warn = 1', 'DELETE FROM bureau_rule_settings'],
    bureau_settings: [`INSERT INTO bureau_settings (key, value_json, updated_at) VALUES ('hard_query_reasons', '["02"]', '${T}')`, `UPDATE bureau_settings SET value_json = '["03"]'`, 'DELETE FROM bureau_settings'],
  };
  // The rows the others hang on go last, in reverse: the links first, the batch after its transaction.
  const deletesLast: Record<string, string> = {
    transactions: 'DELETE FROM transactions',
    credit_accounts: 'DELETE FROM credit_accounts',
    import_batches: 'DELETE FROM import_batches',
  };

  const counters = (db: Database.Database) =>
    db.prepare('SELECT version, ledger_inputs AS ledgerInputs, ledger_outputs AS ledgerOutputs FROM data_version').get() as { version: number; ledgerInputs: number; ledgerOutputs: number };

  it('moves on every insert, update and delete of every table a snapshot reads, by any connection; ledger_inputs only for the derivation’s inputs, ledger_outputs only for what it writes', () => {
    const file = join(tempDir(), 'version.sqlite');
    openDatabase(file).close();
    // A plain connection: nothing of the app wraps these writes.
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const check = (table: string, sql: string) => {
      const before = counters(db);
      const changes = db.prepare(sql).run().changes;
      expect(changes, `${table}: ${sql}`).toBe(1);
      const after = counters(db);
      expect(after.version, `${table}: ${sql}`).toBe(before.version + 1);
      expect(after.ledgerInputs, `${table}: ${sql}`).toBe(before.ledgerInputs + (inputs.includes(table) ? 1 : 0));
      expect(after.ledgerOutputs, `${table}: ${sql}`).toBe(before.ledgerOutputs + (outputs.includes(table) ? 1 : 0));
    };
    for (const [table, [insert, update]] of Object.entries(writes)) {
      check(table, insert);
      check(table, update);
    }
    for (const [table, [, , remove]] of Object.entries(writes)) if (remove) check(table, remove);
    for (const [table, remove] of Object.entries(deletesLast)) check(table, remove);
    expect(Object.keys(writes).sort()).toEqual([...inputs, ...read].sort());
    db.close();
  });

  it('does not move for what no snapshot reads: the audit log, the score history, the derivation’s bookkeeping', () => {
    const db = openDatabase(join(tempDir(), 'unread.sqlite'));
    const before = counters(db);
    appendAudit(db, { actor: 'user', action: 'test.action' });
    db.prepare("INSERT INTO ledger_state (key, value) VALUES ('fingerprint', 'x')").run();
    db.prepare(
      `INSERT INTO score_snapshots (taken_at, as_of, trigger, bureau_model, bureau_score, bureau_low, bureau_high, sesame_model, sesame_score, sesame_low, sesame_high, detail_json)
       VALUES ('${T}', '2026-11-21', 'manual', 'm@1', 500, 500, 500, 's@1', 700, 700, 700, '{}')`,
    ).run();
    expect(counters(db)).toEqual(before);
    db.close();
  });

  it('has a place for every table of the schema (a new table must be classified here)', () => {
    const db = openDatabase(join(tempDir(), 'tables.sqlite'));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
    expect(tables).toEqual([...inputs, ...read, ...unread].sort());
    // Every read table has its three triggers; no unread table has one.
    const triggers = db.prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_data_version'").pluck().all() as string[];
    for (const table of [...inputs, ...read]) expect(triggers.filter((t) => t === table), table).toHaveLength(3);
    for (const table of unread) expect(triggers, table).not.toContain(table);
    db.close();
  });
});
