// 信息概要 counters (docs/domain/pboc-report.md#summary-counters) on hand-made ledgers: PC02A
// overview, PC02C bad debt, PC02D overdue per account type, the credit-line and debt summary of
// open accounts (report note 7), PC05 query summary, and the ranges an account of unknown reporting
// makes.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/bureau/report.ts';
import { formatMonth } from '../../../core/shared/calendar.ts';
import { account, accountIds, card, ends, query, repeat, rows, snapshot } from './helpers.ts';

const AS_OF = '2026-06-30'; // report month 2026-06; grid 2021-07 … 2026-06

function ledger() {
  return snapshot([
    // D1: a car loan, a 1-2-3 delinquency cured in 2025-04, open.
    account(1, {
      product: 'car_loan',
      lender: '平安银行',
      openedOn: '2024-07-10',
      principalFen: 12_000_000,
      termMonths: 36,
      repaymentMethod: 'equal_installment',
      // The ledger's overdue amounts: one, two, three unpaid instalments of 4,000.00.
      months: rows('2024-07', `* ${repeat('N', 9)} 1 2 3 N ${repeat('N', 10)}`, (_, code) => ({
        amountDueFen: code === '*' ? 0 : 400_000,
        amountPaidFen: code === '*' || /[123]/.test(code) ? 0 : 400_000,
        creditUsedFen: 9_000_000,
        ...(/[123]/.test(code) ? { overdueFen: 400_000 * Number(code) } : {}),
      })).map((row, i) => (i === 13 ? { ...row, amountPaidFen: 1_600_000 } : row)).slice(0, 24),
    }),
    // D1: a settled bank loan (closed accounts stay in the overview, not in the debt summary).
    account(2, { lender: '平安银行', openedOn: '2023-01-05', principalFen: 5_000_000, settledOn: '2024-12-20', months: rows('2023-01', `* ${repeat('N', 22)} C`) }),
    // R1: a revolving line with one 1-month lapse.
    account(3, {
      product: 'jiebei',
      kind: 'line',
      bureauType: 'R1',
      bureauLayout: 'merged_monthly',
      lender: '重庆蚂蚁消费金融有限公司',
      institutionType: '24',
      openedOn: '2025-01-03',
      limitFen: 3_000_000,
      months: rows('2025-01', `* ${repeat('N', 10)} 1 N N N N N N`, (_, code) => ({
        amountDueFen: 100_000,
        amountPaidFen: code === '1' ? 0 : 100_000,
        creditUsedFen: 600_000,
        ...(code === '1' ? { overdueFen: 100_000 } : {}),
      })),
    }),
    // R2: two cards, one a bad debt.
    card(4, { lender: '招商银行', openedOn: '2022-03-01', limitFen: 5_000_000, months: rows('2022-03', repeat('N', 52), { amountDueFen: 200_000, amountPaidFen: 200_000, creditUsedFen: 1_200_000 }) }),
    card(5, {
      lender: '中信银行',
      openedOn: '2021-09-01',
      limitFen: 1_000_000,
      // Each unpaid minimum of 500.00 adds to the overdue amount while nothing is paid: 500.00, then 1,000.00 …
      months: rows('2021-09', `${repeat('N', 48)} 1 2 3 4 5 6 7 B`, (_, code, i) => ({
        amountDueFen: code === 'N' ? 50_000 : 50_000 * (i - 47),
        amountPaidFen: code === 'N' ? 50_000 : 0,
        creditUsedFen: 900_000,
        ...(code === 'N' ? {} : { overdueFen: 50_000 * (i - 47) }),
      })),
    }),
    // Not reported: never on the report.
    account(6, { reportsToBureau: 'no', openedOn: '2025-01-01', principalFen: 1_000_000, months: rows('2025-01', repeat('N', 18)) }),
  ]);
}

