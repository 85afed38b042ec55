// The pictures' data on a hand-built ledger: a card whose months come from the real history pass
// (statement day 5, due day 25, limit ¥10,000), two Huabei accounts and a loan, with every
// expected value worked out by hand beside it.

import { describe, expect, it } from 'vitest';
import { balanceChart, spendingChart, utilisationBp, utilisationChart, windowMonths, type MonthlyCharge } from '../../../core/ledger/charts/charts.ts';
import { billingCycleRuleFor } from '../../../core/rules/billing-cycle.ts';
import { account, card, snapshot } from '../bureau/helpers.ts';
import { day, ev, history } from './helpers.ts';

// The card: open from 2026-01-01, every row of the export seen (coverage), as of 2026-04-10, billed
// by cycle as every revolving account is (core/rules/billing-cycle.ts): its month runs from one
// statement date to the next and closes at the statement date (the 5th).
//   January's cycle (…–01-05): open from 01-01, nothing charged  → statement ¥0 on 01-05, 0%
//   2026-01-10 charge ¥3,000, 2026-01-20 charge ¥1,000
//   February's cycle (01-06–02-05): ¥3,000 + ¥1,000 = ¥4,000      → 40.00% of ¥10,000
//   2026-02-15 charge ¥2,500, 2026-02-20 payment ¥4,000 (the bill, by its due day 02-25)
//   March's cycle (02-06–03-05): ¥4,000 + ¥2,500 − ¥4,000 = ¥2,500 → 25.00%
//   2026-03-28 charge ¥8,000
//   April's cycle (03-06–04-05): ¥2,500 + ¥8,000 = ¥10,500         → 105.00% (over the limit)
// Each month closes at its statement date, so the balance owed then is the statement's.
const asOfDay = day('2026-04-10');
const cardEvents = [
  ev('2026-01-10', 'charge', 3000),
  ev('2026-01-20', 'charge', 1000),
  ev('2026-02-15', 'charge', 2500),
  ev('2026-02-20', 'payment', 4000),
  ev('2026-03-28', 'charge', 8000),
];
const cardRows = history({ statementDay: 5, dueDay: 25, asOfDay, openedDay: day('2026-01-01'), coverage: [day('2026-01-01'), asOfDay], events: cardEvents, billingCycle: billingCycleRuleFor('revolving') }).rows;

const ledger = {
  ...snapshot([
    card(1, { name: '招行信用卡', limitFen: 1_000_000, statementDay: 5, dueDay: 25, months: cardRows }),
    card(2, { name: '花呗', product: 'huabei', bureauType: 'R4', limitFen: 200_000, months: [] }),
    card(3, { name: '花呗（旧）', product: 'huabei', bureauType: 'R4', limitFen: null, months: [] }),
    account(4, { name: '某银行消费贷', months: [] }),
  ]),
  asOfDay,
};

