// Every shared fixture, imported into a fresh profile database. The expected figures were
// worked out by hand from the fixture bytes and
// docs/formats/bill-exports.md (the comments show the sums),
// not copied from the importer's output.

import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../core/importers/import-file.ts';
import type { CreditEventKind } from '../../../core/importers/types.ts';
import type { ByDirection, ImportReport } from '../../../core/importers/report-schema.ts';
import { bill, billsDir, snapshot, tempDb, type TempDb } from './helpers.ts';

interface Expected {
  platform: string;
  variant: string;
  rows: number;
  byDirection: ByDirection;
  /** source line → credit event; every other row carries none. */
  credit: Record<number, CreditEventKind>;
  /** Lines whose event rests on [3P]/[UNVERIFIED]/[inferred] evidence. */
  review?: number[];
  reconciled: boolean | null;
  refundsPaired: number;
}

const d = (count: number, fen: number) => ({ count, fen });

const EXPECTED: Record<string, Expected> = {
  // Header on line 25, rows 26–35.
  // income: l30 222228.50; expense: l26 49.74 + l27 20.00 + l33 50.00 + l34 9.90 + l35 82.00;
  // neutral: l28 16.03 + l29 99.34 + l31 82.00 + l32 50.00. Stated 共66笔 etc. (sanitised) ≠ rows.
  'alipay/alipay-app-2023.csv': {
    platform: 'alipay',
    variant: 'app-2023',
    rows: 10,
    byDirection: { income: d(1, 22222850), expense: d(5, 21164), neutral: d(4, 24737) },
    credit: { 26: 'credit_card_purchase' }, // 交通银行信用卡(7449), 支出, 交易成功
    reconciled: false,
    refundsPaired: 1, // l32 2023xxxxx88_2023xx57 → l33 2023xxxxx88
  },
  // Header on line 2, rows 3–18, footer after the dashes.
  // income: l5 109.90 + l13 10.00 + l14 42.00; expense: l3 6.51 + l6 109.90 + l9 87.90 + l12 79.00
  // + l15 31.00 + l16 7.50; 其他: l4 109.90 + l7 2.00 + l8 0.11 + l10 50.00 + l11 15.40 + l17 3000 + l18 20.
  'alipay/alipay-app-2021.csv': {
    platform: 'alipay',
    variant: 'app-2021',
    rows: 16,
    byDirection: { income: d(3, 16190), expense: d(6, 32181), neutral: d(7, 319741) },
    credit: {}, // cards read 招商银行(9876): credit or debit cannot be told
    reconciled: false,
    refundsPaired: 0,
  },
  // Header on line 5, rows 6–11. income: l7 0.01; expense: l6 27.00 + l9 3000.00 + l11 83.00;
  // empty 收/支: l8 2725.42 + l10 83.00.
  'alipay/alipay-web-2021.csv': {
    platform: 'alipay',
    variant: 'web',
    rows: 6,
    byDirection: { income: d(1, 1), expense: d(3, 311000), neutral: d(2, 280842) },
    credit: {},
    reconciled: false, // the 2019 footer under rows added in 2021 (reconciliation.test.ts)
    refundsPaired: 2, // l8 987654_321 → l9, l10 202011_133899 → l11
  },
  // Header on line 17, rows 18–44. income: l19 0.35 + l22 23.00 + l37 0.07 + l38 0.07 + l40 5.00;
  // expense: l18 28.16 + l20 12 + l21 500 + l34 2243.46 + l35 12 + l36 12 + l39 36.99 + l41 9.90
  // + l42 50.0 + l43 0.01 + l44 0.01; `/`: l23 2000 + l24 100.10 + l25 10.10 + l26 1001.10
  // + l27 548.58 + l28 10000 + l29 3000 + l30 2634.78 + l31 1.23 + l32 5505 + l33 1300.
  'wechat/wechat-csv-2025.csv': {
    platform: 'wechat',
    variant: 'csv',
    rows: 27,
    byDirection: { income: d(5, 2849), expense: d(11, 290453), neutral: d(11, 2610089) },
    credit: { 27: 'credit_card_repayment' }, // 信用卡还款 / 建设银行信用卡还款
    reconciled: false,
    refundsPaired: 0,
  },
  // Same rows as the CSV, one line earlier is the same line (header row 17).
  'wechat/wechat-xlsx-2025.xlsx': {
    platform: 'wechat',
    variant: 'xlsx-v1',
    rows: 27,
    byDirection: { income: d(5, 2849), expense: d(11, 290453), neutral: d(11, 2610089) },
    credit: { 27: 'credit_card_repayment' },
    reconciled: false,
    refundsPaired: 0,
  },
  // One more note row: header on row 18, every row one lower; amounts are number cells.
  'wechat/wechat-xlsx-2026.xlsx': {
    platform: 'wechat',
    variant: 'xlsx-v2',
    rows: 27,
    byDirection: { income: d(5, 2849), expense: d(11, 290453), neutral: d(11, 2610089) },
    credit: { 28: 'credit_card_repayment' },
    reconciled: false,
    refundsPaired: 0,
  },
  // Header on line 22, rows 23–48. Partly refunded orders count net (JD note 2):
  // 131.77−89.84, 448.32−70.48, 416.87−233.45, 235.61−235.50. expense = 1648.43 = stated.
  // 不计收支: l25 89.84, l28 0, l29 0, l32 70.48, l34 70.48, l35 397.84, l36 468.32, l38 35.61,
  // l43 235.50, l44 233.45 = 1601.52 (stated 1097.59 leaves out l36, l29, l38).
  'jd/jd-2025.csv': {
    platform: 'jd',
    variant: 'csv',
    rows: 26,
    byDirection: { income: d(0, 0), expense: d(16, 164843), neutral: d(10, 160152) },
    credit: {
      24: 'credit_card_purchase',
      26: 'credit_card_purchase',
      27: 'credit_card_purchase',
      29: 'jd_xianxiang_houfu',
      30: 'credit_card_purchase',
      31: 'credit_card_purchase',
      33: 'credit_card_purchase',
      37: 'credit_card_purchase',
      38: 'jd_xianxiang_houfu',
      40: 'credit_card_purchase', // 微信-招商银行信用卡: no last four → needs review
      41: 'credit_card_purchase',
      42: 'credit_card_purchase',
      45: 'credit_card_purchase',
      46: 'credit_card_purchase',
      47: 'credit_card_purchase',
      48: 'credit_card_purchase',
    },
    review: [40],
    reconciled: true,
    refundsPaired: 4, // l25→l26, l32→l33, l43→l48, l44→l45 by (order id, refunded amount)
  },
  // Header on line 20, rows 21–49. income (退款): l22 20.00 + l38 11.77 + l39 10.06 + l40 68
  // + l41 88 + l44 11.90 = 209.73; expense: 23 rows of 实付金额 = 1223.80 (stated 1175.68
  // leaves out the 月付 repayment l45 48.12).
  'meituan/meituan-2025.csv': {
    platform: 'meituan',
    variant: 'csv',
    rows: 29,
    byDirection: { income: d(6, 20973), expense: d(23, 122380), neutral: d(0, 0) },
    credit: {
      21: 'meituan_yuefu_purchase',
      23: 'credit_card_purchase',
      25: 'credit_card_purchase',
      32: 'credit_card_purchase',
      33: 'credit_card_purchase',
      35: 'credit_card_purchase',
      36: 'credit_card_purchase',
      37: 'credit_card_purchase',
      42: 'credit_card_purchase',
      43: 'credit_card_purchase',
      45: 'meituan_yuefu_repayment',
      46: 'meituan_yuefu_purchase',
      47: 'meituan_yuefu_purchase',
      48: 'meituan_yuefu_purchase',
    },
    reconciled: true,
    refundsPaired: 3, // l22→l32 蛋挞 20.00, l38→l47, l39→l48 (same title and paid amount)
  },
  // Header on line 7, rows 8–16, blank line 17, 合计金额 on 18 (sanitised: 1234.56/6543.21).
  // expense: 0.01 + 18 + 26 + 12.35 + 17.32 + 238 + 22 + 29.45 = 363.13; income: l13 4621.01.
  'banks/icbc-credit.csv': {
    platform: 'icbc',
    variant: 'credit-csv',
    rows: 9,
    byDirection: { income: d(1, 462101), expense: d(8, 36313), neutral: d(0, 0) },
    credit: {
      8: 'credit_card_purchase',
      9: 'credit_card_purchase',
      10: 'credit_card_purchase',
      11: 'credit_card_purchase',
      12: 'credit_card_purchase',
      13: 'credit_card_repayment', // 人民币自动转帐还款
      14: 'credit_card_purchase',
      15: 'credit_card_purchase',
      16: 'credit_card_purchase',
    },
    reconciled: false,
    refundsPaired: 0,
  },
  // Header on line 2, rows 3–8. Negative = credit: −1.23, −345.67, −30.00 (repayments), −3.90;
  // charges 56.78 and "8,000.00".
  'banks/cmb-credit.csv': {
    platform: 'cmb',
    variant: 'credit-csv',
    rows: 6,
    byDirection: { income: d(4, 38080), expense: d(2, 805678), neutral: d(0, 0) },
    credit: {
      3: 'credit_card_repayment',
      4: 'credit_card_repayment',
      5: 'credit_card_repayment',
      6: 'credit_card_purchase',
      8: 'credit_card_purchase',
    },
    reconciled: null,
    refundsPaired: 0,
  },
  // Sheet 本期账单明细(人民币): title row 1, header row 2, rows 3–15. Credits: −0.20 (cashback),
  // −1.21 财付通还款; charges: 5.90 + 807.89 + 88 + 25 + 4 + 20.47 + 76.80 + 39.24 + 10.34 + 1 + 20.16.
  'banks/citic-credit.xls': {
    platform: 'citic',
    variant: 'credit-xls',
    rows: 13,
    byDirection: { income: d(2, 141), expense: d(11, 109880), neutral: d(0, 0) },
    credit: {
      3: 'credit_card_purchase',
      5: 'credit_card_purchase',
      6: 'credit_card_purchase',
      7: 'credit_card_purchase',
      8: 'credit_card_purchase',
      9: 'credit_card_purchase',
      10: 'credit_card_purchase',
      11: 'credit_card_purchase',
      12: 'credit_card_repayment',
      13: 'credit_card_purchase',
      14: 'credit_card_purchase',
      15: 'credit_card_purchase',
    },
    reconciled: null,
    refundsPaired: 0,
  },
};

