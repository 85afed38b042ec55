import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../core/ipc/contract.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch } from '../../core/ipc/registry.ts';
import { importBytes } from '../../core/importers/import-file.ts';
import type { Db } from '../../core/storage/database.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { alipayRow, bill, syntheticAlipayCsv } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { tempDb } from './importers/helpers.ts';

// A cancel in each phase of an import leaves the database exactly as it was: every table's rows
// and the schema (the suspended row trigger included), compared whole. The phases: before the
// worker has loaded its modules, while the file is hashed, while rows are read and written, after
// the last row while the file's figures are summed (just before COMMIT); and once every file is
// committed (the ledger being derived), when a cancel is too late and the file stays imported.

/** Every table's rows in rowid order, and the schema: equal dumps mean nothing changed. */
function dump(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const schema = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all();
  return JSON.stringify({ schema, rows: Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all()])) });
}

/** A synthetic Alipay export of `n` distinct rows (about 140 bytes a row: 3,000 rows are 7 chunks of 64 KiB). */
function syntheticExport(n: number): Buffer {
  const rows = Array.from({ length: n }, (_, i) =>
    alipayRow({
      time: `2026-05-${String(1 + (i % 28)).padStart(2, '0')} 12:${String(i % 60).padStart(2, '0')}:00`,
      counterparty: `合成商户${i % 50}`,
      item: `合成商品${i}`,
      direction: '支出',
      amount: `${1 + (i % 90)}.00`,
      method: i % 3 === 0 ? '花呗' : '余额',
      status: '交易成功',
      orderId: `SYNTHCANCEL${String(i).padStart(10, '0')}`,
    }),
  );
  return Buffer.from(syntheticAlipayCsv(rows));
}

/** A signal that reads as aborted from its `at`-th look on (0-based), counting every look; `onAbort` sees the moment. */
function abortsAt(at: number, onAbort: () => void = () => {}): { signal: AbortSignal; looks: () => number } {
  let looks = 0;
  const signal = {
    get aborted() {
      if (looks === at) onAbort();
      return looks++ >= at;
    },
  } as AbortSignal;
  return { signal, looks: () => looks };
}

/**
 * A profile holding the meituan fixture's 29 rows, its import's size unknown as one recorded before
 * migration 0023: a file imported into it is hashed whole before its first row (its bytes may be
 * that import's).
 */
async function profileHashingFirst(): Promise<ReturnType<typeof tempDb>> {
  const t = tempDb();
  await importBytes(t.db, 'meituan-2025.csv', readFileSync(bill('meituan/meituan-2025.csv')));
  t.db.prepare('DELETE FROM import_file_bytes').run();
  return t;
}

