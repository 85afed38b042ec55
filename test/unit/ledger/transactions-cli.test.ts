// `credence transactions` on a profile of the project's own synthetic exports, through the same
// channels as the page.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk, ownFixturesDir } from '../importers/helpers.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function profile(): Promise<string> {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  const alipay = join(dir, 'alipay-synthetic-credit-2026.csv');
  writeFileSync(alipay, encodeGbk(readFileSync(join(ownFixturesDir, 'alipay-synthetic-credit-2026.csv'), 'utf8')));
  expect((await run(['profile', 'create', '交易命令测试', '--db', db])).code).toBe(0);
  expect((await run(['import', alipay, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'), '--db', db])).code).toBe(0);
  return db;
}

describe('credence transactions', () => {
  it('prints the filter, its totals and its rows as JSON', async () => {
    const db = await profile();
    const all = await run(['transactions', '--db', db, '--json']);
    expect(all.code).toBe(0);
    const parsed = JSON.parse(all.stdout);
    // 10 Alipay rows and 5 WeChat rows (test/fixtures-own), newest (2026-07-30) first.
    expect(parsed.summary.count).toBe(15);
    expect(parsed.rows).toHaveLength(15);
    expect(parsed.more).toBe(false);
    expect(parsed.rows[0]).toMatchObject({ occurredAt: '2026-07-30T12:00:00+08:00', file: 'alipay-synthetic-credit-2026.csv', sourceLine: 25 });
    expect(parsed.rows.at(-1)).toMatchObject({ occurredAt: '2025-05-10T08:00:00+08:00', file: 'wechat-synthetic-credit-2025.csv', sourceLine: 22 });

    // WeChat expenses: ¥510.00 (微粒贷还款), ¥800.00 (card), ¥37.00 (早餐店).
    const wechat = JSON.parse((await run(['transactions', '--db', db, '--platform', 'wechat', '--direction', 'expense', '--json'])).stdout);
    expect(wechat.filter).toEqual({ platform: 'wechat', direction: 'expense' });
    expect(wechat.summary).toEqual({
      count: 3,
      byDirection: { income: { count: 0, fen: 0 }, expense: { count: 3, fen: 134700 }, neutral: { count: 0, fen: 0 } },
    });
    expect(wechat.rows.map((r: { amountFen: number }) => r.amountFen)).toEqual([51000, 80000, 3700]);

    const byName = JSON.parse((await run(['transactions', '--db', db, '--file', 'wechat-synthetic-credit-2025.csv', '--event', 'any', '--json'])).stdout);
    expect(byName.rows.map((r: { creditEvent: string }) => r.creditEvent)).toEqual(['weilidai_disbursement', 'weilidai_repayment', 'credit_card_purchase']);
    const limited = JSON.parse((await run(['transactions', '--db', db, '--text', '花呗', '--limit', '2', '--order', 'oldest', '--json'])).stdout);
    expect(limited.rows.map((r: { sourceLine: number }) => r.sourceLine)).toEqual([33, 27]);
    expect(limited.more).toBe(true);
    expect(limited.summary.count).toBe(3); // lines 26, 27, 33 name 花呗 as counterparty; 25 pays with it but names 某餐厅
  });

  it('lists in either language, saying the times are UTC+8', async () => {
    const db = await profile();
    const zh = await run(['transactions', '--db', db, '--from', '2026-07-20', '--to', '2026-07-30']);
    // Lines 25-28 of the synthetic file: 不计收支 1,200.00 + 300.00 + 5,000.00 = 6,500.00. Only the
    // Jiebei draw (a keyword rule) waits for the user; the Huabei purchase names 花呗 in its method column.
    expect(zh.stdout.split('\n')).toEqual([
      '共 4 笔交易：收入 0 笔 ¥0.00，支出 1 笔 ¥35.00，不计收支 3 笔 ¥6,500.00',
      expect.stringMatching(/^2026-07-30 12:00:00 UTC\+8 {2}alipay {2}支出 {2}¥35\.00 {2}某餐厅 · 午餐 \[huabei_purchase\] 账户#\d+ {2}alipay-synthetic-credit-2026\.csv:25$/),
      expect.stringMatching(/^2026-07-28 09:00:00 UTC\+8 {2}alipay {2}不计收支 {2}¥1,200\.00 {2}花呗 · 花呗主动还款-2026年06月账单 \[huabei_repayment\] 账户#\d+ {2}alipay-synthetic-credit-2026\.csv:26$/),
      expect.stringMatching(/^2026-07-27 09:00:00 UTC\+8 {2}alipay {2}不计收支 {2}¥300\.00 {2}花呗 · 自动还款-花呗2026年05月账单 \[huabei_repayment\] 账户#\d+ {2}alipay-synthetic-credit-2026\.csv:27$/),
      expect.stringMatching(/^2026-07-20 15:00:00 UTC\+8 {2}alipay {2}不计收支 {2}¥5,000\.00 {2}借呗 · 借呗放款至银行卡 \[jiebei_disbursement 待确认\] 账户#\d+ {2}alipay-synthetic-credit-2026\.csv:28$/),
    ]);
    const en = await run(['transactions', '--db', db, '--limit', '1', '--lang', 'en']);
    expect(en.stdout).toContain('15 transactions: income');
    expect(en.stdout).toContain('(1 listed; use --limit for more, or narrow the filter)');
  });

  it('says what is wrong with a filter, naming it', async () => {
    const db = await profile();
    const bad = async (...args: string[]) => {
      const result = await run(['transactions', '--db', db, '--lang', 'en', ...args]);
      return { code: result.code, message: result.stderr };
    };
    expect(await bad('--direction', 'outgoing')).toEqual({ code: 1, message: expect.stringContaining('filter.direction') });
    expect(await bad('--from', '2026-08-01', '--to', '2026-07-01')).toEqual({ code: 1, message: 'The start date 2026-08-01 is after the end date 2026-07-01; adjust the date range.' });
    expect(await bad('--to', '2026-02-30')).toEqual({ code: 1, message: expect.stringContaining('filter.to: expected a calendar date') });
    expect(await bad('--account', '999')).toEqual({ code: 1, message: expect.stringContaining('Account 999 does not exist') });
    expect(await bad('--file', 'other.csv')).toEqual({ code: 2, message: expect.stringContaining('by number: 1 alipay-synthetic-credit-2026.csv; 2 wechat-synthetic-credit-2025.csv') });
    expect(await bad('--limit', '0')).toEqual({ code: 2, message: expect.stringContaining('--limit') });
    expect((await run(['transactions', '--db', join(tempDir(), 'missing.sqlite')])).code).toBe(1);
    expect((await run(['transactions'])).code).toBe(2);
  });
});
