// One account's month-by-month history, in one pass over its events: statement balance, amount
// due, amount paid, balance owed, days past due and the PBOC status code of every month.
//
// How much the data can tell is tracked as it goes. The ledger knows an account's state only
// from an anchor (the open date, a balance the user gave, a statement paid in full) and keeps
// knowing it only while every day since is covered by an export that shows all of the
// account's events (`coverage`). Whatever the data cannot tell is `#` with the reason, never a
// guess: a missing statement day, a month no export covers, a partial payment when the minimum
// payment is unknown, a repayment that could belong to several draws.
//
// Obligations: a revolving account issues a bill on each statement day (full = the statement
// balance, due on the due day); a loan has its instalments from the disbursement on. Payments go
// to the oldest unpaid obligation first. repayment-status.ts turns the month's facts into a code.

import { dayOfMonth, dayOfMonthOf, firstDay, formatDay, formatMonth, lastDay, monthOfDay } from '../shared/calendar.ts';
import { pickStatus, type MonthFacts } from './repayment-status.ts';
import type { Instalment } from './schedule.ts';
import type { AccountKind, MonthRow, StatusReason } from '../shared/ledger-vocabulary.ts';
import type { StatusCode } from '../shared/status-alphabet.ts';

export type EventRole = 'charge' | 'payment' | 'credit' | 'disbursement';

export interface LedgerEvent {
  day: number;
  role: EventRole;
  fen: number;
  /** Rests on an import rule the user has not confirmed. */
  unconfirmed: boolean;
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

export interface HistoryInput {
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
  events: readonly LedgerEvent[];
  /** Days on which every event of this account was observed: merged inclusive [start, end] pairs, sorted. */
  coverage: readonly number[];
  facts: ReadonlyMap<number, ManualMonth>;
  /** Lines: their draws (the line's history merges them). */
  draws?: readonly DrawSchedule[];
  /** Lines: repayments show draws that the data does not have. */
  unknownDraws?: boolean;
}

export interface HistoryResult {
  rows: MonthRow[];
  /** A loan whose instalments were all paid: the day it was settled. */
  settledDay: number | null;
  /** Balance owed at the end of the last row, when known. */
  balanceFen: number | null;
  nextDue: { on: string; amountFen: number | null } | null;
}

interface Obligation {
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
  satisfiedDay: number;
  state: 'open' | 'missed' | 'uncertain';
  manualPaid: boolean;
}

const EMPTY: HistoryResult = { rows: [], settledDay: null, balanceFen: null, nextDue: null };

/** Whether every day of [from, to] lies in the merged intervals. */
export function covered(coverage: readonly number[], from: number, to: number): boolean {
  if (to < from) return true;
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (from < coverage[mid * 2]) hi = mid - 1;
    else if (from > coverage[mid * 2 + 1]) lo = mid + 1;
    else return to <= coverage[mid * 2 + 1];
  }
  return false;
}

function firstMonthOf(input: HistoryInput): number | null {
  let first = Number.POSITIVE_INFINITY;
  if (input.openedDay !== null) first = Math.min(first, monthOfDay(input.openedDay));
  if (input.opening) first = Math.min(first, monthOfDay(input.opening.day));
  if (input.events.length > 0) first = Math.min(first, monthOfDay(input.events[0].day));
  for (const month of input.facts.keys()) first = Math.min(first, month);
  return Number.isFinite(first) ? first : null;
}

/**
 * Unbilled instalment principal at the statement of `month`, and the fees that statement bills.
 * A plan's principal is in the balance already (the purchase, or the statement it converted);
 * from its first statement on, only one period of it is billed each month.
 */
function instalmentsAt(plans: readonly InstallmentPlan[], month: number): { unbilled: number; fee: number } {
  let unbilled = 0;
  let fee = 0;
  for (const plan of plans) {
    const period = month - plan.firstMonth; // 0-based period billed on this statement
    if (period < 0 || period >= plan.periods) continue;
    const part = Math.floor(plan.principalFen / plan.periods);
    unbilled += period === plan.periods - 1 ? 0 : plan.principalFen - part * (period + 1);
    const feePart = Math.floor(plan.feeFen / plan.periods);
    fee += period === plan.periods - 1 ? plan.feeFen - feePart * (plan.periods - 1) : feePart;
  }
  return { unbilled, fee };
}

