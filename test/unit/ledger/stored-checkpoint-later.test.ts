// The derivation's stored day checkpoint (recompute/day-checkpoints.ts) taken as one of a pass
// over another input of the same account: a what-if's, to a horizon, with every day after today
// known and events added after today (core/ledger/history/monthly-history.ts
// checkpointFromOtherDay, core/whatif/projection.ts storedCheckpoint). The pass from it must be
// the whole pass; an input that differs where the stored months read (days taken as seen among
// them, an event on their last day read, a day not after them) is refused.
//
// The benches' synthetic profile at 12 accounts (made up: 10 cards with one export covering them
// from their first month, and 2 bank loans entered by hand, which no export covers), derived on
// its as-of day, so every account has a stored checkpoint made from the inputs as they are.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeScoringProfile } from '../../../bench/scoring-profile.ts';
import { AS_OF } from '../../../bench/synthetic-ledger.ts';
import { parseCheckpoint } from '../../../core/ledger/codecs/history-checkpoint.ts';
import { readMonths } from '../../../core/ledger/codecs/stored-months.ts';
import { currentCheckpoints, refreshLedger } from '../../../core/ledger/freshness.ts';
import { mergeIntervals } from '../../../core/ledger/history/coverage.ts';
import type { HistoryInput, LedgerEvent } from '../../../core/ledger/history/history-input.ts';
import { checkpointFromOtherDay, computeHistory, resumeHistory } from '../../../core/ledger/history/monthly-history.ts';
import { historyInputOf, readLedgerInputs } from '../../../core/ledger/recompute/history-inputs.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';

const HORIZON = AS_OF + 400;

const event = (day: number, role: LedgerEvent['role'], fen: number): LedgerEvent => ({ day, role, fen, unconfirmed: false });

/** The input with the days [from, HORIZON] taken as seen too. */
function seenFrom(input: HistoryInput, from: number): HistoryInput {
  const pairs: [number, number][] = [[from, HORIZON]];
  for (let i = 0; i < input.coverage.length; i += 2) pairs.push([input.coverage[i]!, input.coverage[i + 1]!]);
  return { ...input, coverage: mergeIntervals(pairs) };
}

describe('a stored checkpoint serving a later day’s pass (synthetic profile, made up)', () => {
  const db = openDatabase(join(tempDir('credence-stored-checkpoint-'), 'profile.sqlite'));
  writeScoringProfile(db, { accounts: 12, years: 3, transactions: 2_000 });
  refreshLedger(db, AS_OF);
  const inputs = readLedgerInputs(db);
  const stored = currentCheckpoints(db);
  const accounts = inputs.accounts.map((account) => {
    // What the derivation walked (its day), and what a what-if walks: to the horizon, the days after today seen, two events after today.
    const kept = historyInputOf(inputs, account, AS_OF);
    const later = seenFrom(historyInputOf(inputs, account, HORIZON), AS_OF + 1);
    const future = { ...later, events: [...later.events, event(AS_OF + 3, 'charge', 50_000), event(AS_OF + 20, 'payment', 20_000)] };
    const months = readMonths(db, account.id);
    const revived = (input: HistoryInput) => {
      const s = parseCheckpoint(stored.get(account.id)!, input);
      return checkpointFromOtherDay(kept, s, months.slice(0, s.rowCount), input);
    };
    return { account, kept, future, revived };
  });

  it('is stored for every account, made from the inputs as they are', () => {
    // 12 accounts of three years each: every one has months wholly before the as-of day.
    expect(stored.size).toBe(12);
  });

  it('gives the whole pass of the later input when started from', () => {
    for (const { account, future, revived } of accounts) {
      const checkpoint = revived(future);
      expect(checkpoint, account.values.name).not.toBeNull();
      // Its months are before today; the pass goes on after them alone, and gives what walking every month gives.
      expect(checkpoint!.daysRead).toBeLessThan(AS_OF);
      expect(resumeHistory(future, checkpoint, null).result).toStrictEqual(computeHistory(future));
    }
  });

  it('refuses an input that sees other days among the stored months, an event they read, or a day not after them', () => {
    let coverageRefused = 0;
    for (const { account, future, revived } of accounts) {
      const checkpoint = revived(future)!;
      if (account.values.kind === 'loan') {
        // Every day from the loan's first month seen (what a what-if does for an account whose
        // every month is known): no export covers the loans, so their stored months were walked
        // with those days unseen. Refused on what the months read (here the answer happens to be
        // the same: the loans' months are typed in, seen or not).
        expect(revived(seenFrom(future, future.openedDay!)), account.values.name).toBeNull();
        coverageRefused++;
        continue;
      }
      // The cards' export covers every day from their first month, so seeing them all changes nothing: served.
      expect(revived(seenFrom(future, future.events[0]!.day))).not.toBeNull();
      // Only the days after today seen: the derivation's months saw the export's days, and the
      // pass over this input loses the balance there; taken anyway, the pass from the stored
      // state would carry a balance this input's whole pass does not know.
      const unseen = { ...future, coverage: [AS_OF + 1, HORIZON] };
      expect(revived(unseen), account.values.name).toBeNull();
      const forced = { ...checkpoint, input: { ...checkpoint.input, coverage: unseen.coverage } };
      expect(resumeHistory(unseen, forced, null).result).not.toStrictEqual(computeHistory(unseen));
      coverageRefused++;
      // The export's days seen from the same first day, but not its last weeks before the stored months' end: refused too.
      const cut = { ...future, coverage: [future.coverage[0]!, checkpoint.daysRead - 40, AS_OF + 1, HORIZON] };
      expect(revived(cut), account.values.name).toBeNull();
      // A payment on the last day the stored months read: they would have read it.
      expect(revived({ ...future, events: [...future.events, event(checkpoint.readUpTo, 'payment', 100)].sort((a, b) => a.day - b.day) })).toBeNull();
      // A later input whose day is the stored months' last day read: they may depend on it.
      expect(revived({ ...future, asOfDay: checkpoint.daysRead })).toBeNull();
      // Another due day: another account.
      expect(revived({ ...future, dueDay: (future.dueDay! % 28) + 1 })).toBeNull();
    }
    // 10 cards and 2 bank loans (bench/synthetic-ledger.ts splitAccounts).
    expect(coverageRefused).toBe(12);
  });
});
