// The history pass started from a checkpoint (core/ledger/history/monthly-history.ts resumeHistory)
// is the whole pass: on every account of the benches' synthetic profile at 12 accounts (cards with
// late and missed statements, so the grace days' look ahead is used; bank loans entered by hand),
// with the future known to a horizon and events added after today, as a what-if adds them. An input
// that differs where the kept months read (an event on their last day, another due day) is refused
// and walked from the start.

import { describe, expect, it } from 'vitest';
import { writeScoringProfile } from '../../../bench/scoring-profile.ts';
import { AS_OF } from '../../../bench/synthetic-ledger.ts';
import { mergeIntervals } from '../../../core/ledger/history/coverage.ts';
import type { HistoryInput, LedgerEvent } from '../../../core/ledger/history/history-input.ts';
import { computeHistory, owedOn, resumable, resumeHistory } from '../../../core/ledger/history/monthly-history.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { historyInputOf, readLedgerInputs } from '../../../core/ledger/recompute/history-inputs.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp.ts';

const HORIZON = AS_OF + 400;

function withEvents(input: HistoryInput, added: LedgerEvent[]): HistoryInput {
  return { ...input, events: [...input.events, ...added].sort((a, b) => a.day - b.day) };
}

const event = (day: number, role: LedgerEvent['role'], fen: number): LedgerEvent => ({ day, role, fen, unconfirmed: false });

