// Month-by-month histories worked out by hand, one scenario per rule of
// docs/domain/pboc-report.md#repayment-status-codes.
// Every expected grid below is written from the dates and amounts in the test, as a person
// would fill in the 60-month grid: due date passed unpaid at month end → days past due → 1–7.

import { describe, expect, it } from 'vitest';
import { buildSchedule } from '../../../core/ledger/schedule.ts';
import { monthOfDay } from '../../../core/shared/calendar.ts';
import { column, day, ev, facts, grid, history } from './helpers.ts';

const CARD = { statementDay: 5, dueDay: 25 }; // bill issued on the 5th, due the 25th of the same month

describe('revolving account, statement day 5, due day 25', () => {
  const opened = day('2025-01-01');
  const coverage = [day('2025-01-01'), day('2025-06-30')];

  it('N when the bill is paid by the due day, * when nothing is due, 1 when the due day passes unpaid', () => {
    const { rows, nextDue, balanceFen } = history({
      ...CARD,
      asOfDay: day('2025-06-15'),
      openedDay: opened,
      coverage,
      events: [ev('2025-01-10', 'charge', 1000), ev('2025-02-10', 'charge', 500), ev('2025-02-20', 'payment', 1000), ev('2025-04-10', 'payment', 500)],
    });
    // Jan: opened, the Jan 5 statement is empty → *. Feb: 1,000 billed Feb 5, paid Feb 20 → N.
    // Mar: 500 billed Mar 5, unpaid on Mar 25 → 6 days past due at Mar 31 → 1.
    // Apr: Apr 10 pays it (the Apr 5 bill is the same 500, paid before Apr 25) → N. May, Jun: nothing billed → *.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 1', '2025-04 N', '2025-05 *', '2025-06 *']);
    expect(column(rows, 'statementBalanceFen')).toEqual([0, 100000, 50000, 50000, 0, 0]);
    expect(column(rows, 'amountPaidFen')).toEqual([0, 100000, 0, 50000, 0, 0]);
    expect(column(rows, 'daysPastDue')).toEqual([0, 0, 6, 0, 0, 0]);
    expect(column(rows, 'creditUsedFen')).toEqual([100000, 50000, 50000, 0, 0, 0]);
    expect(column(rows, 'dueOn')).toEqual(['2025-01-25', '2025-02-25', '2025-03-25', '2025-04-25', '2025-05-25', '2025-06-25']);
    expect(balanceFen).toBe(0);
    expect(nextDue).toEqual({ on: '2025-06-25', amountFen: null });
  });

  it('an unpaid bill ages a bucket per 30 days (1, 2, 3) until it is paid', () => {
    const { rows } = history({
      ...CARD,
      asOfDay: day('2025-06-30'),
      openedDay: opened,
      coverage,
      events: [ev('2025-02-10', 'charge', 500), ev('2025-06-10', 'payment', 500)],
    });
    // Due Mar 25: Mar 31 = 6 days, Apr 30 = 36, May 31 = 67; Jun 10 pays everything, before the Jun 25 due day.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 *', '2025-03 1', '2025-04 2', '2025-05 3', '2025-06 N']);
    expect(column(rows, 'daysPastDue')).toEqual([0, 0, 6, 36, 67, 0]);
  });

  it('today’s month is # while its statement is not out yet', () => {
    const { rows } = history({ statementDay: 20, dueDay: 28, asOfDay: day('2025-03-15'), openedDay: opened, coverage, events: [ev('2025-01-10', 'charge', 100), ev('2025-01-25', 'payment', 100)] });
    expect(grid(rows)).toEqual(['2025-01 N', '2025-02 *', '2025-03 #']);
    expect(rows[2].reason).toBe('not_yet_due');
  });
});

