// What an import sets aside while it writes its rows (core/importers/bulk-write.ts). A profile's
// first import writes them with the secondary indexes of transactions (but a partial one) set
// aside and builds them before COMMIT: whatever became of the import, the indexes afterwards are the ones the
// migrations made, in the same words, and they agree with the table row for row
// (integrity_check compares every index with its table). SQLite evaluates the CHECK constraints
// of transactions on the import's own inserts, and foreign keys are off for its transaction
// (every key it writes is valid by construction): the setting comes back.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchWriter, PAIRING_IDS } from '../../../core/importers/batch-writer.ts';
import { BulkWrite, deferIndexes } from '../../../core/importers/bulk-write.ts';
import { WarningSink } from '../../../core/importers/messages.ts';
import type { NormalizedTransaction } from '../../../core/importers/types.ts';
import { importFile } from '../../../core/importers/import-file.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { alipayRow, bill, syntheticAlipayCsv } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk } from './helpers.ts';

const INDEXES = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL ORDER BY name";

function fresh(): Db {
  return openDatabase(join(tempDir(), 'p.sqlite'));
}

function indexes(db: Db): Array<{ name: string; sql: string }> {
  return db.prepare(INDEXES).all() as Array<{ name: string; sql: string }>;
}

function syntheticFile(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) =>
    alipayRow({ time: '2023-02-12 21:32:14', counterparty: '合成商户', item: `合成商品 ${i}`, direction: '支出', amount: '1.00', method: '余额', status: '交易成功', orderId: `SYNTH${String(i).padStart(12, '0')}` }),
  );
  const file = join(tempDir(), 'alipay-synthetic-bulk.csv');
  writeFileSync(file, encodeGbk(syntheticAlipayCsv(lines)));
  return file;
}

