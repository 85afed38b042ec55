// Each export's stated totals added up the way that export adds them (core/importers/stated-totals.ts,
// docs/formats/bill-exports.md#stated-totals), on every public fixture and on the project's own
// synthetic web export with one row altered. Expected figures are worked out from the fixture
// bytes (the comments show the sums and dates), not copied from the importer's output.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { TOTALS_RULES_VERSION } from '../../../core/importers/stated-totals.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import { EARLIER_BILLS_DIR } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { bill, encodeGbk, ownFixturesDir, tempDb, type TempDb } from './helpers.ts';

let t: TempDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

async function reconciled(file: string): Promise<ImportReport['reconciled']> {
  t = tempDb();
  const [report] = await importFile(t.db, file);
  return report.reconciled;
}

const same = (field: string, value: number) => ({ field, stated: value, actual: value, difference: 0 });
const rule = (id: string) => ({ id, version: TOTALS_RULES_VERSION });
const outside = (line: number, fen: number, countedIn: string) => ({ line, fen, countedIn, why: 'outside_period' });

describe('real exports whose totals were never edited agree, counted as each platform counts', () => {
  it('Alipay web, the 2019 sample as first committed: 共2笔记录, 已收入 0.01, 已支出 27', async () => {
    const result = await reconciled(join(EARLIER_BILLS_DIR, 'alipay/alipay-web-2019.csv'));
    // l6 支出 27.00 (成功退款 0.00, 已支出); l7 收入 0.01 (已收入); nothing waiting.
    expect(result).toEqual({
      agrees: true,
      rule: rule('alipay.web'),
      checks: [
        same('count', 2),
        same('income.count', 1),
        same('income.fen', 1),
        same('income_pending.count', 0),
        same('income_pending.fen', 0),
        same('expense.count', 1),
        same('expense.fen', 2700),
        same('expense_pending.count', 0),
        same('expense_pending.fen', 0),
      ],
      differences: [],
    });
  });

  it('JD: 不计收支 counts the fully refunded and 先享后付 orders but not their amounts', async () => {
    const result = await reconciled(bill('jd/jd-2025.csv'));
    // 不计收支 rows add up to 1,601.52; less l36 468.32 (已全额退款) and l38 35.61 + l29 0.00
    // (先享后付) = 1,097.59 as stated. 支出: 16 rows, partly refunded ones net (note 2) = 1,648.43.
    expect(result).toEqual({
      agrees: true,
      rule: rule('jd'),
      checks: [same('count', 26), same('income.count', 0), same('income.fen', 0), same('expense.count', 16), same('expense.fen', 164843), same('neutral.count', 10), same('neutral.fen', 109759)],
      differences: [],
    });
  });

  it('Meituan: 支出 counts the 月付 repayment but not its amount', async () => {
    const result = await reconciled(bill('meituan/meituan-2025.csv'));
    // 23 支出 rows of 实付金额 = 1,223.80, less the repayment l45 48.12 = 1,175.68 as stated.
    expect(result.agrees).toBe(true);
    expect(result.rule).toEqual(rule('meituan'));
    expect(result.checks).toContainEqual(same('expense.count', 23));
    expect(result.checks).toContainEqual(same('expense.fen', 117568));
    expect(result.checks).toContainEqual(same('income.fen', 20973));
  });
});

