// The preparation the app starts when a profile opens (core/whatif/warm-up.ts prepareWhatIf, the
// `whatif.prepare` channel): the default baseline made in steps, then made-up scenarios run and
// thrown away. It must change no answer: a comparison after it (or after a preparation stopped
// half way, or taken up by a request between two of its steps) is the one a fresh base gives, on
// the golden cases (every kind of action; every-action-cases.ts).

import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF, handProfile } from './hand-profile.ts';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { baselineOf, compare, prepareBaseline } from '../../../core/whatif/compare.ts';
import { DEFAULT_MONTHS } from '../../../core/whatif/schema.ts';
import { prepareWhatIf, warmUpScenarios } from '../../../core/whatif/warm-up.ts';
import { handCase, syntheticCase } from './every-action-cases.ts';

const MONTHS = 24;
const goOn = () => Promise.resolve(true);

describe.each([
  ['a hand-built ledger (made up here)', handCase],
  ['the benches’ synthetic profile at a small size', syntheticCase],
] as const)('the what-if prepared at open, on %s', (_, make) => {
  const { db, groups, asOfDay } = make();
  // What every comparison answers with nothing prepared: a fresh base each time.
  const fresh = groups.map((group) => JSON.stringify(compare(loadWhatIfBase(db, asOfDay), group, MONTHS)));

  it('prepares the default timeline’s baseline, which the comparison then uses, and answers as a fresh base does', async () => {
    expect(DEFAULT_MONTHS).toBe(MONTHS);
    const base = loadWhatIfBase(db, asOfDay);
    expect(await prepareWhatIf(base, goOn)).toBe(true);
    const prepared = await prepareBaseline(base, MONTHS, goOn);
    expect(baselineOf(base, MONTHS)).toBe(prepared);
    expect(groups.map((group) => JSON.stringify(compare(base, group, MONTHS)))).toEqual(fresh);
  });

  // A step is one account projected, then one point of the timeline: 0 stops before the first
  // account, 1 after it; 7 falls in the projection (both profiles have more accounts), 24 and 30
  // in the timeline or the made-up scenarios' runs.
  it.each([0, 1, 7, 24, 30])('stopped after %i of its steps, answers as a fresh base does', async (steps) => {
    const base = loadWhatIfBase(db, asOfDay);
    let taken = 0;
    expect(await prepareWhatIf(base, () => Promise.resolve(taken++ < steps))).toBe(false);
    expect(groups.map((group) => JSON.stringify(compare(base, group, MONTHS)))).toEqual(fresh);
  });

  it('is taken up by a comparison asked between two of its steps: both have the one baseline, answered as a fresh base', async () => {
    const base = loadWhatIfBase(db, asOfDay);
    let taken = 0;
    let answer = '';
    // On the sixth pause (five accounts projected), a comparison arrives and finishes the baseline itself.
    const prepared = prepareBaseline(base, MONTHS, () => {
      if (++taken === 6) answer = JSON.stringify(compare(base, groups[0]!, MONTHS));
      return Promise.resolve(true);
    });
    const baseline = await prepared;
    expect(taken).toBe(6);
    expect(baseline).toBe(baselineOf(base, MONTHS));
    expect(baseline!.points).toHaveLength(MONTHS + 1);
    expect(answer).toBe(fresh[0]);
  });

  it('prepares a base once: asked again it answers at once, asked again meanwhile it waits for the one under way', async () => {
    const base = loadWhatIfBase(db, asOfDay);
    let pauses = 0;
    const counted = () => {
      pauses++;
      return Promise.resolve(true);
    };
    // Two asks before either has taken a step: one preparation, its pauses counted once.
    const [first, second] = [prepareWhatIf(base, counted), prepareWhatIf(base, () => Promise.reject(new Error('a second preparation stepped')))];
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    const once = pauses;
    expect(once).toBeGreaterThan(0);
    expect(await prepareWhatIf(base, counted)).toBe(true);
    expect(pauses).toBe(once);
    // A base read again after nothing moved is the same object, prepared: nothing to do.
    expect(await prepareWhatIf(loadWhatIfBase(db, asOfDay, base), () => Promise.reject(new Error('prepared again')))).toBe(true);
    expect(groups.map((group) => JSON.stringify(compare(base, group, MONTHS)))).toEqual(fresh);
  });

  it('asked without the made-up scenarios (the engine has run them once), pauses only for its baseline’s steps, and answers as a fresh base does', async () => {
    const pausesOf = async (prepare: (base: ReturnType<typeof loadWhatIfBase>, pause: () => Promise<boolean>) => Promise<unknown>) => {
      let pauses = 0;
      const base = loadWhatIfBase(db, asOfDay);
      await prepare(base, () => Promise.resolve(++pauses > 0));
      expect(groups.map((group) => JSON.stringify(compare(base, group, MONTHS)))).toEqual(fresh);
      return pauses;
    };
    const baselineSteps = await pausesOf((base, pause) => prepareBaseline(base, MONTHS, pause));
    expect(baselineSteps).toBeGreaterThan(MONTHS);
    expect(await pausesOf((base, pause) => prepareWhatIf(base, pause, false))).toBe(baselineSteps);
    // With them: one pause more per made-up run (24: the new card and the pause are taken by any profile).
    expect(await pausesOf(prepareWhatIf)).toBe(baselineSteps + 24);
  });

  it('stopped half way, is made again by the next ask from where it stood', async () => {
    const base = loadWhatIfBase(db, asOfDay);
    let taken = 0;
    expect(await prepareWhatIf(base, () => Promise.resolve(taken++ < 3))).toBe(false);
    expect(await prepareWhatIf(base, goOn)).toBe(true);
    expect(groups.map((group) => JSON.stringify(compare(base, group, MONTHS)))).toEqual(fresh);
  });

  it('warms up on scenarios the profile can take: a paydown and a close on its first open card, a new card, a pause', () => {
    const base = loadWhatIfBase(db, asOfDay);
    const types = warmUpScenarios(base).map((s) => s.actions.map((a) => a.type).join('+'));
    expect(types).toEqual(['new_card', 'stop_applications+change_income', 'pay', 'close_account']);
  });
});

