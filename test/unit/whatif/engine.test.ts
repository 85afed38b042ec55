// The what-if engine as a whole: the baseline's first month is the dashboard's report and scores
// (the same code on the same snapshot), stacked actions are their sequence and not the sum of
// their separate effects, no scenario writes anything to the profile, every action is checked
// with a message naming it and its field, and each action does to the timeline what it says.

import { describe, expect, it } from 'vitest';
import { buildBureauView } from '../../../core/bureau/view.ts';
import { computeCore, keyFigures } from '../../../core/bureau/report-core.ts';
import { scoreSnapshot } from '../../../core/score/engine.ts';
import { applyActions } from '../../../core/whatif/actions.ts';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, compare, runScenario } from '../../../core/whatif/compare.ts';
import { project } from '../../../core/whatif/projection.ts';
import { startScenario } from '../../../core/whatif/scenario-state.ts';
import { timeline } from '../../../core/whatif/timeline.ts';
import { monthResults } from '../../../core/whatif/results.ts';
import { parseScenario } from '../../../core/whatif/validate.ts';
import type { WhatIfAction } from '../../../core/whatif/schema.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { AS_OF, AS_OF_DAY, handProfile, tableChecksum, type CardSpec } from './hand-profile.ts';

const A: CardSpec = { last4: '1111', from: '2026-01', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 };
/**
 * Card 2222: the same line, ¥100 on the 5th, statement day 10, due day 28: repaid by its due day,
 * so only the month's ¥100 is owed on its statement date, the day a card's month is judged
 * (core/rules/billing-cycle.ts).
 */
const B: CardSpec = { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 };

function utilisation(months: { month: string; figures: Record<string, { value: number | null }> }[], month: string): number | null {
  return months.find((m) => m.month === month)!.figures.card_utilisation.value;
}

describe('the baseline on the as-of day', () => {
  it('is the dashboard’s report core and scores, unchanged', () => {
    const { db } = handProfile({
      cards: [A, B],
      loans: [{ name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 }],
      queries: [['2026-10-02', '02']],
      monthlyIncomeYuan: 20000,
    });
    const base = loadWhatIfBase(db, AS_OF_DAY);
    const real = base.snapshot;
    const view = buildBureauView(real, AS_OF_DAY);
    const dashboard = { figures: keyFigures(computeCore(real, AS_OF, view.rules)), score: scoreSnapshot(real, view, { nextActions: false }) };
    const first = baselineOf(base, 3).points[0];
    expect(keyFigures(first.core)).toEqual(dashboard.figures);
    expect(first.score).toEqual(dashboard.score);
  });
});

describe('stacked actions', () => {
  const { db, ids } = handProfile({ cards: [A, B] });
  const base = loadWhatIfBase(db, AS_OF_DAY);
  const paydown: WhatIfAction = { type: 'pay', accountId: ids.get('card:1111')!, amountFen: 600_000, month: '2026-12', timing: 'before_statement' };
  const close: WhatIfAction = { type: 'close_account', accountId: ids.get('card:2222')!, on: '2026-12-01' };

  it('equal applying the actions one by one, and differ from the sum of their separate effects', () => {
    const baseline = baselineOf(base, 3);
    const stacked = runScenario(base, baseline, { name: 'both', actions: [paydown, close] });
    const state = applyActions(applyActions(startScenario(base, baseline.months, baseline.horizonDay), [paydown]), [close]);
    const projection = project(state, baseline.projection);
    const oneByOne = timeline(state, projection, baseline.activity, baseline.days);
    const months = (points: typeof oneByOne) => monthResults(points, baseline.points);
    expect(months(oneByOne)).toEqual(months(stacked.points));

    // December, card utilisation over the open cards, each at its statement date. Baseline: (8,000
    // + 100) ÷ 20,000 = 40.5%. Paydown alone: 2,100 ÷ 20,000 = 10.5% (−30 points); closing B alone:
    // 8,000 ÷ 10,000 = 80% (+39.5). Their separate effects added: 40.5 − 30 + 39.5 = 50%.
    // Together: 2,000 ÷ 10,000 = 20%.
    const alone = compare(base, [{ name: 'paydown', actions: [paydown] }, { name: 'close', actions: [close] }], 3);
    expect(utilisation(alone.baseline.months, '2026-12')).toBeCloseTo(0.405);
    expect(utilisation(alone.scenarios[0].months, '2026-12')).toBeCloseTo(0.105);
    expect(utilisation(alone.scenarios[1].months, '2026-12')).toBeCloseTo(0.8);
    expect(utilisation(months(stacked.points), '2026-12')).toBeCloseTo(0.2);
  });
});

