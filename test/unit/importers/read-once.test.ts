// A file is hashed whole before its first row only when an earlier import may have read the very
// same bytes (core/importers/import-file.ts, migration 0023): one of the same size, or one whose
// size is not recorded. Otherwise it is read once. That may change the work, never an answer: a
// re-saved copy with rows changed is imported exactly as it is where every file is hashed first
// (a profile whose earlier import has no recorded size, as one made before the migration).

import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import type { Db } from '../../../core/storage/database.ts';
import { alipayRow, syntheticAlipayCsv } from '../../helpers/fixtures.ts';
import { encodeGbk, tempDb } from './helpers.ts';

/** 400 made-up Alipay rows, newest first, as the project's synthetic exports are. */
function rows(): string[][] {
  return Array.from({ length: 400 }, (_, i) =>
    alipayRow({
      time: `2026-04-${String(28 - Math.floor(i / 16)).padStart(2, '0')} ${String(23 - (i % 16)).padStart(2, '0')}:10:00`,
      category: i % 5 === 0 ? '信用借还' : '餐饮美食',
      counterparty: i % 5 === 0 ? '花呗' : `合成商户${i % 30}`,
      item: i % 5 === 0 ? '花呗主动还款-2026年03月账单' : `合成商品${i}`,
      direction: '支出',
      amount: `${1 + (i % 70)}.50`,
      method: i % 3 === 0 ? '花呗' : '余额宝',
      status: '交易成功',
      orderId: `2026042822001400${String(9000 - i).padStart(12, '0')}`,
    }),
  );
}

function gbk(cells: string[][], lineBreak: string): Uint8Array {
  return encodeGbk(syntheticAlipayCsv(cells).replace(/\n/g, lineBreak));
}

/** Every stored row and batch, the import's own times left out. */
function stored(db: Db): unknown {
  return {
    transactions: db.prepare('SELECT * FROM transactions ORDER BY id').all(),
    batches: db.prepare('SELECT id, file_name, file_sha256, platform, variant, rows_read, rows_imported, rows_duplicate, period_start, period_end FROM import_batches ORDER BY id').all(),
  };
}

describe('a file read once where no earlier import can have had its bytes', () => {
  it('imports a re-saved copy with rows changed exactly as where every file is hashed first', async () => {
    const original = rows();
    // The first export: row 7 still pending.
    const earlier = original.map((cells, i) => (i === 7 ? cells.map((cell, at) => (at === 8 ? '等待付款' : cell)) : cells));
    // A later export, re-saved (every line break CRLF, so another size): row 7 has completed (its
    // id is stored: a duplicate, which the report counts as this file has it), row 12 shows another
    // amount (also a duplicate), row 30 is a new order.
    const later = original.map((cells, i) => {
      if (i === 12) return cells.map((cell, at) => (at === 6 ? '99.90' : cell));
      if (i === 30) return cells.map((cell, at) => (at === 9 ? '2026042822001400000000009999\t' : cell));
      return cells;
    });
    const firstImport = gbk(earlier, '\n');
    const resaved = gbk(later, '\r\n');
    expect(resaved.length).not.toBe(firstImport.length);

    const outcome = async (hashedFirst: boolean): Promise<{ report: ImportReport; stored: unknown; looks: number }> => {
      const t = tempDb();
      try {
        await importBytes(t.db, 'alipay-synthetic-readonce.csv', firstImport);
        if (hashedFirst) t.db.prepare('DELETE FROM import_file_bytes').run();
        let looks = 0;
        const signal = { get aborted() { looks++; return false; } } as AbortSignal;
        const [report] = await importBytes(t.db, 'alipay-synthetic-readonce-resaved.csv', resaved, { signal });
        return { report: report!, stored: stored(t.db), looks };
      } finally {
        t.close();
      }
    };
    const once = await outcome(false);
    const hashed = await outcome(true);
    // Hashing first looks at the cancel signal once more per 64 KiB chunk: here it did not.
    expect(hashed.looks - once.looks).toBe(Math.ceil(resaved.length / (64 * 1024)));
    expect(once.report).toEqual(hashed.report);
    expect(once.stored).toEqual(hashed.stored);
    // Row 30's new id is the one row added; the 399 others are stored already.
    expect(once.report.imported).toBe(1);
    expect(once.report.duplicates).toBe(399);
    // The report counts the file as it reads now: row 7 completed (no row pending), row 12 at ¥99.90.
    expect(once.report.statusClasses.pending).toBe(0);
    expect(once.report.byDirection.expense.fen).toBe(
      later.reduce((sum, cells) => sum + Math.round(Number(cells[6]) * 100), 0),
    );
  });
});