describe('the secondary indexes of transactions during a first import', () => {
  it('are set aside only while the table is empty, and come back in the same words', () => {
    const db = fresh();
    const before = indexes(db);
    // The unique order index, the covering list index (0010) and the unpaired-refunds index.
    expect(before.map((index) => index.name)).toEqual(['transactions_dedupe', 'transactions_list', 'transactions_unpaired_refunds']);
    db.exec('BEGIN');
    const build = deferIndexes(db);
    // The duplicate probes and the insert's ON CONFLICT clause need the unique index: it stays; so
    // does the partial one of unpaired refunds (a few rows, where a build reads every row).
    expect(indexes(db).map((index) => index.name)).toEqual(['transactions_dedupe', 'transactions_unpaired_refunds']);
    build();
    expect(indexes(db)).toEqual(before);
    db.exec('COMMIT');

    db.prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('f', '', 'alipay', '', 'x')").run();
    db.prepare(
      `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, raw_row, source_line)
       VALUES (1, 'alipay', 'o1', '2023-02-12T21:32:14+08:00', 1676208734, 100, 'expense', '交易成功', '{}', 2)`,
    ).run();
    db.exec('BEGIN');
    const nothing = deferIndexes(db);
    // With rows stored, a rebuild would re-sort them all: the indexes are kept up to date instead.
    expect(indexes(db)).toEqual(before);
    nothing();
    expect(indexes(db)).toEqual(before);
    db.exec('COMMIT');
    db.close();
  });

  it('are back and agree with the rows after a first import with refunds to pair, and after a second one', async () => {
    const db = fresh();
    const before = indexes(db);
    const [first] = await importFile(db, bill('alipay/alipay-app-2023.csv'));
    expect(first!.imported).toBeGreaterThan(0);
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const [second] = await importFile(db, syntheticFile(100));
    expect(second!.imported).toBe(100);
    expect(indexes(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('are back after a cancelled first import, with no row', async () => {
    const db = fresh();
    const before = indexes(db);
    const controller = new AbortController();
    // Large enough to be read in several chunks (64 KiB each), so the cancel lands mid-file.
    await expect(importFile(db, syntheticFile(5000), { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({
      code: 'import.cancelled',
    });
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    db.close();
  });
});

/** A row as the normaliser makes it, with `change` applied. */
function row(change: Partial<NormalizedTransaction>, line: number): NormalizedTransaction {
  return {
    platform: 'alipay', orderId: `CHECK${line}`, merchantOrderId: null, occurredAt: '2023-02-12T21:32:14+08:00', occurredEpoch: 1676208734,
    amountFen: 100, direction: 'expense', status: '交易成功', statusClass: 'completed', category: null, counterparty: null, item: null,
    paymentMethod: null, fundingAccount: null, credit: null, rawRow: '[]', sourceLine: line, refundLink: null, pairKey: null, ...change,
  };
}

describe('the CHECK constraints of transactions during an import', () => {
  it('are SQLite’s, evaluated on the import’s own inserts: a row breaking one stops the write, nothing of it stays', () => {
    const rawRows = { rawNames: [], rawRowOf: () => '[]' };
    // Each breaks one constraint of migration 0001.
    const broken: Array<Partial<NormalizedTransaction>> = [
      { occurredAt: '2023-02-12 21:32:14' },
      { amountFen: -1 },
      { direction: 'outgoing' as NormalizedTransaction['direction'] },
      { statusClass: 'done' as NormalizedTransaction['statusClass'] },
    ];
    for (const change of broken) {
      const db = fresh();
      db.exec('BEGIN');
      new BulkWrite(db);
      const writer = new BatchWriter(db, new WarningSink(), null, rawRows);
      const batch = writer.ensureBatch('f.csv', 'alipay', 'x');
      writer.add(row({}, 1), batch);
      // (A direction off the list stops already at the report's figures, before the write.)
      expect(() => {
        writer.add(row(change, 2), batch);
        writer.flush();
      }).toThrow(change.direction ? /./ : /CHECK constraint failed/);
      db.exec('ROLLBACK');
      expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
      db.close();
    }
  });

  it('leave foreign keys checked again after an import, a failed one and a cancelled one', async () => {
    const db = fresh();
    const foreignKeys = () => db.pragma('foreign_keys', { simple: true });
    const checksOff = () => db.pragma('ignore_check_constraints', { simple: true });
    expect(foreignKeys()).toBe(1);
    const [report] = await importFile(db, bill('alipay/alipay-app-2023.csv'));
    expect(checksOff()).toBe(0);
    expect(foreignKeys()).toBe(1);
    // Written with foreign keys off, every key is valid: each row's batch, each paired refund's original.
    expect(report!.refundsPaired).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM transactions WHERE refund_of IS NOT NULL').pluck().get()).toBe(report!.refundsPaired);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const notABill = join(tempDir(), 'not-a-bill.csv');
    writeFileSync(notABill, 'a,b,c\n1,2,3\n');
    await expect(importFile(db, notABill)).rejects.toMatchObject({ code: 'import.not_a_bill' });
    expect(checksOff()).toBe(0);
    expect(foreignKeys()).toBe(1);
    const controller = new AbortController();
    await expect(importFile(db, syntheticFile(5000), { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({
      code: 'import.cancelled',
    });
    expect(checksOff()).toBe(0);
    expect(foreignKeys()).toBe(1);
    db.close();
  });
});

describe('refunds paired by order id', () => {
  it('are paired stretch by stretch of ids as one statement would pair them, across stretches and with originals missing', () => {
    const db = fresh();
    db.exec('BEGIN IMMEDIATE');
    const writer = new BatchWriter(db, new WarningSink(), null, { rawNames: [], rawRowOf: () => '[]' });
    const batch = writer.ensureBatch('f.csv', 'alipay', 'x');
    const key = (n: number) => `ORDER${String(n).padStart(9, '0')}`;
    const rows = 3 * PAIRING_IDS;
    // Every 97th row is a refund: from row 5,000 on it names the row 5,000 before it (in another
    // stretch of ids), before that an order the file does not hold.
    const refunds: Array<{ id: number; original: number | null }> = [];
    for (let i = 0; i < rows; i++) {
      const refund = i % 97 === 50;
      const named = i >= 5000 ? i - 5000 : 100_000 + i;
      writer.add(row({ orderId: key(i), ...(refund ? { statusClass: 'refund', refundLink: { by: 'order_id', orderId: key(named) } } : {}) }, i + 1), batch);
      // Row i is stored with id i + 1 (the batch's first rows, in file order).
      if (refund) refunds.push({ id: i + 1, original: i >= 5000 ? named + 1 : null });
    }
    writer.flush();
    const expected = refunds.filter((r) => r.original !== null).length;
    expect(expected).toBeGreaterThan(60);
    expect(writer.pairRefunds()).toBe(expected);
    const stored = new Map(db.prepare('SELECT id, refund_of FROM transactions WHERE refund_of_order_id IS NOT NULL').raw().all() as Array<[number, number | null]>);
    expect(stored.size).toBe(refunds.length);
    for (const refund of refunds) expect(stored.get(refund.id)).toBe(refund.original);
    db.exec('ROLLBACK');
    db.close();
  });
});
