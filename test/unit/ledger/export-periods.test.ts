// An export's stated period (import_batches.period_*, recorded by the importer) is what the
// ledger counts as observed: days before the first row and after the last one included, when the
// export says it covers them. Before, coverage ran from the first row's day to the last row's.

import { afterEach, describe, expect, it } from 'vitest';
import { listAccounts } from '../../../core/ledger/accounts/views.ts';
import { updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { periodDays } from '../../../core/ledger/export-coverage.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { decodeGbk, encodeGbk, readBill, tempDb, type TempDb } from '../importers/helpers.ts';
import { importFixture, ledgerLines } from './fixture-ledger.ts';
import { day } from './helpers.ts';

let t: TempDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('the days a period covers', () => {
  it('a stated period covers whole days only', () => {
    expect(periodDays('2026-03-01T00:00:00+08:00', '2026-04-30T23:59:59+08:00', 'stated')).toEqual([day('2026-03-01'), day('2026-04-30')]);
    // WeChat's end is the export time: the rest of that day is not shown.
    expect(periodDays('2020-12-05T00:00:00+08:00', '2021-01-05T12:18:44+08:00', 'stated')).toEqual([day('2020-12-05'), day('2021-01-04')]);
    // Alipay web `终止日期:[2019-10-01 00:00:00]`: Oct 1 is not covered.
    expect(periodDays('2019-08-01T00:00:00+08:00', '2019-10-01T00:00:00+08:00', 'stated')).toEqual([day('2019-08-01'), day('2019-09-30')]);
    expect(periodDays('2026-03-01T08:00:00+08:00', '2026-03-02T23:59:59+08:00', 'stated')).toEqual([day('2026-03-02'), day('2026-03-02')]);
    expect(periodDays('2026-03-01T08:00:00+08:00', '2026-03-01T20:00:00+08:00', 'stated')).toBeNull();
  });

  it("the rows' span covers the first row's day to the last row's, as before", () => {
    expect(periodDays('2026-03-20T12:00:00+08:00', '2026-04-25T18:00:00+08:00', 'rows')).toEqual([day('2026-03-20'), day('2026-04-25')]);
    expect(periodDays('2023-03-20T00:00:00+08:00', '2023-05-05T00:00:00+08:00', 'rows')).toEqual([day('2023-03-20'), day('2023-05-05')]);
  });
});

/**
 * Huabei in the Alipay 2023 layout: a 100.00 purchase on Mar 20, its bill repaid on Apr 8, a
 * 50.00 purchase on Apr 25. `period` replaces the preamble's 起始时间/终止时间 line; null removes it.
 */
function huabeiExport(period: string | null): Buffer {
  const lines = decodeGbk(readBill('alipay/alipay-app-2023.csv')).split('\n');
  if (period === null) lines.splice(4, 1);
  else lines[4] = period;
  const header = lines.findIndex((line) => line.startsWith('交易时间'));
  const rows = [
    '2026-03-20 12:00:00,餐饮美食,某餐厅,/,午餐,支出,100.00,花呗,交易成功,2026032022001400000000000001\t,\t,,',
    '2026-04-08 09:00:00,信用借还,花呗,/,花呗主动还款-2026年04月账单,不计收支,100.00,余额宝,还款成功,2026040822001400000000000002\t,\t,,',
    '2026-04-25 18:00:00,日用百货,某超市,/,纸巾,支出,50.00,花呗,交易成功,2026042522001400000000000003\t,\t,,',
  ];
  return encodeGbk([...lines.slice(0, header + 1), ...rows, ''].join('\n'));
}

const MARCH_TO_APRIL = '起始时间：[2026-03-01 00:00:00]    终止时间：[2026-04-30 23:59:59]';
const FROM_MARCH_5 = '起始时间：[2026-03-05 00:00:00]    终止时间：[2026-04-30 23:59:59]';
const AS_OF = '2026-05-31';

/**
 * The user's Huabei facts: statement day 1, due day 10 (the bill issued on the 1st is due on the
 * 10th of the same month), nothing owed on Mar 1. Huabei's month is its statement cycle
 * (core/rules/billing-cycle.ts): March is Feb 2 – Mar 1, April Mar 2 – Apr 1 (its due day Mar 10),
 * May Apr 2 – May 1 (its due day Apr 10). March ends on the day the balance is given, which says
 * nothing of the Feb 10 bill before it: # (balance unknown) in every case below.
 */
function giveHuabeiFacts(db: TempDb['db']): void {
  const huabei = listAccounts(db, { asOfDay: day(AS_OF) }).find((a) => a.matchKey === 'huabei')!;
  updateAccount(db, huabei.id, { statementDay: 1, dueDay: 10, openingBalanceFen: 0, openingBalanceOn: '2026-03-01' }, [], { asOfDay: day(AS_OF) });
}

function huabeiMonths(db: TempDb['db']) {
  const line = ledgerLines(db, AS_OF).find((l) => l.key === 'huabei')!;
  return { grid: line.grid, reasons: line.reasons };
}

describe('Huabei months and the Alipay export period', () => {
  it('without a stated period (coverage from the first row, Mar 20): March and April are #', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'no-period.csv', huabeiExport(null));
    expect(report.period?.source).toBe('rows');
    giveHuabeiFacts(t.db);
    // The Mar 1 statement day is not observed: a purchase may hide there, so the Mar 1 bill and
    // every bill after it is unknown.
    expect(huabeiMonths(t.db)).toEqual({ grid: ['2026-03 #', '2026-04 #', '2026-05 #'], reasons: ['balance_unknown', 'not_observed'] });
  });

  it('a stated period from Mar 1, before the first row, makes March and April known', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'mar-apr.csv', huabeiExport(MARCH_TO_APRIL));
    expect(report.period).toMatchObject({ source: 'stated', start: { iso: '2026-03-01T00:00:00+08:00' }, end: { iso: '2026-04-30T23:59:59+08:00' } });
    giveHuabeiFacts(t.db);
    // Mar 1: the export shows the day and nothing happened on it, so the Mar 1 bill is the 0.00
    // owed, due Mar 10 → April has nothing due (*). Apr 1 bill: the Mar 20 purchase, 100.00, due
    // Apr 10, repaid Apr 8 → May N (May 1, the statement date, is not covered, but that bill was
    // judged on its due day).
    expect(huabeiMonths(t.db)).toEqual({ grid: ['2026-03 #', '2026-04 *', '2026-05 N'], reasons: ['balance_unknown', 'nothing_due', 'paid_on_time'] });
  });

  it('a stated period that leaves out the statement day (from Mar 5) keeps March #', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'from-mar-5.csv', huabeiExport(FROM_MARCH_5));
    expect(report.period?.source).toBe('stated');
    giveHuabeiFacts(t.db);
    // Mar 1–4 are in no export: the balance on the Mar 1 statement day is unknown, and so is every bill after it.
    expect(huabeiMonths(t.db)).toEqual({ grid: ['2026-03 #', '2026-04 #', '2026-05 #'], reasons: ['balance_unknown', 'not_observed'] });
  });

  it('a second export of the same rows that states a longer period covers it, although every row is a duplicate', async () => {
    t = tempDb();
    await importBytes(t.db, 'from-mar-5.csv', huabeiExport(FROM_MARCH_5));
    giveHuabeiFacts(t.db);
    expect(huabeiMonths(t.db).grid).toEqual(['2026-03 #', '2026-04 #', '2026-05 #']);
    const [again] = await importBytes(t.db, 'mar-apr.csv', huabeiExport(MARCH_TO_APRIL));
    expect([again.imported, again.duplicates]).toEqual([0, 3]);
    expect(huabeiMonths(t.db).grid).toEqual(['2026-03 #', '2026-04 *', '2026-05 N']);
  });

  it('a stated period that does not contain the rows is not used: the rows decide, as before', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'wrong-period.csv', huabeiExport('起始时间：[2026-03-01 00:00:00]    终止时间：[2026-03-31 23:59:59]'));
    expect(report.period?.source).toBe('rows');
    expect(report.warnings.map((w) => w.code)).toContain('import.warn.period_mismatch');
    giveHuabeiFacts(t.db);
    expect(huabeiMonths(t.db).grid).toEqual(['2026-03 #', '2026-04 #', '2026-05 #']);
  });
});

