// The duplicate prefilter (batch-writer.ts): rows whose key is already stored skip their raw-row
// JSON and the INSERT. The report and the database must be exactly what sending every row to the
// insert gives (a stored key skipped by its conflict clause), so each case is run twice, prefilter
// on and off, and compared.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import type { Db } from '../../../core/storage/database.ts';
import { bill, billsDir, ownFixturesDir, snapshot, tempDb } from './helpers.ts';

const FIXTURES = [
  ...readdirSync(billsDir).flatMap((dir) => readdirSync(join(billsDir, dir)).map((file) => bill(`${dir}/${file}`))),
  ...readdirSync(ownFixturesDir)
    .filter((file) => file.endsWith('.csv') && !file.includes('cashbook'))
    .map((file) => join(ownFixturesDir, file)),
];

/** Every column of every transaction, in id order. */
function transactions(db: Db): unknown[] {
  return db.prepare('SELECT * FROM transactions ORDER BY id').all();
}

interface Outcome {
  reports: ImportReport[];
  rows: unknown[];
  counts: Record<string, number>;
}

/** Imports `first`, then `second`, both with the prefilter on or off; the database after each. */
async function run(name: string, first: Uint8Array, second: Uint8Array, prefilter: boolean): Promise<Outcome & { before: Outcome }> {
  const t = tempDb();
  try {
    const before = { reports: await importBytes(t.db, name, first, { duplicatePrefilter: prefilter }), rows: transactions(t.db), counts: snapshot(t.db) };
    const reports = await importBytes(t.db, name, second, { duplicatePrefilter: prefilter });
    return { reports, rows: transactions(t.db), counts: snapshot(t.db), before };
  } finally {
    t.close();
  }
}

describe('duplicate prefilter', () => {
  it('covers the fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(14);
  });

  for (const path of FIXTURES) {
    it(`re-imports a re-saved ${basename(path)} exactly as the plain insert does`, async () => {
      const bytes = readFileSync(path);
      const resaved = Buffer.concat([bytes, Buffer.from('\n')]);
      const expected = await run(basename(path), bytes, resaved, false);
      const actual = await run(basename(path), bytes, resaved, true);
      expect(actual.reports).toEqual(expected.reports);
      expect(actual.reports[0].imported).toBe(0);
      expect(actual.reports[0].duplicates).toBeGreaterThan(0);
      // Nothing written but the batch row and its audit entry.
      expect(actual.rows).toEqual(actual.before.rows);
      expect(actual.counts).toEqual({
        transactions: actual.before.counts.transactions,
        import_batches: actual.before.counts.import_batches + 1,
        audit_log: actual.before.counts.audit_log + 1,
      });
      expect(actual.before).toEqual(expected.before);
      expect(actual.rows).toEqual(expected.rows);
    });
  }
});

// A WeChat CSV as the export writes it (newest first), with the fixture's preamble.
const WECHAT_PREAMBLE = readFileSync(bill('wechat/wechat-csv-2025.csv'), 'utf8').split('\n').slice(0, 17).join('\n');

/** `i` ≥ 1000 is row i − 1000 with the same id and another amount. */
function wechatRow(n: number): string {
  const i = n % 1000;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const id = `42000${String(1e9 - i).padStart(12, '0')}`;
  const direction = ['支出', '支出', '收入', '/'][i % 4];
  const type = ['商户消费', '扫二维码付款', '转账', '信用卡还款', '退款'][i % 5];
  return `2025-03-${day} 12:${String(i % 60).padStart(2, '0')}:00,${type},商户${i % 7},"商品 ${i}",${direction},¥${(i * 37) % 900 + (n >= 1000 ? 1 : 0)}.${String(i % 100).padStart(2, '0')},零钱,支付成功,${id}\t,${i}\t,"/"`;
}

/**
 * Ids of two families taking turns (4200… and 1000…, as in real WeChat exports): the stretch of
 * the unique index between a statement's lowest and highest key holds every stored key of the
 * families in between, far more than the statement's, so the probe looks each key up instead
 * (batch-writer.ts storedAmong). From 2000 on, ids with characters whose order differs between
 * JavaScript (UTF-16) and SQLite (UTF-8 bytes): a private-use character and an emoji.
 */
function familyRow(n: number): string {
  const row = wechatRow(n % 1000);
  const id = /,(42000\d+)\t,/.exec(row)![1]!;
  const family = n % 2 === 0 ? id : `10000${id.slice(5)}`;
  const other = n >= 2000 ? `${family}${n % 4 < 2 ? '\uE000' : '😀'}` : family;
  return row.replace(id, other);
}

function wechatCsv(rows: number[], row: (n: number) => string = wechatRow): Buffer {
  return Buffer.from(`${WECHAT_PREAMBLE}\n${rows.map(row).join('\n')}\n`);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('duplicate prefilter, partly new files', () => {
  const cases: Record<string, [number[], number[]]> = {
    'new rows first, then stored ones': [range(150, 400), range(0, 400)],
    'stored rows first, then new ones': [range(0, 250), range(0, 400)],
    'new and stored rows interleaved': [range(0, 400).filter((i) => i % 3 === 0), range(0, 400)],
    'stored runs between long new runs': [[...range(100, 130), ...range(300, 320)], range(0, 400)],
    'ids repeated in the file, same and other content': [range(0, 100), [...range(0, 100), ...range(0, 60), ...range(1020, 90 + 1000)]],
    'ids repeated, stored before with other content': [[...range(0, 80), ...range(1000, 1050)], [...range(0, 100), ...range(1000, 1070)]],
  };
  const families: Record<string, [number[], number[]]> = {
    'ids of two families taking turns, some new': [range(0, 400).filter((i) => i % 5 !== 0), range(0, 400)],
    'ids whose order differs between UTF-16 and UTF-8, some new': [range(2000, 2400).filter((i) => i % 5 !== 0), range(2000, 2400)],
  };
  const all = [
    ...Object.entries(cases).map(([label, files]) => [label, files, wechatRow] as const),
    ...Object.entries(families).map(([label, files]) => [label, files, familyRow] as const),
  ];
  for (const [label, [first, second], row] of all) {
    it(label, async () => {
      const expected = await run('wechat.csv', wechatCsv(first, row), wechatCsv(second, row), false);
      const actual = await run('wechat.csv', wechatCsv(first, row), wechatCsv(second, row), true);
      expect(actual.reports[0]!.imported).toBeGreaterThan(0);
      expect(actual.reports[0]!.duplicates).toBeGreaterThan(0);
      expect(actual.before).toEqual(expected.before);
      expect(actual.reports).toEqual(expected.reports);
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.counts).toEqual(expected.counts);
    });
  }
});