describe('revolving account, statement day 20, due day 8 of the next month', () => {
  it('M when paid after the due day but before the month ends', () => {
    const { rows } = history({
      statementDay: 20,
      dueDay: 8,
      asOfDay: day('2025-03-31'),
      openedDay: day('2025-01-01'),
      coverage: [day('2025-01-01'), day('2025-03-31')],
      events: [ev('2025-01-10', 'charge', 300), ev('2025-02-12', 'payment', 300)],
    });
    // Jan 20 bill of 300 falls due Feb 8; paid Feb 12 → M. Feb 20 bill is empty → Mar *.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 M', '2025-03 *']);
    expect(column(rows, 'statementBalanceFen')).toEqual([30000, 0, 0]);
    expect(column(rows, 'amountDueFen')).toEqual([0, 30000, 0]);
  });
});

describe('partial payments (Huabei-like: statement day 1, due day 10)', () => {
  const base = {
    statementDay: 1,
    dueDay: 10,
    asOfDay: day('2025-03-31'),
    openedDay: day('2025-01-01'),
    coverage: [day('2025-01-01'), day('2025-03-31')],
  };

  it('# when part of the bill is paid and the minimum payment is unknown; paying in full settles it', () => {
    const { rows } = history({ ...base, events: [ev('2025-01-15', 'charge', 1000), ev('2025-02-09', 'payment', 100), ev('2025-03-05', 'payment', 900)] });
    // Feb: 100 of 1,000 by Feb 10 → whether that met the minimum is unknown → #.
    // Mar: the Mar 1 statement is 900, paid in full on Mar 5 → N (paying the statement balance clears everything).
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 #', '2025-03 N']);
    expect(rows[1].reason).toBe('partial_payment');
  });

  it('N when the known minimum (10%) is paid', () => {
    const { rows } = history({ ...base, minimumPaymentBp: 1000, events: [ev('2025-01-15', 'charge', 1000), ev('2025-02-09', 'payment', 100), ev('2025-03-05', 'payment', 900)] });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 N']);
    expect(column(rows, 'minimumDueFen')).toEqual([0, 10000, 9000]); // the empty Jan 1 bill's minimum is 0
  });

  it('1 when nothing at all is paid: any minimum is more than nothing', () => {
    const { rows } = history({ ...base, events: [ev('2025-01-15', 'charge', 1000)] });
    // Due Feb 10, Feb 28 = 18 days; Mar 31 = 49 days.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 1', '2025-03 2']);
  });
});

describe('what the data cannot tell is #', () => {
  it('no statement day: every month #, with the repayments still counted', () => {
    const { rows } = history({ asOfDay: day('2025-03-31'), events: [ev('2025-01-15', 'charge', 10), ev('2025-02-09', 'payment', 10)] });
    expect(grid(rows)).toEqual(['2025-01 #', '2025-02 #', '2025-03 #']);
    expect(column(rows, 'reason')).toEqual(['no_statement_day', 'no_statement_day', 'no_statement_day']);
    expect(column(rows, 'amountPaidFen')).toEqual([0, 1000, 0]);
  });

  it('no opening balance: the months are # even with statement and due days', () => {
    const { rows } = history({ ...CARD, asOfDay: day('2025-02-28'), coverage: [day('2025-01-01'), day('2025-02-28')], events: [ev('2025-01-15', 'charge', 10), ev('2025-02-09', 'payment', 10)] });
    expect(grid(rows)).toEqual(['2025-01 #', '2025-02 #']);
    expect(rows[0].reason).toBe('balance_unknown');
  });

  it('a month no export covers breaks the chain until a bill is paid in full again', () => {
    const { rows } = history({
      ...CARD,
      asOfDay: day('2025-05-31'),
      openedDay: day('2025-01-01'),
      coverage: [day('2025-01-01'), day('2025-02-28'), day('2025-04-01'), day('2025-05-31')],
      facts: facts({ '2025-05': { amountDueFen: 20000 } }),
      events: [ev('2025-01-10', 'charge', 1000), ev('2025-02-20', 'payment', 1000), ev('2025-05-20', 'payment', 200)],
    });
    // March is not covered: the Mar 5 statement is unknown, so is April's. May: the user's
    // statement says 200 due, paid in full on May 20 → N.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 #', '2025-04 #', '2025-05 N']);
    expect(rows[2].reason).toBe('not_observed');
  });

  it('an export that shows only some events (partial source) still proves a bill paid in full', () => {
    const { rows } = history({
      ...CARD,
      asOfDay: day('2025-04-30'),
      facts: facts({ '2025-03': { amountDueFen: 50000 } }),
      events: [ev('2025-03-02', 'charge', 20), ev('2025-03-20', 'payment', 500)],
    });
    expect(grid(rows)).toEqual(['2025-03 N', '2025-04 #']);
  });
});

