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
import { updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { refreshLedger } from '../../../core/ledger/freshness.ts';
import { parseScenario } from '../../../core/whatif/validate.ts';
import type { WhatIfAction } from '../../../core/whatif/schema.ts';

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

// A scenario's month starts from the baseline's month of the same day, the accounts that differ
// taken out of its sums and put in (ledger-features.ts replacedSums). Two made-up profiles where a
// part cannot simply be taken out, each month checked against a whole computation as above.
describe('a scenario month from the baseline month beside it (made-up profiles)', () => {
  const scenarioMonths = (db: Parameters<typeof loadWhatIfBase>[0], actions: WhatIfAction[]) => {
    const base = loadWhatIfBase(db, AS_OF_DAY);
    const baseline = baselineOf(base, 6);
    const points = runScenario(base, baseline, parseScenario({ name: 's', actions })).points;
    return { baseline: baseline.points, points };
  };

  it('counts no revolving month once the only card is closed', () => {
    // One card (charged 3,000 yuan on the 5th from 2025-06) and a bank loan. Closed on 2026-11-26,
    // the card has no row after 2026-11, so from the 2026-12 report month (the point of 2027-01-31)
    // its latest month has no revolving account: 'none', where the baseline's has the card's row.
    const { db, ids } = handProfile({
      cards: [{ last4: '2222', from: '2025-06', chargeDay: 5, chargeYuan: 3000, statementDay: 25, dueDay: 15, limitYuan: 10000 }],
      loans: [{ name: '某银行', institutionType: '11', principalYuan: 24000, openedOn: '2025-03-10', termMonths: 24 }],
    });
    const { baseline, points } = scenarioMonths(db, [{ type: 'close_account', accountId: ids.get('card:2222')!, on: '2026-11-26' }]);
    let none = 0;
    points.forEach((p, k) => {
      const months = monthsOf(p.snapshot, p.day);
      expect(months, `day ${p.day}`).toEqual(monthsOf(copied(p.snapshot), p.day));
      if (months[0]!.revolving === 'none' && monthsOf(baseline[k]!.snapshot, p.day)[0]!.revolving === 'known') none++;
    });
    expect(none).toBeGreaterThan(0);
  });

  it('counts a shared line once whichever of its cards is paid down', () => {
    // Two cards on one shared line (共享额度) of 10,000 and 20,000 yuan: the month counts the line
    // at the first card's limit, the second adds 0. Paying down the second changes its balance,
    // not the line: every month as a whole computation has it.
    const { db, ids } = handProfile({
      cards: [
        { last4: '3333', from: '2025-06', chargeDay: 5, chargeYuan: 3000, statementDay: 25, dueDay: 15, limitYuan: 10000 },
        { last4: '4444', from: '2025-08', chargeDay: 9, chargeYuan: 5000, statementDay: 25, dueDay: 15, limitYuan: 20000 },
      ],
    });
    for (const last4 of ['3333', '4444']) updateAccount(db, ids.get(`card:${last4}`)!, { sharedLine: '招行共享额度' }, [], { asOfDay: AS_OF_DAY, actor: 'test' });
    refreshLedger(db, AS_OF_DAY);
    const { baseline, points } = scenarioMonths(db, [{ type: 'pay', accountId: ids.get('card:4444')!, amountFen: 300_000, month: '2026-12', timing: 'before_statement' }]);
    let differs = 0;
    points.forEach((p, k) => {
      const months = monthsOf(p.snapshot, p.day);
      expect(months, `day ${p.day}`).toEqual(monthsOf(copied(p.snapshot), p.day));
      // The line once: 10,000 yuan, the first card's limit.
      expect(months[0]!.point.limit).toBe(1_000_000);
      if (months[0]!.point.balance !== monthsOf(baseline[k]!.snapshot, p.day)[0]!.point.balance) differs++;
    });
    // The paydown lowers the 2026-12 statement: the months from that report month on differ.
    expect(differs).toBeGreaterThan(0);
  });

  it('reads a line again once the card of unknown limit that owed on it owes nothing', () => {
    // Card 6666's limit is not known: while it owes at a statement the month's use cannot be
    // computed (the point's limit is 0). Paying its 3,000 yuan before the 2026-12 statement leaves
    // that statement at 0, so the 2026-12 month reads card 5555's 10,000-yuan line.
    const { db, ids } = handProfile({
      cards: [
        { last4: '5555', from: '2025-06', chargeDay: 5, chargeYuan: 1000, statementDay: 25, dueDay: 15, limitYuan: 10000 },
        { last4: '6666', from: '2025-08', chargeDay: 9, chargeYuan: 3000, statementDay: 25, dueDay: 15, limitYuan: 20000 },
      ],
    });
    updateAccount(db, ids.get('card:6666')!, { limitFen: null }, [], { asOfDay: AS_OF_DAY, actor: 'test' });
    refreshLedger(db, AS_OF_DAY);
    const { baseline, points } = scenarioMonths(db, [{ type: 'pay', accountId: ids.get('card:6666')!, amountFen: 300_000, month: '2026-12', timing: 'before_statement' }]);
    let readAgain = 0;
    points.forEach((p, k) => {
      const months = monthsOf(p.snapshot, p.day);
      expect(months, `day ${p.day}`).toEqual(monthsOf(copied(p.snapshot), p.day));
      const before = monthsOf(baseline[k]!.snapshot, p.day);
      months.forEach((m, i) => {
        if (before[i]!.point.limit === 0 && m.point.limit === 1_000_000) readAgain++;
      });
    });
    expect(readAgain).toBeGreaterThan(0);
  });
});

