// What the report and the scores of one day can see of a snapshot. A scenario's snapshot runs to
// the timeline's end, but the report core and both scores on day D (core/bureau/report-core.ts
// computeCore, core/score/engine.ts scoreSnapshot) read nothing dated after D: of each account
// only its months up to the report month of D (the last month ended by D, bureau/windows.ts), and
// its closing and settling days only when they are on or before D. That is the invariant (test/unit/whatif/day-cut.test.ts checks it on every day
// of every scenario's timeline: the answer on a snapshot equals the answer on its cut). So where
// a scenario's snapshot on D is cut alike to the baseline's (its actions take effect after D),
// its point on D is the baseline's (timeline.ts).

import type { MonthRow } from '../ledger/account-schema.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../ledger/snapshot.ts';
import { formatDay, formatMonth } from '../shared/calendar.ts';
import { reportMonthOf } from '../bureau/windows.ts';

/** The account's dates the cut leaves out when they fall after the day (a close or a settlement a scenario brings). */
const FUTURE_DATES = ['closedOn', 'settledOn'] as const;

/** How the day cuts: the last month and day (as the snapshot writes them) it sees. */
function edge(day: number): { month: string; day: string } {
  return { month: formatMonth(reportMonthOf(day)), day: formatDay(day) };
}

/** The rows a day sees: its report month and before (the months run in order). */
function seenRows(months: readonly MonthRow[], lastMonth: string): number {
  let n = months.length;
  while (n > 0 && months[n - 1].month > lastMonth) n--;
  return n;
}

/** An account as day `day` sees it: its months to the day's report month, a close or settlement after the day left out. */
export function cutAccount(account: LedgerAccountSnapshot, day: number): LedgerAccountSnapshot {
  const cut = edge(day);
  const out = { ...account, months: account.months.slice(0, seenRows(account.months, cut.month)) };
  for (const field of FUTURE_DATES) if (out[field] !== null && out[field] > cut.day) out[field] = null;
  return out;
}

/** A snapshot as day `day` sees it (every account cut). */
export function cutSnapshot(snapshot: LedgerSnapshot, day: number): LedgerSnapshot {
  return { ...snapshot, accounts: snapshot.accounts.map((a) => cutAccount(a, day)) };
}

/** Plain data (a month row's fields) equal value for value. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Counted, not listed (Object.keys would allocate per row): every key of x is in y, so the same count means the same keys.
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

function sameAccountOn(a: LedgerAccountSnapshot, b: LedgerAccountSnapshot, cut: { month: string; day: string }): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof LedgerAccountSnapshot)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (key === 'months' || a[key] === b[key]) continue;
    if (key !== 'closedOn' && key !== 'settledOn') return false;
    const x = a[key];
    const y = b[key];
    if ((x !== null && x <= cut.day) || (y !== null && y <= cut.day)) return false;
  }
  if (a.months === b.months) return true;
  const n = seenRows(a.months, cut.month);
  if (n !== seenRows(b.months, cut.month)) return false;
  for (let i = 0; i < n; i++) if (!sameData(a.months[i], b.months[i])) return false;
  return true;
}

/**
 * Whether two snapshots are the same as day `day` sees them: every field but the accounts the
 * same object (the queries, facts, activity and settings a scenario shares with its baseline),
 * and the accounts, in order, cut alike (cutAccount).
 */
export function alikeOn(a: LedgerSnapshot, b: LedgerSnapshot, day: number): boolean {
  const keys = Object.keys(a) as (keyof LedgerSnapshot)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (key !== 'accounts' && a[key] !== b[key]) return false;
  if (a.accounts === b.accounts) return true;
  if (a.accounts.length !== b.accounts.length) return false;
  const cut = edge(day);
  return a.accounts.every((account, i) => sameAccountOn(account, b.accounts[i], cut));
}
