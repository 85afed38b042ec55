// When a revolving account's statement and due day can be read off its repayments, and how
// (core/ledger/bill-day-inference.ts applies it; the checklist shows the result labelled
// "inferred", for the user to confirm in one click). Data with its reasoning and version: a
// change here changes which accounts get a suggestion, never a stored value.
//
// Why repayments: an export shows when the user paid, never the bill's dates. People who pay on
// time pay on or before the due day, and automatic repayment (自动还款) runs on it, so the days
// a habitual payer repays cluster just before or on the due day. The latest day of that cluster
// is the earliest the due day can be; the statement day is then the product's usual gap before.

export const BILL_DAY_INFERENCE_VERSION = 'bill-day-inference/2026-12-03';

export interface InferenceThreshold {
  value: number;
  why: string;
}

export const BILL_DAY_INFERENCE: { minMonths: InferenceThreshold; clusterDays: InferenceThreshold; minShare: InferenceThreshold } = {
  minMonths: {
    value: 4,
    why: 'four months with a repayment: one or two bills paid on the same day can be chance; four is a habit that a due day explains',
  },
  clusterDays: {
    value: 2,
    why: 'repayments spread over the two days before the due day (a weekend, the day salary arrives); a wider window would also catch a mid-cycle paydown',
  },
  minShare: {
    value: 0.75,
    why: 'three of every four months inside the cluster: a late month, or an extra paydown, does not hide the pattern, but a person who pays on random days gets no suggestion',
  },
};

export interface StatementGap {
  product: 'huabei' | 'baitiao' | 'meituan_yuefu' | 'credit_card';
  /** A card issuer whose gap differs from the card convention (core/shared/platforms.ts bank names). */
  bank?: string;
  /** Days from the statement day to the due day. */
  days: number;
  source: string;
}

/** The usual days from statement to due day, most specific first ([convention]: editable by confirming other days). */
export const STATEMENT_TO_DUE: readonly StatementGap[] = [
  { product: 'huabei', days: 9, source: '[convention] Huabei bills on the 1st and is due on the 10th (花呗 账单日每月1日、还款日每月10日, the app\u2019s own 账单 page)' },
  { product: 'baitiao', days: 9, source: '[convention, unverified] JD Baitiao: due 9 days after its 出账日 in the examples seen; read the real days in 白条 → 账单' },
  { product: 'meituan_yuefu', days: 9, source: '[convention, unverified] Meituan 月付: the same 1st/10th pattern as Huabei in the examples seen' },
  { product: 'credit_card', bank: '招商银行', days: 18, source: '[convention] CMB cards: 还款日 = 账单日 + 18 days (the card\u2019s 免息期 of up to 50 days)' },
  { product: 'credit_card', bank: '工商银行', days: 25, source: '[convention] ICBC cards: 还款日 = 账单日 + 25 days (up to 56 days interest-free)' },
  { product: 'credit_card', days: 20, source: '[convention] most card issuers put the due day 18 to 25 days after the statement day; 20 is the middle' },
];

export function statementGapFor(product: string, bank: string | null): StatementGap | null {
  return STATEMENT_TO_DUE.find((g) => g.product === product && g.bank !== undefined && g.bank === bank) ?? STATEMENT_TO_DUE.find((g) => g.product === product && g.bank === undefined) ?? null;
}
