// The invariant a what-if month answered with the baseline's rests on (core/whatif/day-cut.ts):
// the report core and both scores on day D read nothing of the snapshot dated after D. Checked on
// every day of the 24-month timeline of the baseline and of every scenario of the golden cases
// (every kind of action, every-action-cases.ts): the dashboard's functions on the scenario's
// snapshot answer exactly what they answer on that snapshot cut to D (each account's months to
// D's report month, a close or settlement after D left out). The cut snapshots are new objects,
// so nothing kept with the originals answers for them.

import { describe, expect, it } from 'vitest';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, runScenario } from '../../../core/whatif/compare.ts';
import { alikeOn, cutSnapshot } from '../../../core/whatif/day-cut.ts';
import { evaluate, type TimelinePoint } from '../../../core/whatif/timeline.ts';
import { handCase, type WhatIfCase, EVERY_ACTION_CASES } from './every-action-cases.ts';

const MONTHS = 24;

/** The answer as text, without the ledger accounts the report accounts were built from (the input the cut changes). */
function answer(snapshot: TimelinePoint['snapshot'], day: number): string {
  return JSON.stringify(evaluate(snapshot, day), (key, value) => (key === 'source' ? undefined : value));
}

function timelines(c: WhatIfCase): { name: string; points: TimelinePoint[] }[] {
  const base = loadWhatIfBase(c.db, c.asOfDay);
  const baseline = baselineOf(base, MONTHS);
  return [{ name: 'baseline', points: baseline.points }, ...c.groups.flat().map((s) => ({ name: s.name, points: runScenario(base, baseline, s).points }))];
}

describe.each(EVERY_ACTION_CASES)('on %s, the report and scores of a day read nothing after it', (_, build) => {
  const runs = timelines(build());

  it('answer alike on every day of every timeline, the snapshot whole or cut to the day', () => {
    let cutRows = 0;
    let cutDates = 0;
    for (const { name, points } of runs) {
      for (const p of points) {
        const cut = cutSnapshot(p.snapshot, p.day);
        p.snapshot.accounts.forEach((a, i) => {
          cutRows += a.months.length - cut.accounts[i].months.length;
          if (a.closedOn !== cut.accounts[i].closedOn || a.settledOn !== cut.accounts[i].settledOn) cutDates++;
        });
        expect(answer(cut, p.day), `${name} on day ${p.day}`).toBe(answer(p.snapshot, p.day));
      }
    }
    // Not vacuous: the cut took months after the day off, and a close or settlement after it.
    expect(cutRows).toBeGreaterThan(0);
    expect(cutDates).toBeGreaterThan(0);
  });
});

describe('a scenario’s day before its actions take effect', () => {
  // The hand-built case's first scenario pays the 1111 card before its 2026-12 statement (and
  // stops applying from 2026-12-01, which no snapshot shows): the as-of day 2026-11-21 (report
  // month 2026-10) and the month end 2026-11-30 see nothing of it; 2026-12-31 sees the statement.
  const c = handCase();
  const base = loadWhatIfBase(c.db, c.asOfDay);
  const baseline = baselineOf(base, MONTHS);
  const { points } = runScenario(base, baseline, c.groups[0]![0]!);

  it('is alike the baseline as that day sees it, and answered with the baseline’s report and scores', () => {
    expect(points.slice(0, 3).map((p, k) => alikeOn(p.snapshot, baseline.points[k].snapshot, p.day))).toEqual([true, true, false]);
    expect(points[0].core).toBe(baseline.points[0].core);
    expect(points[1].score).toBe(baseline.points[1].score);
    expect(points[2].core).not.toBe(baseline.points[2].core);
  });

  it('is not alike once the day sees the change: the scenario’s months differ from the baseline’s', () => {
    const later = points.slice(2).filter((p, k) => !alikeOn(p.snapshot, baseline.points[k + 2].snapshot, p.day));
    expect(later.length).toBe(points.length - 2);
    expect(answer(points[2].snapshot, points[2].day)).not.toBe(answer(baseline.points[2].snapshot, points[2].day));
  });
});
