// Scenarios kept per profile (migration 0012), apart from the real data: save, rename, duplicate,
// delete, and "apply to the plan", which marks one scenario as the client's plan (at most one;
// marking another moves the mark). Every change is one transaction with its audit entry, so a
// refused change leaves the table and the audit log as they were.

import { appendAudit } from '../storage/audit-chain.ts';
import type { Db } from '../storage/database.ts';
import { formatDay, toUtc8Iso } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import { parseScenario } from './validate.ts';
import { scenarioSchema, type PlanMark, type SavedScenario, type WhatIfAction } from './schema.ts';

interface Row {
  id: number;
  name: string;
  actions_json: string;
  created_at: string;
  updated_at: string;
  plan_marked_at: string | null;
  plan_as_of: string | null;
}

function shown(row: Row): SavedScenario {
  const actions = scenarioSchema.shape.actions.parse(JSON.parse(row.actions_json)) as WhatIfAction[];
  return { id: row.id, name: row.name, actions, createdAt: row.created_at, updatedAt: row.updated_at, planMarkedAt: row.plan_marked_at };
}

function rowOf(db: Db, id: number): Row {
  const row = db.prepare('SELECT * FROM whatif_scenarios WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new CredenceError('whatif.scenario_not_found', { id });
  return row;
}

function assertFreeName(db: Db, name: string, except: number | null): void {
  const other = db.prepare('SELECT id FROM whatif_scenarios WHERE name = ?').get(name) as { id: number } | undefined;
  if (other && other.id !== except) throw new CredenceError('whatif.duplicate_name', { name });
}

function write<T>(db: Db, body: () => T): T {
  // An import holds its transaction open between chunks; a write now would join it.
  if (db.inTransaction) throw new CredenceError('whatif.busy', {});
  return db.transaction(body)();
}

export function listScenarios(db: Db): SavedScenario[] {
  return (db.prepare('SELECT * FROM whatif_scenarios ORDER BY updated_at DESC, id DESC').all() as Row[]).map(shown);
}

export function getScenario(db: Db, id: number): SavedScenario {
  return shown(rowOf(db, id));
}

/** Adds (id null) or replaces a scenario, checked action by action as a file is (validate.ts). */
export function saveScenario(db: Db, id: number | null, input: unknown, actor: string): SavedScenario {
  const scenario = parseScenario(input);
  return write(db, () => {
    assertFreeName(db, scenario.name, id);
    const now = toUtc8Iso();
    const json = JSON.stringify(scenario.actions);
    let savedId = id;
    if (savedId === null) {
      savedId = Number(db.prepare('INSERT INTO whatif_scenarios (name, actions_json, created_at, updated_at) VALUES (?, ?, ?, ?)').run(scenario.name, json, now, now).lastInsertRowid);
    } else {
      rowOf(db, savedId);
      db.prepare('UPDATE whatif_scenarios SET name = ?, actions_json = ?, updated_at = ? WHERE id = ?').run(scenario.name, json, now, savedId);
    }
    appendAudit(db, { actor, action: `whatif.scenario.${id === null ? 'create' : 'update'}`, subject: `scenario:${savedId}`, details: scenario });
    return getScenario(db, savedId);
  });
}

export function renameScenario(db: Db, id: number, name: string, actor: string): SavedScenario {
  const { actions } = getScenario(db, id);
  return saveScenario(db, id, { name, actions }, actor);
}

/** A copy under a new name ("… (2)", "… (3)" where the name is taken), not marked as the plan. */
export function duplicateScenario(db: Db, id: number, actor: string): SavedScenario {
  const source = getScenario(db, id);
  const stem = source.name.replace(/ \(\d+\)$/, '').slice(0, 74);
  let n = 2;
  while (db.prepare('SELECT 1 FROM whatif_scenarios WHERE name = ?').get(`${stem} (${n})`)) n += 1;
  return saveScenario(db, null, { name: `${stem} (${n})`, actions: source.actions }, actor);
}

export function deleteScenario(db: Db, id: number, actor: string): void {
  write(db, () => {
    const row = rowOf(db, id);
    db.prepare('DELETE FROM whatif_scenarios WHERE id = ?').run(id);
    appendAudit(db, { actor, action: 'whatif.scenario.delete', subject: `scenario:${id}`, details: { name: row.name, planMarkedAt: row.plan_marked_at } });
  });
}

/** "Apply to the plan": this scenario becomes the client's plan, as of the day it was applied from. */
export function markPlan(db: Db, id: number, asOfDay: number, actor: string): PlanMark {
  return write(db, () => {
    const row = rowOf(db, id);
    const markedAt = toUtc8Iso();
    db.prepare('UPDATE whatif_scenarios SET plan_marked_at = NULL, plan_as_of = NULL WHERE plan_marked_at IS NOT NULL').run();
    db.prepare('UPDATE whatif_scenarios SET plan_marked_at = ?, plan_as_of = ? WHERE id = ?').run(markedAt, formatDay(asOfDay), id);
    const mark: PlanMark = { scenarioId: id, name: row.name, markedAt, asOf: formatDay(asOfDay), actions: shown(row).actions };
    appendAudit(db, { actor, action: 'whatif.plan.mark', subject: `scenario:${id}`, details: mark });
    return mark;
  });
}

/** The scenario marked as the client's plan, with the day it was applied from; null when none is. */
export function markedPlan(db: Db): (SavedScenario & { asOf: string }) | null {
  const row = db.prepare('SELECT * FROM whatif_scenarios WHERE plan_marked_at IS NOT NULL').get() as Row | undefined;
  if (!row) return null;
  // A plan marked before migration 0015 kept no as-of day: the day it was marked stands in.
  return { ...shown(row), asOf: row.plan_as_of ?? row.plan_marked_at!.slice(0, 10) };
}
