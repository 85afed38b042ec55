// Variants no public sample has yet, derived in memory from the fixtures exactly as
// docs/formats/bill-exports.md describes them, and the ways real files get damaged or confused.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { readRawRow } from '../../../core/storage/raw-rows.ts';
import { decodeGbk, encodeGbk, expectCredenceError, ownFixturesDir, readBill, snapshot, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

const alipay2023 = () => decodeGbk(readBill('alipay/alipay-app-2023.csv'));
const wechatCsv = () => readBill('wechat/wechat-csv-2025.csv').toString('utf8');

/** Imports bytes that must fail, and checks that the database is exactly as before. */
async function expectRefused(name: string, bytes: Uint8Array, code: string, details: Record<string, unknown> = {}, password?: string) {
  t = tempDb();
  await importFile(t.db, join(ownFixturesDir, 'jd-synthetic-baitiao-2025.csv'));
  const before = snapshot(t.db);
  const error = await expectCredenceError(importBytes(t.db, name, bytes, { password }), code, { file: name, ...details });
  expect(snapshot(t.db)).toEqual(before);
  return error;
}

describe('Alipay layout revisions (from the 2023 fixture)', () => {
  it('reads the 2025-10 banner 支付宝支付科技有限公司', async () => {
    t = tempDb();
    const text = alipay2023().replace('支付宝（中国）网络技术有限公司', '支付宝支付科技有限公司');
    const [report] = await importBytes(t.db, 'renamed.csv', encodeGbk(text));
    expect(report.variant).toBe('app-2025-10');
    expect(report.rowsRead).toBe(10);
  });

  it('reads the 2026 23-line preamble without losing the first transaction', async () => {
    t = tempDb();
    const text = alipay2023()
      .replace('支付宝（中国）网络技术有限公司', '支付宝支付科技有限公司')
      .replace('8.本明细仅展示当前账单中的交易，不包括已删除的记录；\n', '')
      .replace('9.本明细仅供个人对账使用。', '8.本明细仅供个人对账使用。');
    expect(text.split('\n').indexOf(text.split('\n').find((line) => line.startsWith('交易时间'))!)).toBe(23);
    const [report] = await importBytes(t.db, 'alipay-2026.csv', encodeGbk(text));
    expect(report.variant).toBe('app-2026');
    expect(report.rowsRead).toBe(10);
    const first = t.db.prepare('SELECT occurred_at, amount_fen, source_line FROM transactions ORDER BY source_line LIMIT 1').get();
    expect(first).toEqual({ occurred_at: '2023-02-12T21:32:14+08:00', amount_fen: 4974, source_line: 25 });
  });

  it('normalises a row: trimmed ids, funding account, paired refund', async () => {
    t = tempDb();
    await importBytes(t.db, 'a.csv', readBill('alipay/alipay-app-2023.csv'));
    const row = t.db
      .prepare('SELECT * FROM transactions WHERE source_line = 26')
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({
      platform_order_id: '202302xxxxxx0011000103xxxxxx',
      merchant_order_id: '20230xxxxxxx014741014xxxxxx',
      occurred_epoch: Date.UTC(2023, 1, 12, 13, 32, 14) / 1000,
      direction: 'expense',
      status: '交易成功',
      status_class: 'completed',
      category: '亲友代付',
      payment_method: '交通银行信用卡(7449)',
      funding_account: '交通银行信用卡(7449)',
      credit_event: 'credit_card_purchase',
      credit_account_key: 'credit_card:交通银行:7449',
      needs_review: 0,
    });
    // The stored form is the values in the header's order (migration 0020); readers get the object.
    expect(JSON.parse(row.raw_row as string)).toEqual(['2023-02-12 21:32:14', '亲友代付', expect.any(String), expect.any(String), expect.any(String), '支出', '49.74', '交通银行信用卡(7449)', '交易成功', expect.any(String), expect.any(String), '']);
    expect(JSON.parse(readRawRow(t.db, row.id as number)!)).toMatchObject({ 交易时间: '2023-02-12 21:32:14', 金额: '49.74', 备注: '' });
    const refund = t.db.prepare(
      `SELECT r.status_class, o.source_line AS original FROM transactions r JOIN transactions o ON o.id = r.refund_of
       WHERE r.source_line = 32`,
    ).get();
    expect(refund).toEqual({ status_class: 'refund', original: 33 });
  });

  it('pairs a refund imported before its original once the original arrives', async () => {
    t = tempDb();
    const lines = alipay2023().split('\n');
    const header = lines.slice(0, 25);
    const refundOnly = [...header, lines[31], ''].join('\n'); // line 32: the _suffix refund
    const originalOnly = [...header, lines[32], ''].join('\n'); // line 33: its original
    await importBytes(t.db, 'refund.csv', encodeGbk(refundOnly));
    const [second] = await importBytes(t.db, 'original.csv', encodeGbk(originalOnly));
    expect(second.imported).toBe(1);
    const paired = t.db.prepare('SELECT count(*) AS n FROM transactions WHERE refund_of IS NOT NULL').get();
    expect(paired).toEqual({ n: 1 });
  });
});

describe('Excel/WPS re-saved files', () => {
  it('accepts WeChat times without seconds, TABs inside quotes and ¥1,020.00, with warnings', async () => {
    t = tempDb();
    const text = wechatCsv().replace(
      '2019-09-26 12:45:27,"商户消费","云膳过桥米线(传奇广场店)","总共消费:28.16","支出",¥28.16,"中国银行(1234)","支付成功","3985734"\t,"129847129"\t,"/"',
      '2019/9/26 12:45,商户消费,云膳过桥米线(传奇广场店),总共消费:28.16,支出,"¥1,020.00",中国银行(1234),支付成功,"3985734\t","129847129\t",/',
    );
    const [report] = await importBytes(t.db, 'resaved.csv', Buffer.from(text));
    expect(report.rowsRead).toBe(27);
    expect(report.rejected).toEqual([]);
    const codes = report.warnings.filter((w) => w.line === 18).map((w) => w.code);
    expect(codes).toEqual(['import.warn.excel_resaved', 'import.warn.excel_resaved', 'import.warn.thousands_separator']);
    expect(report.warnings.find((w) => w.code === 'import.warn.excel_resaved' && w.details.evidence === '2019/9/26 12:45')).toBeTruthy();
    const row = t.db.prepare('SELECT occurred_at, amount_fen, platform_order_id FROM transactions WHERE source_line = 18').get();
    expect(row).toEqual({ occurred_at: '2019-09-26T12:45:00+08:00', amount_fen: 102000, platform_order_id: '3985734' });
  });

  it('rejects only the row whose id Excel turned into scientific notation', async () => {
    t = tempDb();
    const text = alipay2023()
      .replace('2023-02-12 21:32:14 ', '2023/2/12 21:32')
      .replace('2xxxxxxxxxxxxxxxxxxxxxxxxx9\t', '2.02302E+27');
    const [report] = await importBytes(t.db, 'excel.csv', encodeGbk(text));
    expect(report.rowsRead).toBe(10);
    expect(report.imported).toBe(9);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([[30, 'import.reject.id_mangled']]);
    expect(report.warnings.map((w) => [w.code, w.line])).toContainEqual(['import.warn.excel_resaved', 26]);
  });

  it('merges an unquoted comma in 交易对方 back into one field (WeChat)', async () => {
    t = tempDb();
    const [report] = await importFile(t.db, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'));
    expect(report.warnings.map((w) => [w.code, w.line])).toEqual([['import.warn.merged_cells', 21]]);
    const row = t.db.prepare('SELECT counterparty, item, amount_fen FROM transactions WHERE source_line = 21').get();
    expect(row).toEqual({ counterparty: 'WALMART HONG KONG CO.,LIMITED', item: '超市购物', amount_fen: 80000 });
  });
});

describe('documents that are not bills', () => {
  it('refuses the Alipay 记账本 export with a clear message', async () => {
    const bytes = readFileSync(join(ownFixturesDir, 'alipay-cashbook-synthetic-2026.csv'));
    const error = await expectRefused('cashbook_record.csv', bytes, 'import.alipay_cashbook', { line: 1 });
    expect(error.localized['zh-CN']).toContain('记账本');
  });

  it('refuses a PDF (the WeChat 交易明细证明)', async () => {
    await expectRefused('微信支付交易明细证明.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'import.pdf_statement');
  });

  it('refuses binary garbage', async () => {
    let seed = 42;
    const garbage = Buffer.alloc(300_000, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16);
    const error = await expectRefused('garbage.csv', garbage, 'import.not_a_bill');
    expect(error.details.line).toBeGreaterThanOrEqual(100);
  });

  it('refuses a 100 MB single line after reading at most ~2 MB of it', async () => {
    await expectRefused('one-line.csv', Buffer.alloc(100 * 1024 * 1024, 0x61), 'import.line_too_long', { line: 1 });
  });

  it('refuses an empty file', async () => {
    await expectRefused('empty.csv', new Uint8Array(0), 'import.empty_file');
  });

  it('names the missing columns of a damaged header', async () => {
    const text = wechatCsv().replace(',交易单号,', ',,');
    await expectRefused('edited.csv', Buffer.from(text), 'import.missing_columns', { line: 17, missing: '交易单号', platformEn: 'WeChat Pay' });
  });
});

describe('damaged bills', () => {
  it('refuses a file cut off in the middle of a row, naming the line', async () => {
    const bytes = readBill('alipay/alipay-app-2023.csv');
    const cut = bytes.subarray(0, bytes.length - 20); // inside line 35
    await expectRefused('cut.csv', cut, 'import.truncated', { line: 35, expected: 12 });
  });

  it('refuses a file cut off inside a quoted field', async () => {
    const text = wechatCsv();
    const cut = text.slice(0, text.lastIndexOf('"/"') + 1);
    await expectRefused('cut.csv', Buffer.from(cut), 'import.unterminated_quote', { line: 44 });
  });

  it('refuses a UTF-8 file that turns invalid, naming about where', async () => {
    const head = wechatCsv();
    const rows = head.split('\n').slice(17, 18).join('\n');
    const long = head + `${rows}\n`.repeat(600);
    const bytes = Buffer.concat([Buffer.from(long), Buffer.from([0xff, 0xfe, 0x0a])]);
    await expectRefused('broken.csv', bytes, 'import.encoding_invalid');
  });

  it('rejects bad rows but imports the rest', async () => {
    t = tempDb();
    const text = alipay2023().replace('49.74', '49.7.4').replace('2023-02-08 14:16:52', '2023-02-31 14:16:52').replace(',收入 ', ',收款 ');
    const [report] = await importBytes(t.db, 'bad-rows.csv', encodeGbk(text));
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [26, 'import.reject.bad_amount'],
      [27, 'import.reject.bad_time'],
      [30, 'import.reject.bad_direction'],
    ]);
    expect(report.rejected[2].message['zh-CN']).toContain('第 30 行');
    expect(report.imported).toBe(7);
  });
});
