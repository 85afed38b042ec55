// The state of one account's history pass as it walks the days: the balance and whether it is
// known, whether the arrears are known and why not, the last day whose events are known to be
// complete, the obligations and how far they are paid. Every step of the pass (events, bills,
// the month close) reads and moves this one object; nothing else carries state between steps.

import { dayOfMonth, lastDay, monthOfDay } from '../../shared/calendar.ts';
import type { StatusReason } from '../../shared/ledger-vocabulary.ts';
import { covered } from './coverage.ts';
import type { EventList, HistoryInput } from './history-input.ts';
import type { Obligation } from './obligations.ts';

export interface HistoryState {
  readonly input: HistoryInput<EventList>;
  readonly revolving: boolean;
  readonly line: boolean;
  /** Revolving, with a statement day and a due day: bills can be issued. */
  readonly scheduled: boolean;
  /**
   * Scheduled, and its month is the statement cycle (core/rules/billing-cycle.ts): month m runs
   * from the day after month m-1's statement day to month m's statement day, judged then.
   * Every month index of the pass (rows, obligations' due months, the user's month facts) is then
   * a cycle (periodOf).
   */
  readonly cycle: boolean;
  readonly asOf: number;
  readonly asOfMonth: number;
  readonly openMonth: number | null;
  readonly closedMonth: number | null;
  /** Months whose amount paid the user gave: it replaces the repayments seen that month. */
  readonly manualPaidMonths: ReadonlySet<number>;
  /** Months whose amount due the user gave. */
  readonly factDueMonths: ReadonlySet<number>;
  /** Loans and lines: sorted by due day; revolving: bills in the order issued. */
  readonly obligations: Obligation[];
  /** Loans, draws, lines: every instalment is known from the disbursement on. */
  loanScheduleKnown: boolean;

  bal: number;
  balKnown: boolean;
  arrearsKnown: boolean;
  /** Why the balance, or the arrears, stopped being known: the reason a `#` month gives. */
  balanceReason: StatusReason;
  lostReason: StatusReason;
  /** Last day whose events are known to be complete. */
  verified: number;
  settledDay: number | null;
  /** Obligations before this index are all satisfied. */
  queueStart: number;
  /** Next obligation (in due order) not yet assigned to a month. */
  dueIndex: number;
  /** Revolving: the last bill issued. */
  latest: Obligation | null;
  totalPaid: number;
  /** Repaid within grace days for bills already counted on time: the next repayments go here first. */
  graceOwed: number;
  /** Due months of obligations that were on time only by grace or tolerance (容时/容差). */
  readonly graceMonths: Set<number>;
  /** Next event to apply. */
  nextEvent: number;
  /** The overdue amount of the month closed last ([low, high] fen), null when unknown: a month the user marked overdue carries it on. */
  carriedOverdue: [number, number] | null;
  /** Months in which earlier arrears were repaid. */
  readonly curedMonths: Set<number>;
  readonly paidInMonth: Map<number, number>;
  readonly unconfirmedInMonth: Map<number, number>;
}

/** The month a day belongs to: its calendar month, or with a statement day, the cycle its statement date closes. */
export function periodOfDay(statementDay: number | null, day: number): number {
  const month = monthOfDay(day);
  return statementDay === null || day <= dayOfMonth(month, statementDay) ? month : month + 1;
}

/** The month of the pass a day belongs to (periodOfDay with the account's cycle). */
export function periodOf(s: HistoryState, day: number): number {
  return periodOfDay(s.cycle ? s.input.statementDay : null, day);
}

/** Whether an account's month is its statement cycle: a revolving account with both days known, under a rule that judges at the statement date. */
export function judgedByCycle(kind: HistoryInput['kind'], statementDay: number | null, dueDay: number | null, rule: HistoryInput['billingCycle']): boolean {
  return kind === 'revolving' && statementDay !== null && dueDay !== null && rule?.judgedAt === 'statement_date';
}

