// Card statements: no ids, dates without times, the card as the funding account.

import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { bill, readBill, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

const rows = (sql: string) => t.db.prepare(sql).all();

describe('bank statements', () => {
  it('CMB: MM/DD dates take the year from the title; repayments use the posting date', async () => {
    t = tempDb();
    await importFile(t.db, bill('banks/cmb-credit.csv'));
    expect(rows('SELECT source_line AS line, occurred_at AS at, direction, amount_fen AS fen, funding_account AS card FROM transactions ORDER BY source_line')).toEqual([
      { line: 3, at: '2023-12-29T00:00:00+08:00', direction: 'income', fen: 123, card: '招商银行信用卡(1234)' },
      { line: 4, at: '2023-12-30T00:00:00+08:00', direction: 'income', fen: 34567, card: '招商银行信用卡(1234)' },
      { line: 5, at: '2024-01-01T00:00:00+08:00', direction: 'income', fen: 3000, card: '招商银行信用卡(1234)' },
      { line: 6, at: '2024-01-02T00:00:00+08:00', direction: 'expense', fen: 5678, card: '招商银行信用卡(1234)' },
      { line: 7, at: '2024-01-03T00:00:00+08:00', direction: 'income', fen: 390, card: '招商银行信用卡(1234)' },
      { line: 8, at: '2024-01-05T00:00:00+08:00', direction: 'expense', fen: 800000, card: '招商银行信用卡(1234)' },
    ]);
  });

  it('ICBC and CITIC: the card of the statement is every row’s account', async () => {
    t = tempDb();
    await importFile(t.db, bill('banks/icbc-credit.csv'));
    await importFile(t.db, bill('banks/citic-credit.xls'));
    expect(rows('SELECT DISTINCT platform, credit_account_key AS account FROM transactions WHERE credit_event IS NOT NULL ORDER BY platform')).toEqual([
      { platform: 'citic', account: 'credit_card:中信银行:6688' },
      { platform: 'icbc', account: 'credit_card:工商银行:5678' },
    ]);
    expect(rows("SELECT counterparty, item FROM transactions WHERE platform = 'icbc' AND source_line = 14")).toEqual([
      { counterparty: '财付通-美团平台商户', item: '消费' },
    ]);
  });

  it('keeps two identical statement rows as two transactions, and re-imports neither', async () => {
    t = tempDb();
    const text = readBill('banks/cmb-credit.csv').toString('utf8');
    const doubled = Buffer.from(text.replace('01/02,01/03,掌上生活影票-电影票,56.78,1234,56.78\n', '01/02,01/03,掌上生活影票-电影票,56.78,1234,56.78\n'.repeat(2)));
    const [first] = await importBytes(t.db, 'cmb.csv', doubled);
    expect(first.imported).toBe(7);
    const [again] = await importBytes(t.db, 'cmb.csv', doubled);
    expect(again.imported).toBe(0);
    expect(rows("SELECT platform_order_id AS key FROM transactions WHERE item = '掌上生活影票-电影票' ORDER BY key").map((r) => (r as { key: string }).key)).toEqual([
      expect.stringMatching(/^~2024-01-02\/5678\/[0-9a-f]{8}#1$/),
      expect.stringMatching(/^~2024-01-02\/5678\/[0-9a-f]{8}#2$/),
    ]);
  });
});
