// Where a payment goes: to the oldest unpaid obligation first, each up to its minimum (or its
// full amount when no minimum is known); an obligation of unknown amount takes all that is left.
// A revolving bill not yet issued stops the payment; a loan's instalment of a later draw is
// skipped. Then the account kind's own rules: a statement paid in full, a loan settled early.

import { advanceQueue, satisfy, type HistoryState } from './history-state.ts';
import { settleEarly } from './obligations-loan.ts';
import { creditLatestStatement } from './obligations-revolving.ts';

function payOldestFirst(s: HistoryState, amount: number, day: number): void {
  let left = amount;
  for (let i = s.queueStart; i < s.obligations.length && left > 0; i++) {
    const o = s.obligations[i];
    if (o.issueDay > day) {
      if (s.revolving) break;
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
    if (o.paid >= need) satisfy(s, o, day);
  }
}

export function allocate(s: HistoryState, amount: number, day: number): void {
  s.totalPaid += amount;
  const owed = Math.min(amount, s.graceOwed);
  s.graceOwed -= owed;
  payOldestFirst(s, amount - owed, day);
  creditLatestStatement(s, amount, day);
  advanceQueue(s);
  settleEarly(s, day);
}
