// Shared by the derivation tests (incremental-derive.test.ts, new-day.test.ts): self-written
// Alipay exports (synthetic: no real person's data) and the derived tables as rows to compare.

import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk } from '../importers/helpers.ts';

/** An Alipay app export (2026 layout) of these rows, newest first as the app writes them, in GBK. */
export function alipayExport(start: string, end: string, rows: string[]): Buffer {
  const preamble = [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：测试用户',
    '支付宝账户：test***@example.com',
    `起始时间：[${start}]    终止时间：[${end}]`,
    '导出交易类型：[全部]',
    '导出时间：[2026-11-01 09:00:00]',
    `共${rows.length}笔记录`,
    '收入：0笔 0.00元',
    '支出：0笔 0.00元',
    '不计收支：0笔 0.00元',
    '',
    '特别提示：',
    ...Array.from({ length: 8 }, (_, i) => `${i + 1}.本明细仅供个人对账使用。`),
    '',
    '------------------------支付宝支付科技有限公司  电子客户回单------------------------',
    '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
  ];
  return encodeGbk([...preamble, ...rows].join('\r\n') + '\r\n');
}

export const order = (date: string, n: number) => `${date.replaceAll('-', '')}22001400000000${String(n).padStart(6, '0')}`;
export const huabei = (when: string, n: number, yuan: string) => `${when},餐饮美食,某餐厅,/,午餐,支出,${yuan},花呗,交易成功,${order(when.slice(0, 10), n)}\t,M${n}\t,,`;
export const huabeiRepay = (when: string, n: number, yuan: string) =>
  `${when},信用借还,花呗,/,花呗主动还款-账单,不计收支,${yuan},招商银行储蓄卡(8705),还款成功,${order(when.slice(0, 10), n)}\t,\t,,`;
export const card = (when: string, n: number, yuan: string, last4: string) =>
  `${when},日用百货,某超市,/,纸巾,支出,${yuan},招商银行信用卡(${last4}),交易成功,${order(when.slice(0, 10), n)}\t,M${n}\t,,`;
export const cardRepay = (when: string, n: number, yuan: string) => `${when},信用借还,招商银行,/,信用卡还款,不计收支,${yuan},余额宝,还款成功,${order(when.slice(0, 10), n)}\t,\t,,`;
export const jiebeiDraw = (when: string, n: number, yuan: string) => `${when},信用借还,借呗,/,借呗放款至银行卡,不计收支,${yuan},,放款成功,${order(when.slice(0, 10), n)}\t,\t,,`;
export const jiebeiRepay = (when: string, n: number, yuan: string) => `${when},信用借还,蚂蚁借呗,/,蚂蚁借呗还款,不计收支,${yuan},账户余额,还款成功,${order(when.slice(0, 10), n)}\t,\t,,`;

/** The derived half of the ledger and the score history, every row in rowid order. */
const DERIVED = ['credit_accounts', 'credit_links', 'credit_account_events', 'credit_account_histories', 'credit_account_summaries', 'score_snapshots'];

export function tables(db: Db): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const table of DERIVED) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all() as unknown[][];
    out[table] = rows.map((row) => row.map((value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
  }
  return out;
}

/**
 * The same, with every account named by its match key instead of its id, in key order, and the
 * times an account was written left out: a derivation from scratch numbers the accounts in the
 * order of their first rows, which a profile whose files came one after another cannot always
 * have (a card first named by a later file's row gets the next id). The score history is left
 * out: it was taken file by file.
 */
export function byKey(db: Db): Record<string, string[]> {
  const key = new Map(db.prepare('SELECT id, match_key FROM credit_accounts').raw().all() as [number, string][]);
  const named = (id: unknown) => (id === null ? null : key.get(id as number));
  const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
  const t = tables(db);
  // id, product, name, principal_fen, opened_on, source, match_key, details_json, created_at, updated_at, kind, parent_id
  const accounts = db.prepare('SELECT product, name, principal_fen, opened_on, source, match_key, details_json, kind, parent_id FROM credit_accounts').raw().all() as unknown[][];
  return {
    credit_accounts: sorted(accounts.map((row) => [...row.slice(0, 8), named(row[8])])),
    credit_links: sorted(t.credit_links!.map((row) => [row[0], named(row[1]), ...row.slice(2)])),
    credit_account_events: sorted(t.credit_account_events!.map((row) => [named(row[0]), ...row.slice(1)])),
    credit_account_histories: sorted(t.credit_account_histories!.map((row) => [named(row[0]), ...row.slice(1)])),
    credit_account_summaries: sorted(t.credit_account_summaries!.map((row) => [named(row[0]), ...row.slice(1)])),
  };
}

export async function copyOf(db: Db): Promise<Db> {
  const file = `${tempDir('credence-incremental-')}/copy.sqlite`;
  await db.backup(file);
  return openDatabase(file, { create: false });
}
