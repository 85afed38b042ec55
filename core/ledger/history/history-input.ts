// What the history pass of one account reads and gives back (monthly-history.ts). Plain data:
// recompute/history-inputs.ts builds it from the database, and a what-if can build it from an
// edited copy.

import type { AccountKind, EventRole } from '../../shared/ledger-vocabulary.ts';
import type { MonthRow } from '../account-schema.ts';
import type { StatusCode } from '../../shared/status-alphabet.ts';
import type { Instalment } from '../schedule.ts';
import type { GraceRule } from '../../rules/repayment-grace.ts';
import type { BillingCycleRule } from '../../rules/billing-cycle.ts';

export type { EventRole };

export interface LedgerEvent {
  day: number;
  role: EventRole;
  fen: number;
  /** Rests on an import rule the user has not confirmed. */
  unconfirmed: boolean;
}

/**
 * An account's events in day order as the history pass reads them, one at a time: an array (a
 * what-if's, a test's), or an account's packed blob read in place (codecs/packed-events.ts
 * PackedEvents), so that a recompute holds no object per event.
 */
export interface EventList {
  readonly length: number;
  at(index: number): LedgerEvent | undefined;
}

/** What the user entered for one month; null fields were not entered. */
export interface ManualMonth {
  /** Balance owed at month end (余额 / 已用额度); also an anchor for the months after. */
  balanceFen: number | null;
  /** The full amount of the bill or instalment due this month (本月应还款). */
  amountDueFen: number | null;
  minimumDueFen: number | null;
  /** Paid toward this month's bill by its due date; replaces the repayments seen this month. */
  amountPaidFen: number | null;
  status: StatusCode | null;
}

export interface InstallmentPlan {
  /** Month index of the first statement that bills a period. */
  firstMonth: number;
  principalFen: number;
  feeFen: number;
  periods: number;
}

export interface DrawSchedule {
  openDay: number;
  schedule: Instalment[] | null;
}

/** `E`: how the events are held; the history pass reads any EventList, a what-if edits arrays. */
export interface HistoryInput<E extends EventList = readonly LedgerEvent[]> {
  kind: AccountKind;
  /** Today (day number): the last month is evaluated as of this day. */
  asOfDay: number;
  statementDay: number | null;
  dueDay: number | null;
  openedDay: number | null;
  closedDay: number | null;
  /** Balance owed at the start of `day`, with nothing overdue then (the user's word). */
  opening: { day: number; fen: number } | null;
  /** Minimum payment in basis points of the statement balance (10% = 1000), when the user knows it. */
  minimumPaymentBp: number | null;
  /** Loans and draws: principal and schedule (null when the terms are incomplete). */
  principalFen: number | null;
  schedule: Instalment[] | null;
  installments: readonly InstallmentPlan[];
  /** Sorted by day. */
  events: E;
  /** Days on which every event of this account was observed: merged inclusive [start, end] pairs, sorted (coverage.ts). */
  coverage: readonly number[];
  facts: ReadonlyMap<number, ManualMonth>;
  /** Lines: their draws (the line's history merges them). */
  draws?: readonly DrawSchedule[];
  /** Lines: repayments show draws that the data does not have. */
  unknownDraws?: boolean;
  /** 容时 and 容差 of the account's lender (core/rules/repayment-grace.ts); none when absent. */
  grace?: GraceRule;
  /** Where the account's month ends (core/rules/billing-cycle.ts): the calendar month when absent. */
  billingCycle?: BillingCycleRule;
}

export interface HistoryResult {
  rows: MonthRow[];
  /** A loan whose instalments were all paid: the day it was settled. */
  settledDay: number | null;
  /** Balance owed at the end of the last row, when known. */
  balanceFen: number | null;
  nextDue: { on: string; amountFen: number | null } | null;
}
