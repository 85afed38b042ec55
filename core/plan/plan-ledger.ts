// What a plan is tracked against: the parts of one profile's ledger that can show a step done, as
// plain data. Read off the what-if base (core/whatif/base.ts: the snapshot and the history pass's
// inputs, one read at the edge), so tracking is a pure function of it (tracking.ts) and a test can
// build one by hand.

import type { WhatIfBase } from '../whatif/base.ts';
import type { AccountKind, Product, ReportsToBureau } from '../shared/ledger-vocabulary.ts';
import { formatMonth, parseDay } from '../shared/calendar.ts';

export interface PlanAccount {
  id: number;
  name: string;
  last4: string | null;
  product: Product;
  kind: AccountKind;
  parentId: number | null;
  statementDay: number | null;
  dueDay: number | null;
  openedOn: string | null;
  closedOn: string | null;
  settledOn: string | null;
  limitFen: number | null;
  reportsToBureau: ReportsToBureau;
  /** Month `YYYY-MM` → the overdue amount at its end (null: the ledger cannot tell). */
  overdue: Record<string, number | null>;
}

export interface PlanLedger {
  accounts: PlanAccount[];
  /** Account id → its repayments (day number, fen), from imported bills and manual transactions. */
  payments: Record<number, { day: number; fen: number }[]>;
  /** Account id → month `YYYY-MM` → the amount paid the user entered for it (本月实还款). */
  paidByHand: Record<number, Record<string, number>>;
  /** Every query record: imported or entered by hand, `hard` by the profile's set. */
  queries: { day: number; hard: boolean; reasonCode: string }[];
  monthlyIncomeFen: number | null;
}

export function planLedgerOf(base: WhatIfBase): PlanLedger {
  const { snapshot, inputs } = base;
  const accounts = snapshot.accounts.map((a): PlanAccount => ({
    id: a.id,
    name: a.name,
    last4: inputs.byId.get(a.id)?.values.cardLast4 ?? null,
    product: a.product,
    kind: a.kind,
    parentId: a.parentId,
    statementDay: a.statementDay,
    dueDay: a.dueDay,
    openedOn: a.openedOn,
    closedOn: a.closedOn,
    settledOn: a.settledOn,
    limitFen: a.limitFen,
    reportsToBureau: a.reportsToBureau,
    overdue: Object.fromEntries(a.months.map((m) => [m.month, m.overdueFen])),
  }));
  const payments: PlanLedger['payments'] = {};
  for (const [id, { events }] of inputs.events) payments[id] = events.filter((e) => e.role === 'payment').map((e) => ({ day: e.day, fen: e.fen }));
  const paidByHand: PlanLedger['paidByHand'] = {};
  for (const [id, months] of inputs.facts) {
    for (const [month, fact] of months) if (fact.amountPaidFen !== null) (paidByHand[id] ??= {})[formatMonth(month)] = fact.amountPaidFen;
  }
  const queries = snapshot.queries.map((q) => ({ day: parseDay(q.queriedOn)!, hard: q.hard, reasonCode: q.reasonCode }));
  return { accounts, payments, paidByHand, queries, monthlyIncomeFen: snapshot.profileFacts.monthlyIncomeFen };
}

/**
 * The ledger as it stood on `asOfDay`: repayments, queries, openings and closings dated after it
 * left out, so a plan tracked as of a past day says what the ledger showed then.
 */
export function planLedgerAsOf(ledger: PlanLedger, asOfDay: number): PlanLedger {
  const by = (text: string | null) => text !== null && parseDay(text)! <= asOfDay;
  return {
    ...ledger,
    accounts: ledger.accounts
      .filter((a) => a.openedOn === null || by(a.openedOn))
      .map((a) => ({ ...a, closedOn: by(a.closedOn) ? a.closedOn : null, settledOn: by(a.settledOn) ? a.settledOn : null })),
    payments: Object.fromEntries(Object.entries(ledger.payments).map(([id, list]) => [id, list.filter((p) => p.day <= asOfDay)])),
    queries: ledger.queries.filter((q) => q.day <= asOfDay),
  };
}