describe('a shared fixture whose stated period starts before its first row', () => {
  // meituan-2025.csv states `起始时间：[2025-02-01] 终止时间：[2025-02-28]`; its first row is Feb 2.
  // With the user's 美团月付 facts (statement day 1, due day 10, nothing owed on Feb 1), the Feb 1
  // statement day is observed only through the stated period. 月付's month is its statement cycle
  // (core/rules/billing-cycle.ts): March is Feb 2 – Mar 1 and holds the Feb 1 bill's due day, Feb
  // 10; as of Mar 1 it is judged. February (Jan 2 – Feb 1) ends on the day the balance is given: #.
  it('美团月付: the cycle of the Feb 1 bill is known (*) where the rows alone left it #', async () => {
    t = tempDb();
    await importFixture(t.db, 'meituan/meituan-2025.csv');
    const asOfDay = day('2025-03-01');
    const yuefu = listAccounts(t.db, { asOfDay }).find((a) => a.matchKey === 'meituan_yuefu')!;
    updateAccount(t.db, yuefu.id, { statementDay: 1, dueDay: 10, openingBalanceFen: 0, openingBalanceOn: '2025-02-01' }, [], { asOfDay });
    const line = () => ledgerLines(t!.db, '2025-03-01').find((l) => l.key === 'meituan_yuefu')!;
    // The Feb 1 bill is the 0.00 owed on Feb 1: nothing due in March's cycle.
    expect([line().grid, line().reasons]).toEqual([['2025-02 #', '2025-03 *'], ['balance_unknown', 'nothing_due']]);
    // The same import as recorded before migration 0006 (no period): the ledger falls back to the
    // rows' first to last day, Feb 2 – Feb 28, and Feb 1 is not observed.
    t.db.prepare('UPDATE import_batches SET period_start = NULL, period_end = NULL, period_source = NULL').run();
    refreshLedger(t.db, asOfDay);
    expect([line().grid, line().reasons]).toEqual([['2025-02 #', '2025-03 #'], ['balance_unknown', 'not_observed']]);
  });
});
