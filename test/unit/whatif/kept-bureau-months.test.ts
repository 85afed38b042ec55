// The score's bureau months (core/score/ledger-features.ts bureauMonths) kept with the scoring
// ledger's list of accounts, and that list shared by the months of a what-if whose accounts and
// readings are the same (load-ledger.ts): a later report month reads the 23 months it shares with
// the one before instead of adding them up again. Checked on every month of the baseline and of
// every scenario of the golden cases (every kind of action, every-action-cases.ts): the months
// equal those of a copy of the snapshot whose accounts are new objects (nothing kept), and some
// month is read from the month before's (the same object), so the keeping is what answered.

import { describe, expect, it } from 'vitest';
import { buildBureauView } from '../../../core/bureau/view.ts';
import { reportMonthOf } from '../../../core/bureau/windows.ts';
import type { LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { bureauMonths, type BureauMonth } from '../../../core/score/ledger-features.ts';
import { scoringLedgerOf } from '../../../core/score/load-ledger.ts';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, runScenario } from '../../../core/whatif/compare.ts';
import type { TimelinePoint } from '../../../core/whatif/timeline.ts';
import { type WhatIfCase, EVERY_ACTION_CASES, copied } from './every-action-cases.ts';
import { AS_OF_DAY, handProfile } from './hand-profile.ts';

const MONTHS = 24;

const monthsOf = (snapshot: LedgerSnapshot, day: number): BureauMonth[] => bureauMonths(scoringLedgerOf(snapshot, buildBureauView(snapshot, day)), reportMonthOf(day));

describe.each(EVERY_ACTION_CASES)('on %s, the bureau months kept with the accounts', (_, build: () => WhatIfCase) => {
  it('are the months of a whole computation, on every month of the baseline and of every scenario', () => {
    const c = build();
    const base = loadWhatIfBase(c.db, c.asOfDay);
    const baseline = baselineOf(base, MONTHS);
    const timelines: [string, TimelinePoint[]][] = [['baseline', baseline.points], ...c.groups.flat().map((s): [string, TimelinePoint[]] => [s.name, runScenario(base, baseline, s).points])];
    let carried = 0;
    for (const [name, points] of timelines) {
      let before: BureauMonth[] | null = null;
      for (const p of points) {
        const months = monthsOf(p.snapshot, p.day);
        expect(months, `${name} on day ${p.day}`).toEqual(monthsOf(copied(p.snapshot), p.day));
        // The month before's latest month is this one's second, read as it was kept.
        if (before !== null && months[1] === before[0]) carried++;
        before = months;
      }
    }
    expect(carried).toBeGreaterThan(0);
  });
});

describe('an account the report carries only from a later month (made-up profile)', () => {
  // A card since 2025-06 and a bank loan opened 2027-02-10, after the as-of day 2026-11-21: the
  // baseline's months share one list of ledger accounts, but the loan is off the report (reading
  // `out`) until the 2027-02 report month and on it after, so the scoring accounts differ from
  // then on and the months kept with the earlier list must not be read for the later ones.
  const { db } = handProfile({
    cards: [{ last4: '1111', from: '2025-06', chargeDay: 5, chargeYuan: 3000, statementDay: 25, dueDay: 15, limitYuan: 10000 }],
    loans: [{ name: '某银行', institutionType: '11', principalYuan: 24000, openedOn: '2027-02-10', termMonths: 12 }],
  });
  const baseline = baselineOf(loadWhatIfBase(db, AS_OF_DAY), 6);

  it('has the months of a whole computation on every month, before and after the loan comes on', () => {
    const lists = new Set(baseline.points.map((p) => p.snapshot.accounts));
    expect(lists.size).toBe(1);
    const ledgers = baseline.points.map((p) => scoringLedgerOf(p.snapshot, buildBureauView(p.snapshot, p.day)).accounts);
    expect(new Set(ledgers).size).toBeGreaterThan(1);
    for (const p of baseline.points) expect(monthsOf(p.snapshot, p.day), `day ${p.day}`).toEqual(monthsOf(copied(p.snapshot), p.day));
  });
});
