/**
 * How the debt-to-income rule (lender-heuristics.ts, rule debt_to_income) counts each account's
 * monthly debt, as a versioned table. A card bill paid in full each month is not a monthly
 * obligation of its whole amount: lenders count a revolving line as a share of the balance in use
 * (the minimum payment a bank could demand, commonly cited as 10%), and a loan as its instalment
 * (本月应还款). The share is a convention, not regulation; banks differ, so it is a default to edit.
 */
export const DEBT_TO_INCOME_VERSION = '2026-12-03.1';

export interface DebtToIncomeConvention {
  /** Share of a revolving account's credit in use counted as monthly debt. */
  revolvingShareOfUsed: number;
  /** Other shares the sources cite, for the user who edits it. */
  alternatives: string;
  sources: readonly string[];
}

export const DEBT_TO_INCOME: DebtToIncomeConvention = {
  revolvingShareOfUsed: 0.1,
  alternatives: 'Minimum-payment convention: 10% of the balance in use (docs/domain/lender-heuristics.md#debt-to-income); some banks count 5% or the full statement.',
  sources: ['docs/domain/lender-heuristics.md#debt-to-income', 'https://www.51kanong.com/xyk-12070103-1.htm'],
};
