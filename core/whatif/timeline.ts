// A projected scenario read month by month: on each day of the timeline (base.ts timelineDays)
// the ledger snapshot as the scenario has it then, and the dashboard's own report core and
// scores of it (core/bureau/report-core.ts computeCore, core/score/engine.ts scoreSnapshot), as
// pure functions of that snapshot. Nothing of the base snapshot is edited: each day's snapshot
// is a new object sharing the base's unchanged parts.

import { buildBureauView } from '../bureau/view.ts';
import { computeCore, type ReportCore } from '../bureau/report-core.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../ledger/snapshot.ts';
import { formatDay, formatMonth, monthOfDay, parseDay, parseMonth } from '../shared/calendar.ts';
import { scoreSnapshot } from '../score/engine.ts';
import type { ScoreReport } from '../score/report-schema.ts';
import type { ProfileFacts } from '../settings/profile-facts-schema.ts';
import { besideLike } from '../bureau/replaced.ts';
import { alikeOn } from './day-cut.ts';
import type { Projection } from './projection.ts';
import type { ScenarioState } from './scenario-state.ts';

export interface TimelinePoint {
  day: number;
  snapshot: LedgerSnapshot;
  core: ReportCore;
  score: ScoreReport;
}

const YEAR = 12;

/**
 * Platform activity after the as-of month: each month repeats the month a year before (the
 * Sesame-style estimate reads 12-month windows of it), a frozen assumption.
 */
export function projectedActivity(activity: LedgerSnapshot['activity'], asOfDay: number, horizonDay: number): LedgerSnapshot['activity'] {
  const current = monthOfDay(asOfDay);
  const last = monthOfDay(horizonDay);
  // One row per month and bill platform (each scorer reads the platforms it sees).
  const byMonth = new Map<number, LedgerSnapshot['activity']['months']>();
  for (const row of activity.months) {
    const m = parseMonth(row.month)!;
    if (!byMonth.has(m)) byMonth.set(m, []);
    byMonth.get(m)!.push(row);
  }
  const contacts = new Map<number, LedgerSnapshot['activity']['contacts']>();
  for (const c of activity.contacts) {
    const m = parseMonth(c.month)!;
    if (!contacts.has(m)) contacts.set(m, []);
    contacts.get(m)!.push(c);
  }
  const months = activity.months.filter((m) => parseMonth(m.month)! <= current);
  const people = activity.contacts.filter((c) => parseMonth(c.month)! <= current);
  for (let m = current + 1; m <= last; m++) {
    const copies = (byMonth.get(m - YEAR) ?? []).map((row) => ({ ...row, month: formatMonth(m) }));
    byMonth.set(m, copies);
    months.push(...copies);
    const who = (contacts.get(m - YEAR) ?? []).map((c) => ({ ...c, month: formatMonth(m) }));
    contacts.set(m, who);
    people.push(...who);
  }
  return { months, contacts: people };
}

function factsOn(state: ScenarioState, day: number): ProfileFacts {
  const base = state.base.snapshot.profileFacts;
  const changes = state.facts.filter((f) => f.from <= day);
  if (changes.length === 0) return base;
  return Object.assign({ ...base }, ...changes.map((c) => c.values)) as ProfileFacts;
}

/** The accounts as the report reads them on `day`: the dated changes in force applied, accounts opened later left out. */
function accountsOn(state: ScenarioState, projection: Projection, day: number): LedgerAccountSnapshot[] {
  const overlays = state.overlays.filter((o) => o.from <= day);
  const created = state.createdBy.size > 0;
  if (overlays.length === 0 && !created) return projection.accounts;
  const byAccount = new Map<number, Partial<LedgerAccountSnapshot>>();
  for (const o of overlays) byAccount.set(o.accountId, { ...byAccount.get(o.accountId), ...o.values });
  const out: LedgerAccountSnapshot[] = [];
  for (const account of projection.accounts) {
    if (account.id < 0 && account.openedOn !== null && parseDay(account.openedOn)! > day) continue;
    const values = byAccount.get(account.id);
    out.push(values ? { ...account, ...values } : account);
  }
  return out;
}

/** The snapshot of the scenario on `day` (its histories run to the timeline's end; the report and scores read up to `day`). */
export function snapshotOn(state: ScenarioState, projection: Projection, activity: LedgerSnapshot['activity'], day: number): LedgerSnapshot {
  const base = state.base.snapshot;
  const text = formatDay(day);
  const added = state.queries.filter((q) => q.queriedOn <= text);
  return {
    ...base,
    asOfDay: state.horizonDay,
    accounts: accountsOn(state, projection, day),
    queries: added.length > 0 ? [...base.queries, ...added] : base.queries,
    profileFacts: factsOn(state, day),
    activity,
  };
}

/** The report core and both scores of a snapshot on a day: the dashboard's functions, unchanged. */
export function evaluate(snapshot: LedgerSnapshot, day: number): { core: ReportCore; score: ScoreReport } {
  const view = buildBureauView(snapshot, day);
  return { core: computeCore(snapshot, formatDay(day), view.rules), score: scoreSnapshot(snapshot, view, { nextActions: false }) };
}

/**
 * The scenario's points on `days`. A day whose snapshot is, as far as that day sees, the
 * reference's (the baseline on the same days: the scenario's actions take effect later) has the
 * reference's report and scores (day-cut.ts: they read nothing dated after their day). Any other
 * day is evaluated beside the reference's snapshot: the aggregates over the accounts start from
 * its, with the accounts that differ replaced (core/bureau/replaced.ts).
 */
export function timeline(state: ScenarioState, projection: Projection, activity: LedgerSnapshot['activity'], days: readonly number[], reference: readonly TimelinePoint[] | null = null): TimelinePoint[] {
  return days.map((day, k) => pointOn(state, projection, activity, day, reference?.[k]));
}

/** The timeline's point on `day`, beside the reference's point of the same place (timeline). */
export function pointOn(state: ScenarioState, projection: Projection, activity: LedgerSnapshot['activity'], day: number, same: TimelinePoint | undefined): TimelinePoint {
  const snapshot = snapshotOn(state, projection, activity, day);
  if (!same || same.day !== day) return { day, snapshot, ...evaluate(snapshot, day) };
  if (alikeOn(snapshot, same.snapshot, day)) return { day, snapshot, core: same.core, score: same.score };
  return { day, snapshot, ...besideLike(snapshot, same.snapshot, () => evaluate(snapshot, day)) };
}
