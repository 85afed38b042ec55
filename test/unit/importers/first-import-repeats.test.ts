// A first import (nothing of the platform stored before it) keeps no ids seen: a repeated id is
// told by the unique index, whose conflict fails the 50-row statement it is in, and that statement
// is then keyed row by row (core/importers/batch-writer.ts). What it writes and reports must be
// what the ids seen gave: the same rows under the same keys, the same duplicates, the same
// warnings at the same lines and in the same order among the reader's own warnings, refunds paired
// to the same rows. Each file below is hand-built; the expected figures are worked out beside it.
// (These tests passed unchanged on the ids seen's writer, main at e1b1f01.)

import { describe, expect, it } from 'vitest';
import { repeatKey, type ContentFields } from '../../../core/importers/dedupe.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { encodeGbk, readBill, tempDb } from './helpers.ts';

/** The Alipay fixture's 24-line preamble and its header (line 25): a file's first row is line 26. */
const ALIPAY_HEAD = new TextDecoder('gb18030').decode(readBill('alipay/alipay-app-2023.csv')).split('\n').slice(0, 25);
const FIRST_LINE = 26;

/** An Alipay app row: an expense of `amount` yuan (as written, "1,234.00" too) at the minute `minute` of 2023-05-01. */
function alipay(id: string, amount: string, minute: number, item = '商品'): string {
  const at = `2023-05-01 ${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
  const cell = amount.includes(',') ? `"${amount}"` : amount;
  return [at, '餐饮美食', '某商户', '/', item, '支出', cell, '余额宝', '交易成功', `${id}\t`, `M${id}\t`, '', ''].join(',');
}

const alipayFile = (rows: string[]): Buffer => encodeGbk([...ALIPAY_HEAD, ...rows, ''].join('\n'));

/** The content a row is stored with, as the import stores it (for the repeat key of a re-priced row). */
function content(minute: number, fen: number, item = '商品'): ContentFields {
  const at = `2023-05-01T${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
  return { occurredAt: at, amountFen: fen, direction: 'expense', status: '交易成功', category: '餐饮美食', counterparty: '某商户', item, fundingAccount: '余额宝' };
}

interface Outcome {
  imported: number;
  duplicates: number;
  /** The warnings about rows, in the report's order: [code, line]. */
  warnings: Array<[string, number | null]>;
  /** The stored rows in id order: [key, line]. */
  rows: Array<[string, number]>;
  /** Refunds paired: [the refund's line, its original's line]. */
  pairs: Array<[number, number]>;
  refundsPaired: number;
}

async function outcome(name: string, bytes: Buffer): Promise<Outcome> {
  const t = tempDb();
  try {
    const [report] = await importBytes(t.db, name, bytes);
    const rows = t.db.prepare('SELECT platform_order_id AS key, source_line AS line FROM transactions ORDER BY id').all() as Array<{ key: string; line: number }>;
    const pairs = t.db
      .prepare('SELECT r.source_line AS refund, o.source_line AS original FROM transactions r JOIN transactions o ON o.id = r.refund_of ORDER BY r.id')
      .all() as Array<{ refund: number; original: number }>;
    const rowCodes = new Set(['import.warn.duplicate_row', 'import.warn.repeated_order_id', 'import.warn.thousands_separator']);
    return {
      imported: report!.imported,
      duplicates: report!.duplicates,
      warnings: report!.warnings.filter((w) => rowCodes.has(w.code)).map((w) => [w.code, w.line]),
      rows: rows.map((r) => [r.key, r.line]),
      pairs: pairs.map((p) => [p.refund, p.original]),
      refundsPaired: report!.refundsPaired,
    };
  } finally {
    t.close();
  }
}

const DUPLICATE = 'import.warn.duplicate_row';
const REPEATED = 'import.warn.repeated_order_id';
const THOUSANDS = 'import.warn.thousands_separator';

describe('a first import names its repeated ids as the ids seen did', () => {
  it('a repeat within one statement, its first copy not yet written; a re-priced repeat; a repeat of that', async () => {
    const rows = [
      alipay('A1', '12.00', 0), // l26: new
      alipay('B1', '1,200.00', 1), // l27: new; the reader warns of its thousands separator
      alipay('A1', '12.00', 0), // l28: l26 again, the same content: duplicate_row, not written
      alipay('A1', '13.00', 2), // l29: A1 re-priced: repeated_order_id, written under A1#<its hash>
      alipay('A1', '13.00', 2), // l30: l29 again: A1's stored row (l26) differs, so repeated_order_id, and its key is l29's: not written
      alipay('C1', '2,000.00', 3), // l31: new; thousands separator
    ];
    expect(await outcome('within.csv', alipayFile(rows))).toEqual({
      imported: 4,
      duplicates: 2,
      // In line order: the reader's warning of l27 before l28's, l31's after l30's.
      warnings: [[THOUSANDS, 27], [DUPLICATE, 28], [REPEATED, 29], [REPEATED, 30], [THOUSANDS, 31]],
      rows: [['A1', 26], ['B1', 27], [repeatKey('A1', content(2, 1300)), 29], ['C1', 31]],
      pairs: [],
      refundsPaired: 0,
    });
  });

  it('repeats across statements: of a row written two statements before, of one in the same unwritten statement', async () => {
    // l26..l85: 60 new ids I0..I59 (statements of 50: l26–l75, then l76–l85 with the rows below).
    const rows = Array.from({ length: 60 }, (_, i) => alipay(`I${i}`, `${i + 1}.00`, i));
    rows.push(
      alipay('I0', '1.00', 0), // l86: l26 again (written with the first statement): duplicate_row
      alipay('I55', '99.00', 55), // l87: I55 (l81, in this statement, not yet written) re-priced: repeated_order_id
      alipay('I10', '11.00', 10, '另一商品'), // l88: I10 (l36) with another item: repeated_order_id
      alipay('J0', '5.00', 61), // l89: new, after the repeats
    );
    const expectedRows: Array<[string, number]> = Array.from({ length: 60 }, (_, i) => [`I${i}`, FIRST_LINE + i]);
    expectedRows.push([repeatKey('I55', content(55, 9900)), 87], [repeatKey('I10', content(10, 1100, '另一商品')), 88], ['J0', 89]);
    expect(await outcome('across.csv', alipayFile(rows))).toEqual({
      imported: 63,
      duplicates: 1,
      warnings: [[DUPLICATE, 86], [REPEATED, 87], [REPEATED, 88]],
      rows: expectedRows,
      pairs: [],
      refundsPaired: 0,
    });
  });

  it('a repeat as the 50th row of a statement and one as the first of the next', async () => {
    // l26..l74: 49 new ids; l75 (the 50th row) repeats l26; l76 (the next statement's first) repeats l27.
    const rows = Array.from({ length: 49 }, (_, i) => alipay(`K${i}`, `${i + 1}.00`, i));
    rows.push(alipay('K0', '1.00', 0), alipay('K1', '2.00', 1), alipay('K2', '7.00', 2));
    const expectedRows: Array<[string, number]> = Array.from({ length: 49 }, (_, i) => [`K${i}`, FIRST_LINE + i]);
    expectedRows.push([repeatKey('K2', content(2, 700)), 77]);
    expect(await outcome('edges.csv', alipayFile(rows))).toEqual({
      imported: 50,
      duplicates: 2,
      warnings: [[DUPLICATE, 75], [DUPLICATE, 76], [REPEATED, 77]],
      rows: expectedRows,
      pairs: [],
      refundsPaired: 0,
    });
  });

  it('a JD refund under its order’s id, repeated: the refund is paired to the order’s row under its repeat key', async () => {
    // The fixture's 21-line preamble and its header (l22): rows from l23, newest first. l23 the
    // refund of 89.84 (id R1, first: key R1), l24 its order, 131.77 of which 89.84 refunded (R1
    // again, other content: repeated_order_id, key R1#<hash>), l25 the refund again (R1: the stored
    // row is l23's, the same content: duplicate_row), l26 another order. The refund pairs by
    // (R1, 8984) to l24, the order's row, written under its repeat key.
    const head = readBill('jd/jd-2025.csv').toString('utf8').replace(/^\uFEFF/, '').split('\n').slice(0, 22);
    const refund = '2024-12-28 13:28:32\t,京东平台商户,退款-卫衣,89.84,中国银行信用卡(1875),退款成功,不计收支,网购,R1\t,M1\t, ,';
    const order = '2024-12-28 13:27:56\t,京东平台商户,卫衣 等多件,131.77(已退款89.84),中国银行信用卡(1875),交易成功,支出,服饰内衣,R1\t,M1\t, ,';
    const other = '2024-12-26 22:36:40\t,京东平台商户,蜜柚,9.80,中国银行信用卡(1341),交易成功,支出,食品酒饮,R2\t,M2\t, ,';
    const result = await outcome('jd.csv', Buffer.from([...head, refund, order, refund, other, ''].join('\n')));
    expect(result).toMatchObject({
      imported: 3,
      duplicates: 1,
      warnings: [[REPEATED, 24], [DUPLICATE, 25]],
      pairs: [[23, 24]],
      refundsPaired: 1,
    });
    expect(result.rows.map(([key, line]) => [key.startsWith('R1#') ? 'R1#' : key, line])).toEqual([['R1', 23], ['R1#', 24], ['R2', 26]]);
  });
});
