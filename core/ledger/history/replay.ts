// The account's events applied in day order: charges, credits and a line's disbursements move
// the balance; repayments move it and are allocated to the obligations, except in a month whose
// amount paid the user gave, which replaces them. Each event's day is checked for gaps in the
// coverage first.

import type { LedgerEvent } from './history-input.ts';
import { gapCheck, periodOf, type HistoryState } from './history-state.ts';
import { allocate } from './payments.ts';

function apply(s: HistoryState, e: LedgerEvent): void {
  const month = periodOf(s, e.day);
  if (e.unconfirmed) s.unconfirmedInMonth.set(month, (s.unconfirmedInMonth.get(month) ?? 0) + 1);
  switch (e.role) {
    case 'charge':
      s.bal += e.fen;
      break;
    case 'credit':
      s.bal -= e.fen;
      break;
    case 'disbursement':
      if (s.line) s.bal += e.fen;
      break;
    case 'payment':
      if (s.manualPaidMonths.has(month)) break; // the user's figure for the month replaces these
      s.bal -= e.fen;
      s.paidInMonth.set(month, (s.paidInMonth.get(month) ?? 0) + e.fen);
      allocate(s, e.fen, e.day);
      break;
  }
}

/** Events up to and including `day`; `check` also verifies that the days after the last event are covered. */
export function advanceTo(s: HistoryState, day: number, check: boolean): void {
  const events = s.input.events;
  while (s.nextEvent < events.length) {
    const e = events.at(s.nextEvent)!;
    if (e.day > day) break;
    s.nextEvent++;
    gapCheck(s, e.day);
    apply(s, e);
  }
  if (check) gapCheck(s, day);
}
