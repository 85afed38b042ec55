// The bureau features, defined on monthly account history in the ledger's terms, so the same code
// computes them from the fitting file (via taiwan-dataset.ts) and, later, from a person's ledger.
//
// Input: the latest 6 months of a person's credit, month index 0 = the latest complete month.
// Across several accounts the ledger aggregates each month before calling this:
//   balance = Σ statement balances of revolving accounts (credit cards, Huabei, Baitiao, 月付 …)
//   limit   = Σ credit lines of those accounts
//   paid    = Σ payments towards the previous month's statements (the ledger matches each payment
//             to the bill it settles by due date; in the fitting file, PAY_AMTm settles BILL_AMT(m+1))
//   monthsLate = the worst status that month over every credit account, revolving or instalment
//                (PBOC status digit: N, *, C, M, #, / → 0; 1..7 → 1..7; B, G → 7; D, Z → 1)
// Nothing here depends on a currency: amounts only ever appear as ratios of each other.
// A month the ledger cannot tell (no statement seen, a month before the ledger's first row, no
// revolving account that month) carries NaN in that field. Every feature is then computed over
// the months it can read and stands for the six of the window: a count is the count among the
// known months scaled to the window (2 idle months of 2 known read as 6 of 6), an average is
// over the known months, the maximum over the known months, and a feature with no known month
// is null (scored at the population average). In the fitting file every month is known, so the
// scaling changes no fitted value. Lateness is never NaN: the ledger reads a month it cannot tell
// as not late and widens the range instead (ledger-features.ts).

import type { BureauFeatureName, BureauFeatureVector } from './bureau-scorecard.ts';

export type MonthState = 'no-use' | 'paid-in-full' | 'revolving' | 'late';

export interface CardMonth {
  /** Statement balance at the month's statement date (any currency; < 0 = a credit balance). */
  balance: number;
  /** Credit line that month, same currency; 0 or less = unknown. */
  limit: number;
  /** Paid towards the previous month's statement, same currency; NaN = not known. */
  paid: number;
  /** Months past due at the month's end: 0 = not late, else the PBOC status digit 1..7. */
  monthsLate: number;
  /**
   * Optional, not used by the model's features (only by the "considered" ones): the month's state.
   * The ledger would derive it as: late if monthsLate ≥ 1; no-use if the statement balance is 0
   * and nothing was spent; paid-in-full if the statement was paid in full by its due date;
   * revolving otherwise (a balance carried into the next month).
   */
  state?: MonthState;
}

export const HISTORY_MONTHS = 6;
export const HIGH_UTILISATION = 0.7;
export const LIGHT_USE = 0.02;
export const MAX_MONTHS_LATE = 7;

/** Throws unless the latest six months are given: every feature reads them all. */
export function checkHistory(months: readonly CardMonth[]): void {
  if (months.length < HISTORY_MONTHS) throw new Error(`bureau features need ${HISTORY_MONTHS} months of history, got ${months.length}`);
}

const lateOf = (m: CardMonth): number => Math.min(Math.max(Math.floor(m.monthsLate), 0), MAX_MONTHS_LATE);

/** Statement balance ÷ credit line, a credit balance counting as 0; NaN without a known line or balance. */
export function utilisation(m: CardMonth): number {
  return m.limit > 0 && !Number.isNaN(m.balance) ? Math.max(m.balance, 0) / m.limit : NaN;
}

/** The latest six months, index 0 = the latest. */
export function window6(months: readonly CardMonth[]): readonly CardMonth[] {
  checkHistory(months);
  return months.slice(0, HISTORY_MONTHS);
}

/**
 * Months of `values` that satisfy `test`, among those that are known (not NaN), scaled to `of`
 * months; NaN when none is known.
 */
export function scaledCount(values: readonly number[], test: (v: number) => boolean, of: number): number {
  let known = 0;
  let hits = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    known++;
    if (test(v)) hits++;
  }
  return known === 0 ? NaN : known === of ? hits : (hits * of) / known;
}

/** Months m = 0..4 whose previous statement (m + 1) was owing and that saw no payment: decided pairs only, scaled to 5. */
function monthsNoPayment(months: readonly CardMonth[]): number {
  checkHistory(months);
  const pairs = HISTORY_MONTHS - 1;
  let decided = 0;
  let hits = 0;
  for (let m = 0; m < pairs; m++) {
    const owing = months[m + 1]!.balance;
    const paid = months[m]!.paid;
    const paidKnown = !Number.isNaN(paid);
    if (!Number.isNaN(owing) && (owing <= 0 || paidKnown)) {
      decided++;
      if (owing > 0 && paid <= 0) hits++;
    } else if (paidKnown && paid > 0) decided++;
  }
  return decided === 0 ? NaN : decided === pairs ? hits : (hits * pairs) / decided;
}

export const FEATURE_FUNCTIONS: Record<BureauFeatureName, (months: readonly CardMonth[]) => number> = {
  worst_months_late_6m: (months) => Math.max(...window6(months).map(lateOf)),
  current_months_late: (months) => lateOf(window6(months)[0]!),
  months_late_6m: (months) => window6(months).filter((m) => lateOf(m) >= 1).length,
  months_no_payment_5m: monthsNoPayment,
  avg_payment_to_limit_6m: (months) => {
    const w = window6(months);
    const limit = w[0]!.limit;
    const paid = w.map((m) => m.paid).filter((v) => !Number.isNaN(v));
    return limit > 0 && paid.length > 0 ? paid.reduce((s, v) => s + Math.max(v, 0), 0) / (paid.length * limit) : NaN;
  },
  max_utilisation_6m: (months) => {
    const u = window6(months).map(utilisation).filter((v) => !Number.isNaN(v));
    return u.length > 0 ? Math.max(...u) : NaN;
  },
  months_high_utilisation_6m: (months) => scaledCount(window6(months).map(utilisation), (u) => u >= HIGH_UTILISATION, HISTORY_MONTHS),
  months_light_use_6m: (months) => scaledCount(window6(months).map(utilisation), (u) => u < LIGHT_USE, HISTORY_MONTHS),
  months_no_balance_6m: (months) => scaledCount(window6(months).map((m) => m.balance), (b) => b <= 0, HISTORY_MONTHS),
};

/** Every bureau feature of one person; NaN values become null (cannot be computed). */
export function computeBureauFeatures(months: readonly CardMonth[]): BureauFeatureVector {
  const out = {} as BureauFeatureVector;
  for (const name of Object.keys(FEATURE_FUNCTIONS) as BureauFeatureName[]) {
    const v = FEATURE_FUNCTIONS[name](months);
    out[name] = Number.isNaN(v) ? null : v;
  }
  return out;
}

