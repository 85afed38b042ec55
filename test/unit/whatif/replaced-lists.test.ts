// The lists of accounts a month is evaluated on, built beside the like snapshot's (replaced.ts):
// every account the report files (layouts.ts fromLikeList), the report's accounts in its order (report-core.ts sortedFromLike) and the lender metrics' two
// readings (lender-metrics.ts listsFromLike, replaced.ts keptFromLike) are the like snapshot's
// with the accounts that differ taken out and put in. Each must be what filtering and sorting
// every account gives: checked on every month of every scenario of the golden cases (every kind of
// action, every-action-cases.ts) against the same functions on a copy of the snapshot whose
// accounts are new objects (nothing kept with the originals, no like snapshot), on a draw on a
// line alone, and on a baseline read again after a card was hidden (an account leaving every
// list, which no scenario does).

import { describe, expect, it } from 'vitest';
import { reportAccounts } from '../../../core/bureau/layouts.ts';
import { keptFromLike, replacements } from '../../../core/bureau/replaced.ts';
import { prepareLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { reportMonthOf } from '../../../core/bureau/windows.ts';
import { deleteAccount } from '../../../core/ledger/accounts/commands.ts';
import { formatDay } from '../../../core/shared/calendar.ts';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, runScenario } from '../../../core/whatif/compare.ts';
import { evaluate, type TimelinePoint } from '../../../core/whatif/timeline.ts';
import { parseScenario } from '../../../core/whatif/validate.ts';
import { handCase, syntheticCase, type WhatIfCase, EVERY_ACTION_CASES, copied } from './every-action-cases.ts';

const MONTHS = 24;

const ids = (accounts: readonly { id: number }[]) => accounts.map((a) => a.id);

/** The point's lists (as kept when it was evaluated) and the lists of a whole computation on a copy. */
function lists(p: TimelinePoint): { kept: number[][]; whole: number[][] } {
  const asOf = formatDay(p.day);
  const month = reportMonthOf(p.day);
  const kept = prepareLenderMetrics(p.snapshot, asOf);
  const copy = copied(p.snapshot);
  const whole = evaluate(copy, p.day);
  const wholePrepared = prepareLenderMetrics(copy, asOf);
  return {
    kept: [ids(reportAccounts(p.snapshot, month)), ids(p.core.accounts), ids(kept.certain), ids(kept.possible)],
    whole: [ids(reportAccounts(copy, month)), ids(whole.core.accounts), ids(wholePrepared.certain), ids(wholePrepared.possible)],
  };
}

describe.each(EVERY_ACTION_CASES)('on %s, the lists of a month evaluated beside the baseline’s', (_, build: () => WhatIfCase) => {
  it('are what filtering and sorting every account gives, on every month of every scenario', () => {
    const c = build();
    const base = loadWhatIfBase(c.db, c.asOfDay);
    const baseline = baselineOf(base, MONTHS);
    let beside = 0;
    for (const s of c.groups.flat()) {
      runScenario(base, baseline, s).points.forEach((p, k) => {
        if (p.core === baseline.points[k].core) return; // the baseline's own point
        beside++;
        const { kept, whole } = lists(p);
        expect(kept, `${s.name} on day ${p.day}`).toEqual(whole);
      });
    }
    expect(beside).toBeGreaterThan(0);
  });
});

describe('a draw on a line, alone (hand-built ledger)', () => {
  // The Weilidai line of the hand-built case has no draw; a scenario draws on it alone, so the
  // month lists differ from the baseline's in the draw and its line only (a line's report accounts
  // depend on its draws: the whole list is built again, not swapped).
  const c = handCase();
  const line = c.db.prepare("SELECT id FROM credit_accounts WHERE kind = 'line' ORDER BY id").pluck().get() as number;
  const scenario = parseScenario({ name: 'draw', actions: [{ type: 'new_draw', on: '2027-01-06', lineId: line, amountFen: 500_000, termMonths: 6, repaymentMethod: 'equal_installment', annualRateBp: 1800, query: false }] });

  it('has the lists a whole computation has, on every month', () => {
    const base = loadWhatIfBase(c.db, c.asOfDay);
    const baseline = baselineOf(base, MONTHS);
    let drawn = 0;
    runScenario(base, baseline, scenario).points.forEach((p) => {
      const { kept, whole } = lists(p);
      expect(kept, `day ${p.day}`).toEqual(whole);
      if (p.snapshot.accounts.some((a) => a.kind === 'draw')) drawn++;
    });
    expect(drawn).toBeGreaterThan(0);
  });
});

describe('a baseline read again after one card was hidden, beside the one before', () => {
  // The benches' profile at a small size; its second card hidden (deleteAccount on a derived
  // account: dismissed), the ledger derived again: the new baseline's lists are the earlier's with
  // that card taken out.
  const c = syntheticCase();
  const before = loadWhatIfBase(c.db, c.asOfDay);
  const earlier = baselineOf(before, MONTHS);
  const card = (c.db.prepare("SELECT id FROM credit_accounts WHERE kind = 'revolving' ORDER BY id").pluck().all() as number[])[1]!;
  deleteAccount(c.db, card, { asOfDay: c.asOfDay, actor: 'test' });
  const base = loadWhatIfBase(c.db, c.asOfDay, before);
  const points = baselineOf(base, MONTHS).points;

  it('has every list without it, as a whole computation does, on every month', () => {
    expect(ids(base.snapshot.accounts)).toEqual(ids(before.snapshot.accounts).filter((id) => id !== card));
    points.forEach((p, k) => {
      const { kept, whole } = lists(p);
      expect(kept, `day ${p.day}`).toEqual(whole);
      // The card was on the report in the earlier baseline's month, so a list lost it.
      expect(ids(earlier.points[k].core.accounts), `day ${p.day}`).toContain(card);
      expect(kept[0], `day ${p.day}`).not.toContain(card);
      expect(kept[3], `day ${p.day}`).not.toContain(card);
    });
  });
});

describe('a list from the like list when the two are in different orders', () => {
  it('is built whole rather than misplaced', () => {
    // [B, C, A] against [A, D, B]: the walk pairs A -> B, D -> C, B -> A. Taking A out and putting
    // B in its place, then looking for B to put A in, finds the B just put in: [A, C, B], not the
    // list's [B, C, A]. No golden scenario reorders accounts (they are read by id), so only this
    // hand-built pair reaches it.
    const [a, b, c, d] = ['A', 'B', 'C', 'D'];
    const list = [b, c, a];
    const like = [a, d, b];
    const changes = replacements(list, like);
    expect(changes).not.toBeNull();
    const built = keptFromLike(changes!, like, () => true);
    expect(built).toBeNull();
  });
});