describe('the real profile', () => {
  it('is unchanged, every table, after a scenario of every action', () => {
    const { db, ids } = handProfile({
      cards: [A, B],
      huabei: { from: '2026-01', chargeDay: 3, chargeYuan: 500, statementDay: 1, dueDay: 9, limitYuan: 5000, reports: 'no' },
      loans: [
        { name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
        { name: '某小贷', institutionType: '51', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 },
      ],
      queries: [['2026-11-10', '02']],
      monthlyIncomeYuan: 20000,
    });
    const before = tableChecksum(db);
    const card = ids.get('card:1111')!;
    const loan = ids.get('loan:某消金')!;
    const every: WhatIfAction[] = [
      { type: 'pay', accountId: card, amountFen: 100_000, month: '2026-12', timing: 'before_statement' },
      { type: 'pay', accountId: card, amountFen: 100_000, month: '2027-01', timing: 'before_due' },
      { type: 'miss_payment', accountId: card, month: '2027-02' },
      { type: 'clear_overdue', accountId: card, on: '2027-03-20' },
      { type: 'pay_late', accountId: loan, month: '2026-12', daysLate: 10 },
      { type: 'hard_query', on: '2026-12-01', institution: '某银行', institutionType: '11', reasonCode: '02' },
      { type: 'new_card', on: '2026-12-02', lender: '工商银行', institutionType: '11', limitFen: 2_000_000, statementDay: 8, dueDay: 26, spendFen: 50_000, reportsToBureau: 'yes', query: true },
      { type: 'new_loan', on: '2026-12-03', product: 'bank_loan', lender: '建设银行', institutionType: '11', amountFen: 3_000_000, termMonths: 12, repaymentMethod: 'equal_installment', annualRateBp: 400, reportsToBureau: 'yes', query: true },
      { type: 'close_account', accountId: ids.get('card:2222')!, on: '2026-12-05' },
      { type: 'consolidate', on: '2027-01-10', accountIds: [ids.get('loan:某小贷')!], lender: '招商银行', institutionType: '11', termMonths: 24, repaymentMethod: 'equal_installment', annualRateBp: 500 },
      { type: 'start_reporting', accountId: ids.get('huabei')!, fromMonth: '2027-01' },
      { type: 'change_limit', accountId: card, on: '2027-02-01', limitFen: 2_000_000 },
      { type: 'change_income', on: '2027-02-01', monthlyIncomeFen: 3_000_000 },
      { type: 'stop_applications', from: '2027-02-01', months: 6 },
      { type: 'let_time_pass', months: 12 },
    ];
    const result = compare(loadWhatIfBase(db, AS_OF_DAY), [{ name: 'every action', actions: every }], 12);
    expect(result.scenarios[0].months).toHaveLength(13);
    expect(tableChecksum(db)).toBe(before);
  });
});

describe('checking actions', () => {
  const { db, ids } = handProfile({ cards: [A], loans: [{ name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 }] });
  const base = loadWhatIfBase(db, AS_OF_DAY);
  const problems = (actions: unknown[]) => {
    try {
      const scenario = parseScenario({ name: 'bad', actions });
      compare(base, [scenario], 6);
    } catch (error) {
      return ((error as CredenceError).details.problems as { actionIndex: number; field: string; message: { en: string; 'zh-CN': string } }[]).map((p) => [p.actionIndex, p.field, p.message.en]);
    }
    return [];
  };

  it('names the action and the field of a bad amount, date or account', () => {
    expect(problems([{ type: 'pay', accountId: ids.get('card:1111'), amountFen: -5, month: '2026-12', timing: 'before_statement' }])).toEqual([
      [0, 'amountFen', 'action 1 (Pay), amountFen: amount must be a whole number of fen above 0'],
    ]);
    expect(problems([{ type: 'hard_query', on: '2026-02-30', institution: 'x', reasonCode: '02' }])[0]).toEqual([0, 'on', 'action 1 (New query), on: the date must be a real date as YYYY-MM-DD']);
    expect(problems([{ type: 'clear_overdue', accountId: 999, on: '2026-12-01' }])[0]).toEqual([0, 'accountId', 'action 1 (Clear an overdue), accountId: there is no account 999']);
    expect(problems([{ type: 'hard_query', on: '2026-11-01', institution: 'x', reasonCode: '02' }])[0][2]).toBe(
      'action 1 (New query), on: date 2026-11-01 is before the as-of day 2026-11-21: a what-if changes only the future',
    );
    expect(problems([{ type: 'fly' }])[0]).toEqual([0, 'type', 'action 1, type: type must be one of the known actions (pay, new_card, …)']);
  });

  it('checks an action against the ledger: the account’s kind, accounts made later, applications in a pause', () => {
    const loan = ids.get('loan:某消金')!;
    expect(problems([{ type: 'pay', accountId: loan, amountFen: 100, month: '2026-12', timing: 'before_due' }])[0][2]).toBe(
      'action 1 (Pay), accountId: account ' + loan + ' (某消金) must be a card or revolving line with a statement day and a due day',
    );
    expect(problems([{ type: 'pay', accountId: -2, amountFen: 100, month: '2026-12', timing: 'before_due' }, { type: 'new_card', on: '2026-12-01', lender: '工商银行', limitFen: 100, statementDay: 5, dueDay: 20 }])[0][2]).toBe(
      'action 1 (Pay), accountId: account -2 is created by action 2; put this action after it',
    );
    expect(problems([{ type: 'stop_applications', from: '2026-12-01', months: 6 }, { type: 'hard_query', on: '2027-01-15', institution: 'x', reasonCode: '03' }])[0][2]).toBe(
      'action 2 (New query), on: this is an application, inside the pause of action 1 (2026-12-01 to 2027-05-31)',
    );
    expect(problems([{ type: 'close_account', accountId: ids.get('card:1111'), on: '2026-12-01' }, { type: 'pay', accountId: ids.get('card:1111'), amountFen: 100, month: '2027-01', timing: 'before_due' }])[0][2]).toBe(
      `action 2 (Pay), accountId: account ${ids.get('card:1111')} is closed by action 1 on 2026-12-01`,
    );
  });

  it('reports every problem at once, in both languages', () => {
    try {
      parseScenario({ name: 'bad', actions: [{ type: 'pay' }, { type: 'change_income', on: 'soon', monthlyIncomeFen: 1 }] });
      expect.unreachable();
    } catch (error) {
      const e = error as CredenceError;
      expect(e.code).toBe('whatif.invalid_scenario');
      expect(e.localized['zh-CN']).toContain('第 2 项操作「调整月收入」·on：日期须为 YYYY-MM-DD 格式的真实日期');
      expect((e.details.problems as unknown[]).length).toBe(5);
    }
  });
});

describe('what each action does', () => {
  const { db, ids } = handProfile({
    cards: [A],
    loans: [{ name: '某消金', institutionType: '24', principalYuan: 12000, openedOn: '2026-06-10', termMonths: 12 }],
    monthlyIncomeYuan: 20000,
  });
  const base = loadWhatIfBase(db, AS_OF_DAY);
  const card = ids.get('card:1111')!;
  const loan = ids.get('loan:某消金')!;
  const run = (actions: WhatIfAction[], months = 6) => compare(base, [{ name: 'x', actions }], months).scenarios[0];

  it('a missed payment is overdue until the next due day catches up, and fails "currently overdue"', () => {
    // The 2026-11-25 statement (¥8,000) falls due 2026-12-15 and is not paid: 2026-12 ends overdue
    // (current_overdue fails). The next statement (2026-12-25, ¥16,000 with the unpaid one) is
    // repaid in full on 2027-01-15: nothing overdue at the end of January.
    const r = run([{ type: 'miss_payment', accountId: card, month: '2026-12' }]);
    const rule = (month: string) => r.months.find((m) => m.month === month)!.rules.find((x) => x.ruleId === 'current_overdue')!.status;
    expect([rule('2026-11'), rule('2026-12'), rule('2027-01')]).toEqual(['pass', 'fail', 'pass']);
    expect(r.months.find((m) => m.month === '2026-12')!.figures['overdue.months'].value).toBe(1);
  });

  it('a late payment is overdue that month; clearing an overdue pays the balance on the day', () => {
    const late = run([{ type: 'pay_late', accountId: loan, month: '2026-12', daysLate: 25 }]);
    // The 2026-12-10 instalment paid on 2027-01-04: overdue at the end of December, not of January.
    const overdue = (month: string) => late.months.find((m) => m.month === month)!.figures.current_overdue.value;
    expect([overdue('2026-11'), overdue('2026-12'), overdue('2027-01')]).toEqual([0, 100_000, 0]);
    const cleared = run([{ type: 'miss_payment', accountId: card, month: '2026-12' }, { type: 'clear_overdue', accountId: card, on: '2026-12-20' }]);
    // On 2026-12-20 the card owes the missed ¥8,000 statement and the ¥8,000 charged on the 5th.
    expect(cleared.cash.map((c) => [c.on, c.amountFen])).toEqual([['2026-12-20', 1_600_000]]);
    expect(cleared.months.find((m) => m.month === '2026-12')!.figures.current_overdue.value).toBe(0);
  });

  it('a new card adds an account, its limit and a 信用卡审批 query', () => {
    const r = run([{ type: 'new_card', on: '2026-12-02', lender: '工商银行', institutionType: '11', limitFen: 2_000_000, statementDay: 8, dueDay: 26, spendFen: 0, reportsToBureau: 'yes', query: true }]);
    const dec = r.months.find((m) => m.month === '2026-12')!;
    expect([dec.figures['accounts.total'].value, dec.figures['debt.R2.total'].value, dec.figures['queries.1m.card'].value]).toEqual([3, 3_000_000, 1]);
    // Utilisation ¥8,000 ÷ (10,000 + 20,000).
    expect(dec.figures.card_utilisation.value).toBeCloseTo(8000 / 30000);
    expect(r.accounts.find((a) => a.created)).toMatchObject({ id: -1, name: '工商银行信用卡（方案）', product: 'credit_card' });
  });

  it('a new loan adds its instalments to the debt-to-income; a higher income lowers it', () => {
    // Income ¥20,000. A card counts 10% of its ¥8,000 in use (core/rules/debt-to-income.ts) and a
    // loan its instalment: December 800 + the loan's 1,000 = 0.09. A ¥12,000 loan over 12 months
    // at 0% on 2026-12-03 is due from January: ¥1,000 more (2,800 / 20,000 = 0.14); from February
    // the income is ¥30,000 (2,800 / 30,000).
    const r = run([
      { type: 'new_loan', on: '2026-12-03', product: 'bank_loan', lender: '建设银行', institutionType: '11', amountFen: 1_200_000, termMonths: 12, repaymentMethod: 'equal_principal', annualRateBp: 0, reportsToBureau: 'yes', query: true },
      { type: 'change_income', on: '2027-02-01', monthlyIncomeFen: 3_000_000 },
    ]);
    const dti = (month: string) => r.months.find((m) => m.month === month)!.figures.debt_to_income.value;
    expect(dti('2026-12')).toBeCloseTo(1800 / 20000);
    expect(dti('2027-01')).toBeCloseTo(2800 / 20000);
    expect(dti('2027-02')).toBeCloseTo(2800 / 30000);
  });

  it('a limit change moves the utilisation from its day; letting time pass reads the result later', () => {
    const r = run([{ type: 'change_limit', accountId: card, on: '2027-01-15', limitFen: 2_000_000 }, { type: 'let_time_pass', months: 3 }]);
    expect(utilisation(r.months, '2026-12')).toBeCloseTo(0.8);
    expect(utilisation(r.months, '2027-01')).toBeCloseTo(0.4);
    expect(r.focus).toBe(3);
    expect(r.months[r.focus].month).toBe('2027-01');
  });

  it('closing a loan settles it on the day with what settles it early', () => {
    // Paid through November: (6 × 1,000) + (12,000 − 6,000) − 5,000 = ¥7,000 on 2026-12-10.
    const r = run([{ type: 'close_account', accountId: loan, on: '2026-12-10' }]);
    expect(r.cash.map((c) => [c.on, c.amountFen])).toEqual([['2026-12-10', 700_000]]);
    expect(r.months.find((m) => m.month === '2026-12')!.figures.online_loans.value).toBe(0);
  });
});