describe('samples edited upstream differ, and the rows that were added are named', () => {
  it('Alipay web 2021: 已支出 is two rows and 274.58 more, both dated outside the stated period', async () => {
    const result = await reconciled(bill('alipay/alipay-web-2021.csv'));
    // Commit df466c5 added l8–l11 (2020-11, 2021-02) under the 2019 footer (2019-08-01..2019-10-01)
    // and changed only 共2笔记录 to 共6笔记录. Of them, 支出: l9 3,000.00 − 成功退款 2,725.42 = 274.58
    // and l11 83.00 − 83.00 = 0.00 (closed, refunded in full); l8, l10 have an empty 收/支.
    expect(result.agrees).toBe(false);
    expect(result.checks.filter((check) => check.difference !== 0)).toEqual([
      { field: 'expense.count', stated: 1, actual: 3, difference: 2 },
      { field: 'expense.fen', stated: 2700, actual: 30158, difference: 27458 },
    ]);
    expect(result.differences).toEqual([
      { total: 'expense', rowsDifference: 2, fenDifference: 27458, rows: [outside(9, 27458, 'expense'), outside(11, 0, 'expense')], rowsOmitted: 0, explained: true },
    ]);
  });

  it('WeChat CSV: every stated amount is that of the two rows inside 2019-08/09; the 25 later rows are named', async () => {
    const result = await reconciled(bill('wechat/wechat-csv-2025.csv'));
    // In the period: l18 支出 28.16, l19 收入 0.35 (= 收入：1笔 0.35元, 支出：1笔 28.16元, 中性交易 0).
    // Outside it, 收入: l22 23.00 + l37 0.07 + l38 0.07 + l40 5.00 = 28.14;
    // 支出: 12 + 500 + 2,243.46 + 12 + 12 + 36.99 + 9.90 + 50.0 + 0.01 + 0.01 = 2,876.37;
    // 中性交易 (`/`): l23..l33 = 26,100.89.
    const byTotal = Object.fromEntries(result.differences.map((d) => [d.total, d]));
    expect(byTotal.income).toEqual({
      total: 'income',
      rowsDifference: 4,
      fenDifference: 2814,
      rows: [outside(22, 2300, 'income'), outside(37, 7, 'income'), outside(38, 7, 'income'), outside(40, 500, 'income')],
      rowsOmitted: 0,
      explained: true,
    });
    expect(byTotal.expense).toMatchObject({ rowsDifference: 10, fenDifference: 287637, explained: true });
    expect(byTotal.expense!.rows.map((row) => row.line)).toEqual([20, 21, 34, 35, 36, 39, 41, 42, 43, 44]);
    expect(byTotal.neutral).toMatchObject({ rowsDifference: 11, fenDifference: 2610089, explained: true });
    expect(byTotal.neutral!.rows.map((row) => row.line)).toEqual([23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]);
    // 共43笔记录 over 27 rows: 16 fewer than stated (rows that are not in the file cannot be named);
    // the 25 rows outside the period are named all the same (20 listed, 5 more counted).
    expect(byTotal.count).toMatchObject({ total: 'count', rowsDifference: -16, fenDifference: null, rowsOmitted: 5, explained: false });
    expect(byTotal.count!.rows).toHaveLength(20);
  });

  it('WeChat XLSX (both generations): the same rows, so the same amounts are explained, one row lower in 2026', async () => {
    for (const [file, shift] of [['wechat/wechat-xlsx-2025.xlsx', 0], ['wechat/wechat-xlsx-2026.xlsx', 1]] as const) {
      const result = await reconciled(bill(file));
      const income = result.differences.find((d) => d.total === 'income')!;
      expect(income.rows.map((row) => row.line)).toEqual([22, 37, 38, 40].map((line) => line + shift));
      for (const total of ['income', 'expense', 'neutral']) expect(result.differences.find((d) => d.total === total)?.explained, `${file} ${total}`).toBe(true);
      t?.close();
      t = undefined;
    }
  });

  it('placeholder footers (Alipay app samples, ICBC 合计金额 1234.56) differ and nothing claims to explain them', async () => {
    for (const file of ['alipay/alipay-app-2023.csv', 'alipay/alipay-app-2021.csv', 'banks/icbc-credit.csv']) {
      const result = await reconciled(bill(file));
      expect(result.agrees, file).toBe(false);
      expect(result.differences.filter((d) => d.total !== 'count' && d.explained), file).toEqual([]);
      t?.close();
      t = undefined;
    }
  });

  it('card statements that state no totals have nothing to check', async () => {
    for (const file of ['banks/cmb-credit.csv', 'banks/citic-credit.xls']) {
      expect(await reconciled(bill(file)), file).toEqual({ agrees: null, rule: null, checks: [], differences: [] });
      t?.close();
      t = undefined;
    }
  });
});

