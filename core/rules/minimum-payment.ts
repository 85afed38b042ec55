// What a card's overdue amount is when its minimum payment is unknown. A card is overdue by the
// part of its minimum payment left unpaid after the due day, never by the whole bill (the
// repayment-status alphabet counts a card's overdue by missed minimum payments:
// docs/product/user-expectations.md#pboc-report-parsers: 1–7 "for cards, a missed minimum"). Where the
// user has not entered the minimum, or its rate, the ledger shows the unpaid minimum as a range
// between the rates banks commonly set, labelled as such. A convention, not regulation: data with
// its source and version, like the other rule tables.

export const MINIMUM_PAYMENT_VERSION = 'minimum-payment/2026-12-03';

export interface MinimumPaymentRange {
  /** The lowest and highest minimum-payment rate assumed, in basis points of the statement balance. */
  lowBp: number;
  highBp: number;
  source: string;
}

export const UNKNOWN_MINIMUM_RANGE: MinimumPaymentRange = {
  lowBp: 500,
  highBp: 1000,
  source:
    'minimum payment commonly 10% of the statement balance, some banks 5% (docs/domain/lender-heuristics.md#debt-to-income: the size of a minimum payment, banks differ, some count 5%); Credence assumes 5%–10% where the user has not entered it',
};

/** The unpaid minimum of a bill of `fullFen` whose minimum is unknown and of which nothing was paid: [low, high] fen. */
export function unknownMinimumRange(fullFen: number, rule: MinimumPaymentRange = UNKNOWN_MINIMUM_RANGE): [number, number] {
  return [Math.ceil((fullFen * rule.lowBp) / 10000), Math.ceil((fullFen * rule.highBp) / 10000)];
}
