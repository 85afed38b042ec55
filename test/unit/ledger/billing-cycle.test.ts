// A card's month is its statement cycle, judged at the statement date (core/rules/billing-cycle.ts,
// docs/domain/pboc-report.md#billing-cycles), on hand-built ledgers whose answers are worked out
// beside them. Grace and tolerance: the card convention, 3 days and ¥10 (repayment-grace.ts).

import { describe, expect, it } from 'vitest';
import { CALENDAR_MONTH, STATEMENT_CYCLE } from '../../../core/rules/billing-cycle.ts';
import { DEFAULT_CARD_GRACE } from '../../../core/rules/repayment-grace.ts';
import { day, ev, grid, history } from './helpers.ts';

const AS_OF = day('2025-06-30');

/**
 * Card A: statement day 15, due day 5 (the Apr 15 bill is due May 5). Card B: statement day 12,
 * due day 30 (the Apr 12 bill is due Apr 30). Each: ¥1,000 spent on Apr 1, billed on the April
 * statement, repaid `late` days after its due day; opened Mar 1, every day observed.
 */
function card(statementDay: number, dueDay: number, due: string, late: number, cycle = STATEMENT_CYCLE) {
  const paid = day(due) + late;
  return history({
    statementDay,
    dueDay,
    openedDay: day('2025-03-01'),
    asOfDay: AS_OF,
    coverage: [day('2025-03-01'), AS_OF],
    grace: DEFAULT_CARD_GRACE,
    billingCycle: cycle,
    events: [ev('2025-04-01', 'charge', 1000), { day: paid, role: 'payment', fen: 100000, unconfirmed: false }],
  });
}

const dueOn5th = (late: number, cycle?: typeof STATEMENT_CYCLE) => card(15, 5, '2025-05-05', late, cycle);
const dueOn30th = (late: number, cycle?: typeof STATEMENT_CYCLE) => card(12, 30, '2025-04-30', late, cycle);

describe('the same lateness gives the same code wherever the due day falls', () => {
  it('2 days late: N on both cards (within the 3 grace days), reported at the statement that closes the cycle', () => {
    // A: cycles end on the 15th; May's cycle (Apr 16 – May 15) holds the May 5 due day, paid May 7 → N.
    // B: cycles end on the 12th; May's cycle (Apr 13 – May 12) holds the Apr 30 due day, paid May 2 → N.
    // March opens each card (*); April's cycle has nothing due (*); June's has the May bill of 0 (*).
    for (const c of [dueOn5th(2), dueOn30th(2)]) {
      expect(grid(c.rows)).toEqual(['2025-03 *', '2025-04 *', '2025-05 N', '2025-06 *']);
      expect(c.rows[2]).toMatchObject({ reason: 'paid_in_grace', daysPastDue: 0, overdueFen: 0 });
    }
  });

  it('5 days late: 1 on both cards, repaid before the statement date, nothing overdue left', () => {
    // A: paid May 10, after the grace days (May 6–8), before the May 15 statement → 1, 5 days late.
    // B: paid May 5, after the grace days (May 1–3), before the May 12 statement → 1, 5 days late.
    for (const c of [dueOn5th(5), dueOn30th(5)]) {
      expect(grid(c.rows)).toEqual(['2025-03 *', '2025-04 *', '2025-05 1', '2025-06 *']);
      expect(c.rows[2]).toMatchObject({ reason: 'repaid_late', daysPastDue: 5, overdueFen: 0 });
    }
  });

  it('a bill due on the 30th repaid 1 day late is on time by grace, not #', () => {
    const c = dueOn30th(1);
    expect(c.rows[2]).toMatchObject({ month: '2025-05', status: 'N', reason: 'paid_in_grace' });
  });

  it('still unpaid at the statement date: overdue by the days since the due day, the minimum unpaid', () => {
    // A with a 10% minimum: the ¥1,000 bill due May 5, never paid → at the May 15 statement 10
    // days past due → 1, the ¥100 minimum overdue (not the ¥1,000 bill).
    const c = history({
      statementDay: 15,
      dueDay: 5,
      openedDay: day('2025-03-01'),
      asOfDay: day('2025-05-31'),
      coverage: [day('2025-03-01'), day('2025-05-31')],
      grace: DEFAULT_CARD_GRACE,
      billingCycle: STATEMENT_CYCLE,
      minimumPaymentBp: 1000,
      events: [ev('2025-04-01', 'charge', 1000)],
    });
    expect(grid(c.rows)).toEqual(['2025-03 *', '2025-04 *', '2025-05 1']);
    expect(c.rows[2]).toMatchObject({ daysPastDue: 10, overdueFen: 10000 });
  });

  it('by calendar month (the old rule, and a loan’s), the same cards disagreed: M on one, # on the other', () => {
    // A: due May 5, paid May 10, before May 31 → M. B: due Apr 30, judged at Apr 30's end while
    // its grace days run into May → # (the report), and May is N.
    expect(grid(dueOn5th(5, CALENDAR_MONTH).rows)[2]).toBe('2025-05 M');
    expect(grid(dueOn30th(5, CALENDAR_MONTH).rows).slice(1, 3)).toEqual(['2025-04 #', '2025-05 N']);
  });
});

describe('the cycle in progress', () => {
  it('is walked for today’s balance but not shown until its statement date, so no month after today’s is a row', () => {
    // As of Jun 20 with statement day 15: June's cycle closed on Jun 15; the cycle of Jun 16 – Jul 15
    // is July's, not a row yet. The ¥50 spent on Jun 18 is in today's balance.
    const c = history({
      statementDay: 15,
      dueDay: 5,
      openedDay: day('2025-03-01'),
      asOfDay: day('2025-06-20'),
      coverage: [day('2025-03-01'), day('2025-06-20')],
      billingCycle: STATEMENT_CYCLE,
      events: [ev('2025-04-01', 'charge', 1000), ev('2025-05-04', 'payment', 1000), ev('2025-06-18', 'charge', 50)],
    });
    expect(grid(c.rows)).toEqual(['2025-03 *', '2025-04 *', '2025-05 N', '2025-06 *']);
    expect(c.balanceFen).toBe(5000);
  });
});
