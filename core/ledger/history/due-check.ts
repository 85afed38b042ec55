// An obligation judged on its due day: nothing owed is paid at once; unpaid with a known amount
// and every day from its issue to its due day observed (or the user's amount paid given), it is
// missed; otherwise it is uncertain, and the arrears stop being known, with the reason.

import { covered } from './coverage.ts';
import { advanceQueue, loseArrears, satisfy, type HistoryState } from './history-state.ts';
import type { Obligation } from './obligations.ts';

export function checkDue(s: HistoryState, o: Obligation): void {
  if (o.full === 0) {
    satisfy(s, o, o.issueDay);
    advanceQueue(s);
    return;
  }
  if (o.satisfiedDay >= 0) return;
  const need = o.min ?? o.full;
  if (need === null) {
    o.state = 'uncertain';
    loseArrears(s, s.revolving ? s.balanceReason : 'no_loan_terms');
    return;
  }
  const exact = o.manualPaid || covered(s.input.coverage, o.issueDay + 1, o.dueDay);
  // A revolving bill partly paid is missed only when its minimum is known: the part may have been the minimum.
  if (exact && (!s.revolving || o.min !== null || o.paid === 0)) o.state = 'missed';
  else {
    o.state = 'uncertain';
    loseArrears(s, exact ? 'partial_payment' : 'not_observed');
  }
}