function eventsByLine(t: TempDb, report: ImportReport): Record<number, string> {
  const rows = t.db
    .prepare('SELECT source_line, credit_event FROM transactions WHERE batch_id = ? AND credit_event IS NOT NULL')
    .all(report.batchId) as Array<{ source_line: number; credit_event: string }>;
  return Object.fromEntries(rows.map((row) => [row.source_line, row.credit_event]));
}

let t: TempDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('shared fixtures', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(billsDir).flatMap((dir) => readdirSync(`${billsDir}/${dir}`).map((file) => `${dir}/${file}`));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`imports ${fixture}`, async () => {
      t = tempDb();
      const [report] = await importFile(t.db, bill(fixture));
      expect(report.platform).toBe(expected.platform);
      expect(report.variant).toBe(expected.variant);
      expect(report.rowsRead).toBe(expected.rows);
      expect(report.imported).toBe(expected.rows);
      expect(report.duplicates).toBe(0);
      expect(report.rejected).toEqual([]);
      expect(report.byDirection).toEqual(expected.byDirection);
      expect(eventsByLine(t, report)).toEqual(expected.credit);
      expect(report.needsReview.map((entry) => entry.line)).toEqual(expected.review ?? []);
      expect(report.reconciled.agrees).toBe(expected.reconciled);
      expect(report.refundsPaired).toBe(expected.refundsPaired);
      const kinds = Object.values(expected.credit);
      const counted: Record<string, number> = {};
      for (const kind of kinds) counted[kind] = (counted[kind] ?? 0) + 1;
      expect(report.creditEvents).toEqual(counted);
    });

    it(`re-imports ${fixture} as all duplicates`, async () => {
      t = tempDb();
      await importFile(t.db, bill(fixture));
      const before = snapshot(t.db);
      const [again] = await importFile(t.db, bill(fixture));
      expect(again.imported).toBe(0);
      expect(again.duplicates).toBe(expected.rows);
      expect(snapshot(t.db).transactions).toBe(before.transactions);
    });
  }
});
