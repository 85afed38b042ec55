// The days on which every event of one account was observed, from the imports' coverage
// (export-coverage.ts): the exports that are complete for its product, a card's own bank
// statements only, and for a draw its line's exports less the days a repayment nobody could
// assign might have been the draw's.

import type { AccountRecord } from '../account-values.ts';
import { COMPLETE_SOURCES } from '../derive/derive-accounts.ts';
import type { CoverageEntry } from '../export-coverage.ts';
import { mergeIntervals, withoutDays } from '../history/coverage.ts';
import { parseDay } from '../../shared/calendar.ts';

/** What coverage needs of an account's packed events (history-inputs.ts). */
interface EventSources {
  /** The import batches its events came from. */
  batches: ReadonlySet<number>;
  /** A line's repayments nobody could assign to a draw. */
  unassigned: readonly number[];
}

export function accountCoverage(exports: readonly CoverageEntry[], account: AccountRecord, own: EventSources | undefined): number[] {
  const complete = COMPLETE_SOURCES[account.values.product].platforms;
  const pairs: [number, number][] = [];
  for (const [batch, platform, from, to] of exports) {
    if (!complete.includes(platform)) continue;
    // A card's statement covers that card only.
    if (account.values.product === 'credit_card' && !own?.batches.has(batch)) continue;
    pairs.push([from, to]);
  }
  return mergeIntervals(pairs);
}

/** The line's export covers the draw, except days when an unassigned repayment could be its. */
export function drawCoverage(exports: readonly CoverageEntry[], draw: AccountRecord, line: AccountRecord, lineEvents: EventSources | undefined): number[] {
  const openDay = draw.values.openedOn ? parseDay(draw.values.openedOn) : null;
  const ambiguous = (lineEvents?.unassigned ?? []).filter((day) => openDay !== null && day >= openDay);
  return withoutDays(accountCoverage(exports, line, lineEvents), ambiguous);
}

/**
 * Whether an account's coverage differs between the exports the stored histories were computed
 * with and the exports now (an import adds one; a re-saved copy's repeats a period already
 * covered): a draw's follows its line's, a card's rests on its batches (`batchesOf`).
 */
export function coverageMoved(
  before: readonly CoverageEntry[],
  now: readonly CoverageEntry[],
  account: AccountRecord,
  byId: ReadonlyMap<number, AccountRecord>,
  batchesOf: (accountId: number) => ReadonlySet<number>,
): boolean {
  const parent = account.values.kind === 'draw' && account.values.parentId !== null ? byId.get(account.values.parentId) : undefined;
  const subject = parent ?? account;
  const own = subject.values.product === 'credit_card' ? { batches: batchesOf(subject.id), unassigned: [] } : undefined;
  const a = accountCoverage(before, subject, own);
  const b = accountCoverage(now, subject, own);
  return a.length !== b.length || a.some((day, i) => day !== b[i]);
}
