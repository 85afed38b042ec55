// "Complete the picture" (core/checklist) on a hand-built ledger: one Huabei line from one small
// Alipay export written here (synthetic: made-up merchant and ids), as of 2026-12-01 (UTC+8).
//
// The ledger: a ¥300.00 Huabei purchase on the 15th of each month 2026-05..2026-11 and each bill
// repaid in full on the 10th of the next month (2026-06-10..2026-11-10), the export's stated
// period 2026-05-01..2026-11-30. The user has said the line opened 2026-05-01 and reports to the
// bureau; its limit and its statement and due days are unknown, and so is the income.

import { describe, expect, it } from 'vitest';
import { buildChecklist, loadChecklistBase, reportUnknowns } from '../../../core/checklist/checklist.ts';
import { buildBureauView } from '../../../core/bureau/view.ts';
import { buildReport } from '../../../core/bureau/report.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { inferBillDays } from '../../../core/ledger/bill-day-inference.ts';
import { loadAccounts } from '../../../core/ledger/account-values.ts';
import { ensureLedger } from '../../../core/ledger/freshness.ts';
import { loadLedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { BILL_DAY_INFERENCE } from '../../../core/rules/bill-day-inference.ts';
import { scoreSnapshot } from '../../../core/score/engine.ts';
import { saveMonthlyIncome } from '../../../core/settings/profile-facts.ts';
import { dismissQuestion } from '../../../core/settings/checklist-dismissals.ts';
import { parseDay } from '../../../core/shared/calendar.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import type { LedgerEvent } from '../../../core/ledger/history/history-input.ts';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp.ts';

const AS_OF = parseDay('2026-12-01')!;
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

function huabeiExport(): string {
  const rows: string[] = [];
  MONTHS.forEach((month, i) => {
    rows.push(`${month}-15 12:00:00,餐饮美食,合成餐厅,/,午餐,支出,300.00,花呗,交易成功,SYNTHCHECK${i}P\t,\t,,`);
    if (i > 0) rows.push(`${month}-10 09:00:00,信用借还,花呗,/,花呗自动还款-${MONTHS[i - 1]!.replace('-', '年')}月账单,不计收支,300.00,余额宝,还款成功,SYNTHCHECK${i}R\t,\t,,`);
  });
  rows.reverse();
  const repayments = MONTHS.length - 1;
  return [
    '------------------------------------------------------------------------------------',
    '导出信息：',
    '姓名：合成用户',
    '起始时间：[2026-05-01 00:00:00]    终止时间：[2026-11-30 23:59:59]',
    '导出交易类型：[全部]',
    `共${rows.length}笔记录`,
    '收入：0笔 0.00元',
    `支出：${MONTHS.length}笔 ${(MONTHS.length * 300).toFixed(2)}元`,
    `不计收支：${repayments}笔 ${(repayments * 300).toFixed(2)}元`,
    '',
    '------------------------支付宝支付科技有限公司  电子客户回单------------------------',
    '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,',
    ...rows,
    '',
  ].join('\n');
}

async function handBuilt(): Promise<{ db: Db; huabei: number }> {
  const db = openDatabase(join(tempDir('credence-checklist-'), 'p.sqlite'));
  initialiseProfile(db, '合成用户');
  await importBytes(db, 'alipay-synthetic-checklist.csv', new TextEncoder().encode(huabeiExport()));
  ensureLedger(db, AS_OF);
  const huabei = loadAccounts(db).find((a) => a.values.product === 'huabei')!.id;
  updateAccount(db, huabei, { openedOn: '2026-05-01', reportsToBureau: 'yes' }, [], { asOfDay: AS_OF });
  return { db, huabei };
}

/** The engine's widths and the report's unknown cells of the profile as stored (the Dashboard's own computation). */
function measured(db: Db) {
  const snapshot = loadLedgerSnapshot(db, AS_OF);
  const view = buildBureauView(snapshot, AS_OF);
  const scores = scoreSnapshot(snapshot, view, { nextActions: false });
  const width = (r: { low: number; high: number } | null) => (r === null ? null : r.high - r.low);
  return { bureau: width(scores.bureau.range), sesame: width(scores.sesame.range), cells: reportUnknowns(buildReport(snapshot, '2026-12-01')) };
}

describe('the checklist ranks the missing facts by their measured effect', () => {
  it('on the hand-built Huabei ledger: bill days, then the limit, then income (measured, and checked through the real edit)', async () => {
    const { db, huabei } = await handBuilt();
    const checklist = buildChecklist(loadChecklistBase(db, AS_OF));
    // On this ledger the bureau-style score is not given (one line, seven months: a thin file,
    // core/rules/scorability.ts), so the ranges that narrow are the Sesame-style estimate's, and
    // the report's unknown cells count too. Expected order, and why:
    // 1. billDays: without a statement and due day no Huabei month can be judged: the report's
    //    grid has 7 `#` months (2026-05..2026-11) and the account no balance, 8 unknown cells; the
    //    estimate's repayment-history bounds then allow anything in those months, its widest
    //    uncertainty. With the days, the 10th-of-the-month repayments clear each bill: all known.
    // 2. limit: only the use-of-limit inputs need it; 2 cells, the line's 授信额度 and the
    //    summary's total limit.
    // 3. income: read by the bureau-style debt-to-income adjustment alone, which is not given
    //    here: no points, 1 cell (the report's monthly income).
    expect(checklist.questions.map((q) => q.key)).toEqual([`billDays:${huabei}`, `limit:${huabei}`, 'income']);
    const [billDays, limit, income] = checklist.questions;
    expect(checklist.base.bureauWidth).toBeNull();
    expect(billDays!.effect).toMatchObject({ bureauPoints: null, reportCells: 8 });
    expect(limit!.effect).toMatchObject({ bureauPoints: null, reportCells: 2 });
    expect(income!.effect).toEqual({ bureauPoints: null, sesamePoints: 0, reportCells: 1 });
    expect(billDays!.effect.sesamePoints!).toBeGreaterThan(limit!.effect.sesamePoints!);
    expect(limit!.effect.sesamePoints!).toBeGreaterThan(0);
    // The statement and due day offered for confirmation are the ones the repayments show: all 6
    // repayments on the 10th, so the due day is the 10th and Huabei's 9-day gap puts the statement on the 1st.
    expect(billDays!.inferred?.values).toEqual({ statementDay: 1, dueDay: 10 });
    expect(billDays!.inferred?.matched).toBe(6);
    expect(billDays!.text.en).toBe(`Narrows the Sesame-style range by ${billDays!.effect.sesamePoints} points; fills 8 unknown cell(s) of the simulated report.`);

    // Each effect is what the engine says once the value is really written through the account
    // edit (a second route: the database, the ledger's own recompute, the stored snapshot).
    const before = measured(db);
    expect(checklist.base.sesameWidth).toBe(before.sesame);
    expect(checklist.base.reportUnknowns).toBe(before.cells);
    for (const q of [billDays!, limit!]) {
      const copy = openDatabase(join(tempDir('credence-checklist-'), 'copy.sqlite'));
      copy.close();
      await db.backup(copy.name);
      const edited = openDatabase(copy.name);
      updateAccount(edited, huabei, q.assumed, [], { asOfDay: AS_OF });
      const after = measured(edited);
      expect(q.effect.sesamePoints, q.key).toBe(Math.max(0, before.sesame! - after.sesame!));
      expect(q.effect.reportCells, q.key).toBe(before.cells - after.cells);
      edited.close();
    }
    saveMonthlyIncome(db, income!.assumed.monthlyIncomeFen as number);
    const withIncome = measured(db);
    expect(income!.effect.sesamePoints).toBe(Math.max(0, before.sesame! - withIncome.sesame!));
    expect(income!.effect.reportCells).toBe(before.cells - withIncome.cells);
  }, 60_000);

  it('a dismissed question stays dismissed: listed apart, with its date, across reads', async () => {
    const { db, huabei } = await handBuilt();
    dismissQuestion(db, `limit:${huabei}`);
    const again = buildChecklist(loadChecklistBase(db, AS_OF));
    expect(again.questions.map((q) => q.key)).toEqual([`billDays:${huabei}`, 'income']);
    expect(again.dismissed.map((q) => q.key)).toEqual([`limit:${huabei}`]);
    expect(again.dismissed[0]!.dismissedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*\+08:00$/);
    // And in the file: a new connection (the app restarted) still has it.
    const reopened = openDatabase(db.name);
    expect(buildChecklist(loadChecklistBase(reopened, AS_OF)).dismissed.map((q) => q.key)).toEqual([`limit:${huabei}`]);
  }, 60_000);
});

describe('statement and due days inferred from a repayment pattern', () => {
  const day = (text: string) => parseDay(text)!;
  const pay = (text: string, fen = 30_000): LedgerEvent => ({ day: day(text), role: 'payment', fen, unconfirmed: false });

  it('a card repaid on the 21st to 23rd: due the 23rd (the latest day of the cluster), statement 18 days before (CMB)', () => {
    const events = [pay('2026-05-22'), pay('2026-06-23'), pay('2026-07-21'), pay('2026-08-23'), pay('2026-09-22')];
    // 5 months, all within the 3-day window ending on the 23rd (clusterDays 2): 5/5 ≥ 0.75.
    expect(inferBillDays(events, 'credit_card', '招商银行')).toMatchObject({ dueDay: 23, statementDay: 5, months: 5, matched: 5 });
    // ICBC's 25-day gap: the statement day falls in the month before (23 − 25 + 30 = 28).
    expect(inferBillDays(events, 'credit_card', '工商银行')).toMatchObject({ dueDay: 23, statementDay: 28 });
  });

  it('the largest repayment of a month is the bill; an extra paydown mid-month does not move the cluster', () => {
    const events = [pay('2026-05-10'), pay('2026-06-10'), pay('2026-06-02', 5_000), pay('2026-07-09'), pay('2026-08-10'), pay('2026-09-10')];
    expect(inferBillDays(events, 'huabei', null)).toMatchObject({ dueDay: 10, statementDay: 1, months: 5, matched: 5 });
  });

  it('no suggestion below the thresholds: too few months, or too scattered', () => {
    expect(BILL_DAY_INFERENCE.minMonths.value).toBe(4);
    expect(inferBillDays([pay('2026-05-10'), pay('2026-06-10'), pay('2026-07-10')], 'huabei', null)).toBeNull();
    // 4 months, the best 3-day window holds 2 of them: 2/4 < 0.75.
    expect(inferBillDays([pay('2026-05-03'), pay('2026-06-04'), pay('2026-07-15'), pay('2026-08-27')], 'huabei', null)).toBeNull();
    // 4 months, 3 in the window ending on the 10th: 3/4 = 0.75 is enough.
    expect(inferBillDays([pay('2026-05-09'), pay('2026-06-10'), pay('2026-07-10'), pay('2026-08-27')], 'huabei', null)).toMatchObject({ dueDay: 10, matched: 3, months: 4 });
    // A loan line has no statement: nothing to infer.
    expect(inferBillDays([pay('2026-05-10'), pay('2026-06-10'), pay('2026-07-10'), pay('2026-08-10')], 'jiebei', null)).toBeNull();
  });
});