describe('the user’s own month facts', () => {
  it('a status typed in from the report wins and is marked manual', () => {
    const { rows } = history({ ...CARD, asOfDay: day('2025-02-28'), events: [ev('2025-01-15', 'charge', 10)], facts: facts({ '2025-01': { status: 'N' }, '2025-02': { status: '1' } }) });
    expect(grid(rows)).toEqual(['2025-01 N', '2025-02 1']);
    expect(column(rows, 'statusSource')).toEqual(['manual', 'manual']);
  });

  it('amount paid entered by hand counts as paid on the due day', () => {
    const { rows } = history({
      ...CARD,
      asOfDay: day('2025-02-28'),
      openedDay: day('2025-01-01'),
      coverage: [day('2025-01-01'), day('2025-02-28')],
      events: [ev('2025-01-10', 'charge', 400)],
      facts: facts({ '2025-02': { amountPaidFen: 40000 } }),
    });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N']);
    expect(rows[1].amountPaidFen).toBe(40000);
  });
});

describe('instalments (分期) on a card', () => {
  it('bill one period of principal and fee per statement; the limit used holds the rest', () => {
    const { rows } = history({
      ...CARD,
      asOfDay: day('2025-04-30'),
      openedDay: day('2025-01-01'),
      coverage: [day('2025-01-01'), day('2025-04-30')],
      installments: [{ firstMonth: monthOfDay(day('2025-02-01')), principalFen: 300000, feeFen: 9000, periods: 3 }],
      events: [ev('2025-01-10', 'charge', 3000), ev('2025-02-20', 'payment', 1030), ev('2025-03-20', 'payment', 1030), ev('2025-04-20', 'payment', 1030)],
    });
    // 3,000 in 3 periods with 90 fee: 1,000 + 30 on each of the Feb, Mar and Apr statements.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 N', '2025-04 N']);
    expect(column(rows, 'statementBalanceFen')).toEqual([0, 103000, 103000, 103000]);
    expect(column(rows, 'creditUsedFen')).toEqual([300000, 200000, 100000, 0]);
  });
});

