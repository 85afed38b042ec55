/**
 * How the debt-to-income rule (lender-heuristics.ts, rule debt_to_income) counts each account's
 * monthly debt, as a versioned table. A card bill paid in full each month is not a monthly
 * obligation of its whole amount: a revolving line counts a share of the balance in use, and a
 * loan its instalment (本月应还款). No source in docs/domain gives that share (the pages behind the
 * rule give the ratio's limits, not how a card is counted), so 10%, the size of a common minimum
 * payment, is Credence's own default, flagged as such wherever it is shown.
 */
export const DEBT_TO_INCOME_VERSION = '2026-12-03.2';

export interface DebtToIncomeConvention {
  /** Share of a revolving account's credit in use counted as monthly debt. */
  revolvingShareOfUsed: number;
  /** False: no source gives this figure; it is the project's own default. */
  sourced: boolean;
  source: string;
}

export const DEBT_TO_INCOME: DebtToIncomeConvention = {
  revolvingShareOfUsed: 0.1,
  sourced: false,
  source: 'Credence default, not a cited figure: 10% of a revolving line’s balance in use, the size of a common minimum payment (docs/domain/lender-heuristics.md#debt-to-income); banks differ, edit it',
};
