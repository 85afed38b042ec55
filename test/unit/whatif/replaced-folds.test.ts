// A scenario's month evaluated beside the baseline's (core/bureau/replaced.ts, timeline.ts): the
// aggregates over the accounts start from the baseline's, with the accounts that differ replaced.
// Checked on every month of every scenario of the golden cases (every kind of action,
// every-action-cases.ts): the point equals the dashboard's functions on a copy of its snapshot
// whose accounts are new objects, so nothing kept with the originals, and no like snapshot,
// answers for it: a whole fold of every aggregate. The baseline's months too: a window metric's
// series there is carried on from the month before's (lender-metrics.ts carriedSeries).

import { describe, expect, it } from 'vitest';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, runScenario } from '../../../core/whatif/compare.ts';
import { evaluate, type TimelinePoint } from '../../../core/whatif/timeline.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { syntheticCase, type WhatIfCase, EVERY_ACTION_CASES, copied } from './every-action-cases.ts';
import { AS_OF_DAY, handProfile } from './hand-profile.ts';

const MONTHS = 24;

/** The answer as text, part by part (a failure names the part), without the ledger accounts the report accounts were built from (new objects in the copy, equal in value). */
function text(answer: Pick<TimelinePoint, 'core' | 'score'>): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value, (key, v) => (key === 'source' ? undefined : v));
  const { summary, lenderView, ...rest } = answer.core;
  return { accounts: json(rest), summary: json(summary), lenderView: json(lenderView), score: json(answer.score) };
}

/** The snapshot with every account a new object: nothing kept with the originals is found. */
function runs(c: WhatIfCase): { name: string; points: TimelinePoint[]; baseline: TimelinePoint[] }[] {
  const base = loadWhatIfBase(c.db, c.asOfDay);
  const baseline = baselineOf(base, MONTHS);
  return c.groups.flat().map((s) => ({ name: s.name, points: runScenario(base, baseline, s).points, baseline: baseline.points }));
}

describe.each(EVERY_ACTION_CASES)('on %s, a month evaluated beside the baseline’s', (_, build) => {
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

  it('answers what a whole fold answers on every month of the baseline (each month’s window series carried on from the month before’s)', () => {
    for (const p of scenarios[0]!.baseline) expect(text(p), `baseline on day ${p.day}`).toEqual(text(evaluate(copied(p.snapshot), p.day)));
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

describe('an overdue month leaving the report’s grid during the baseline (made-up profile)', () => {
  // A card from 2021-09 whose 2021-10 statement (drawn on the 25th, due 2021-11-15) was not repaid:
  // 2021-11 is a 1. On the as-of day 2026-11-21 the report month is 2026-10, its 60-month grid
  // 2021-11..2026-10: PC02D counts the card. At the month end 2026-11-30 the grid starts at
  // 2021-12: the month has left, PC02D counts nothing, and a part carried on from the month
  // before would be wrong.
  const { db } = handProfile({ cards: [{ last4: '3333', from: '2021-09', chargeDay: 5, chargeYuan: 1000, statementDay: 25, dueDay: 15, limitYuan: 10000, missed: ['2021-10'] }] });
  const base = loadWhatIfBase(db, AS_OF_DAY);
  const points = baselineOf(base, 3).points;

  it('counts it, then not, as a whole fold does', () => {
    const cards = (p: TimelinePoint) => p.core.summary.defaults.overdue.find((row) => row.type === 'R2')!.accounts.value;
    expect(points.map(cards)).toEqual([1, 0, 0, 0]);
    for (const p of points) expect(text(p), `day ${p.day}`).toEqual(text(evaluate(copied(p.snapshot), p.day)));
  });
});
