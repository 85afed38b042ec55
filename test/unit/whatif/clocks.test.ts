// The PBOC clocks a what-if has to get right, on hand-made profiles whose answers are worked out
// beside each assertion (docs/domain/what-if.md, docs/domain/pboc-report.md): a paydown before
// the statement day and after it, the 6-month average used amount, the query windows, the 5-year
// fall-off, Huabei starting to report, a consolidation of online loans.

import { describe, expect, it } from 'vitest';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { compare } from '../../../core/whatif/compare.ts';
import type { ScenarioResult, WhatIfAction } from '../../../core/whatif/schema.ts';
import { AS_OF_DAY, handProfile, type CardSpec } from './hand-profile.ts';

/**
 * Card 1111: limit ¥10,000; one ¥8,000 charge on the 5th; statement day 25, due day 15 of the
 * next month; every statement ¥8,000, repaid in full. Month end: the statement of the 25th is
 * still owed (paid on the 15th of the next month), so the balance owed at each month end is
 * ¥8,000 too, and so is its 6-month average.
 */
const CARD: CardSpec = { last4: '1111', from: '2026-01', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 };

function series(result: ScenarioResult, key: string): (number | null)[] {
  return result.months.map((m) => m.figures[key].value);
}

function byMonth(result: ScenarioResult, key: string): Record<string, number | null> {
  return Object.fromEntries(result.months.slice(1).map((m) => [m.month, m.figures[key].value]));
}

