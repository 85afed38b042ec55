// An obligation: one amount the account owes by a due day, a revolving account's bill
// (obligations-revolving.ts) or a loan's instalment (obligations-loan.ts). Payments go to the
// oldest unpaid one first (payments.ts); its due day judges it (due-check.ts).

export interface Obligation {
  issueDay: number;
  dueDay: number;
  dueMonth: number;
  /** Full amount (statement balance / instalment); null when unknown. */
  full: number | null;
  min: number | null;
  principal: number;
  paid: number;
  /** Revolving: everything paid since the statement, for the "paid in full" check. */
  paidSinceIssue: number;
  /** The day it was paid (or cleared); -1 while it is not. */
  satisfiedDay: number;
  state: 'open' | 'missed' | 'uncertain';
  /** The user gave the amount paid in its due month, which replaces the repayments seen then. */
  manualPaid: boolean;
}

export function newObligation(issueDay: number, dueDay: number, dueMonth: number, full: number | null, principal: number, manualPaidMonths: ReadonlySet<number>): Obligation {
  return {
    issueDay,
    dueDay,
    dueMonth,
    full,
    min: null,
    principal,
    paid: 0,
    paidSinceIssue: 0,
    satisfiedDay: -1,
    state: 'open',
    manualPaid: manualPaidMonths.has(dueMonth),
  };
}