describe('a cancel in each phase of an import', () => {
  const bytes = syntheticExport(3000);
  const chunks = Math.ceil(bytes.length / (64 * 1024));

  it('hashes a file before its first row only where an earlier import may have read the same bytes', async () => {
    /** How many times an import of `bytes` looks at its signal, in a profile `setup` prepared. */
    const looksOf = async (setup: (db: Db) => Promise<void>): Promise<number> => {
      const t = tempDb();
      await setup(t.db);
      const counting = abortsAt(Number.POSITIVE_INFINITY);
      await importBytes(t.db, 'alipay-synthetic-cancel.csv', bytes, { signal: counting.signal });
      expect(t.db.prepare('SELECT bytes FROM import_file_bytes ORDER BY batch_id DESC LIMIT 1').pluck().get()).toBe(bytes.length);
      t.close();
      return counting.looks();
    };
    const meituan = readFileSync(bill('meituan/meituan-2025.csv'));
    // The same length, other bytes: the last order id's last digit changed.
    const sameSize = Buffer.from(bytes);
    const at = sameSize.lastIndexOf('SYNTHCANCEL') + 'SYNTHCANCEL'.length + 9;
    sameSize[at] = sameSize[at] === 0x30 ? 0x31 : 0x30;
    const empty = await looksOf(async () => {});
    const otherSize = await looksOf(async (db) => void (await importBytes(db, 'meituan-2025.csv', meituan)));
    const unknownSize = await looksOf(async (db) => {
      await importBytes(db, 'meituan-2025.csv', meituan);
      db.prepare('DELETE FROM import_file_bytes').run();
    });
    const equalSize = await looksOf(async (db) => void (await importBytes(db, 'alipay-synthetic-same-size.csv', sameSize)));
    // Reading looks once before the first chunk, once after each and once before COMMIT; hashing
    // first looks once more per chunk.
    expect(otherSize).toBe(empty);
    expect(unknownSize - empty).toBe(chunks);
    expect(equalSize - empty).toBe(chunks);

    // The same bytes after an import of unknown size are still recognised, and answered from its report.
    const t = tempDb();
    await importBytes(t.db, 'alipay-synthetic-cancel.csv', bytes);
    t.db.prepare('DELETE FROM import_file_bytes').run();
    const [again] = await importBytes(t.db, 'alipay-synthetic-cancel-copy.csv', bytes);
    expect(again!.batchId).toBeNull();
    expect(again!.warnings.map((warning) => warning.code)).toContain('import.warn.same_file');
    t.close();
  });

  it('rolls back while hashing, while reading, and after the last row before COMMIT', async () => {
    // How many times a whole import looks at its signal, on a profile like the targets' below.
    const probe = await profileHashingFirst();
    const counting = abortsAt(Number.POSITIVE_INFINITY);
    await importBytes(probe.db, 'alipay-synthetic-cancel.csv', bytes, { signal: counting.signal });
    const looks = counting.looks();
    probe.close();
    // Once per chunk while hashing, then before the first chunk, after each chunk read, and before COMMIT.
    expect(looks).toBeGreaterThan(chunks + 2);

    // Each phase, with what the import's own transaction holds at the moment of the cancel: rows
    // (the meituan fixture's 29 were there before) and finished batches (its one before).
    const phases: Array<{ phase: string; at: number; rows: (n: number) => boolean; finished: number }> = [
      { phase: 'while hashing, at the first chunk', at: 0, rows: (n) => n === 29, finished: 1 },
      { phase: 'while hashing, at the last chunk', at: chunks - 1, rows: (n) => n === 29, finished: 1 },
      { phase: 'while reading and writing rows', at: chunks + 3, rows: (n) => n > 29 && n < 3029, finished: 1 },
      // Every row written and the batch's figures recorded: only COMMIT was left.
      { phase: 'after the last row, before COMMIT', at: looks - 1, rows: (n) => n === 3029, finished: 2 },
    ];
    for (const { phase, at, rows, finished } of phases) {
      const target = await profileHashingFirst();
      const before = dump(target.db);
      const seen = { rows: -1, finished: -1 };
      const signal = abortsAt(at, () => {
        seen.rows = target.db.prepare('SELECT count(*) FROM transactions').pluck().get() as number;
        seen.finished = target.db.prepare('SELECT count(*) FROM import_batches WHERE finished_at IS NOT NULL').pluck().get() as number;
      }).signal;
      await expect(importBytes(target.db, 'alipay-synthetic-cancel.csv', bytes, { signal }), phase).rejects.toMatchObject({ code: 'import.cancelled' });
      expect(rows(seen.rows), `${phase}: ${seen.rows} rows`).toBe(true);
      expect(seen.finished, phase).toBe(finished);
      expect(target.db.inTransaction, phase).toBe(false);
      expect(dump(target.db), phase).toBe(before);
      target.close();
    }
  });

  it('through the app\'s worker: a cancel before the worker is ready stops it; once committed, the file stays', async () => {
    const dataDir = tempDir();
    const store = new ProfileStore(dataDir);
    const seen: Array<EventPayload<'import.progress'>> = [];
    let onProgress: (payload: EventPayload<'import.progress'>) => void = () => {};
    const dispatch = createDispatch(
      createHandlers({
        store,
        dataDir,
        version: 't',
        transport: 'test',
        emit: (event: EventName, payload: unknown) => {
          if (event !== 'import.progress') return;
          seen.push(payload as EventPayload<'import.progress'>);
          onProgress(payload as EventPayload<'import.progress'>);
        },
      }),
    );
    const profile = store.create('取消');
    const db = store.database(profile.id);
    const files = [{ name: 'alipay-synthetic-cancel.csv', dataBase64: bytes.toString('base64') }];
    const before = dump(db);

    // Sent together with the import: the worker is still loading its modules. It hears the cancel
    // when it starts and is never stopped from outside (docs/engineering/known-crashes.md).
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const importId = randomUUID();
    const running = dispatch('import.files', { profileId: profile.id, importId, files });
    expect(await dispatch('import.cancel', { importId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: true, value: { reports: [], failures: [{ file: 'alipay-synthetic-cancel.csv', error: { code: 'import.cancelled' } }] } });
    expect(dump(db)).toBe(before);
    expect(terminate).not.toHaveBeenCalled();
    terminate.mockRestore();

    // Too late: every file committed, the ledger being brought up to date. The import stands, and
    // the page was told (phase `ledger`) that it can no longer be cancelled.
    const lateId = randomUUID();
    onProgress = (payload) => {
      if (payload.phase === 'ledger') void dispatch('import.cancel', { importId: lateId });
    };
    const late = await dispatch('import.files', { profileId: profile.id, importId: lateId, files });
    expect(late).toMatchObject({ ok: true, value: { reports: [{ file: 'alipay-synthetic-cancel.csv', rowsRead: 3000, imported: 3000 }], failures: [] } });
    expect(seen.filter((p) => p.importId === lateId).map((p) => p.phase)).toContain('ledger');
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(3000);
    store.close();
  });
});