/** The last day of month `m`: the statement date of a month that is a cycle, else the calendar month's last day. */
export function periodEndDay(cycleStatementDay: number | null, m: number): number {
  return cycleStatementDay !== null ? dayOfMonth(m, cycleStatementDay) : lastDay(m);
}

/** The last day of month `m` of the pass: its statement date in a cycle, else the calendar month's last day. */
export function periodEnd(s: HistoryState, m: number): number {
  return periodEndDay(s.cycle ? s.input.statementDay : null, m);
}

export function newHistoryState(input: HistoryInput<EventList>): HistoryState {
  const revolving = input.kind === 'revolving';
  const line = input.kind === 'line';
  const manualPaidMonths = new Set<number>();
  const factDueMonths = new Set<number>();
  for (const [month, fact] of input.facts) {
    if (fact.amountPaidFen !== null) manualPaidMonths.add(month);
    if (fact.amountDueFen !== null) factDueMonths.add(month);
  }
  const scheduled = revolving && input.statementDay !== null && input.dueDay !== null;
  const cycle = judgedByCycle(input.kind, input.statementDay, input.dueDay, input.billingCycle);
  const period = (day: number) => periodOfDay(cycle ? input.statementDay : null, day);
  const unknown: StatusReason = revolving ? 'balance_unknown' : line ? 'unknown_draws' : 'no_loan_terms';
  return {
    input,
    revolving,
    line,
    scheduled,
    cycle,
    asOf: input.asOfDay,
    asOfMonth: period(input.asOfDay),
    openMonth: input.openedDay === null ? null : period(input.openedDay),
    closedMonth: input.closedDay === null ? null : period(input.closedDay),
    manualPaidMonths,
    factDueMonths,
    obligations: [],
    loanScheduleKnown: false,
    bal: 0,
    balKnown: false,
    arrearsKnown: false,
    balanceReason: unknown,
    lostReason: unknown,
    verified: Number.NEGATIVE_INFINITY,
    settledDay: null,
    queueStart: 0,
    dueIndex: 0,
    latest: null,
    totalPaid: 0,
    graceOwed: 0,
    graceMonths: new Set(),
    nextEvent: 0,
    carriedOverdue: [0, 0],
    curedMonths: new Set(),
    paidInMonth: new Map(),
    unconfirmedInMonth: new Map(),
  };
}

// An unobserved day makes the balance unknown (a charge may hide there). Arrears stay known:
// they change only through bills, and a bill whose amount or payments are unknown says so.
function loseBalance(s: HistoryState, reason: StatusReason): void {
  if (s.balKnown) s.balanceReason = reason;
  s.balKnown = false;
}

export function loseArrears(s: HistoryState, reason: StatusReason): void {
  if (s.arrearsKnown) s.lostReason = reason;
  s.arrearsKnown = false;
}

/** The events up to `day` are complete only if every day since the last verified one was covered. */
export function gapCheck(s: HistoryState, day: number): void {
  if (day <= s.verified) return;
  if (s.balKnown && !covered(s.input.coverage, s.verified + 1, day)) loseBalance(s, 'not_observed');
  s.verified = day;
}

/** An obligation paid (or cleared) on `day`; paid after its due month, it cures that arrears. */
export function satisfy(s: HistoryState, o: Obligation, day: number): void {
  if (o.satisfiedDay >= 0) return;
  o.satisfiedDay = day;
  const month = periodOf(s, day);
  if (day > o.dueDay && o.dueMonth < month) s.curedMonths.add(month);
}

export function advanceQueue(s: HistoryState): void {
  while (s.queueStart < s.obligations.length && s.obligations[s.queueStart].satisfiedDay >= 0) s.queueStart++;
}

/** The balance is known to be `balance` at the start of `day`, with nothing overdue then. */
export function anchor(s: HistoryState, day: number, balance: number): void {
  s.bal = balance;
  s.balKnown = true;
  s.arrearsKnown = true;
  s.verified = day - 1;
  for (let i = s.queueStart; i < s.obligations.length && s.obligations[i].dueDay < day; i++) satisfy(s, s.obligations[i], day - 1);
  advanceQueue(s);
}
