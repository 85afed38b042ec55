// An import writes its rows without the data version's per-row trigger (bulk-write.ts
// suspendRowCounter) and puts the trigger back inside its own transaction: afterwards, whatever
// became of the import, the schema is as before, the version moved exactly when rows landed, and
// every other writer is still counted.

import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../core/importers/import-file.ts';
import { readDataVersion } from '../../../core/storage/data-version.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { alipayRow, bill, syntheticAlipayCsv } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk } from './helpers.ts';

const TRIGGER_SQL = "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'transactions_insert_data_version'";

function fresh(): Db {
  return openDatabase(join(tempDir(), 'p.sqlite'));
}

describe('the per-row data-version trigger during an import', () => {
  it('is back, unchanged, after an import; the version moved; a later raw insert still moves it', async () => {
    const db = fresh();
    const trigger = db.prepare(TRIGGER_SQL).pluck().get();
    expect(trigger).toContain('AFTER INSERT ON transactions');
    const before = readDataVersion(db);
    const [report] = await importFile(db, bill('meituan/meituan-2025.csv'));
    expect(report!.imported).toBe(29);
    expect(db.prepare(TRIGGER_SQL).pluck().get()).toBe(trigger);
    const after = readDataVersion(db);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.ledgerInputs).toBeGreaterThan(before.ledgerInputs);
    // A writer other than the importer: one row, one move of each counter (migration 0008).
    db.prepare(
      `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, raw_row, source_line)
       VALUES (?, 'meituan', 'raw-sql-1', '2025-01-01T00:00:00+08:00', 1735660800, 100, 'expense', 'x', '{}', 1)`,
    ).run(report!.batchId);
    // A new row is what an import adds: ledger_edits stays (migration 0021), as the others do.
    expect(readDataVersion(db)).toEqual({ ...after, version: after.version + 1, ledgerInputs: after.ledgerInputs + 1 });
    db.close();
  });

  it('is back after a cancelled import, with no row and the version where it was', async () => {
    const db = fresh();
    const trigger = db.prepare(TRIGGER_SQL).pluck().get();
    const before = readDataVersion(db);
    // Large enough to be read in several chunks (64 KiB each), so the cancel lands mid-file.
    const rows = Array.from({ length: 5000 }, (_, i) =>
      alipayRow({ time: '2023-02-12 21:32:14', counterparty: '合成商户', item: `合成商品 ${i}`, direction: '支出', amount: '1.00', method: '余额', status: '交易成功', orderId: `SYNTH${String(i).padStart(12, '0')}` }),
    );
    const file = join(tempDir(), 'alipay-synthetic-cancel.csv');
    writeFileSync(file, encodeGbk(syntheticAlipayCsv(rows)));
    const controller = new AbortController();
    await expect(importFile(db, file, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ code: 'import.cancelled' });
    expect(db.prepare(TRIGGER_SQL).pluck().get()).toBe(trigger);
    expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(0);
    expect(readDataVersion(db)).toEqual(before);
    db.close();
  });
});
