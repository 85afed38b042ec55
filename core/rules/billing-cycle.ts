// When an account's month is judged: a card's (and Huabei's, Baitiao's, 月付's) month is its
// statement cycle, reported at its statement date; a loan's is the calendar month. The history pass
// (core/ledger/history/) reads the rule of the account's product. Data with its source and version.
//
// Why a cycle: the report dates a card's latest month by its settlement date (PD01C CR02 结算/应还款日,
// docs/domain/pboc-report.md#account-fields), has a code for a month whose statement date moved
// and that had no statement (A), and counts a card's overdue in missed minimum payments
// (docs/product/user-expectations.md#pboc-report-parsers). A card's month therefore runs from
// one statement date to the next, and each cycle holds exactly one due date: the same lateness
// gives the same code wherever the due day falls in the calendar month.

import type { AccountKind } from '../shared/ledger-vocabulary.ts';

export const BILLING_CYCLE_VERSION = 'billing-cycle/2026-12-03';

export interface BillingCycleRule {
  /** Where the account's month ends and is judged: its statement date, or the calendar month's last day. */
  judgedAt: 'statement_date' | 'month_end';
  /**
   * A repayment after the grace days but before the month is judged: reported as overdue by the
   * days it was late (`overdue`), or as M, "paid after the due date but before the month's end".
   */
  lateRepaidBeforeJudged: 'overdue' | 'M';
  source: string;
}

export const STATEMENT_CYCLE: BillingCycleRule = {
  judgedAt: 'statement_date',
  lateRepaidBeforeJudged: 'overdue',
  source:
    'docs/domain/pboc-report.md#billing-cycles: a card reports at its statement date (CR02 结算日, code A); a repayment past the due date and its grace days (core/rules/repayment-grace.ts) is a missed minimum of that cycle, overdue by the days it was late (1 = 1–30 days), not M',
};

export const CALENDAR_MONTH: BillingCycleRule = {
  judgedAt: 'month_end',
  lateRepaidBeforeJudged: 'M',
  source: 'docs/domain/pboc-report.md#repayment-status-codes: a loan is observed monthly (note 10); M = paid after the due date but before the month’s end',
};

/** A revolving account (card, Huabei, Baitiao, 月付) is billed by statement: its month is the cycle, once its statement and due day are known. Loans, lines and draws: the calendar month. */
export function billingCycleRuleFor(kind: AccountKind): BillingCycleRule {
  return kind === 'revolving' ? STATEMENT_CYCLE : CALENDAR_MONTH;
}