describe('PC02A overview', () => {
  const report = buildReport(ledger(), AS_OF);
  const byType = new Map(report.summary.overview.byType.map((t) => [t.type, t]));

  it('counts every account on the report, by type, open or closed, with the first month of each type', () => {
    expect(report.summary.overview.totalAccounts.value).toBe(5);
    expect(accountIds(report.summary.overview.totalAccounts).sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...byType].map(([type, t]) => [type, t.accounts.value])).toEqual([
      ['D1', 2],
      ['R4', 0],
      ['R1', 1],
      ['R2', 2],
      ['R3', 0],
    ]);
    expect(formatMonth(byType.get('D1')!.firstMonth.value!)).toBe('2023-01');
    expect(formatMonth(byType.get('R2')!.firstMonth.value!)).toBe('2021-09');
    expect(byType.get('R4')!.firstMonth.value).toBeNull();
  });

  it('groups them by the report’s business categories', () => {
    const byBusiness = Object.fromEntries(report.summary.overview.byBusiness.map((b) => [b.category, b.accounts.value]));
    expect(byBusiness).toEqual({ housing: 0, other_loan: 3, credit_card: 2, semi_credit_card: 0 });
  });

  it('leaves accounts that are not reported out of everything', () => {
    expect(report.accounts.map((a) => a.id)).not.toContain(6);
    expect(report.reporting).toMatchObject({ yes: 5, unknown: 0, no: 1 });
  });

  it('lists the accounts in the report’s order of types, D1 R4 R1 R2 R3', () => {
    expect(report.accounts.map((a) => a.type)).toEqual(['D1', 'D1', 'R1', 'R2', 'R2']);
  });
});

describe('PC02C bad debt and PC02D overdue summary', () => {
  const report = buildReport(ledger(), AS_OF);
  const overdue = new Map(report.summary.defaults.overdue.map((o) => [o.type, o]));

  it('counts accounts in bad debt at the report month and their balance', () => {
    expect(report.summary.defaults.badDebt.accounts.value).toBe(1);
    expect(report.summary.defaults.badDebt.balanceFen.value).toBe(900_000);
    expect(accountIds(report.summary.defaults.badDebt.accounts)).toEqual([5]);
  });

  it('per type: accounts with overdue months, the months, the highest month’s amount, the longest overdue', () => {
    const d1 = overdue.get('D1')!;
    expect([d1.accounts.value, d1.months.value, d1.highestMonthlyFen.value, d1.longestMonths.value]).toEqual([1, 3, 1_200_000, 3]);
    expect(d1.months.records).toEqual([expect.objectContaining({ accountId: 1, months: ['2025-05', '2025-06', '2025-07'] })]);
    const r1 = overdue.get('R1')!;
    expect([r1.accounts.value, r1.months.value, r1.highestMonthlyFen.value, r1.longestMonths.value]).toEqual([1, 1, 100_000, 1]);
    // The card's 1…7 are overdue months; B is bad debt (PC02C), not an overdue month here.
    const r2 = overdue.get('R2')!;
    expect([r2.accounts.value, r2.months.value, r2.longestMonths.value]).toEqual([1, 7, 7]);
    expect(r2.highestMonthlyFen.value).toBe(350_000); // the 7 month: seven unpaid minimums of 500.00
    expect(overdue.get('R4')!.accounts.value).toBe(0);
    expect(overdue.get('R4')!.highestMonthlyFen.value).toBe(0);
  });
});

describe('credit lines and debt (open accounts only, report note 7)', () => {
  const report = buildReport(ledger(), AS_OF);
  const debt = new Map(report.summary.debt.map((r) => [r.type, r]));

  it('D1: institutions, accounts, loan amount, balance and 6-month average amount due of the open loans', () => {
    const d1 = debt.get('D1')!;
    expect([d1.institutions.value, d1.accounts.value, d1.totalFen.value, d1.balanceFen.value, d1.average6mFen.value]).toEqual([1, 1, 12_000_000, 9_000_000, 400_000]);
    expect(accountIds(d1.accounts)).toEqual([1]); // the settled loan is not in it
  });

  it('R1: the line, not the draws, is the amount', () => {
    const r1 = debt.get('R1')!;
    expect([r1.institutions.value, r1.accounts.value, r1.totalFen.value, r1.balanceFen.value, r1.average6mFen.value]).toEqual([1, 1, 3_000_000, 600_000, 100_000]);
  });

  it('R2: issuers, cards, total line, used, 6-month average used, highest and lowest line', () => {
    const r2 = debt.get('R2')!;
    expect([r2.institutions.value, r2.accounts.value, r2.totalFen.value, r2.balanceFen.value, r2.average6mFen.value]).toEqual([2, 2, 6_000_000, 2_100_000, 2_100_000]);
    expect([r2.highestLineFen!.value, r2.lowestLineFen!.value]).toEqual([5_000_000, 1_000_000]);
    expect(debt.get('D1')!.highestLineFen).toBeNull();
  });

  it('a sum with an unknown amount says how many are missing', () => {
    const noLimit = buildReport(snapshot([card(1, { months: rows('2026-06', 'N') })]), AS_OF);
    expect(noLimit.summary.debt.find((r) => r.type === 'R2')!.totalFen).toMatchObject({ value: 0, missing: 1 });
  });
});

