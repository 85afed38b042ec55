// The what-if engine's whole answer, byte for byte: `whatif.compare` (core/whatif/compare.ts) on a
// hand-built ledger and on the benches' synthetic profile at a small size, the baseline and
// scenarios that between them use every kind of action, over 24 months.
//
// The cases are every-action-cases.ts's. Expected values: the engine's output before its speed
// work (issue 12 §5), kept in golden/. The speed work (shared per-account figures, caches, a
// month answered with the baseline's) must not move a single value: a diff here means a cache
// answered differently from the computation it stands for. A change of the rules moves them on
// purpose: review the diff of golden/ and update it with
// `npx vitest run test/unit/whatif/golden-compare.test.ts -u`.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWhatIfBase } from '../../../core/whatif/base.ts';
import { compare, type ScenarioRequest } from '../../../core/whatif/compare.ts';
import { ACTION_TYPES } from '../../../core/whatif/schema.ts';
import { handCase, syntheticCase } from './every-action-cases.ts';

const MONTHS = 24;

/** One line per flat object or array: every value is there, and a diff names the month and field that moved. */
function printed(value: unknown, indent = ''): string {
  const flat = (v: unknown) => v === null || typeof v !== 'object' || Object.keys(v).length === 0;
  if (flat(value) || Object.values(value as object).every(flat)) return JSON.stringify(value);
  const inner = indent + ' ';
  const entries = Array.isArray(value) ? value.map((v) => inner + printed(v, inner)) : Object.entries(value as object).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${printed(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${entries.join(',\n')}\n${indent}${close}`;
}

function usedTypes(groups: readonly (readonly ScenarioRequest[])[]): Set<string> {
  return new Set(groups.flatMap((g) => g.flatMap((s) => s.actions.map((a) => a.type))));
}

describe('whatif.compare on a hand-built ledger (made up here)', () => {
  const { db, groups, asOfDay } = handCase();

  it('uses every kind of action', () => {
    expect([...usedTypes(groups)].sort()).toEqual([...ACTION_TYPES].sort());
  });

  it.each(groups.map((g, i) => [i + 1, g] as const))('answers comparison %i as before', async (i, group) => {
    const result = compare(loadWhatIfBase(db, asOfDay), group, MONTHS);
    await expect(printed(result) + '\n').toMatchFileSnapshot(join('golden', `compare-hand-${i}.txt`));
  });

  it('answers an edit of one scenario with the others as they were, and the edited one as computed afresh', () => {
    // The results are kept with the baseline (core/whatif/compare.ts scenarioOf): the untouched
    // scenarios' results are the same objects, and the edited one equals a fresh base's answer.
    const base = loadWhatIfBase(db, asOfDay);
    const [first, ...rest] = groups[0]!;
    const before = compare(base, groups[0]!, MONTHS);
    const edited = { ...first!, actions: first!.actions.map((a, k) => (k === 0 && a.type === 'pay' ? { ...a, amountFen: 500_000 } : a)) };
    const after = compare(base, [edited, ...rest], MONTHS);
    expect(after.scenarios[1]).toBe(before.scenarios[1]);
    expect(after.scenarios[2]).toBe(before.scenarios[2]);
    expect(after.scenarios[0]).not.toEqual(before.scenarios[0]);
    expect(after).toEqual(compare(loadWhatIfBase(db, asOfDay), [edited, ...rest], MONTHS));
  });
});

describe('whatif.compare on the benches’ synthetic profile at a small size', () => {
  const { db, groups, asOfDay } = syntheticCase();

  it.each(groups.map((g, i) => [i + 1, g] as const))('answers comparison %i as before', async (i, group) => {
    const result = compare(loadWhatIfBase(db, asOfDay), group, MONTHS);
    await expect(printed(result) + '\n').toMatchFileSnapshot(join('golden', `compare-synthetic-${i}.txt`));
  });
});