describe('loans', () => {
  const opened = day('2025-01-15');
  const schedule = buildSchedule({ principalFen: 1200000, openDay: opened, openMonth: monthOfDay(opened), termMonths: 12, method: 'equal_installment', annualRateBp: 0, dueDay: 15 })!;
  const coverage = [day('2025-01-01'), day('2026-03-31')];
  const monthly = (dates: string[]) => dates.map((date) => ev(date, 'payment', 1000));

  it('N each month paid on the 15th, M when paid late in the month, C when the last instalment is paid', () => {
    const dates = ['02-15', '03-15', '04-15', '05-15', '06-20', '07-15', '08-15', '09-15', '10-15', '11-15', '12-15'].map((d) => `2025-${d}`);
    const { rows, settledDay } = history({
      kind: 'loan',
      asOfDay: day('2026-03-31'),
      openedDay: opened,
      principalFen: 1200000,
      schedule,
      coverage,
      events: [ev('2025-01-15', 'disbursement', 12000), ...monthly([...dates, '2026-01-14'])],
    });
    expect(grid(rows)).toEqual([
      '2025-01 *', '2025-02 N', '2025-03 N', '2025-04 N', '2025-05 N', '2025-06 M', '2025-07 N',
      '2025-08 N', '2025-09 N', '2025-10 N', '2025-11 N', '2025-12 N', '2026-01 C',
    ]);
    expect(settledDay).toBe(day('2026-01-14'));
    expect(column(rows, 'creditUsedFen').slice(0, 3)).toEqual([1200000, 1100000, 1000000]);
    expect(column(rows, 'amountDueFen').slice(0, 3)).toEqual([0, 100000, 100000]);
  });

  it('1 for a missed instalment, N again when it is made up with the next one', () => {
    const { rows } = history({
      kind: 'loan',
      asOfDay: day('2025-05-31'),
      openedDay: opened,
      principalFen: 1200000,
      schedule,
      coverage,
      events: [ev('2025-02-15', 'payment', 1000), ev('2025-04-15', 'payment', 2000), ev('2025-05-15', 'payment', 1000)],
    });
    // Mar 15 unpaid → Mar 31 = 16 days → 1; Apr 15 pays March and April.
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 1', '2025-04 N', '2025-05 N']);
  });

  it('C when repaid early: what is due plus the principal still outstanding', () => {
    const principal = 600000;
    const early = buildSchedule({ principalFen: principal, openDay: opened, openMonth: monthOfDay(opened), termMonths: 6, method: 'equal_installment', annualRateBp: 1200, dueDay: 15 })!;
    const first = early[0];
    const { rows } = history({
      kind: 'loan',
      asOfDay: day('2025-06-30'),
      openedDay: opened,
      principalFen: principal,
      schedule: early,
      coverage,
      events: [ev('2025-02-15', 'payment', first.amountFen / 100), ev('2025-03-01', 'payment', (principal - first.principalFen) / 100)],
    });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 N', '2025-03 C']);
  });

  it('a draw whose terms are unknown: * in its first month, then # (no loan terms)', () => {
    const { rows } = history({ kind: 'draw', asOfDay: day('2025-03-31'), openedDay: opened, principalFen: 500000, coverage, events: [ev('2025-01-15', 'disbursement', 5000)] });
    expect(grid(rows)).toEqual(['2025-01 *', '2025-02 #', '2025-03 #']);
    expect(column(rows, 'reason')).toEqual(['opened', 'no_loan_terms', 'no_loan_terms']);
  });
});

describe('schedules', () => {
  it('equal instalments repay the principal to the fen', () => {
    const s = buildSchedule({ principalFen: 500000, openDay: day('2026-07-20'), openMonth: monthOfDay(day('2026-07-20')), termMonths: 12, method: 'equal_installment', annualRateBp: 1095, dueDay: 20 })!;
    expect(s).toHaveLength(12);
    expect(s.reduce((sum, i) => sum + i.principalFen, 0)).toBe(500000);
    expect(s[0].amountFen).toBe(44179); // 5,000 at 10.95%/12 over 12 months: 441.79 a month (441.7917 by hand)
    expect(s.map((i) => i.dueMonth - s[0].dueMonth)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('equal principal, interest first, bullet; none for flexible repayment', () => {
    const terms = { principalFen: 120000, openDay: day('2025-01-31'), openMonth: monthOfDay(day('2025-01-31')), termMonths: 3, annualRateBp: 1200, dueDay: 31 };
    expect(buildSchedule({ ...terms, method: 'equal_principal' })!.map((i) => i.amountFen)).toEqual([41200, 40800, 40400]);
    expect(buildSchedule({ ...terms, method: 'interest_first' })!.map((i) => i.amountFen)).toEqual([1200, 1200, 121200]);
    const bullet = buildSchedule({ ...terms, method: 'bullet' })!;
    expect(bullet.map((i) => i.amountFen)).toEqual([123600]);
    expect(bullet[0].dueDay).toBe(day('2025-04-30')); // day 31 of April is April 30
    expect(buildSchedule({ ...terms, method: 'flexible' })).toBeNull();
  });
});
