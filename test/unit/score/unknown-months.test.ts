// unknownMonths (core/score/uncertainty.ts): the `#` account-months of a window, counted from
// each account's running count, against the months counted one by one (countMonths, what it
// did for every window of every scored month before). Hand-made accounts, months as indices.

import { describe, expect, it } from 'vitest';
import { countMonths, unknownMonths } from '../../../core/score/uncertainty.ts';
import type { ScoringAccount } from '../../../core/score/scoring-ledger.ts';
import type { StatusCode } from '../../../core/shared/status-alphabet.ts';
import { parseMonth } from '../../../core/shared/calendar.ts';

/** Only what the count reads: the first month and the codes (the running count is made on first use). */
function account(first: string, codes: string): ScoringAccount {
  return { firstMonth: parseMonth(first)!, codes: [...codes] as StatusCode[], unknownBefore: null } as unknown as ScoringAccount;
}

const m = (text: string) => parseMonth(text)!;
const oneByOne = (accounts: readonly ScoringAccount[], from: number, to: number) => countMonths(accounts, from, to, (a, i) => a.codes[i] === '#');

describe('unknownMonths', () => {
  // A: rows 2025-01 … 2025-12, `#` in 2025-01, 2025-02, 2025-07 and 2025-12 (the first and last rows).
  const a = account('2025-01', '##NNNN#NNNN#');
  // B: rows 2025-06 … 2025-09, every one `#`.
  const b = account('2025-06', '####');
  // C: no `#` at all.
  const c = account('2024-01', 'NNNNNN');

  it('counts the # months of the window, per account and summed', () => {
    // 2025-01 … 2025-06: A's 2025-01, 2025-02 (2); B's 2025-06 (1); C has no rows then: 3.
    expect(unknownMonths([a, b, c], m('2025-01'), m('2025-06'))).toBe(3);
    // 2025-07 … 2025-12: A's 2025-07 and 2025-12 (2), B's 2025-07 … 2025-09 (3): 5.
    expect(unknownMonths([a, b, c], m('2025-07'), m('2025-12'))).toBe(5);
    // A window ending on A's last row and one starting on its first count those rows (the ends are inclusive).
    expect(unknownMonths([a], m('2025-12'), m('2025-12'))).toBe(1);
    expect(unknownMonths([a], m('2025-01'), m('2025-01'))).toBe(1);
    // Windows wholly before or after an account's rows count nothing of it.
    expect(unknownMonths([a, b], m('2023-01'), m('2024-12'))).toBe(0);
    expect(unknownMonths([a, b], m('2026-01'), m('2027-12'))).toBe(0);
    // Overlapping A's start and B's end: A's 2025-01, 2025-02 and B's 2025-09 within 2024-07 … 2025-09, with A's 2025-07: 2 + 1 + 4 = 7.
    expect(unknownMonths([a, b], m('2024-07'), m('2025-09'))).toBe(7);
  });

  it('equals the months counted one by one on every window of two years around the rows', () => {
    const accounts = [a, b, c, account('2024-11', 'N#N#N#N#N#N#N#N#'), account('2025-03', '#')];
    for (let from = m('2023-10'); from <= m('2026-03'); from++) {
      for (let to = from - 1; to <= from + 24; to++) expect(unknownMonths(accounts, from, to), `${from}…${to}`).toBe(oneByOne(accounts, from, to));
    }
  });
});