describe('the window', () => {
  it('is the months ending with the snapshot’s month, oldest first', () => {
    expect(windowMonths(asOfDay, 4)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(windowMonths(day('2026-01-31'), 2)).toEqual(['2025-12', '2026-01']);
    expect(windowMonths(asOfDay)).toHaveLength(24);
  });
  it('reads utilisation in basis points, a credit balance as 0, and nothing without a limit', () => {
    expect(utilisationBp(400_000, 1_000_000)).toBe(4000);
    expect(utilisationBp(1, 3)).toBe(3333); // 0.3333… rounded
    expect(utilisationBp(-5_000, 1_000_000)).toBe(0);
    expect(utilisationBp(400_000, null)).toBeNull();
    expect(utilisationBp(null, 1_000_000)).toBeNull();
    expect(utilisationBp(400_000, 0)).toBeNull();
  });
});

describe('utilisation per card', () => {
  it('marks each statement day with that statement’s share of the limit, and each month end with the balance owed', () => {
    const chart = utilisationChart(ledger, { months: 4 });
    expect(chart.asOf).toBe('2026-04-10');
    // Revolving accounts only: the card and both Huabei accounts, not the loan.
    expect(chart.accounts.map((a) => a.accountId)).toEqual([1, 2, 3]);
    const points = chart.accounts[0]!.points.map((p) => [p.month, p.on, p.statementOn, p.statementFen, p.statementBp, p.usedFen, p.usedBp]);
    expect(points).toEqual([
      ['2026-01', '2026-01-05', '2026-01-05', 0, 0, 0, 0],
      ['2026-02', '2026-02-05', '2026-02-05', 400_000, 4000, 400_000, 4000],
      ['2026-03', '2026-03-05', '2026-03-05', 250_000, 2500, 250_000, 2500],
      ['2026-04', '2026-04-05', '2026-04-05', 1_050_000, 10500, 1_050_000, 10500],
    ]);
  });
  it('leaves a month the ledger has no row for, or an account without a limit, as unknown rather than 0', () => {
    const chart = utilisationChart(ledger, { months: 4 });
    const huabei = chart.accounts.find((a) => a.accountId === 3)!;
    expect(huabei.limitFen).toBeNull();
    expect(huabei.points.every((p) => p.usedBp === null && p.statementBp === null && p.statementOn === null)).toBe(true);
    // Without a due day it is not billed by cycle: its months close at the calendar month's end, the last one at the as-of day.
    expect(huabei.points.map((p) => p.on)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-10']);
  });
  it('answers for one account when asked (the account view)', () => {
    expect(utilisationChart(ledger, { accountId: 1, months: 2 }).accounts.map((a) => [a.accountId, a.points.map((p) => p.month)])).toEqual([[1, ['2026-03', '2026-04']]]);
    expect(utilisationChart(ledger, { accountId: 4 }).accounts).toEqual([]);
  });
});

describe('balance per account', () => {
  it('is the balance owed at each month’s end, null where the ledger cannot tell', () => {
    const chart = balanceChart(ledger, { months: 5 });
    expect(chart.months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    // December precedes the card's history (opened 2026-01-01): unknown, not ¥0. Then each cycle's close, as above.
    expect(chart.accounts.find((a) => a.accountId === 1)!.monthsFen).toEqual([null, 0, 400_000, 250_000, 1_050_000]);
    expect(chart.accounts.find((a) => a.accountId === 4)!.monthsFen).toEqual([null, null, null, null, null]);
  });
});

describe('spending per credit product', () => {
  // The card's charges by calendar month, as monthly-charges.ts adds them up: Jan ¥3,000 + ¥1,000,
  // Feb ¥2,500, Mar ¥8,000. Huabei: #2 Jan ¥120.50 and Mar ¥300; #3 Jan ¥79.50. The loan's
  // disbursement is not a charge; a charge of a month outside the window, or of an account the
  // snapshot no longer holds (dismissed), is left out.
  const charges: MonthlyCharge[] = [
    { accountId: 1, month: '2026-01', fen: 400_000 },
    { accountId: 1, month: '2026-02', fen: 250_000 },
    { accountId: 1, month: '2026-03', fen: 800_000 },
    { accountId: 2, month: '2026-01', fen: 12_050 },
    { accountId: 2, month: '2026-03', fen: 30_000 },
    { accountId: 3, month: '2026-01', fen: 7_950 },
    { accountId: 2, month: '2025-11', fen: 99_900 },
    { accountId: 99, month: '2026-02', fen: 55_500 },
  ];
  it('draws each card on its own and each platform product as one series, biggest first', () => {
    const chart = spendingChart(ledger, charges, { months: 4 });
    expect(chart.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(chart.series.map((s) => [s.key, s.label.en, s.accountId, s.monthsFen, s.totalFen])).toEqual([
      // Card: 4,000 + 2,500 + 8,000 = ¥14,500.
      ['account:1', '招行信用卡', 1, [400_000, 250_000, 800_000, 0], 1_450_000],
      // Huabei: Jan 120.50 + 79.50 = ¥200; Mar ¥300; total ¥500.
      ['product:huabei', 'Huabei', null, [20_000, 0, 30_000, 0], 50_000],
    ]);
    expect(chart.series[1]!.label['zh-CN']).toBe('花呗');
    // Month totals: Jan 4,000 + 200 = ¥4,200; Feb ¥2,500; Mar 8,000 + 300 = ¥8,300; Apr nothing.
    expect(chart.totalsFen).toEqual([420_000, 250_000, 830_000, 0]);
  });
  it('is empty when nothing was charged in the window', () => {
    expect(spendingChart(ledger, [], { months: 3 })).toMatchObject({ series: [], totalsFen: [0, 0, 0] });
  });
});
