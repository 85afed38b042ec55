// A card's overdue amount is the unpaid minimum payment, never the whole bill (month-close.ts,
// core/rules/minimum-payment.ts), on hand-built ledgers. Card: statement day 5, due day 25 of
// the same month; a ¥4,500.01 charge on Jan 10 is billed Feb 5 and due Feb 25.

import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../core/bureau/report.ts';
import type { GraceRule } from '../../../core/rules/repayment-grace.ts';
import { card, snapshot } from '../bureau/helpers.ts';
import { day, ev, grid, history } from './helpers.ts';
import { monthOfDay } from '../../../core/shared/calendar.ts';

const CARD = { statementDay: 5, dueDay: 25, openedDay: day('2025-01-01'), coverage: [day('2025-01-01'), day('2025-02-28')], asOfDay: day('2025-02-28') };
const CONVENTION: GraceRule = { graceDays: 3, toleranceFen: 1000, source: 'test: the card convention (3 days, ¥10)' };
const BILL = 4500.01;

function cardWith(paidYuan: number | null, minimumPaymentBp: number | null, grace?: GraceRule) {
  const events = [ev('2025-01-10', 'charge', BILL)];
  if (paidYuan !== null) events.push(ev('2025-02-20', 'payment', paidYuan));
  return history({ ...CARD, minimumPaymentBp, grace, events });
}

function currentOverdue(rows: ReturnType<typeof history>['rows']) {
  const report = buildReport(snapshot([card(1, { months: rows })]), '2025-02-28');
  return report.lenderView.find((r) => r.ruleId === 'current_overdue')!;
}

describe('the overdue amount of a card is its unpaid minimum', () => {
  it('¥10.01 short of a ¥450.01 minimum, beyond the ¥10 tolerance: overdue ¥10.01, not the ¥4,500.01 bill', () => {
    // Minimum 10% of 450,001 fen = 45,000.1 → 45,001 fen (rounded up). Paid 44,000 → 1,001 short,
    // 1 fen more than the 1,000 fen tolerance → missed; at Feb 28, 3 days past Feb 25 → 1.
    const { rows } = cardWith(440, 1000, CONVENTION);
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 1']);
    expect(rows[1]).toMatchObject({ overdueFen: 1001, overdueRangeFen: null, daysPastDue: 3 });
    const rule = currentOverdue(rows);
    // The lender's "any current overdue" veto reports the shortfall, and fails on it.
    expect(rule.figure.value).toBe(1001);
    expect(rule.status).toBe('fail');
  });

  it('exactly ¥10.00 short is within the tolerance: on time, nothing overdue', () => {
    const { rows } = cardWith(440.01, 1000, CONVENTION);
    expect(rows[1]).toMatchObject({ status: 'N', reason: 'paid_in_grace', overdueFen: 0 });
    expect(currentOverdue(rows).figure.value).toBe(0);
  });

  it('with no tolerance, 1 fen short of the minimum is an overdue of 1 fen', () => {
    const { rows } = cardWith(450, 1000);
    expect(rows[1]).toMatchObject({ status: '1', overdueFen: 1 });
    expect(currentOverdue(rows).figure.value).toBe(1);
  });

  it('a minimum the user never gave: nothing paid → the unpaid minimum as a range of 5%–10% of the bill', () => {
    // 5% of 450,001 = 22,500.05 → 22,501; 10% → 45,001 (both rounded up). Surely overdue: the low end.
    const { rows } = cardWith(null, null, CONVENTION);
    expect(rows[1]).toMatchObject({ status: '1', overdueFen: null, overdueRangeFen: [22501, 45001] });
    const rule = currentOverdue(rows);
    expect([rule.figure.value, rule.figure.range]).toEqual([22501, [22501, 45001]]);
    expect(rule.status).toBe('fail');
  });

  it('a loan instalment missed is overdue by the instalment less what was paid', () => {
    // Loan of ¥1,200 opened Jan 1, 12 instalments of ¥100 due on the 1st from Feb 1; ¥30 paid on
    // Feb 1 → ¥70 overdue at Feb 28 (27 days → 1).
    const schedule = Array.from({ length: 12 }, (_, i) => {
      const due = day(i < 11 ? `2025-${String(i + 2).padStart(2, '0')}-01` : '2026-01-01');
      return { dueDay: due, dueMonth: monthOfDay(due), amountFen: 10000, principalFen: 10000 };
    });
    const { rows } = history({ kind: 'loan', asOfDay: day('2025-02-28'), openedDay: day('2025-01-01'), principalFen: 120000, schedule, coverage: [day('2025-01-01'), day('2025-02-28')], events: [ev('2025-02-01', 'payment', 30)] });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 1']);
    expect(rows[1].overdueFen).toBe(7000);
  });
});
