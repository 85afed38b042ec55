// A history pass for a later day started from the checkpoint a pass kept on an earlier one
// (core/ledger/history/monthly-history.ts historyAfter, recompute/day-checkpoints.ts) is the whole
// pass on that day: on every account of the benches' synthetic profile at 12 accounts (made up:
// cards with late and missed statements, so the grace days' look-ahead is used, and bank loans
// entered by hand), through the stored form of the checkpoint (codecs/history-checkpoint.ts),
// from today to 400 days on; and the profile's derived tables, refreshed day after day, are those
// of a pass from every account's first month on each day.

import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeScoringProfile } from '../../../bench/scoring-profile.ts';
import { AS_OF } from '../../../bench/synthetic-ledger.ts';
import { checkpointJson, parseCheckpoint } from '../../../core/ledger/codecs/history-checkpoint.ts';
import { monthsJson } from '../../../core/ledger/codecs/stored-months.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { computeHistory, historyAfter, resumeHistory } from '../../../core/ledger/history/monthly-history.ts';
import { historyInputOf, readLedgerInputs } from '../../../core/ledger/recompute/history-inputs.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { copyOf, tables } from './derivation-helpers.ts';

const LATER = [1, 2, 9, 10, 11, 15, 28, 31, 45, 61, 90, 200, 400];

function profile(): Db {
  const db = openDatabase(join(tempDir('credence-day-checkpoints-'), 'profile.sqlite'));
  writeScoringProfile(db, { accounts: 12, years: 3, transactions: 2_000 });
  refreshLedger(db, AS_OF);
  return db;
}

describe('a later day from the checkpoint kept today (synthetic profile, made up)', () => {
  it('gives the whole pass of that day, through the stored checkpoint', () => {
    const db = profile();
    const inputs = readLedgerInputs(db);
    let resumed = 0;
    for (const account of inputs.accounts) {
      const today = historyInputOf(inputs, account, AS_OF);
      const { result, checkpoint } = resumeHistory(today, null, AS_OF);
      if (checkpoint === null) continue;
      expect(checkpoint.daysRead).toBeLessThan(AS_OF);
      const upTo = checkpoint.rows.length;
      const prefix = monthsJson(result.rows.slice(0, upTo)).slice(0, -1);
      const json = checkpointJson(checkpoint, prefix.length, upTo);
      for (const days of LATER) {
        const later = historyInputOf(inputs, account, AS_OF + days);
        const stored = parseCheckpoint(json, later);
        // Stored and read back, the state is the one the pass kept, but for its day.
        expect(isDeepStrictEqual({ ...stored.state, asOf: 0, asOfMonth: 0, input: null }, { ...checkpoint.state, asOf: 0, asOfMonth: 0, input: null })).toBe(true);
        expect(stored.state.latest === null || stored.state.obligations.includes(stored.state.latest)).toBe(true);
        const whole = computeHistory(later);
        const after = historyAfter(later, stored);
        expect([...result.rows.slice(0, upTo), ...after.result.rows]).toStrictEqual(whole.rows);
        expect({ ...after.result, rows: [] }).toStrictEqual({ ...whole, rows: [] });
        // The checkpoint it keeps for the next day is the one the whole pass keeps.
        const next = resumeHistory(later, null, later.asOfDay).checkpoint;
        expect(after.checkpoint === null ? stored.month : after.checkpoint.month).toBe(next?.month ?? stored.month);
        if (after.checkpoint !== null && next !== null) expect(isDeepStrictEqual({ ...after.checkpoint.state, input: null }, { ...next.state, input: null })).toBe(true);
        resumed++;
      }
    }
    // 10 cards and 2 loans, all three years old (history-resume.test.ts), each for every later day.
    expect(resumed).toBe(12 * LATER.length);
    db.close();
  });

  it('refreshed day after day, is the pass from every first month on each day', async () => {
    const db = profile();
    const kept = () => db.prepare('SELECT count(*) FROM credit_account_checkpoints').pluck().get();
    expect(kept()).toBe(12);
    for (const days of [1, 2, 31, 32, 100, 400, 30]) {
      const before = await copyOf(db);
      scoreDatabase(db, AS_OF + days);
      refreshLedger(before, AS_OF + days, true);
      expect(tables(db), `day +${days}`).toEqual(tables(before));
      // The states kept (a derivation of everything writes the derived accounts again, which moves
      // the inputs' counter its checkpoints are stamped with: the next day walks them whole).
      const checkpoints = (d: Db) => d.prepare('SELECT account_id, state FROM credit_account_checkpoints ORDER BY account_id').raw().all();
      expect(checkpoints(db), `day +${days}`).toEqual(checkpoints(before));
      expect(scoreDatabase(db, AS_OF + days)).toEqual(scoreDatabase(before, AS_OF + days));
      before.close();
    }
    db.close();
  });
});