describe('whatif.prepare through the dispatcher (made-up profile)', () => {
  /** Two cards, one charged near its limit since 2025-06, one barely used since 2026-01; its connection closed, for the stores to open. */
  const twoCardProfile = () => {
    const made = handProfile({
      cards: [
        { last4: '1111', from: '2025-06', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 },
        { last4: '2222', from: '2026-01', chargeDay: 5, chargeYuan: 100, statementDay: 10, dueDay: 28, limitYuan: 10000 },
      ],
    });
    const profileId = initialiseProfile(made.db, '预备测试').id;
    made.db.close();
    return { made, profileId };
  };

  it('runs to its end when nothing is asked meanwhile, and stops once a comparison is asked; the answers are a fresh handler’s', async () => {
    const { made, profileId } = twoCardProfile();
    const handlersOn = (store: SingleFileProfileStore) => createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'test', emit: () => {} }));
    const card = made.ids.get('card:1111')!;
    const request = { profileId, asOf: AS_OF, scenarios: [{ name: 'pay down', actions: [{ type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' }] }] };
    const stores = [0, 1, 2].map(() => new SingleFileProfileStore(made.path));
    try {
      const [whole, interrupted, fresh] = stores.map(handlersOn);
      const expected = await fresh!('whatif.compare', request);
      expect(await whole!('whatif.prepare', { profileId, asOf: AS_OF })).toEqual({ ok: true, value: { prepared: true } });
      expect(await whole!('whatif.compare', request)).toStrictEqual(expected);
      // Asked without waiting: the comparison arrives while the preparation is at its first steps.
      const preparing = interrupted!('whatif.prepare', { profileId, asOf: AS_OF });
      await new Promise((resolve) => setImmediate(resolve));
      expect(await interrupted!('whatif.compare', request)).toStrictEqual(expected);
      expect(await preparing).toEqual({ ok: true, value: { prepared: false } });
    } finally {
      for (const store of stores) store.close();
    }
  });

  // The renderer asks again after every call answered (renderer/src/whatif/WhatIfPreparation.tsx):
  // with the data as it was, the handler's base is prepared and the answer comes before any step
  // (so a comparison asked meanwhile cannot stop it); after an edit moved the data version, the
  // handler reads the base again and prepares it anew (a comparison asked meanwhile stops it).
  it('asked again: answers at once while the data is as it was, and prepares the new base after an edit', async () => {
    const { made, profileId } = twoCardProfile();
    const card = made.ids.get('card:2222')!;
    const request = { profileId, asOf: AS_OF, scenarios: [{ name: 'pay down', actions: [{ type: 'pay', accountId: made.ids.get('card:1111')!, amountFen: 600_000, month: '2026-12', timing: 'before_statement' }] }] };
    const stores = [0, 1].map(() => new SingleFileProfileStore(made.path));
    try {
      const [app, fresh] = stores.map((store) => createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'test', emit: () => {} })));
      const askedMeanwhile = async () => {
        const preparing = app!('whatif.prepare', { profileId, asOf: AS_OF });
        await new Promise((resolve) => setImmediate(resolve));
        const answer = await app!('whatif.compare', request);
        return { prepared: await preparing, answer };
      };
      expect(await app!('whatif.prepare', { profileId, asOf: AS_OF })).toEqual({ ok: true, value: { prepared: true } });
      const before = await askedMeanwhile();
      expect(before.prepared).toEqual({ ok: true, value: { prepared: true } });
      expect(before.answer).toStrictEqual(await fresh!('whatif.compare', request));
      // The second card's limit halved: its utilisation and the report's totals move.
      expect((await app!('ledger.account.update', { profileId, accountId: card, input: { limitFen: 500_000 } })).ok).toBe(true);
      const after = await askedMeanwhile();
      expect(after.prepared).toEqual({ ok: true, value: { prepared: false } });
      expect(after.answer).toStrictEqual(await fresh!('whatif.compare', request));
      expect(after.answer).not.toStrictEqual(before.answer);
      expect(await app!('whatif.prepare', { profileId, asOf: AS_OF })).toEqual({ ok: true, value: { prepared: true } });
      expect(await app!('whatif.compare', request)).toStrictEqual(await fresh!('whatif.compare', request));
    } finally {
      for (const store of stores) store.close();
    }
  });
});