export function computeHistory(input: HistoryInput): HistoryResult {
  const revolving = input.kind === 'revolving';
  const isLine = input.kind === 'line';
  const asOf = input.asOfDay;
  const asOfMonth = monthOfDay(asOf);
  const start = firstMonthOf(input);
  if (start === null || start > asOfMonth) return EMPTY;
  const closedMonth = input.closedDay === null ? null : monthOfDay(input.closedDay);
  const end = closedMonth === null ? asOfMonth : Math.min(asOfMonth, closedMonth);
  const openMonth = input.openedDay === null ? null : monthOfDay(input.openedDay);
  const { coverage, facts } = input;
  const S = input.statementDay;
  const D = input.dueDay;
  const scheduled = revolving && S !== null && D !== null;
  const principal = input.principalFen;

  const manualPaidMonths = new Set<number>();
  const factDueMonths = new Set<number>();
  for (const [month, fact] of facts) {
    if (fact.amountPaidFen !== null) manualPaidMonths.add(month);
    if (fact.amountDueFen !== null) factDueMonths.add(month);
  }

  const obligations: Obligation[] = [];
  const make = (issueDay: number, dueDay: number, dueMonth: number, full: number | null, principalPart: number): Obligation => ({
    issueDay,
    dueDay,
    dueMonth,
    full,
    min: null,
    principal: principalPart,
    paid: 0,
    paidSinceIssue: 0,
    satisfiedDay: -1,
    state: 'open',
    manualPaid: manualPaidMonths.has(dueMonth),
  });

  // ---- loans, draws, lines: every instalment is known from the disbursement on ----
  let loanScheduleKnown = false;
  if (!revolving) {
    const draws: DrawSchedule[] = isLine
      ? [...(input.draws ?? [])]
      : input.openedDay !== null
        ? [{ openDay: input.openedDay, schedule: input.schedule }]
        : [];
    loanScheduleKnown = draws.length > 0 && draws.every((d) => d.schedule !== null) && !(isLine && (input.unknownDraws || input.openedDay === null));
    for (const draw of draws) for (const inst of draw.schedule ?? []) obligations.push(make(draw.openDay, inst.dueDay, inst.dueMonth, inst.amountFen, inst.principalFen));
    // The user's amount due for a month replaces the schedule's, or stands alone when the terms are unknown.
    const issue = input.openedDay ?? firstDay(start);
    const dueDayOf = (month: number) => dayOfMonth(month, D ?? (input.openedDay !== null ? dayOfMonthOf(input.openedDay) : 28));
    for (const [month, fact] of facts) {
      if (fact.amountDueFen === null) continue;
      const same = obligations.filter((o) => o.dueMonth === month);
      if (same.length === 1) same[0].full = fact.amountDueFen;
      else {
        for (const o of same) obligations.splice(obligations.indexOf(o), 1);
        obligations.push(make(issue, dueDayOf(month), month, fact.amountDueFen, 0));
      }
    }
    obligations.sort((a, b) => a.dueDay - b.dueDay);
  }

  // ---- state ----
  let bal = 0;
  let balKnown = false;
  let arrearsKnown = false;
  // Why the balance, or the arrears, stopped being known: the reason a `#` month gives.
  let balanceReason: StatusReason = revolving ? 'balance_unknown' : isLine ? 'unknown_draws' : 'no_loan_terms';
  let lostReason: StatusReason = balanceReason;
  let verified = Number.NEGATIVE_INFINITY; // last day whose events are known to be complete
  let settledDay: number | null = null;
  let queueStart = 0; // obligations before this index are all satisfied
  let latest: Obligation | null = null; // revolving: the last bill issued
  let totalPaid = 0;
  const curedMonths = new Set<number>();
  const paidInMonth = new Map<number, number>();
  const unconfirmedInMonth = new Map<number, number>();

  // An unobserved day makes the balance unknown (a charge may hide there). Arrears stay known:
  // they change only through bills, and a bill whose amount or payments are unknown says so.
  const loseBalance = (reason: StatusReason) => {
    if (balKnown) balanceReason = reason;
    balKnown = false;
  };
  const loseArrears = (reason: StatusReason) => {
    if (arrearsKnown) lostReason = reason;
    arrearsKnown = false;
  };
  const gapCheck = (day: number) => {
    if (day <= verified) return;
    if (balKnown && !covered(coverage, verified + 1, day)) loseBalance('not_observed');
    verified = day;
  };
  const satisfy = (o: Obligation, day: number) => {
    if (o.satisfiedDay >= 0) return;
    o.satisfiedDay = day;
    const month = monthOfDay(day);
    if (day > o.dueDay && o.dueMonth < month) curedMonths.add(month);
  };
  const advanceQueue = () => {
    while (queueStart < obligations.length && obligations[queueStart].satisfiedDay >= 0) queueStart++;
  };
  const anchor = (day: number, balance: number) => {
    bal = balance;
    balKnown = true;
    arrearsKnown = true;
    verified = day - 1;
    for (let i = queueStart; i < obligations.length && obligations[i].dueDay < day; i++) satisfy(obligations[i], day - 1);
    advanceQueue();
  };

  const settleEarly = (day: number) => {
    // A loan repaid ahead of schedule: everything due so far plus the principal still outstanding.
    if (revolving || isLine || !loanScheduleKnown || principal === null || settledDay !== null) return;
    let dueSoFar = 0;
    let principalSoFar = 0;
    for (const o of obligations) {
      if (o.dueDay > day) break;
      dueSoFar += o.full ?? 0;
      principalSoFar += o.principal;
    }
    if (totalPaid >= dueSoFar + (principal - principalSoFar)) {
      for (let i = queueStart; i < obligations.length; i++) satisfy(obligations[i], day);
      advanceQueue();
    }
  };

  const allocate = (amount: number, day: number) => {
    totalPaid += amount;
    let left = amount;
    for (let i = queueStart; i < obligations.length && left > 0; i++) {
      const o = obligations[i];
      if (o.issueDay > day) {
        if (revolving) break;
        continue;
      }
      if (o.satisfiedDay >= 0) continue;
      const need = o.min ?? o.full;
      if (need === null) {
        o.paid += left;
        left = 0;
        break;
      }
      const take = Math.min(left, need - o.paid);
      o.paid += take;
      left -= take;
      if (o.paid >= need) satisfy(o, day);
    }
    const bill = latest;
    if (bill !== null && bill.full !== null) {
      bill.paidSinceIssue += amount;
      // The statement balance includes every earlier unpaid bill: paying it in full clears all arrears.
      if (bill.paidSinceIssue >= bill.full) {
        for (let i = queueStart; i < obligations.length && obligations[i].issueDay <= bill.issueDay; i++) satisfy(obligations[i], day);
        arrearsKnown = true;
      }
    }
    advanceQueue();
    settleEarly(day);
  };

  const apply = (e: LedgerEvent) => {
    const month = monthOfDay(e.day);
    if (e.unconfirmed) unconfirmedInMonth.set(month, (unconfirmedInMonth.get(month) ?? 0) + 1);
    switch (e.role) {
      case 'charge':
        bal += e.fen;
        break;
      case 'credit':
        bal -= e.fen;
        break;
      case 'disbursement':
        if (isLine) bal += e.fen;
        break;
      case 'payment':
        if (manualPaidMonths.has(month)) break; // the user's figure for the month replaces these
        bal -= e.fen;
        paidInMonth.set(month, (paidInMonth.get(month) ?? 0) + e.fen);
        allocate(e.fen, e.day);
        break;
    }
  };

  let ei = 0;
  const events = input.events;
  /** Events up to and including `day`; `check` also verifies that the days after the last event are covered. */
  const advanceTo = (day: number, check: boolean) => {
    while (ei < events.length && events[ei].day <= day) {
      const e = events[ei++];
      gapCheck(e.day);
      apply(e);
    }
    if (check) gapCheck(day);
  };

  const issueStatement = (month: number, day: number): Obligation => {
    const dueMonth = D! > S! ? month : month + 1;
    const plans = instalmentsAt(input.installments, month);
    bal += plans.fee;
    const fact = facts.get(dueMonth);
    let full: number | null = balKnown ? Math.max(0, bal - plans.unbilled) : null;
    if (fact && fact.amountDueFen !== null) {
      full = fact.amountDueFen;
      if (!balKnown) {
        bal = full + plans.unbilled;
        balKnown = true;
      }
    }
    const o = make(day, dayOfMonth(dueMonth, D!), dueMonth, full, 0);
    if (fact && fact.minimumDueFen !== null) o.min = fact.minimumDueFen;
    else if (input.minimumPaymentBp !== null && full !== null) o.min = Math.ceil((full * input.minimumPaymentBp) / 10000);
    if (o.min !== null && full !== null) o.min = Math.min(o.min, full);
    obligations.push(o);
    latest = o;
    return o;
  };

  const checkDue = (o: Obligation) => {
    if (o.full === 0) {
      satisfy(o, o.issueDay);
      advanceQueue();
      return;
    }
    if (o.satisfiedDay >= 0) return;
    const need = o.min ?? o.full;
    if (need === null) {
      o.state = 'uncertain';
      loseArrears(revolving ? balanceReason : 'no_loan_terms');
      return;
    }
    const exact = o.manualPaid || covered(coverage, o.issueDay + 1, o.dueDay);
    if (exact && (!revolving || o.min !== null || o.paid === 0)) o.state = 'missed';
    else {
      o.state = 'uncertain';
      loseArrears(exact ? 'partial_payment' : 'not_observed');
    }
  };

  const rows: MonthRow[] = [];
  let dueIndex = 0; // next obligation (in due order) not yet assigned to a month
  for (let month = start; month <= end; month++) {
    const monthEnd = Math.min(lastDay(month), asOf);
    if (input.openedDay !== null && openMonth === month) {
      advanceTo(input.openedDay - 1, false);
      if (revolving || isLine) anchor(input.openedDay, 0);
      else if (principal !== null) anchor(input.openedDay, principal);
    }
    // A balance given for a day after the month began says nothing about the bill due before it.
    let anchoredMidMonth = false;
    if (input.opening && monthOfDay(input.opening.day) === month) {
      advanceTo(input.opening.day - 1, false);
      anchor(input.opening.day, input.opening.fen);
      anchoredMidMonth = input.opening.day > firstDay(month) && openMonth !== month;
    }
    const fact = facts.get(month);
    const dues: Obligation[] = [];
    while (dueIndex < obligations.length && obligations[dueIndex].dueMonth <= month) {
      if (obligations[dueIndex].dueMonth === month) dues.push(obligations[dueIndex]);
      dueIndex++;
    }

    // The user's amount paid is one payment on the month's due day (or its last day).
    let manualDay: number | null = null;
    if (fact && fact.amountPaidFen !== null) manualDay = scheduled ? dayOfMonth(month, D!) : (dues[0]?.dueDay ?? lastDay(month));
    const payManual = (upTo: number) => {
      if (manualDay === null || manualDay > upTo || manualDay > asOf) return;
      const day = manualDay;
      manualDay = null;
      advanceTo(day - 1, false);
      bal -= fact!.amountPaidFen!;
      paidInMonth.set(month, fact!.amountPaidFen!);
      allocate(fact!.amountPaidFen!, day);
    };
    const at = (day: number, run: () => void) => {
      if (day > asOf) return;
      payManual(day);
      advanceTo(day, true);
      run();
    };

    let issued: Obligation | null = null;
    if (scheduled) {
      const statementDay = dayOfMonth(month, S!);
      if (D! > S!) {
        at(statementDay, () => {
          issued = issueStatement(month, statementDay);
          dues.push(issued);
        });
        for (const o of dues) at(o.dueDay, () => checkDue(o));
      } else {
        for (const o of dues) at(o.dueDay, () => checkDue(o));
        at(statementDay, () => {
          issued = issueStatement(month, statementDay);
        });
      }
    } else {
      for (const o of dues) at(o.dueDay, () => checkDue(o));
    }
    payManual(monthEnd);
    advanceTo(monthEnd, false);

    // ---- the month's facts, at its end (or today, for the current month) ----
    // A loan whose every instalment is paid is settled; a line stays open when its draws are repaid.
    if (!revolving && !isLine && settledDay === null && loanScheduleKnown && obligations.length > 0 && queueStart >= obligations.length) {
      settledDay = Math.max(...obligations.map((o) => o.satisfiedDay));
    }
    let overdue: boolean | null = revolving && !arrearsKnown ? null : false;
    let oldestDue = Number.POSITIVE_INFINITY;
    let reasonHere: StatusReason | null = null;
    for (let i = queueStart; i < obligations.length && overdue !== null; i++) {
      const o = obligations[i];
      if (o.dueDay > monthEnd) break;
      if (o.full === 0 || (o.satisfiedDay >= 0 && o.satisfiedDay <= monthEnd)) continue;
      if (o.state !== 'missed') {
        overdue = null;
        break;
      }
      if (!o.manualPaid && !covered(coverage, o.dueDay + 1, monthEnd)) {
        overdue = null;
        reasonHere = 'not_observed';
        break;
      }
      overdue = true;
      oldestDue = Math.min(oldestDue, o.dueDay);
    }
    if (!revolving && overdue === false) arrearsKnown = true;
    const daysPastDue = overdue === null ? null : overdue ? monthEnd - oldestDue : 0;

    let dueThisMonth: boolean | null = revolving && !scheduled ? null : false;
    let amountDue: number | null = scheduled || loanScheduleKnown ? 0 : null;
    let paidLate = false;
    // Today's month: a bill whose statement is not out yet, or that is due later, is not known yet.
    let pending = scheduled && month === asOfMonth && D! > S! && dayOfMonth(month, S!) > asOf;
    for (const o of dues) {
      if (o.dueDay > asOf && o.satisfiedDay < 0 && o.full !== 0) pending = true;
      if (o.full === null) {
        dueThisMonth = null;
        amountDue = null;
        continue;
      }
      amountDue = (amountDue ?? 0) + o.full;
      if (o.full > 0 && dueThisMonth !== null) dueThisMonth = true;
      if (o.satisfiedDay > o.dueDay && o.satisfiedDay <= monthEnd) paidLate = true;
    }
    if (dueThisMonth === false && curedMonths.has(month)) dueThisMonth = true; // earlier arrears repaid this month

    const closedThisMonth = closedMonth === month || (settledDay !== null && monthOfDay(settledDay) === month);
    const scheduleKnown = revolving ? scheduled : loanScheduleKnown || factDueMonths.has(month) || (openMonth === month && dues.length === 0);
    const facts_: MonthFacts = {
      closedThisMonth,
      openedThisMonth: openMonth === month,
      scheduleKnown,
      observed: (!revolving || arrearsKnown) && dueThisMonth !== null && overdue !== null && !pending && !anchoredMidMonth,
      overdue,
      paidLate: overdue === false ? paidLate : null,
      dueThisMonth,
    };
    const picked = pickStatus(facts_, daysPastDue);
    let status: StatusCode = picked.code;
    let reason: StatusReason;
    if (picked.rule === null || picked.rule.id === 'not_observed') {
      reason = pending ? 'not_yet_due' : anchoredMidMonth ? 'balance_unknown' : (reasonHere ?? lostReason);
    }
    else if (picked.rule.id === 'schedule_unknown') {
      reason = revolving ? 'no_statement_day' : isLine && (input.unknownDraws || input.openedDay === null) ? 'unknown_draws' : 'no_loan_terms';
    }
    else reason = picked.rule.reason;
    let statusSource: MonthRow['statusSource'] = 'derived';
    if (fact && fact.status !== null) {
      status = fact.status;
      reason = 'manual';
      statusSource = 'manual';
      if (status === 'N' || status === '*' || status === 'C' || status === 'M') {
        // The user's report says nothing was overdue at this month's end.
        for (let i = queueStart; i < obligations.length && obligations[i].dueDay <= monthEnd; i++) satisfy(obligations[i], monthEnd);
        advanceQueue();
        arrearsKnown = true;
      }
    }

    let creditUsed: number | null = null;
    if (revolving || isLine) {
      if (balKnown && covered(coverage, verified + 1, monthEnd)) creditUsed = Math.max(0, bal);
    } else if (loanScheduleKnown && principal !== null && overdue !== null) {
      let repaid = 0;
      for (const o of obligations) if (o.satisfiedDay >= 0 && o.satisfiedDay <= monthEnd) repaid += o.principal;
      creditUsed = Math.max(0, principal - repaid);
    }
    if (fact && fact.balanceFen !== null) {
      creditUsed = fact.balanceFen;
      if (revolving || isLine) {
        bal = fact.balanceFen;
        balKnown = true;
        verified = Math.max(verified, monthEnd);
      }
    }
    const bill = issued as Obligation | null;
    const firstDue = dues[0];
    rows.push({
      month: formatMonth(month),
      status,
      statusSource,
      reason,
      statementBalanceFen: bill?.full ?? null,
      amountDueFen: fact?.amountDueFen ?? amountDue,
      minimumDueFen: revolving ? (firstDue?.min ?? null) : null,
      amountPaidFen: paidInMonth.get(month) ?? 0,
      creditUsedFen: creditUsed,
      // A month the data cannot tell has no days past due either.
      daysPastDue: status === '#' && statusSource === 'derived' ? null : daysPastDue,
      dueOn: firstDue ? formatDay(firstDue.dueDay) : null,
      unconfirmed: unconfirmedInMonth.get(month) ?? 0,
    });
    if (closedThisMonth) break;
  }

  // ---- now: the next due date ----
  let nextDue: HistoryResult['nextDue'] = null;
  const closed = settledDay !== null || (closedMonth !== null && closedMonth <= asOfMonth);
  if (!closed) {
    const upcoming = obligations.find((o) => o.satisfiedDay < 0 && o.dueDay >= asOf && o.full !== 0);
    if (upcoming) nextDue = { on: formatDay(upcoming.dueDay), amountFen: upcoming.full };
    else if (scheduled) {
      let day = dayOfMonth(asOfMonth, D!);
      if (day < asOf) day = dayOfMonth(asOfMonth + 1, D!);
      nextDue = { on: formatDay(day), amountFen: null };
    }
  }
  return { rows, settledDay, balanceFen: rows.at(-1)?.creditUsedFen ?? null, nextDue };
}
