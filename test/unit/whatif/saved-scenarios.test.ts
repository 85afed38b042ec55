// Scenarios kept per profile (migration 0012): saved, renamed, copied, deleted and applied to the
// plan, each change audited; apart from the real data, whose tables and data version do not move;
// a refused change leaves the scenarios and the audit log as they were.

import { describe, expect, it } from 'vitest';
import { readDataVersion } from '../../../core/storage/data-version.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { deleteScenario, duplicateScenario, getScenario, listScenarios, markPlan, renameScenario, saveScenario } from '../../../core/whatif/saved-scenarios.ts';
import { AS_OF_DAY, handProfile, tableChecksum } from './hand-profile.ts';

const SCENARIO_TABLES = ['whatif_scenarios', 'audit_log'];

function profile() {
  const made = handProfile({ cards: [{ last4: '1111', from: '2026-01', chargeDay: 5, chargeYuan: 8000, statementDay: 25, dueDay: 15, limitYuan: 10000 }] });
  return { ...made, card: made.ids.get('card:1111')! };
}

const audit = (db: ReturnType<typeof profile>['db']) =>
  db.prepare("SELECT action, subject FROM audit_log WHERE action LIKE 'whatif.%' ORDER BY id").all() as { action: string; subject: string }[];

function refusal(run: () => unknown): CredenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof CredenceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('saved scenarios', () => {
  it('are saved, renamed, copied, applied to the plan and deleted, every change audited, the real data untouched', () => {
    const { db, card } = profile();
    const realBefore = tableChecksum(db, SCENARIO_TABLES);
    const versionBefore = readDataVersion(db).version;
    const pay = { type: 'pay', accountId: card, amountFen: 500_000, month: '2026-12', timing: 'before_statement' };

    const saved = saveScenario(db, null, { name: '账单日前还卡', actions: [pay] }, 'test');
    expect(saved).toMatchObject({ name: '账单日前还卡', actions: [pay], planMarkedAt: null });
    const renamed = renameScenario(db, saved.id, '十二月账单日前还五千', 'test');
    expect(renamed).toMatchObject({ id: saved.id, name: '十二月账单日前还五千', actions: [pay] });
    // The copy takes the first free "(n)" name, starting at 2; a copy of the copy is "(3)", not "(2) (2)".
    const copy = duplicateScenario(db, saved.id, 'test');
    expect(copy.name).toBe('十二月账单日前还五千 (2)');
    expect(duplicateScenario(db, copy.id, 'test').name).toBe('十二月账单日前还五千 (3)');

    const mark = markPlan(db, saved.id, AS_OF_DAY, 'test');
    expect(mark).toMatchObject({ scenarioId: saved.id, name: '十二月账单日前还五千', asOf: '2026-11-21', actions: [pay] });
    // One plan per client: marking the copy moves the mark.
    markPlan(db, copy.id, AS_OF_DAY, 'test');
    expect(listScenarios(db).filter((s) => s.planMarkedAt !== null).map((s) => s.id)).toEqual([copy.id]);

    deleteScenario(db, copy.id, 'test');
    expect(listScenarios(db).map((s) => s.name).sort()).toEqual(['十二月账单日前还五千', '十二月账单日前还五千 (3)']);
    expect(audit(db).map((a) => a.action)).toEqual([
      'whatif.scenario.create',
      'whatif.scenario.update',
      'whatif.scenario.create',
      'whatif.scenario.create',
      'whatif.plan.mark',
      'whatif.plan.mark',
      'whatif.scenario.delete',
    ]);
    expect(tableChecksum(db, SCENARIO_TABLES)).toBe(realBefore);
    expect(readDataVersion(db).version).toBe(versionBefore);
  });

  it('refuse a bad action, a taken name or a missing scenario, and leave everything as it was', () => {
    const { db, card } = profile();
    saveScenario(db, null, { name: '甲', actions: [] }, 'test');
    const other = saveScenario(db, null, { name: '乙', actions: [] }, 'test');
    const before = tableChecksum(db);

    const bad = refusal(() => saveScenario(db, null, { name: '丙', actions: [{ type: 'pay', accountId: card, amountFen: -5, month: '2026-12', timing: 'before_statement' }] }, 'test'));
    expect(bad.code).toBe('whatif.invalid_scenario');
    expect(bad.message).toContain('amountFen');
    expect(refusal(() => renameScenario(db, other.id, '甲', 'test')).code).toBe('whatif.duplicate_name');
    expect(refusal(() => deleteScenario(db, 999, 'test')).code).toBe('whatif.scenario_not_found');
    expect(refusal(() => markPlan(db, 999, AS_OF_DAY, 'test')).code).toBe('whatif.scenario_not_found');
    expect(tableChecksum(db)).toBe(before);
    expect(getScenario(db, other.id).name).toBe('乙');
  });
});
