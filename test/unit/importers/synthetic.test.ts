// Credit products that no public sample shows yet, from the project's own synthetic fixtures
// (test/fixtures-own/README.md). Expected events follow the rule table and
// docs/formats/bill-exports.md#alipay-credit-products, #wechat-credit-products and #jd-wallet.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { encodeGbk, ownFixturesDir, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

function events(batchId: number | null) {
  return t.db
    .prepare('SELECT source_line AS line, credit_event AS kind, needs_review AS review, credit_account_key AS account FROM transactions WHERE batch_id = ? ORDER BY source_line')
    .all(batchId);
}

describe('synthetic credit-product rows', () => {
  it('Alipay 2026: Huabei, Jiebei, card repayment; 0.00 deposit-free and failed rows carry none', async () => {
    t = tempDb();
    // Stored as UTF-8 for review; the real export is GBK.
    const text = readFileSync(join(ownFixturesDir, 'alipay-synthetic-credit-2026.csv'), 'utf8');
    const [report] = await importBytes(t.db, 'alipay.csv', encodeGbk(text));
    expect(report.variant).toBe('app-2026');
    expect(report.reconciled.agrees).toBe(true);
    expect(events(report.batchId)).toEqual([
      { line: 25, kind: 'huabei_purchase', review: 0, account: 'huabei' }, // 花呗&红包: the method column names 花呗, nothing to ask
      { line: 26, kind: 'huabei_repayment', review: 0, account: 'huabei' }, // 花呗主动还款-…账单
      { line: 27, kind: 'huabei_repayment', review: 0, account: 'huabei' }, // 自动还款-花呗…账单
      { line: 28, kind: 'jiebei_disbursement', review: 1, account: 'jiebei' },
      { line: 29, kind: 'jiebei_repayment', review: 1, account: 'jiebei' },
      { line: 30, kind: 'credit_card_repayment', review: 1, account: null },
      { line: 31, kind: null, review: 0, account: null }, // 芝麻免押 0.00
      { line: 32, kind: 'credit_card_purchase', review: 0, account: 'credit_card:招商银行:1234' },
      { line: 33, kind: null, review: 0, account: null }, // 还款失败: no money moved
      { line: 34, kind: null, review: 0, account: null },
    ]);
    // Repayments are never spending: only l25 35.00 and l32 12.50 are.
    expect(report.spending).toEqual({ count: 2, fen: 4750 });
  });

  it('WeChat: Weilidai guesses are flagged for review; 分付还款 carries no event', async () => {
    t = tempDb();
    const [report] = await importFile(t.db, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'));
    expect(report.reconciled.agrees).toBe(true); // stated 收入 5,000.00元 has a thousands separator
    expect(events(report.batchId)).toEqual([
      { line: 18, kind: 'weilidai_disbursement', review: 1, account: 'weilidai' },
      { line: 19, kind: 'weilidai_repayment', review: 1, account: 'weilidai' },
      { line: 20, kind: null, review: 0, account: null },
      { line: 21, kind: 'credit_card_purchase', review: 0, account: 'credit_card:招商银行:9297' },
      { line: 22, kind: null, review: 0, account: null },
    ]);
    expect(report.spending).toEqual({ count: 2, fen: 83700 }); // 800.00 + 37.00; 510.00 is a repayment
  });

  it('JD: 白条 purchase and repayment, both [UNVERIFIED]', async () => {
    t = tempDb();
    const [report] = await importFile(t.db, join(ownFixturesDir, 'jd-synthetic-baitiao-2025.csv'));
    expect(events(report.batchId)).toEqual([
      { line: 23, kind: 'baitiao_purchase', review: 1, account: 'baitiao' },
      { line: 24, kind: 'baitiao_repayment', review: 1, account: 'baitiao' },
    ]);
    expect(report.needsReview.map((entry) => [entry.line, entry.kind])).toEqual([
      [23, 'baitiao_purchase'],
      [24, 'baitiao_repayment'],
    ]);
  });
});

describe('Alipay web footer totals', () => {
  it('已支出 is net of 成功退款: a clean export reconciles', async () => {
    t = tempDb();
    const text = readFileSync(join(ownFixturesDir, 'alipay-web-synthetic-refund-2026.csv'), 'utf8');
    const [report] = await importBytes(t.db, 'alipay-web.csv', encodeGbk(text));
    expect(report.variant).toBe('web');
    // Rows as read, gross: 支出 l6 27.00 + l7 3000.00; 收入 l9 0.01; empty 收/支 l8 2725.42.
    expect(report.byDirection.expense).toEqual({ count: 2, fen: 302700 });
    // The footer: 已支出:2笔,301.58元 = 27.00 + (3000.00 − 2725.42); counted gross it would be 3027.00.
    expect(report.reconciled.checks).toContainEqual({ field: 'expense.fen', stated: 30158, actual: 30158, difference: 0 });
    expect(report.reconciled.agrees).toBe(true);
  });

  it('a footer that counts the refunded payment gross is named as 2,725.42 short', async () => {
    t = tempDb();
    const text = readFileSync(join(ownFixturesDir, 'alipay-web-synthetic-refund-2026.csv'), 'utf8').replace('已支出:2笔,301.58元', '已支出:2笔,3027.00元');
    const [report] = await importBytes(t.db, 'alipay-web.csv', encodeGbk(text));
    // actual 301.58 − stated 3027.00 = −2725.42, the refund on l7.
    expect(report.reconciled.checks).toContainEqual({ field: 'expense.fen', stated: 302700, actual: 30158, difference: -272542 });
    expect(report.reconciled.agrees).toBe(false);
  });
});
