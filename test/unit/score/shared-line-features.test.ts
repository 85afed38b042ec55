// The bureau-style card's use features count a shared card line (共享额度) once, as the report
// does (core/bureau/credit-lines.ts): hand-built ledgers from the bureau tests' helpers.

import { describe, expect, it } from 'vitest';
import { buildBureauView } from '../../../core/bureau/view.ts';
import { bureauMonths } from '../../../core/score/ledger-features.ts';
import { scoringLedgerOf } from '../../../core/score/load-ledger.ts';
import { parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import { card, rows, snapshot } from '../bureau/helpers.ts';

/** Two 招商银行 cards, each showing the ¥20,000 line as its limit, used ¥5,000 and ¥3,000 in 2026-06. */
function june(sharedLine: string | null) {
  const s = snapshot([
    card(1, { lender: '招商银行', limitFen: 2_000_000, sharedLine, months: rows('2026-01', 'N N N N N N', { creditUsedFen: 500_000 }) }),
    card(2, { lender: '招商银行', limitFen: 2_000_000, sharedLine, months: rows('2026-01', 'N N N N N N', { creditUsedFen: 300_000 }) }),
  ]);
  const ledger = scoringLedgerOf(s, buildBureauView(s, parseDay('2026-06-30')!));
  return bureauMonths(ledger, parseMonth('2026-06')!, 1)[0];
}

describe('the bureau-style use features and a shared line', () => {
  it('count the ¥20,000 line once when the cards share it, twice when they do not', () => {
    // Shared: one line of ¥20,000 (the same figure as the report's R2 total limit).
    expect(june('招行共享额度').point.limit).toBe(2_000_000);
    expect(june('招行共享额度').limit).toEqual({ low: 2_000_000, high: 2_000_000 });
    // Not marked shared: two lines, ¥40,000.
    expect(june(null).point.limit).toBe(4_000_000);
  });
});
