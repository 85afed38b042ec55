import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES_DIR } from './fixtures.ts';

// A year of Alipay app exports (2026 layout), written by the project: one file a month from
// 2025-12 to 2026-11, made-up counterparties and ids, with the preamble stating each file's own
// totals (so each reconciles). What the review tests count on, by construction:
// - Huabei purchases (收/付款方式 花呗 or 花呗&红包): 20 a month in 2025-12..2026-02, 17 in the
//   other nine months = 3 × 20 + 9 × 17 = 213;
// - one Huabei repayment a month (花呗主动还款-…账单): 12;
// - a Jiebei draw (借呗放款至银行卡) in 2026-01 and 2026-07: 2; a Jiebei repayment (蚂蚁借呗还款) in
//   every month from 2026-02: 10;
// - a card repayment through Alipay (交易对方 招商银行, 商品说明 信用卡还款) every month: 12;
// - a card purchase (招商银行信用卡(1234)) every month: 12.

export const YEAR_MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

interface Row {
  day: number;
  category: string;
  counterparty: string;
  item: string;
  direction: '支出' | '收入' | '不计收支';
  fen: number;
  method: string;
  status: string;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function rowsOf(month: string, index: number): Row[] {
  const rows: Row[] = [];
  const purchases = index < 3 ? 20 : 17;
  for (let i = 0; i < purchases; i++) {
    rows.push({ day: 1 + (i % 27), category: '餐饮美食', counterparty: `示例商户${i + 1}`, item: '午餐', direction: '支出', fen: 1500 + ((index * 31 + i * 17) % 400) * 10, method: i % 3 === 0 ? '花呗&红包' : '花呗', status: '交易成功' });
  }
  rows.push({ day: 9, category: '信用借还', counterparty: '花呗', item: `花呗主动还款-${month.replace('-', '年')}月账单`, direction: '不计收支', fen: 300000 + index * 1000, method: '招商银行储蓄卡(8705)', status: '还款成功' });
  if (month === '2026-01' || month === '2026-07') rows.push({ day: 12, category: '信用借还', counterparty: '借呗', item: '借呗放款至银行卡', direction: '不计收支', fen: 500000, method: '', status: '放款成功' });
  if (index >= 2) rows.push({ day: 14, category: '信用借还', counterparty: '蚂蚁借呗', item: '蚂蚁借呗还款', direction: '不计收支', fen: 52000, method: '账户余额', status: '还款成功' });
  rows.push({ day: 18, category: '信用借还', counterparty: '招商银行', item: '信用卡还款', direction: '不计收支', fen: 80000 + index * 500, method: '余额宝', status: '还款成功' });
  rows.push({ day: 20, category: '日用百货', counterparty: '示例超市', item: '日用品', direction: '支出', fen: 4590 + index * 10, method: '招商银行信用卡(1234)', status: '交易成功' });
  // Newest first, as the exports list them.
  return rows.sort((a, b) => b.day - a.day);
}

function lastDay(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The file of one month: its name and its text (UTF-8 here; the tests encode it to GBK like the real export). */
export function syntheticAlipayMonth(month: string): { name: string; text: string } {
  const index = YEAR_MONTHS.indexOf(month);
  const rows = rowsOf(month, index);
  const own = readFileSync(join(OWN_FIXTURES_DIR, 'alipay-synthetic-credit-2026.csv'), 'utf8').split('\n');
  const header = own.findIndex((line) => line.startsWith('交易时间'));
  const sum = (direction: Row['direction']) => {
    const of = rows.filter((row) => row.direction === direction);
    return `${of.length}笔 ${yuan(of.reduce((total, row) => total + row.fen, 0))}元`;
  };
  const stated: Record<string, string> = {
    起始时间: `起始时间：[${month}-01 00:00:00]    终止时间：[${month}-${lastDay(month)} 23:59:59]`,
    共: `共${rows.length}笔记录`,
    收入: `收入：${sum('收入')}`,
    支出: `支出：${sum('支出')}`,
    不计收支: `不计收支：${sum('不计收支')}`,
  };
  const preamble = own.slice(0, header + 1).map((line) => {
    const key = Object.keys(stated).find((label) => line.startsWith(label));
    return key ? stated[key]! : line;
  });
  const body = rows.map((row, i) => {
    const id = `${month.replace('-', '')}${String(row.day).padStart(2, '0')}22001499${String(i).padStart(6, '0')}`;
    const time = `${month}-${String(row.day).padStart(2, '0')} ${String(8 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`;
    return `${time},${row.category},${row.counterparty},/,${row.item},${row.direction},${yuan(row.fen)},${row.method},${row.status},${id}\t,\t,,`;
  });
  return { name: `alipay-synthetic-${month}.csv`, text: [...preamble, ...body, ''].join('\n') };
}