describe('a history pass from a checkpoint (synthetic profile, made up)', () => {
  const db = openDatabase(join(tempDir('credence-resume-'), 'profile.sqlite'));
  writeScoringProfile(db, { accounts: 12, years: 3, transactions: 2_000 });
  refreshLedger(db, AS_OF);
  const inputs = readLedgerInputs(db);
  // As a what-if reads an account: to a horizon, every day after today known.
  const futureKnown = inputs.accounts.map((account) => {
    const input = historyInputOf(inputs, account, HORIZON);
    const pairs: [number, number][] = [[AS_OF + 1, HORIZON]];
    for (let i = 0; i < input.coverage.length; i += 2) pairs.push([input.coverage[i], input.coverage[i + 1]]);
    return { account, input: { ...input, coverage: mergeIntervals(pairs) } };
  });

  it('keeps a checkpoint of every account with months before today', () => {
    const kept = futureKnown.filter(({ input }) => resumeHistory(input, null, AS_OF + 1).checkpoint !== null);
    // 10 cards and 2 loans (bench/synthetic-ledger.ts splitAccounts), all three years old.
    expect(kept.map(({ account }) => account.values.kind).sort()).toEqual(['loan', 'loan', ...Array(10).fill('revolving')]);
  });

  it('gives the whole pass for events added after today, however often it is started from', () => {
    for (const { input } of futureKnown) {
      const { result, checkpoint } = resumeHistory(input, null, AS_OF + 1);
      expect(result).toStrictEqual(computeHistory(input));
      if (checkpoint === null) continue;
      expect(checkpoint.readUpTo).toBeLessThanOrEqual(AS_OF);
      // Two futures from the one checkpoint: the second must not see what the first did.
      const futures = [
        [event(AS_OF + 3, 'charge', 50_000), event(AS_OF + 20, 'payment', 20_000)],
        [event(AS_OF + 1, 'payment', 5_000_000), event(AS_OF + 40, 'charge', 1_000)],
      ];
      for (const added of futures) {
        const future = withEvents(input, added);
        expect(resumable(checkpoint, future)).toBe(true);
        expect(resumeHistory(future, checkpoint, null).result).toStrictEqual(computeHistory(future));
      }
    }
  });

  it('refuses an input that differs where the kept months read, and walks it from the start', () => {
    for (const { input } of futureKnown) {
      const { checkpoint } = resumeHistory(input, null, AS_OF + 1);
      if (checkpoint === null) continue;
      const early = withEvents(input, [event(checkpoint.readUpTo, 'payment', 100)]);
      expect(resumable(checkpoint, early)).toBe(false);
      expect(resumeHistory(early, checkpoint, null).result).toStrictEqual(computeHistory(early));
      const otherDue = { ...input, dueDay: input.dueDay === null ? 5 : (input.dueDay % 28) + 1 };
      expect(resumable(checkpoint, otherDue)).toBe(false);
      expect(resumable(checkpoint, { ...input, asOfDay: HORIZON + 31 })).toBe(false);
    }
  });

  // What a what-if's close or clearance pays (core/whatif/projection.ts) is owedOn on a day after
  // today, walked from the checkpoint the account's pass kept: it must be the walk from the start.
  it('gives what is owed on a later day from the checkpoint as from the first month', () => {
    let resumed = 0;
    let dearerSeen = 0;
    for (const { input } of futureKnown) {
      const { checkpoint } = resumeHistory(input, null, AS_OF + 1);
      if (checkpoint === null) continue;
      const future = withEvents(input, [event(AS_OF + 3, 'charge', 50_000), event(AS_OF + 20, 'payment', 20_000)]);
      for (const day of [AS_OF, AS_OF + 5, AS_OF + 21, AS_OF + 90]) {
        expect(owedOn(future, day, checkpoint)).toStrictEqual(owedOn(future, day));
        if (checkpoint.daysRead < day) resumed++;
      }
      // A checkpoint whose months read the day: not used (the walk from the start answers).
      expect(owedOn(future, checkpoint.daysRead, checkpoint)).toStrictEqual(owedOn(future, checkpoint.daysRead));
      // An input that differs where the kept months read (its last charge before them 1 yuan
      // more): not used either; walked from the start it owes that yuan more.
      const at = input.events.findLastIndex((e) => e.role === 'charge' && e.day <= checkpoint.readUpTo);
      if (at < 0) continue;
      const dearer = { ...future, events: future.events.map((e, i) => (i === at ? { ...e, fen: e.fen + 100 } : e)) };
      const owed = owedOn(dearer, AS_OF + 5, checkpoint);
      expect(owed).toStrictEqual(owedOn(dearer, AS_OF + 5));
      expect(owed.paidFen).toBe(owedOn(future, AS_OF + 5).paidFen);
      if (owed.balanceFen !== null) (expect(owed.balanceFen).toBe(owedOn(future, AS_OF + 5).balanceFen! + 100), dearerSeen++);
    }
    // The cards (10 of the 12) know their balance, so the dearer charge shows in it.
    expect(dearerSeen).toBeGreaterThanOrEqual(10);
    // 12 accounts with a checkpoint, each on the 3 days after it (and on AS_OF when its months end before it).
    expect(resumed).toBeGreaterThanOrEqual(36);
  });

  // A month's close reads its own per-month marks only (paid, unconfirmed, cured, in grace:
  // month-close.ts), so a checkpoint keeps none of its month and before, and one that carries
  // them (as the derivation stored them before they were left out: credit_account_checkpoints
  // of an earlier version) goes on exactly alike, whatever they say.
  it('keeps no per-month mark of its month and before, and reads none of those it is given', () => {
    let marked = 0;
    for (const { input } of futureKnown) {
      const { checkpoint } = resumeHistory(input, null, AS_OF + 1);
      if (checkpoint === null) continue;
      const s = checkpoint.state;
      const months = [...s.paidInMonth.keys(), ...s.unconfirmedInMonth.keys(), ...s.curedMonths, ...s.graceMonths];
      expect(months.filter((m) => m <= checkpoint.month)).toEqual([]);
      // The marks of every earlier month, made up (a payment no month had): an older stored state.
      const old = { ...s, paidInMonth: new Map(s.paidInMonth), unconfirmedInMonth: new Map(s.unconfirmedInMonth), curedMonths: new Set(s.curedMonths), graceMonths: new Set(s.graceMonths) };
      for (let m = checkpoint.month - 24; m <= checkpoint.month; m++) {
        old.paidInMonth.set(m, 987_654);
        old.unconfirmedInMonth.set(m, 3);
        old.curedMonths.add(m);
        old.graceMonths.add(m);
      }
      const carried = { ...checkpoint, state: old };
      const future = withEvents(input, [event(AS_OF + 3, 'charge', 50_000), event(AS_OF + 20, 'payment', 20_000)]);
      expect(resumeHistory(future, carried, null).result).toStrictEqual(computeHistory(future));
      expect(owedOn(future, AS_OF + 21, carried)).toStrictEqual(owedOn(future, AS_OF + 21));
      marked++;
    }
    // The 12 accounts of the profile, each with a checkpoint (the first test).
    expect(marked).toBe(12);
  });

  // A what-if closing a card changes its closing day (history-input.ts closedDay): only the months
  // from the close on read it (the walk closes that month and stops), so a close after the kept
  // months resumes, and the resumed pass is the whole one; a close within them does not.
  it('resumes an input closed after the kept months, and refuses one closed within them', () => {
    let closedLater = 0;
    for (const { input } of futureKnown) {
      const { checkpoint } = resumeHistory(input, null, AS_OF + 1);
      if (checkpoint === null || input.closedDay !== null) continue;
      for (const day of [AS_OF + 5, AS_OF + 40, HORIZON]) {
        const closed = { ...input, closedDay: day };
        expect(resumable(checkpoint, closed)).toBe(true);
        const resumed = resumeHistory(closed, checkpoint, null).result;
        expect(resumed).toStrictEqual(computeHistory(closed));
        // Closed in today's month or the next: the history ends there, the months after are not walked.
        if (day < HORIZON) expect(resumed.rows.length).toBeLessThan(computeHistory(input).rows.length);
        closedLater++;
      }
      const early = { ...input, closedDay: checkpoint.readUpTo };
      expect(resumable(checkpoint, early)).toBe(false);
      expect(resumeHistory(early, checkpoint, null).result).toStrictEqual(computeHistory(early));
    }
    // Every account of the profile is open, with months before today: 12 × 3 closing days.
    expect(closedLater).toBe(36);
  });
});