describe('a paydown before the statement day against one after it', () => {
  const { db, ids } = handProfile({ cards: [CARD] });
  const card = ids.get('card:1111')!;
  const before: WhatIfAction = { type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' };
  const after: WhatIfAction = { type: 'pay', accountId: card, amountFen: 600_000, month: '2027-01', timing: 'before_due' };
  const result = compare(loadWhatIfBase(db, AS_OF_DAY), [
    { name: 'before the statement', actions: [before] },
    { name: 'after the statement', actions: [after] },
  ], 8);
  const [early, late] = result.scenarios;

  it('lowers the used amount reported that month, and only that month', () => {
    // Before: ¥6,000 paid on Dec 24 takes the Dec 5 charge down to ¥2,000 before the Dec 25
    // statement; that statement (¥2,000) is owed at the end of December. January: ¥8,000 charged
    // on the 5th, the ¥2,000 bill repaid on the 15th, so ¥8,000 again at the end of January.
    expect(byMonth(early, 'debt.R2.balance')).toMatchObject({ '2026-11': 800_000, '2026-12': 200_000, '2027-01': 800_000, '2027-02': 800_000 });
    // After: ¥6,000 paid on Jan 14, after the Dec 25 statement (¥8,000, owed at the end of
    // December); the Jan 15 repayment is the rest of that statement, ¥2,000; ¥8,000 owed at the
    // end of January as always.
    expect(byMonth(late, 'debt.R2.balance')).toMatchObject({ '2026-11': 800_000, '2026-12': 800_000, '2027-01': 800_000, '2027-02': 800_000 });
    expect(series(result.baseline, 'debt.R2.balance').every((v) => v === 800_000)).toBe(true);
  });

  it('moves the 6-month average by one sixth of the paydown while December is in its window', () => {
    // (5 × 8,000 + 2,000) ÷ 6 = 7,000 for the report months 2026-12 … 2027-05, whose windows hold
    // December; 2027-06's window (2027-01 … 2027-06) does not: ¥8,000 again.
    expect(byMonth(early, 'debt.R2.average6m')).toEqual({
      '2026-11': 800_000,
      '2026-12': 700_000,
      '2027-01': 700_000,
      '2027-02': 700_000,
      '2027-03': 700_000,
      '2027-04': 700_000,
      '2027-05': 700_000,
      '2027-06': 800_000,
    });
    expect(series(late, 'debt.R2.average6m').every((v) => v === 800_000)).toBe(true);
  });

  it('explains the move from the statement it starts with, and names the cash it takes', () => {
    // The card is a bank's: Ant never sees its statement (core/rules/scorer-visibility.ts, issue 11
    // item 7), so the Sesame-style estimate shows no utilisation move for the paydown.
    const december = early.months.find((m) => m.month === '2026-12')!;
    expect(december.deltas.find((d) => d.model === 'sesame' && d.unit === 'ratio')).toBeUndefined();
    expect(early.cash.map((c) => [c.on, c.amountFen])).toEqual([['2026-12-24', 600_000]]);
    expect(early.cashTotalFen).toBe(600_000);
    // January's statement is ¥8,000 again: the estimate agrees with the baseline once more.
    expect(early.months.find((m) => m.month === '2027-01')!.deltas.filter((d) => d.model === 'sesame' && d.unit === 'ratio')).toEqual([]);
  });
});

describe('a query leaving its windows', () => {
  // A 贷款审批 query on 2026-11-10 is in the last 1, 3 and 6 months until 2026-12-10, 2027-02-10
  // and 2027-05-10 (core/bureau/windows.ts: after the same date m months earlier). The timeline
  // reads month ends: it counts in the 1-month window on 2026-11-30 and not on 2026-12-31; in
  // the 3-month window on 2027-01-31, not on 2027-02-28; in the 6-month one on 2027-04-30, not on
  // 2027-05-31. The card is kept at 20% of its line so that only the queries decide.
  const { db } = handProfile({ cards: [{ ...CARD, chargeYuan: 2000 }], queries: [['2026-11-10', '02']] });
  const seven = Array.from({ length: 7 }, (): WhatIfAction => ({ type: 'hard_query', on: '2026-12-01', institution: '某银行', institutionType: '11', reasonCode: '03' }));
  const result = compare(loadWhatIfBase(db, AS_OF_DAY), [{ name: 'seven applications', actions: seven }], 8);
  const rule = (r: ScenarioResult, id: string) => Object.fromEntries(r.months.slice(1).map((m) => [m.month, m.rules.find((x) => x.ruleId === id)!.value]));

  it('leaves the 1-, 3- and 6-month windows on its dates', () => {
    expect(rule(result.baseline, 'hard_queries_1m')).toMatchObject({ '2026-11': 1, '2026-12': 0 });
    expect(rule(result.baseline, 'hard_queries_3m')).toMatchObject({ '2027-01': 1, '2027-02': 0 });
    expect(rule(result.baseline, 'hard_queries_6m')).toMatchObject({ '2027-04': 1, '2027-05': 0 });
  });

  it('lets one more application through on the day the windows allow it', () => {
    // Seven 信用卡审批 queries on 2026-12-01 with the one of 11-10: 8 in the last 3 months on
    // 12-31, over the fail line of 6; on 2027-02-28 the 11-10 one is out, 7 are left: still a
    // fail. One more application is under the line once 7 + 1 − 6 = 2 of them have left the
    // window: on 2027-03-01 (the day the 12-01 queries leave it), before the 03-31 month end.
    expect(rule(result.scenarios[0], 'hard_queries_3m')).toMatchObject({ '2026-12': 8, '2027-01': 8, '2027-02': 7, '2027-03': 0 });
    expect(result.scenarios[0].safeToApply.on).toBe('2027-03-01');
    expect(result.baseline.safeToApply.on).toBe('2026-11-21');
  });
});

describe('a late falling off', () => {
  // The 2021-11 statement is not repaid by its due day (2021-12-15): 2021-12 shows 1; the
  // January repayment pays both statements, so 2022-01 is N and the delinquency ended then.
  // Regulation Art. 16 keeps it 5 years from its end (to 2026-12), but the 60-month grid of report
  // month 2026-12 runs 2022-01..2026-12 and no longer shows 2021-12: the counters drop it with the
  // grid, in 2026-12 (core/bureau/retention.ts; issue 11 item 9).
  const { db } = handProfile({ cards: [{ ...CARD, chargeYuan: 2000, from: '2021-06', missed: ['2021-11'] }] });
  const result = compare(loadWhatIfBase(db, AS_OF_DAY), [], 4);

  it('leaves the overdue counters when the grid no longer shows it', () => {
    expect(byMonth(result.baseline, 'overdue.months')).toEqual({ '2026-11': 1, '2026-12': 0, '2027-01': 0, '2027-02': 0 });
    expect(byMonth(result.baseline, 'overdue.accounts')).toEqual({ '2026-11': 1, '2026-12': 0, '2027-01': 0, '2027-02': 0 });
  });
});

describe('Huabei starting to report', () => {
  // Huabei (¥500 a month, repaid in full) reports `no` today: the report carries the card only.
  // From 2027-01 it is reported: one more account (filed as 循环贷账户 R1, no type being known:
  // core/bureau/layouts.ts), one open online-loan account (core/bureau/lender-metrics.ts
  // ONLINE_LOAN), its ¥500 owed at each month end among the loan balances.
  const { db, ids } = handProfile({ cards: [{ ...CARD, chargeYuan: 2000 }], huabei: { from: '2026-01', chargeDay: 3, chargeYuan: 500, statementDay: 1, dueDay: 9, limitYuan: 5000, reports: 'no' } });
  const result = compare(loadWhatIfBase(db, AS_OF_DAY), [{ name: 'Huabei reports', actions: [{ type: 'start_reporting', accountId: ids.get('huabei')!, fromMonth: '2027-01' }] }], 4);
  const [huabei] = result.scenarios;

  it('adds the account from the month it starts', () => {
    expect(byMonth(huabei, 'accounts.total')).toEqual({ '2026-11': 1, '2026-12': 1, '2027-01': 2, '2027-02': 2 });
    expect(byMonth(huabei, 'online_loans')).toEqual({ '2026-11': 0, '2026-12': 0, '2027-01': 1, '2027-02': 1 });
    expect(byMonth(huabei, 'debt.loans.balance')).toEqual({ '2026-11': 0, '2026-12': 0, '2027-01': 50_000, '2027-02': 50_000 });
    expect(series(result.baseline, 'accounts.total').every((v) => v === 1)).toBe(true);
  });
});

describe('consolidating online loans', () => {
  // Two ¥12,000 loans from 2026-06-10 over 12 months at 0%, equal principal (¥1,000 due on the
  // 10th), one from a consumer-finance company (24), one from a micro-lender (51): both 网贷 by
  // institution type. Paid through November: ¥7,000 each outstanding. Consolidated on
  // 2026-12-10: settling each early takes everything due by then and the principal still
  // outstanding, less what was paid: (6 × 1,000) + (12,000 − 6,000) − 5,000 = ¥7,000; the bank
  // loan is ¥14,000, one 贷款审批 query that day; the old loans stay on the report, settled.
  const { db, ids } = handProfile({
    cards: [{ ...CARD, chargeYuan: 2000 }],
    loans: [
      { name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
      { name: '某小贷', institutionType: '51', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
    ],
  });
  const consolidate: WhatIfAction = {
    type: 'consolidate',
    on: '2026-12-10',
    accountIds: [ids.get('loan:某消金')!, ids.get('loan:某小贷')!],
    lender: '某银行',
    institutionType: '11',
    termMonths: 24,
    repaymentMethod: 'equal_installment',
    annualRateBp: 500,
  };
  const result = compare(loadWhatIfBase(db, AS_OF_DAY), [{ name: 'one bank loan', actions: [consolidate] }], 3);
  const [one] = result.scenarios;

  it('takes the online-loan count to zero, adds one account and one hard query', () => {
    expect(byMonth(result.baseline, 'online_loans')).toEqual({ '2026-11': 2, '2026-12': 2, '2027-01': 2 });
    expect(byMonth(one, 'online_loans')).toEqual({ '2026-11': 2, '2026-12': 0, '2027-01': 0 });
    expect(byMonth(one, 'accounts.total')).toEqual({ '2026-11': 3, '2026-12': 4, '2027-01': 4 });
    const queries = (r: ScenarioResult) => r.months.find((m) => m.month === '2026-12')!.rules.find((x) => x.ruleId === 'hard_queries_1m')!.value;
    expect([queries(result.baseline), queries(one)]).toEqual([0, 1]);
  });

  it('pays the loans off with the new one: no cash of the client’s own', () => {
    expect(one.cash.map((c) => c.amountFen)).toEqual([700_000, 700_000, -1_400_000]);
    expect(one.cashTotalFen).toBe(0);
    // December's loan balances: the bank loan's ¥14,000 (its first instalment falls in January)
    // against the baseline's 2 × ¥6,000 after the December instalments.
    expect(byMonth(one, 'debt.loans.balance')['2026-12']).toBe(1_400_000);
    expect(byMonth(result.baseline, 'debt.loans.balance')['2026-12']).toBe(1_200_000);
  });
});
