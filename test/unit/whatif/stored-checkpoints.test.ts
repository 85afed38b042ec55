// The baseline's projection started from the derivation's stored day checkpoints (core/whatif/
// base.ts reads them with the base; projection.ts storedCheckpoint): what a cold answer needs no
// longer walks every account's years. The comparison must be the whole computation's: on both
// golden cases (every kind of action, every-action-cases.ts) each comparison equals the one
// computed on the same data with no stored checkpoint, and the stored months were the start of
// some account's projection (its months before the checkpoint are the stored row objects, which
// a pass from the first month makes anew) and not of an account they cannot serve.
// After an edit of one card's charge (what the bench's "a card moved" and cold lines read), the
// checkpoints the derivation stores again serve the new inputs.

import { describe, expect, it } from 'vitest';
import { currentCheckpoints, refreshLedger } from '../../../core/ledger/freshness.ts';
import type { Db } from '../../../core/storage/database.ts';
import { loadWhatIfBase, type WhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, compare } from '../../../core/whatif/compare.ts';
import { EVERY_ACTION_CASES, syntheticCase } from './every-action-cases.ts';

const MONTHS = 24;

/** A base read afresh (new objects: nothing computed for another base is found), with or without its stored checkpoints. */
function freshBase(db: Db, asOfDay: number, stored: boolean): WhatIfBase {
  const base = loadWhatIfBase(db, asOfDay);
  return stored ? base : { ...base, checkpoints: new Map() };
}

/** The accounts whose projected months start with the stored row objects (the stored checkpoint's rows). */
function startedFromStored(base: WhatIfBase): string[] {
  const stored = new Map(base.snapshot.accounts.map((a) => [a.id, a.months[0]]));
  return baselineOf(base, MONTHS)
    .projection.accounts.filter((a) => a.months.length > 0 && a.months[0] === stored.get(a.id))
    .map((a) => a.name);
}

describe.each(EVERY_ACTION_CASES)('on %s, the baseline from the stored checkpoints', (_, build) => {
  it('gives every comparison the whole computation gives, and started some account from them', () => {
    const c = build();
    const withStored = freshBase(c.db, c.asOfDay, true);
    const without = freshBase(c.db, c.asOfDay, false);
    expect(withStored.checkpoints.size).toBeGreaterThan(0);
    expect(withStored.inputs.accounts[0]).not.toBe(without.inputs.accounts[0]);
    for (const group of c.groups) expect(compare(withStored, group, MONTHS)).toStrictEqual(compare(without, group, MONTHS));
    expect(startedFromStored(withStored).length).toBeGreaterThan(0);
    expect(startedFromStored(without)).toEqual([]);
  });
});

describe('the hand-built ledger’s accounts the stored checkpoints serve', () => {
  it('are those whose stored months saw the days a what-if sees in them; not the typed-in loans, which it takes as seen since they opened', () => {
    const c = EVERY_ACTION_CASES[0][1]();
    const base = freshBase(c.db, c.asOfDay, true);
    const kinds = new Map(base.snapshot.accounts.map((a) => [a.name, a.kind]));
    // every-action-cases.ts handCase: two cards and Huabei, each covered by its export from its
    // first month: served. The Weilidai line, typed in with facts for 2026-08 … 2026-10 only: its
    // other months are `#`, so a what-if takes as seen only the days from 2026-11-01 on, after its
    // stored months (to 2026-10-31): served. The two loans, typed in with a fact for every month
    // (every month known), which no export covers: a what-if takes every day since they opened
    // as seen (projection.ts extendedCoverage), which their stored months did not: refused.
    expect(startedFromStored(base).map((name) => kinds.get(name)).sort()).toEqual(['line', 'revolving', 'revolving', 'revolving']);
  });
});

describe('after one card’s charge was edited (synthetic profile, made up)', () => {
  it('serves the checkpoints the derivation made again, and the answer is the whole computation’s', () => {
    const c = syntheticCase();
    // The 21st charge of the first card 1 yuan more, as an edit on the page would leave it: the
    // inputs move, so the derivation recomputes and stores every checkpoint for the new inputs.
    const card = c.db.prepare("SELECT id FROM credit_accounts WHERE kind = 'revolving' ORDER BY id LIMIT 1").pluck().get() as number;
    const key = c.db.prepare('SELECT match_key FROM credit_accounts WHERE id = ?').pluck().get(card) as string;
    const charge = c.db.prepare('SELECT id FROM transactions WHERE credit_account_key = ? ORDER BY occurred_epoch LIMIT 1 OFFSET 20').pluck().get(key) as number;
    const before = currentCheckpoints(c.db);
    c.db.prepare('UPDATE transactions SET amount_fen = amount_fen + 100 WHERE id = ?').run(charge);
    refreshLedger(c.db, c.asOfDay);
    const after = currentCheckpoints(c.db);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(card)).not.toBe(before.get(card));
    const base = freshBase(c.db, c.asOfDay, true);
    for (const group of c.groups) expect(compare(base, group, MONTHS)).toStrictEqual(compare(freshBase(c.db, c.asOfDay, false), group, MONTHS));
    expect(startedFromStored(base).length).toBeGreaterThan(0);
  });
});

describe('a history written by something other than the derivation (synthetic profile, made up)', () => {
  it('leaves every stored checkpoint unserved until the ledger is derived again', () => {
    const c = syntheticCase();
    expect(currentCheckpoints(c.db).size).toBeGreaterThan(0);
    // One account's stored months rewritten by raw SQL: no input moved, so ensureLedger leaves
    // them; the checkpoints' rows (the stored months up to them) may not be the pass's any more.
    const [id, json] = c.db.prepare('SELECT account_id, months_json FROM credit_account_histories LIMIT 1').raw().get() as [number, string];
    c.db.prepare('UPDATE credit_account_histories SET months_json = ? WHERE account_id = ?').run(json.replace('"N"', '"1"'), id);
    expect(currentCheckpoints(c.db).size).toBe(0);
    const base = freshBase(c.db, c.asOfDay, true);
    expect(startedFromStored(base)).toEqual([]);
    // A derivation of everything writes the histories and their checkpoints again: served.
    refreshLedger(c.db, c.asOfDay, true);
    expect(currentCheckpoints(c.db).size).toBeGreaterThan(0);
  });
});
