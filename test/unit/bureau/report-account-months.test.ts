// The months a report account carries (layouts.ts reportedMonths: from the reporting start up to
// the report month, cut by bisection when the history runs in month order, filtered otherwise)
// and the bad-debt metric's shortcut for accounts without a B month (lender-metrics.ts
// badDebtRef), on hand-made ledgers whose answers are worked out beside each expectation.

import { describe, expect, it } from 'vitest';
import { partKeys, reportAccounts } from '../../../core/bureau/layouts.ts';
import { computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { monthIndex } from '../../../core/bureau/windows.ts';
import { accountIds, card, repeat, rows, snapshot } from './helpers.ts';

describe('the months on the report of one account', () => {
  // 30 rows, 2024-01 … 2026-06 (index 0 … 29).
  const history = rows('2024-01', repeat('N', 30), { creditUsedFen: 100_000 });
  const monthsOf = (months: typeof history, since: string | null, reportMonth: string) =>
    reportAccounts(snapshot([card(1, { months, bureauSinceMonth: since })]), monthIndex(reportMonth))[0]?.months ?? null;

  it('runs from the reporting start through the report month: the history’s own rows', () => {
    // Since 2025-03 (index 14) through 2026-01 (index 24): 11 rows, the very row objects.
    const months = monthsOf(history, '2025-03', '2026-01')!;
    expect(months.map((r) => r.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(months[0]).toBe(history[14]);
    expect(months.at(-1)).toBe(history[24]);
    // No start: from the first row (2024-01) through 2024-03, three rows.
    expect(monthsOf(history, null, '2024-03')!.map((r) => r.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    // A report month past the history: every row; one on the first row: that row alone.
    expect(monthsOf(history, null, '2027-12')).toHaveLength(30);
    expect(monthsOf(history, null, '2024-01')!.map((r) => r.month)).toEqual(['2024-01']);
  });

  it('has no report account before its first row or its reporting start', () => {
    expect(monthsOf(history, null, '2023-12')).toBeNull();
    // Reporting from 2025-03, asked for 2025-02: not on the report yet.
    expect(monthsOf(history, '2025-03', '2025-02')).toBeNull();
  });

  it('keeps the rows of a history out of month order as they stand, the same ones a filter keeps', () => {
    // The same 30 rows with the first two swapped (2024-02 before 2024-01): through 2024-03 from
    // 2024-01 are the first three rows as they stand, 2024-02, 2024-01, 2024-03.
    const swapped = [history[1]!, history[0]!, ...history.slice(2)];
    expect(monthsOf(swapped, null, '2024-03')!.map((r) => r.month)).toEqual(['2024-02', '2024-01', '2024-03']);
    // From 2024-02: 2024-01 is left out wherever it stands.
    expect(monthsOf(swapped, '2024-02', '2024-04')!.map((r) => r.month)).toEqual(['2024-02', '2024-03', '2024-04']);
  });
});

describe('accounts with bad debt (呆账) still on the report', () => {
  const AS_OF = '2026-06-30'; // report month 2026-06; the grid's 60 months are 2021-07 … 2026-06
  // Card 1: 10 months N (2024-01 … 2024-10), 1 … 7 (2024-11 … 2025-05), then B through 2026-06 (13 months).
  const written = card(1, { months: rows('2024-01', `${repeat('N', 10)} 1 2 3 4 5 6 7 ${repeat('B', 13)}`) });
  // Card 2: overdue once, never bad debt.
  const late = card(2, { months: rows('2024-01', `${repeat('N', 5)} 1 ${repeat('N', 24)}`) });
  // Card 3: bad debt in 2015-01 … 2015-03, then N through 2026-06: its B months left the grid long ago.
  const old = card(3, { months: rows('2015-01', `B B B ${repeat('N', 135)}`) });

  it('counts the account whose B months are in the grid, naming them, and neither the one without B nor the one whose B left the grid', () => {
    const figure = computeLenderMetrics(snapshot([written, late, old]), AS_OF).bad_debt;
    expect(figure.value).toBe(1);
    expect(accountIds(figure)).toEqual([1]);
    const ref = figure.records[0]!;
    expect(ref.kind === 'account' ? ref.months : []).toEqual(rows('2025-06', repeat('B', 13)).map((r) => r.month));
  });

  it('counts none without a B month anywhere', () => {
    expect(computeLenderMetrics(snapshot([late]), AS_OF).bad_debt.value).toBe(0);
  });

  it('counts an account from the month its first B is reported, read the month before first (what is kept carried on)', () => {
    // Card 4: N through 2025-10, 1 … 7 (2025-11 … 2026-05), its first B in 2026-06. The same
    // snapshot asked for 2026-05 (no B yet: 0) and then 2026-06 (the B month added: 1, naming it).
    const lapsing = card(4, { months: rows('2024-01', `${repeat('N', 22)} 1 2 3 4 5 6 7 B`) });
    const both = snapshot([lapsing]);
    expect(computeLenderMetrics(both, '2026-05-31').bad_debt.value).toBe(0);
    const june = computeLenderMetrics(both, AS_OF).bad_debt;
    expect(june.value).toBe(1);
    expect(june.records[0]!.kind === 'account' ? june.records[0]!.months : []).toEqual(['2026-06']);
  });
});

describe('the keys kept parts are stored under (layouts.ts partKeys)', () => {
  it('are the text the key is written as, distinct for each month and second number', () => {
    const keyOf = partKeys('test');
    expect(keyOf(24316)).toBe('test:24316');
    expect(keyOf(24316, 24)).toBe('test:24316:24');
    expect(keyOf(24316, 0.5)).toBe('test:24316:0.5');
    // Asked again (served from the keys made): the same text.
    expect(keyOf(24316, 24)).toBe('test:24316:24');
    // A month alone, with a second number, with another, and another month: four different keys.
    expect(new Set([keyOf(24316), keyOf(24316, 24), keyOf(24316, 6), keyOf(24317, 24)]).size).toBe(4);
  });
});

describe('连三 names the months of the run it counts (lender-metrics.ts longestRunFrom)', () => {
  const AS_OF = '2025-12-31'; // report month 2025-12: the 24-month window holds all twelve rows below
  const monthsOf = (codes: string) => {
    const figure = computeLenderMetrics(snapshot([card(1, { months: rows('2025-01', codes) })]), AS_OF).lian_san;
    const ref = figure.records[0];
    return { value: figure.value, months: ref?.kind === 'account' ? ref.months : [] };
  };

  it('counts a run by its length or its highest digit, and names the run that first reaches the value', () => {
    // Runs: 2025-02…03 (1 2: two months, digit 2 → 2); 2025-05 (3: one month, digit 3 → 3);
    // 2025-07…08 (1 2 → 2). The longest is 3, the run of 2025-05 alone.
    expect(monthsOf('N 1 2 N 3 N 1 2 N N N N')).toEqual({ value: 3, months: ['2025-05'] });
    // Two runs of 2 (2025-02…03 and 2025-05…06): the first is named, a later one as long is not.
    expect(monthsOf('N 1 2 N 1 2 N N N N N N')).toEqual({ value: 2, months: ['2025-02', '2025-03'] });
    // A run of three to the last row (2025-10…12): all three named.
    expect(monthsOf('N N N N N N N N N 1 2 3')).toEqual({ value: 3, months: ['2025-10', '2025-11', '2025-12'] });
  });
});
