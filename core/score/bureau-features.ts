// The bureau features, defined on monthly account history in the ledger's terms, so the same code
// computes them from the fitting file (via taiwan-dataset.ts) and, later, from a person's ledger.
//
// Input: the latest 6 months of a person's credit, month index 0 = the latest complete month.
// Across several accounts the ledger aggregates each month before calling this:
//   balance = Σ statement balances of revolving accounts (credit cards, Huabei, Baitiao, 月付 …)
//   limit   = Σ credit lines of those accounts
//   paid    = Σ payments made to those accounts during the month (they settle the previous statement)
//   monthsLate = the worst status that month over every credit account, revolving or instalment
//                (PBOC status digit: N, *, C, M, #, / → 0; 1..7 → 1..7; B, G → 7; D, Z → 1)
// Nothing here depends on a currency: amounts only ever appear as ratios of each other.
// A month the ledger cannot tell (no statement seen, unknown payment) carries NaN in that field:
// it then counts in no month count, is skipped by the maximum utilisation, and makes the payment
// ratio null (scored at the population average). An unknown status makes the segment feature
// null, and the scorer refuses to score without it.

import type { BureauFeatureName, BureauFeatureVector } from './bureau-scorecard.ts';

export type MonthState = 'no-use' | 'paid-in-full' | 'revolving' | 'late';

export interface CardMonth {
  /** Statement balance at the month's statement date (any currency; < 0 = a credit balance). */
  balance: number;
  /** Credit line that month, same currency; 0 or less = unknown. */
  limit: number;
  /** Paid during the month (towards the previous statement), same currency. */
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

/** Statement balance ÷ credit line, a credit balance counting as 0; NaN without a known line. */
export function utilisation(m: CardMonth): number {
  return m.limit > 0 ? Math.max(m.balance, 0) / m.limit : NaN;
}

/** The latest six months, index 0 = the latest. */
export function window6(months: readonly CardMonth[]): readonly CardMonth[] {
  checkHistory(months);
  return months.slice(0, HISTORY_MONTHS);
}

export const FEATURE_FUNCTIONS: Record<BureauFeatureName, (months: readonly CardMonth[]) => number> = {
  worst_months_late_6m: (months) => Math.max(...window6(months).map(lateOf)),
  current_months_late: (months) => lateOf(window6(months)[0]!),
  months_late_6m: (months) => window6(months).filter((m) => lateOf(m) >= 1).length,
  months_no_payment_5m: (months) => {
    checkHistory(months);
    let n = 0;
    for (let m = 0; m < HISTORY_MONTHS - 1; m++) if (months[m + 1]!.balance > 0 && months[m]!.paid <= 0) n++;
    return n;
  },
  avg_payment_to_limit_6m: (months) => {
    const w = window6(months);
    const limit = w[0]!.limit;
    return limit > 0 ? w.reduce((s, m) => s + Math.max(m.paid, 0), 0) / (HISTORY_MONTHS * limit) : NaN;
  },
  max_utilisation_6m: (months) => {
    const u = window6(months).map(utilisation).filter((v) => !Number.isNaN(v));
    return u.length > 0 ? Math.max(...u) : NaN;
  },
  months_high_utilisation_6m: (months) => window6(months).filter((m) => utilisation(m) >= HIGH_UTILISATION).length,
  months_light_use_6m: (months) => window6(months).filter((m) => utilisation(m) < LIGHT_USE).length,
  months_no_balance_6m: (months) => window6(months).filter((m) => m.balance <= 0).length,
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

