import { describe, expect, it } from 'vitest';
import { computeBureauFeatures, type CardMonth } from '../../../core/score/bureau-features.ts';
import { parseTaiwanTsv, statusToMonth, toCardMonths } from '../../../core/score-fit/taiwan-dataset.ts';
import { BUREAU_FEATURE_NAMES } from '../../../core/score/bureau-scorecard.ts';

const month = (balance: number, paid: number, monthsLate = 0, limit = 10_000): CardMonth => ({ balance, limit, paid, monthsLate });

describe('bureau features from monthly history (index 0 = latest month)', () => {
  const history: CardMonth[] = [
    month(500, 0, 2), // latest: 2 months late, nothing paid against last month's 9,000
    month(9_000, 300, 1),
    month(7_500, 0),
    month(100, 100),
    month(0, 0),
    month(-50, 200), // a credit balance
  ];

  it('computes every feature as defined', () => {
    expect(computeBureauFeatures(history)).toEqual({
      worst_months_late_6m: 2,
      current_months_late: 2,
      months_late_6m: 2,
      months_no_payment_5m: 2, // months 1 and 3: previous statement 9,000 and 100 owing, nothing paid
      avg_payment_to_limit_6m: 600 / 60_000,
      max_utilisation_6m: 0.9,
      months_high_utilisation_6m: 2, // 90% and 75%
      months_light_use_6m: 3, // 1%, 0 and a credit balance
      months_no_balance_6m: 2,
    });
    expect(Object.keys(computeBureauFeatures(history)).sort()).toEqual([...BUREAU_FEATURE_NAMES].sort());
  });

  it('is currency-neutral: the same history in another currency gives the same features', () => {
    const inCny = history.map((m) => ({ ...m, balance: m.balance * 0.2257, limit: m.limit * 0.2257, paid: m.paid * 0.2257 }));
    const a = computeBureauFeatures(history);
    const b = computeBureauFeatures(inCny);
    for (const name of BUREAU_FEATURE_NAMES) expect(b[name]).toBeCloseTo(a[name]!, 12);
  });

  it('leaves line-based ratios null without a known credit line, and caps lateness at 7 (PBOC digit)', () => {
    const noLine = history.map((m) => ({ ...m, limit: 0, monthsLate: 9 }));
    const f = computeBureauFeatures(noLine);
    expect(f.max_utilisation_6m).toBeNull();
    expect(f.avg_payment_to_limit_6m).toBeNull();
    // Use counts read utilisation: with no known line no month is known, so they are null (scored at
    // the population average and widened by the range), never 0 months, which is the best bin (issue 11 item 13).
    expect(f.months_light_use_6m).toBeNull();
    expect(f.months_high_utilisation_6m).toBeNull();
    expect(f.months_no_balance_6m).toBe(2);
    expect(f.worst_months_late_6m).toBe(7);
    expect(f.current_months_late).toBe(7);
  });

  it('counts a month the ledger cannot tell (NaN) in no month count, each count scaled from the known months to the window', () => {
    const unknown = history.map((m, i) => (i === 1 ? { ...m, balance: NaN, paid: NaN } : m));
    const f = computeBureauFeatures(unknown);
    // Pairs (payment in m, statement m + 1): m = 0 (statement unknown, nothing paid) and m = 1 (payment
    // unknown against 7,500) are undecided; m = 2 (100 owing, nothing paid) is one; m = 3, 4 (nothing
    // owing) are not: 1 of 3 decided pairs, scaled to 5 = 5/3.
    expect(f.months_no_payment_5m).toBeCloseTo(5 / 3, 12);
    expect(f.max_utilisation_6m).toBe(0.75);
    // Utilisation known in 5 months (5%, 75%, 1%, 0, 0): one high (75%) → 6/5; three light (1%, 0, 0) → 18/5.
    expect(f.months_high_utilisation_6m).toBeCloseTo(6 / 5, 12);
    expect(f.months_light_use_6m).toBeCloseTo(18 / 5, 12);
    // Paid known in 5 months: 0 + 0 + 100 + 0 + 200 = 300 over 5 × 10,000.
    expect(f.avg_payment_to_limit_6m).toBeCloseTo(300 / 50_000, 12);
    expect(computeBureauFeatures(history.map((m, i) => (i === 3 ? { ...m, monthsLate: NaN } : m))).worst_months_late_6m).toBeNull();
  });

  it('needs six months of history', () => {
    expect(() => computeBureauFeatures(history.slice(0, 5))).toThrow(/6 months/);
  });
});

describe('the Taiwan file restated as ledger months', () => {
  const header = [
    'ID', 'LIMIT_BAL', 'SEX', 'EDUCATION', 'MARRIAGE', 'AGE',
    'PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6',
    'BILL_AMT1', 'BILL_AMT2', 'BILL_AMT3', 'BILL_AMT4', 'BILL_AMT5', 'BILL_AMT6',
    'PAY_AMT1', 'PAY_AMT2', 'PAY_AMT3', 'PAY_AMT4', 'PAY_AMT5', 'PAY_AMT6',
    'default payment next month',
  ].join('\t');
  // Row 1 of the real file.
  const row1 = '1\t20000\t2\t2\t1\t24\t2\t2\t-1\t-1\t-2\t-2\t3913\t3102\t689\t0\t0\t0\t0\t689\t0\t0\t0\t0\t1';

  it('reads a row and maps PAY codes: −2/−1/0 are not late, k ≥ 1 is k months late', () => {
    const [row] = parseTaiwanTsv(`${header}\r\n${row1}\r\n`);
    expect(row).toMatchObject({ id: 1, limitBal: 20_000, age: 24, defaulted: 1, status: [2, 2, -1, -1, -2, -2] });
    const months = toCardMonths(row!);
    expect(months[0]).toEqual({ balance: 3913, limit: 20_000, paid: 0, monthsLate: 2, state: 'late' });
    expect(months[2]).toEqual({ balance: 689, limit: 20_000, paid: 0, monthsLate: 0, state: 'paid-in-full' });
    expect(months[4]!.state).toBe('no-use');
    expect(statusToMonth(0)).toEqual({ state: 'revolving', monthsLate: 0 });
    expect(statusToMonth(8)).toEqual({ state: 'late', monthsLate: 8 });
    const f = computeBureauFeatures(months);
    expect(f.worst_months_late_6m).toBe(2);
    expect(f.months_late_6m).toBe(2);
    // PAY_AMT2 = 689 settles BILL_AMT3 = 689; PAY_AMT1 = 0 against BILL_AMT2 = 3,102.
    expect(f.months_no_payment_5m).toBe(1);
  });

  it('rejects a file with a missing column or an impossible status', () => {
    expect(() => parseTaiwanTsv(`${header.replace('PAY_4', 'PAY_X')}\n${row1}\n`)).toThrow(/PAY_4/);
    expect(() => parseTaiwanTsv(`${header}\n${row1.replace('\t2\t2\t-1', '\t-3\t2\t-1')}\n`)).toThrow(/PAY_0 = -3/);
    expect(() => parseTaiwanTsv(`${header}\n${row1.replace(/\t1$/, '\t2')}\n`)).toThrow(/target/);
  });
});
