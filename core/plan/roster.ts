// One client's line on an adviser's roster, read from the profile's own database: the client
// details (core/settings/client-details.ts), the last finished import, and the plan's next action
// (the first pending dated action of the scenario marked as the plan, core/whatif).

import { z } from 'zod';
import { addMonthsToDay } from '../bureau/windows.ts';
import { firstDay, formatDay, lastDay, parseDay, parseMonth } from '../shared/calendar.ts';
import { ACTION_TYPES } from '../shared/whatif-actions.ts';
import { clientDetailsSchema, readClientDetails } from '../settings/client-details.ts';
import type { Db } from '../storage/database.ts';
import { profileSummarySchema } from '../storage/profile-store.ts';
import type { WhatIfAction } from '../whatif/schema.ts';
import { listScenarios } from '../whatif/saved-scenarios.ts';

export const nextActionSchema = z.strictObject({
  scenarioId: z.number().int(),
  scenarioName: z.string(),
  /** The action's place in the scenario, from 0. */
  index: z.number().int(),
  type: z.enum(ACTION_TYPES),
  /** As the plan states it: a day `YYYY-MM-DD`, or a month `YYYY-MM` (a payment in a bill's month). */
  date: z.string(),
  /** The last day it can still be done on (UTC+8): what "pending" and the roster's sort read. */
  by: z.string(),
  /** What a payment pays, a loan or draw borrows; null for the rest. */
  amountFen: z.number().int().nullable(),
});
export type NextAction = z.output<typeof nextActionSchema>;

export const rosterEntrySchema = z.strictObject({
  details: clientDetailsSchema,
  /** When the newest finished import finished, as stored (UTC+8 wall clock, `…+08:00`); null before any. */
  lastImportAt: z.string().nullable(),
  nextAction: nextActionSchema.nullable(),
});
export type RosterEntry = z.output<typeof rosterEntrySchema>;

/** A profile as the roster lists it: `client` is absent where the database is locked or cannot be read. */
export const rosterProfileSchema = profileSummarySchema.extend({ client: rosterEntrySchema.optional() });

/** The day an action states and the last day it can still be done on; null for an undated one. */
function actionDates(action: WhatIfAction): { date: string; by: number } | null {
  if ('on' in action) return { date: action.on, by: parseDay(action.on)! };
  if (action.type === 'stop_applications') {
    // "No applications until …": the plan's step is done when the pause ends.
    const until = addMonthsToDay(parseDay(action.from)!, action.months);
    return { date: formatDay(until), by: until };
  }
  if (action.type === 'start_reporting') return { date: action.fromMonth, by: firstDay(parseMonth(action.fromMonth)!) };
  if ('month' in action) return { date: action.month, by: lastDay(parseMonth(action.month)!) };
  return null;
}

function amountOf(action: WhatIfAction): number | null {
  return action.type === 'pay' || action.type === 'new_draw' || action.type === 'new_loan' ? action.amountFen : null;
}

/**
 * The plan's next step: of the scenario marked as the plan, the pending dated action (its last day
 * not before `today`) that comes first, the earlier in the list on a tie. The one read of "next
 * action" (the roster, the CLI): a tracked checklist replaces its body, not its callers.
 */
export function nextPlanAction(db: Db, today: number): NextAction | null {
  const plan = listScenarios(db).find((s) => s.planMarkedAt !== null);
  if (!plan) return null;
  const pending = plan.actions
    .map((action, index) => ({ action, index, dates: actionDates(action) }))
    .filter((a): a is typeof a & { dates: { date: string; by: number } } => a.dates !== null && a.dates.by >= today)
    .sort((a, b) => a.dates.by - b.dates.by || a.index - b.index);
  const first = pending[0];
  if (!first) return null;
  return {
    scenarioId: plan.id,
    scenarioName: plan.name,
    index: first.index,
    type: first.action.type,
    date: first.dates.date,
    by: formatDay(first.dates.by),
    amountFen: amountOf(first.action),
  };
}

export function lastImportAt(db: Db): string | null {
  return (db.prepare('SELECT max(finished_at) FROM import_batches WHERE finished_at IS NOT NULL').pluck().get() as string | null) ?? null;
}

export function rosterEntry(db: Db, today: number): RosterEntry {
  return { details: readClientDetails(db), lastImportAt: lastImportAt(db), nextAction: nextPlanAction(db, today) };
}
