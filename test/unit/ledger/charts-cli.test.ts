// `credence charts` on a profile of the project's own synthetic exports (test/fixtures-own),
// through the same channels as the app's pictures.

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
  expect((await run(['profile', 'create', '图表命令测试', '--db', db])).code).toBe(0);
  expect((await run(['import', alipay, join(ownFixturesDir, 'wechat-synthetic-credit-2025.csv'), '--db', db])).code).toBe(0);
  return db;
}

describe('credence charts', () => {
  it('spending: each card and each platform product per month, from the purchases the ledger linked', async () => {
    const db = await profile();
    const { code, stdout, stderr } = await run(['charts', 'spending', '--as-of', '2026-07-31', '--months', '2', '--db', db, '--json']);
    expect(code, stderr).toBe(0);
    const chart = JSON.parse(stdout);
    expect(chart.months).toEqual(['2026-06', '2026-07']);
    // test/fixtures-own/alipay-synthetic-credit-2026.csv: 2026-07-30 午餐 ¥35.00 on 花呗&红包 (a Huabei
    // purchase), 2026-07-16 纸巾 ¥12.50 on 招商银行信用卡(1234). The WeChat file's card purchase
    // (2025-05-18, ¥800.00) falls outside the window; repayments and the Jiebei draw are not spending.
    expect(chart.series.map((s: { key: string; product: string; monthsFen: number[] }) => [s.product, s.monthsFen])).toEqual([
      ['huabei', [0, 3500]],
      ['credit_card', [0, 1250]],
    ]);
    expect(chart.totalsFen).toEqual([0, 4750]);
    const text = await run(['charts', 'spending', '--as-of', '2026-07-31', '--months', '2', '--db', db]);
    expect(text.stdout.split('\n')).toEqual(['月份\t花呗\t招商银行信用卡 尾号1234\t合计', '2026-06\t¥0.00\t¥0.00\t¥0.00', '2026-07\t¥35.00\t¥12.50\t¥47.50']);
  });

  it('refuses a window it cannot draw, naming the option’s field', async () => {
    const db = await profile();
    const bad = await run(['charts', 'balance', '--months', '0', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('months');
    const notAnAccount = await run(['charts', 'utilisation', '--account', 'x', '--db', db, '--lang', 'en']);
    expect(notAnAccount.code).not.toBe(0);
    expect(notAnAccount.stderr).toContain('accountId');
  });
});
