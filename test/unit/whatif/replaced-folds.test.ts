// A scenario's month evaluated beside the baseline's (core/bureau/replaced.ts, timeline.ts): the
// aggregates over the accounts start from the baseline's, with the accounts that differ replaced.
// Checked on every month of every scenario of the golden cases (every kind of action,
// every-action-cases.ts): the point equals the dashboard's functions on a copy of its snapshot
// whose accounts are new objects, so nothing kept with the originals, and no like snapshot,
// answers for it: a whole fold of every aggregate.

import { describe, expect, it } from 'vitest';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, runScenario } from '../../../core/whatif/compare.ts';
import { evaluate, type TimelinePoint } from '../../../core/whatif/timeline.ts';
import type { LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { handCase, syntheticCase, type WhatIfCase } from './every-action-cases.ts';

const MONTHS = 24;

/** The answer as text, part by part (a failure names the part), without the ledger accounts the report accounts were built from (new objects in the copy, equal in value). */
function text(answer: Pick<TimelinePoint, 'core' | 'score'>): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value, (key, v) => (key === 'source' ? undefined : v));
  const { summary, lenderView, ...rest } = answer.core;
  return { accounts: json(rest), summary: json(summary), lenderView: json(lenderView), score: json(answer.score) };
}

/** The snapshot with every account a new object: nothing kept with the originals is found. */
function copied(snapshot: LedgerSnapshot): LedgerSnapshot {
  return { ...snapshot, accounts: snapshot.accounts.map((a) => ({ ...a, months: [...a.months] })) };
}

function runs(c: WhatIfCase): { name: string; points: TimelinePoint[]; baseline: TimelinePoint[] }[] {
  const base = loadWhatIfBase(c.db, c.asOfDay);
  const baseline = baselineOf(base, MONTHS);
  return c.groups.flat().map((s) => ({ name: s.name, points: runScenario(base, baseline, s).points, baseline: baseline.points }));
}

describe.each([
  ['a hand-built ledger', handCase],
  ['the benches’ synthetic profile at a small size', syntheticCase],
] as const)('on %s, a month evaluated beside the baseline’s', (_, build) => {
  const scenarios = runs(build());

  it('answers what a whole fold answers, on every month of every scenario', () => {
    let beside = 0;
    let sharedRecords = 0;
    for (const { name, points, baseline } of scenarios) {
      points.forEach((p, k) => {
        const like = baseline[k];
        if (p.core === like.core) return; // alike as the day sees it: the baseline's own point (day-cut.test.ts)
        beside++;
        expect(text(p), `${name} on day ${p.day}`).toEqual(text(evaluate(copied(p.snapshot), p.day)));
        // The replacement, not a fold, gave the figure: a fold builds its records anew.
        p.core.lenderView.forEach((rule, i) => {
          if (rule.figure.records.length > 0 && rule.figure.records === like.core.lenderView[i].figure.records) sharedRecords++;
        });
      });
    }
    expect(beside).toBeGreaterThan(0);
    expect(sharedRecords).toBeGreaterThan(0);
  });
});

describe('a baseline read again after one charge of one card changed, beside the one before', () => {
  // The benches' profile at a small size; the card's 20th charge 1 yuan more, the ledger derived
  // again (as after an app edit): the base read again keeps every other account's object, so the
  // new baseline's months differ from the earlier's in that card only.
  const c = syntheticCase();
  const before = loadWhatIfBase(c.db, c.asOfDay);
  const earlier = baselineOf(before, MONTHS);
  const card = c.db.prepare("SELECT credit_account_key FROM transactions WHERE credit_account_key LIKE 'credit_card:%' ORDER BY credit_account_key LIMIT 1").pluck().get() as string;
  const charge = c.db.prepare('SELECT id FROM transactions WHERE credit_account_key = ? ORDER BY occurred_epoch LIMIT 1 OFFSET 20').pluck().get(card) as number;
  c.db.prepare('UPDATE transactions SET amount_fen = amount_fen + 100 WHERE id = ?').run(charge);
  refreshLedger(c.db, c.asOfDay);
  const base = loadWhatIfBase(c.db, c.asOfDay, before);
  const points = baselineOf(base, MONTHS).points;

  it('answers what a whole fold answers on every month', () => {
    const moved = base.snapshot.accounts.filter((a, i) => a !== before.snapshot.accounts[i]);
    expect(moved.length).toBe(1);
    let sharedRecords = 0;
    points.forEach((p, k) => {
      expect(text(p), `day ${p.day}`).toEqual(text(evaluate(copied(p.snapshot), p.day)));
      p.core.lenderView.forEach((rule, i) => {
        if (p.core !== earlier.points[k].core && rule.figure.records.length > 0 && rule.figure.records === earlier.points[k].core.lenderView[i].figure.records) sharedRecords++;
      });
    });
    expect(sharedRecords).toBeGreaterThan(0);
  });
});