describe('the project’s synthetic Alipay web export with one row altered', () => {
  const clean = readFileSync(join(ownFixturesDir, 'alipay-web-synthetic-refund-2026.csv'), 'utf8');
  // Rows: l6 支出 27.00; l7 支出 3,000.00 refunded 2,725.42; l8 its refund (empty 收/支); l9 收入 0.01.
  // Footer: 已支出:2笔,301.58元 = 27.00 + (3,000.00 − 2,725.42); 待支出:0笔,0.00元.
  const l6 = '20260301001\t,S0001\t,2026-03-01 12:00:00 ,2026-03-01 12:00:01 ,2026-03-01 12:00:01 ,其他（包括阿里巴巴和外部商家）,即时到账交易          ,示例餐厅     ,午餐       ,27.00   ,支出      ,交易成功    ,';

  async function importText(text: string): Promise<ImportReport['reconciled']> {
    t = tempDb();
    const [report] = await importBytes(t.db, 'alipay-web-synthetic.csv', encodeGbk(text));
    return report.reconciled;
  }

  it('as written, agrees: 已支出 net of 成功退款', async () => {
    expect(clean).toContain(l6);
    const result = await importText(clean);
    expect(result.agrees).toBe(true);
    expect(result.checks).toContainEqual(same('expense.fen', 30158));
  });

  it('l6 set to 等待确认收货: the footer counts it in 已支出, the rule in 待支出; l6 is named under both', async () => {
    const result = await importText(clean.replace(l6, l6.replace('交易成功    ', '等待确认收货 ')));
    // 已支出: 1 row, 274.58 (stated 2, 301.58): −1 row, −27.00. 待支出: 1 row, 27.00 (stated 0): +1, +27.00.
    expect(result.agrees).toBe(false);
    expect(result.differences).toEqual([
      { total: 'expense', rowsDifference: -1, fenDifference: -2700, rows: [{ line: 6, fen: 2700, countedIn: 'expense_pending', why: 'counted_elsewhere' }], rowsOmitted: 0, explained: true },
      { total: 'expense_pending', rowsDifference: 1, fenDifference: 2700, rows: [{ line: 6, fen: 2700, countedIn: 'expense_pending', why: 'accounts_for_difference' }], rowsOmitted: 0, explained: true },
    ]);
  });

  /** The clean bill with one row appended after its last (it becomes line 10). */
  const importAppended = (added: string) => {
    const lines = clean.split('\n');
    lines.splice(9, 0, added);
    return importText(lines.join('\n'));
  };

  it('a row appended after export (dated after the stated period) is named under 共N笔记录 and 已支出', async () => {
    const added = '20260405001\t,S0009\t,2026-04-05 09:00:00 ,2026-04-05 09:00:01 ,2026-04-05 09:00:01 ,其他（包括阿里巴巴和外部商家）,即时到账交易 ,示例商店 ,文具 ,50.00 ,支出 ,交易成功 ,0.00 ,0.00 , ,已支出 ,';
    const result = await importAppended(added);
    // 5 rows against 共4笔记录; 已支出 3 rows 351.58 against 2 rows 301.58: +1 row, +50.00, the 2026-04-05 row.
    expect(result.differences).toEqual([
      { total: 'count', rowsDifference: 1, fenDifference: null, rows: [outside(10, 5000, 'expense')], rowsOmitted: 0, explained: true },
      { total: 'expense', rowsDifference: 1, fenDifference: 5000, rows: [outside(10, 5000, 'expense')], rowsOmitted: 0, explained: true },
    ]);
  });

  it('a row appended after export beyond 32 bits (¥30,000,000.00 in 2040) is named with its exact amount', async () => {
    // The tally keeps amounts and times as Int32 until one does not fit (reconcile.ts): 3,000,000,000
    // fen is over 2^31 − 1 = 2,147,483,647, and 2040-01-02 is after 2038-01-19, the last Int32 second.
    const added = '20400102001\t,S0010\t,2040-01-02 09:00:00 ,2040-01-02 09:00:01 ,2040-01-02 09:00:01 ,其他（包括阿里巴巴和外部商家）,即时到账交易 ,示例商店 ,设备 ,30000000.00 ,支出 ,交易成功 ,0.00 ,0.00 , ,已支出 ,';
    const result = await importAppended(added);
    // 5 rows against 共4笔记录; 已支出 3 rows against 2: +1 row, +3,000,000,000 fen, the 2040 row (outside the stated period).
    expect(result.differences).toEqual([
      { total: 'count', rowsDifference: 1, fenDifference: null, rows: [outside(10, 3_000_000_000, 'expense')], rowsOmitted: 0, explained: true },
      { total: 'expense', rowsDifference: 1, fenDifference: 3_000_000_000, rows: [outside(10, 3_000_000_000, 'expense')], rowsOmitted: 0, explained: true },
    ]);
  });

  it('2,000 rows appended after export, the tally past its first chunk (kept in a TEMP table): the same rows read back and named', async () => {
    // A row of the tally takes a few bytes (tally-rows.ts): 2,000 rows pass its first 4 KB chunk,
    // which the import keeps in its connection's TEMP table (tally-chunks.ts) and reads back here.
    const added = Array.from({ length: 2000 }, (_, i) => {
      const at = `2026-04-05 ${String(9 + Math.floor(i / 3600)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      return `2026040599${String(i).padStart(4, '0')}\t,S9${String(i).padStart(4, '0')}\t,${at} ,${at} ,${at} ,其他（包括阿里巴巴和外部商家）,即时到账交易 ,示例商店 ,文具 ,1.00 ,支出 ,交易成功 ,0.00 ,0.00 , ,已支出 ,`;
    });
    const lines = clean.split('\n');
    lines.splice(9, 0, ...added);
    const result = await importText(lines.join('\n'));
    // 2,004 rows against 共4笔记录; 已支出 2,002 rows against 2, 2,000 × 1.00 more: all of them dated
    // 2026-04-05, after the stated period. Named: the first 20 (l10–l29), 1,980 more counted.
    const named = Array.from({ length: 20 }, (_, i) => outside(10 + i, 100, 'expense'));
    expect(result.differences).toEqual([
      { total: 'count', rowsDifference: 2000, fenDifference: null, rows: named, rowsOmitted: 1980, explained: true },
      { total: 'expense', rowsDifference: 2000, fenDifference: 200_000, rows: named, rowsOmitted: 1980, explained: true },
    ]);
  });

  it('l6 amount changed from 27.00 to 72.00: the difference (+45.00) is stated, and no row is claimed to make it up', async () => {
    const result = await importText(clean.replace(l6, l6.replace('27.00   ', '72.00   ')));
    // No row adds 45.00 and no count differs: the rows cannot tell which one was changed.
    expect(result.differences).toEqual([{ total: 'expense', rowsDifference: 0, fenDifference: 4500, rows: [], rowsOmitted: 0, explained: false }]);
  });
});

describe('credence import', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), env: {} });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('--json carries the rule and the named rows; the text names them by file:line in either language', async () => {
    const db = join(tempDir(), 'p.sqlite');
    expect((await run(['profile', 'create', '对账测试', '--db', db])).code).toBe(0);
    const json = await run(['import', bill('alipay/alipay-web-2021.csv'), '--db', db, '--json']);
    expect(json.code).toBe(0);
    const [report] = JSON.parse(json.stdout).reports as ImportReport[];
    // As in core above: 已支出 +2 rows +274.58, l9 and l11 outside 2019-08-01..2019-10-01.
    expect(report!.reconciled.rule).toEqual(rule('alipay.web'));
    expect(report!.reconciled.differences).toEqual([
      { total: 'expense', rowsDifference: 2, fenDifference: 27458, rows: [outside(9, 27458, 'expense'), outside(11, 0, 'expense')], rowsOmitted: 0, explained: true },
    ]);
    const again = await run(['import', bill('alipay/alipay-web-2021.csv'), '--db', db]);
    expect(again.stdout.split('\n')[1]).toBe('  支出 +2 笔，+¥274.58: alipay-web-2021.csv:9 ¥274.58 (日期在注明期间之外)；alipay-web-2021.csv:11 ¥0.00 (日期在注明期间之外)');
    const en = await run(['import', bill('wechat/wechat-csv-2025.csv'), '--db', db, '--lang', 'en']);
    expect(en.stdout).toContain('  row count -16 rows: rows that are not in the file cannot be named; wechat-csv-2025.csv:20 ¥12.00 (dated outside the stated period);');
    expect(en.stdout).toContain('  income +4 rows, +¥28.14: wechat-csv-2025.csv:22 ¥23.00 (dated outside the stated period); wechat-csv-2025.csv:37 ¥0.07');
  });
});
