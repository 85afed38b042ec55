// The 60-month grid (report note 9), the status alphabet's meaning for the report
// (docs/domain/pboc-report.md#repayment-status-codes), the report's clock, and retention: negative
// records leave the report 5 years after the delinquency ended (regulation Art. 16, report note
// 13).

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/bureau/report.ts';
import { reportAccounts } from '../../../core/bureau/layouts.ts';
import { GRID_MONTHS } from '../../../core/bureau/repayment-grid.ts';
import { negativeRuns, RETENTION } from '../../../core/bureau/retention.ts';
import { inLastMonths, leavesWindowOn, reportMonthOf } from '../../../core/bureau/windows.ts';
import { formatDay, formatMonth, parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import { account, card, repeat, rows, snapshot } from './helpers.ts';
import { STATUS_TABLE, statusInfo, STATUS_CODES } from '../../../core/shared/status-alphabet.ts';

const d = (text: string) => parseDay(text)!;
const m = (text: string) => parseMonth(text)!;

describe('the report clock', () => {
  it('reports the months that have ended by the as-of day', () => {
    expect(formatMonth(reportMonthOf(d('2026-05-31')))).toBe('2026-05');
    expect(formatMonth(reportMonthOf(d('2026-05-30')))).toBe('2026-04');
    expect(formatMonth(reportMonthOf(d('2026-03-01')))).toBe('2026-02');
  });

  it('counts "the last N months" from the same date N months back, exclusive', () => {
    expect(inLastMonths(d('2026-04-16'), d('2026-05-15'), 1)).toBe(true);
    expect(inLastMonths(d('2026-04-15'), d('2026-05-15'), 1)).toBe(false);
    expect(inLastMonths(d('2026-05-16'), d('2026-05-15'), 1)).toBe(false); // after the as-of day
    expect(inLastMonths(d('2024-05-16'), d('2026-05-15'), 24)).toBe(true);
    expect(inLastMonths(d('2024-05-15'), d('2026-05-15'), 24)).toBe(false);
  });

  it('finds the day a record leaves a window, across month ends', () => {
    expect(formatDay(leavesWindowOn(d('2026-01-10'), 1))).toBe('2026-02-10');
    // Jan 31 + 1 month clamps to Feb 28, when the window (Jan 28, Feb 28] still holds Jan 31.
    expect(formatDay(leavesWindowOn(d('2026-01-31'), 1))).toBe('2026-03-01');
    expect(formatDay(leavesWindowOn(d('2026-03-15'), 3))).toBe('2026-06-15');
  });
});

describe('the status alphabet on the report (docs/domain/pboc-report.md#repayment-status-codes)', () => {
  it('has one row per code of the alphabet', () => {
    expect(new Set(STATUS_TABLE.map((c) => c.code)).size).toBe(18);
  });

  it('reads digits 1–7 as months past due, and nothing else', () => {
    for (const code of STATUS_CODES) {
      const expected = /^[1-7]$/.test(code) ? Number(code) : null;
      expect(statusInfo(code).overdueMonths, code).toBe(expected);
    }
  });

  it('treats exactly the codes of severity above 0 as negative information', () => {
    // docs/domain/pboc-report.md#repayment-status-codes: N * # / A C M rank 0; 1–7, B, G, D, Z rank
    // 1–7.
    for (const info of STATUS_TABLE) expect(statusInfo(info.code).negative, info.code).toBe(info.severity > 0);
  });

  it('counts the digits and B (over 180 days unpaid) as overdue months for 连三累六', () => {
    const lender = STATUS_TABLE.filter((c) => c.lenderOverdue).map((c) => c.code);
    expect(lender.sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', 'B']);
  });

  it('gives every code a colour tone, digits darker as they grow', () => {
    const tone = (code: string) => statusInfo(code as never).tone;
    expect([tone('N'), tone('1'), tone('3'), tone('7'), tone('B'), tone('#'), tone('C'), tone('*'), tone('M')]).toEqual([
      'ok',
      'overdue-low',
      'overdue-mid',
      'overdue-high',
      'bad',
      'unknown',
      'closed',
      'none',
      'late',
    ]);
  });
});

describe('the 60-month grid', () => {
  it('shows the last 60 months of a longer history, ending with the report month', () => {
    const loan = account(1, { openedOn: '2019-01-05', months: rows('2019-01', repeat('N', 90)) });
    const report = buildReport(snapshot([loan]), '2026-06-30');
    expect(report.reportMonth).toBe('2026-06');
    expect(report.gridFrom).toBe('2021-07');
    const [view] = report.accounts;
    expect(view.grid).toHaveLength(GRID_MONTHS);
    expect([view.gridFrom, view.gridTo]).toEqual(['2021-07', '2026-06']);
  });

  it('keeps every code of the alphabet as the ledger has it', () => {
    const codes = 'N M 1 2 3 4 5 6 7 B G D Z C * # / A'.split(' ');
    const accounts = codes.map((code, i) => account(i + 1, { months: rows('2026-05', code) }));
    const report = buildReport(snapshot(accounts), '2026-05-31');
    const byId = new Map(report.accounts.map((a) => [a.id, a.grid[0].status]));
    expect(codes.map((_, i) => byId.get(i + 1))).toEqual(codes);
  });

  it('leaves out months before reporting began and after the report month', () => {
    const huabei = account(1, { product: 'huabei', kind: 'revolving', bureauType: 'R1', bureauLayout: 'revolving_line', bureauSinceMonth: '2026-03', months: rows('2026-01', 'N N N N N N') });
    const [acc] = reportAccounts(snapshot([huabei]), m('2026-05'));
    expect(acc.months.map((r) => r.month)).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('carries each month’s overdue amount as the ledger closed it; a range counts its high end for the highest', () => {
    // The ledger gives the amounts (month-close.ts): ¥40 unpaid minimum, then a card whose minimum
    // is unknown, ¥25–¥50 (5%–10% of a ¥500 bill). The grid shows both; the overdue summary's
    // highest single month takes the high end, ¥50.
    const cardRows = rows('2026-01', '1 2 N', (_, __, i) => [{ overdueFen: 4000 }, { overdueFen: null, overdueRangeFen: [2500, 5000] as [number, number] }, {}][i]);
    const acc = card(1, { months: cardRows });
    const report = buildReport(snapshot([acc]), '2026-03-31');
    expect(report.accounts[0].grid.map((g) => [g.overdueFen, g.overdueRangeFen])).toEqual([[4000, null], [null, [2500, 5000]], [0, null]]);
    expect(report.summary.defaults.overdue.find((o) => o.type === 'R2')!.highestMonthlyFen.value).toBe(5000);
  });
});

describe('retention (regulation Art. 16)', () => {
  const late = () => account(1, { months: rows('2020-01', `N 1 2 3 N ${repeat('N', 70)}`, { amountDueFen: 1000 }) });

  it('ends a delinquency in the month it was repaid; it leaves with the grid, never later than 5 years after', () => {
    // Lates 2020-02..04, repaid 2020-05: the law keeps it until 2025-05 (5 years after it ended),
    // but the grid's 60 months have dropped 2020-04 by report month 2025-04 (2020-05..2025-04):
    // it leaves then. At report month 2024-12 that is 4 months away.
    expect(RETENTION.months).toBe(60);
    const [acc] = reportAccounts(snapshot([late()]), m('2024-12'));
    const [run] = negativeRuns(acc, m('2024-12'));
    expect(run).toMatchObject({ from: '2020-02', to: '2020-04', worst: '3', months: 3, endedMonth: '2020-05', fallsOffMonth: '2025-04', monthsLeft: 4 });
  });

  it('counts in the summary exactly the overdue months the grid still shows (issue 11 item 9)', () => {
    // Same ledger. Report month 2025-01: grid 2020-02..2025-01 holds all three → 3 months, longest 3.
    // 2025-02: grid from 2020-03 → 2020-03 (2) and 2020-04 (3) → 2 months. 2025-03: 2020-04 only → 1.
    // 2025-04: none; the negative record is gone too.
    const at = (asOf: string) => {
      const report = buildReport(snapshot([late()]), asOf);
      const d1 = report.summary.defaults.overdue.find((o) => o.type === 'D1')!;
      const shown = report.accounts[0].grid.filter((g) => statusInfo(g.status).overdueMonths !== null).map((g) => g.month);
      return { months: d1.months.value, accounts: d1.accounts.value, longest: d1.longestMonths.value, shown, items: report.negativeItems.length };
    };
    expect(at('2025-01-31')).toEqual({ months: 3, accounts: 1, longest: 3, shown: ['2020-02', '2020-03', '2020-04'], items: 1 });
    expect(at('2025-02-28')).toEqual({ months: 2, accounts: 1, longest: 3, shown: ['2020-03', '2020-04'], items: 1 });
    expect(at('2025-03-31')).toEqual({ months: 1, accounts: 1, longest: 3, shown: ['2020-04'], items: 1 });
    expect(at('2025-04-30')).toEqual({ months: 0, accounts: 0, longest: 0, shown: [], items: 0 });
  });

  it('has no fall-off month while the delinquency lasts', () => {
    const ongoing = account(1, { months: rows('2026-01', 'N 1 2 3') });
    const report = buildReport(snapshot([ongoing]), '2026-04-30');
    expect(report.negativeItems[0]).toMatchObject({ endedMonth: null, fallsOffMonth: null, monthsLeft: null });
  });

  it('gives the earliest possible end when # months hide when it ended', () => {
    const hidden = account(1, { months: rows('2026-01', '1 2 # # N') });
    const report = buildReport(snapshot([hidden]), '2026-05-31');
    // Lates 2026-01..02: whenever it ended (2026-03 at the earliest, 2026-05 for sure), the grid
    // drops 2026-02 at report month 2031-02, before either 5-year date: both fall-off months are 2031-02.
    expect(report.negativeItems[0]).toMatchObject({ endedEarliest: '2026-03', endedMonth: '2026-05', fallsOffEarliest: '2031-02', fallsOffMonth: '2031-02' });
  });

  it('ends a run with the account when the history stops on it (G, Z)', () => {
    const ended = account(1, { closedOn: '2026-02-20', months: rows('2026-01', '3 G') });
    const report = buildReport(snapshot([ended]), '2026-06-30');
    expect(report.negativeItems[0]).toMatchObject({ from: '2026-01', to: '2026-02', worst: 'G', endedMonth: '2026-02', fallsOffMonth: '2031-02' });
  });

  it('counts a card’s negative months too, with the highest overdue amount of the run', () => {
    // The 1 month: a 30.00 minimum of which 5.00 was paid → 25.00 overdue (the ledger's month close).
    const c = card(2, { limitFen: 10000, months: rows('2026-01', 'N 1 N', (_, __, i) => ({ amountDueFen: [2000, 3000, 0][i], amountPaidFen: [2000, 500, 2500][i], creditUsedFen: 3000, ...(i === 1 ? { overdueFen: 2500 } : {}) })) });
    const report = buildReport(snapshot([c]), '2026-03-31');
    // Late 2026-02, ended 2026-03: the grid drops 2026-02 at 2031-02, a month before the law's 2031-03.
    expect(report.negativeItems[0]).toMatchObject({ accountId: 2, worst: '1', highestOverdueFen: 2500, endedMonth: '2026-03', fallsOffMonth: '2031-02' });
  });
});