describe('PC05 query summary', () => {
  const queries = [
    query(1, '2026-06-20', '02', '微众银行'),
    query(2, '2026-06-21', '02', '微众银行'),
    query(3, '2026-06-05', '02', '招商银行'),
    query(4, '2026-05-31', '02', '中信银行'), // 1 month before 06-30 is 05-30: inside (05-30, 06-30]
    query(5, '2026-05-30', '03', '中信银行'), // on the boundary: outside
    query(6, '2026-06-10', '03', '广发银行'),
    query(7, '2026-06-28', 'self', '本人'),
    query(8, '2025-01-10', '01', '招商银行'),
    query(9, '2024-06-30', '01', '招商银行'), // 2 years back exactly: outside
    query(10, '2025-12-01', '08', '某担保'),
    query(11, '2026-02-01', '19', '某商户'),
    query(12, '2026-07-02', '02', '未来银行'), // after the as-of day: not on the report
  ];
  const q = buildReport(snapshot([], queries), AS_OF).summary.queries;

  it('names the last query', () => {
    expect(q.last).toMatchObject({ queryId: 7, queriedOn: '2026-06-28', reasonCode: 'self' });
  });

  it('counts institutions and queries in the last month by reason', () => {
    expect([q.institutions1m.loan.value, q.institutions1m.card.value]).toEqual([3, 1]);
    expect([q.queries1m.loan.value, q.queries1m.card.value, q.queries1m.self.value]).toEqual([4, 1, 1]);
    expect(q.queries1m.loan.records.map((r) => (r.kind === 'query' ? r.queryId : 0)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('counts post-loan, guarantee and merchant queries in the last 2 years', () => {
    expect([q.queries2y.postLoan.value, q.queries2y.guarantee.value, q.queries2y.merchant.value]).toEqual([1, 1, 1]);
  });

  it('lists the query records newest first, up to the as-of day', () => {
    const report = buildReport(snapshot([], queries), AS_OF);
    expect(report.queries.map((r) => r.id)).toEqual([7, 2, 1, 6, 3, 4, 5, 11, 10, 8, 9]);
    expect(report.queries[1]).toMatchObject({ reasonName: { 'zh-CN': '贷款审批' }, hard: true });
  });
});

describe('an account whose reporting is unknown', () => {
  const base = () =>
    snapshot([
      card(1, { limitFen: 2_000_000, months: rows('2026-01', repeat('N', 6), { creditUsedFen: 500_000, amountDueFen: 500_000, amountPaidFen: 500_000 }) }),
      account(2, {
        product: 'baitiao',
        kind: 'revolving',
        bureauType: null,
        bureauLayout: 'merged_monthly',
        reportsToBureau: 'unknown',
        institutionType: '51',
        limitFen: 1_000_000,
        months: rows('2026-01', 'N N 1 2 N N', { creditUsedFen: 300_000, amountDueFen: 100_000 }),
      }),
    ]);

  it('turns the figures it touches into ranges, both ways, and leaves the others alone', () => {
    const report = buildReport(base(), AS_OF);
    expect(report.reporting).toMatchObject({ yes: 1, unknown: 1, unknownAccounts: [{ id: 2, name: '#2' }] });
    expect(ends(report.summary.overview.totalAccounts)).toEqual([1, 2]);
    expect(report.summary.overview.totalAccounts.range).toEqual([1, 2]);
    const r1 = report.summary.debt.find((r) => r.type === 'R1')!;
    expect(ends(r1.totalFen)).toEqual([0, 1_000_000]);
    expect(ends(report.summary.debt.find((r) => r.type === 'R2')!.totalFen)).toBe(2_000_000); // no range: unaffected
    expect(ends(report.summary.defaults.overdue.find((o) => o.type === 'R1')!.months)).toEqual([0, 2]);
    // The records say which accounts only may be on it.
    expect(report.summary.overview.totalAccounts.records).toEqual([
      expect.objectContaining({ accountId: 2, reporting: 'unknown', type: 'R1' }),
      expect.objectContaining({ accountId: 1, reporting: 'yes', type: 'R2' }),
    ]);
  });

  it('files it under an assumed type when the ledger has none, and says so', () => {
    const view = buildReport(base(), AS_OF).accounts.find((a) => a.id === 2)!;
    expect(view).toMatchObject({ type: 'R1', typeAssumed: true, reporting: 'unknown' });
  });
});
