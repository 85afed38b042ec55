// The baseline and up to three scenarios over one timeline, side by side, in one result
// (schema.ts Comparison). The baseline (no action) is projected once per base and timeline
// length and kept with the base; a scenario recomputes only the accounts its actions touch, and
// its result is kept with the baseline until the request changes.

import { lastDay } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { applyActions } from './actions.ts';
import { previousBase, timelineDays, type WhatIfBase } from './base.ts';
import { WHATIF_FIGURES } from './figures.ts';
import { project, projecting, type Projection } from './projection.ts';
import { scenarioResult } from './results.ts';
import { BUREAU_BANDS } from '../score/models/bureau-bands-v1.ts';
import { DEFAULT_MONTHS, MAX_MONTHS, MAX_SCENARIOS, type Comparison, type ScenarioResult, type WhatIfAction } from './schema.ts';
import { startScenario, type ScenarioState } from './scenario-state.ts';
import { pointOn, projectedActivity, timeline, type TimelinePoint } from './timeline.ts';

export interface ScenarioRequest {
  id?: number | null;
  name: string;
  actions: readonly WhatIfAction[];
}

export interface Baseline {
  months: number;
  days: number[];
  horizonDay: number;
  activity: LedgerSnapshot['activity'];
  state: ScenarioState;
  projection: Projection;
  points: TimelinePoint[];
}

const baselines = new WeakMap<WhatIfBase, Map<number, Baseline>>();

function horizonOf(base: WhatIfBase, months: number): number {
  return lastDay(reportMonthOf(base.asOfDay) + months);
}

/**
 * The baseline over `months` months: no action, only the frozen assumptions; kept with the base.
 * A base read again after the data moved (base.ts previousBase) starts from the previous base's
 * baseline: the accounts the change left alone keep their projection (projection.ts project).
 * A baseline being prepared (prepareBaseline) is finished here, from the point it reached.
 */
export function baselineOf(base: WhatIfBase, months: number): Baseline {
  const cached = baselines.get(base)?.get(months);
  if (cached) return cached;
  const building = buildingOf(base, months);
  while (!complete(building)) step(building);
  return finished(base, building);
}

/**
 * The same baseline made in steps (the projection one account at a time, then the timeline one
 * point at a time), the event loop served between them: what the app computes when a profile
 * opens, before its first what-if asks for it (the months of its default timeline). The steps are
 * baselineOf's work in the same order; a request that needs the baseline before it is done
 * finishes it there (baselineOf). Stops where `pause` says so, leaving it to the next request.
 */
export async function prepareBaseline(base: WhatIfBase, months: number, pause: () => Promise<boolean>): Promise<Baseline | null> {
  const kept = () => baselines.get(base)?.get(months);
  const building = kept() ? null : buildingOf(base, months);
  while (building && !building.done && !complete(building)) {
    if (!(await pause())) return null;
    if (!building.done) step(building);
  }
  return building && !building.done ? finished(base, building) : kept()!;
}

interface Building {
  months: number;
  state: ScenarioState;
  /** The baseline's projection, an account a step (projection.ts projecting). */
  projecting: Generator<void, Projection, void>;
  /** The platform activity of its timeline, made once the projection is done. */
  activity: () => LedgerSnapshot['activity'];
  /** Once the projection is done; its points are then made one a step. */
  baseline: Baseline | null;
  reference: readonly TimelinePoint[] | null;
  points: TimelinePoint[];
  done: boolean;
}

/** A baseline's work so far, by base and months: the one being made, taken up by whoever asks next. */
const inProgress = new WeakMap<WhatIfBase, Map<number, Building>>();

function buildingOf(base: WhatIfBase, months: number): Building {
  let open = inProgress.get(base);
  if (!open) inProgress.set(base, (open = new Map()));
  const found = open.get(months);
  if (found) return found;
  const previous = previousBase(base);
  const earlier = previous && baselines.get(previous)?.get(months);
  const horizonDay = horizonOf(base, months);
  const state = startScenario(base, months, horizonDay);
  const sameActivity = earlier && previous.asOfDay === base.asOfDay && previous.snapshot.activity === base.snapshot.activity;
  const made: Building = {
    months,
    state,
    projecting: projecting(state, null, earlier ?? null),
    activity: () => (sameActivity ? earlier.activity : projectedActivity(base.snapshot.activity, base.asOfDay, horizonDay)),
    baseline: null,
    // The earlier baseline's points on the same days: a day alike as it sees it is answered with
    // them (the answer is a function of the snapshot and the day alone), any other is evaluated
    // beside them, the accounts the change moved replaced in each aggregate.
    reference: earlier && previous.asOfDay === base.asOfDay ? earlier.points : null,
    points: [],
    done: false,
  };
  open.set(months, made);
  return made;
}

function complete(b: Building): boolean {
  return b.baseline !== null && b.points.length === b.baseline.days.length;
}

/** One account projected, or, the projection done, one point of the timeline made. */
function step(b: Building): void {
  if (!b.baseline) {
    const next = b.projecting.next();
    if (!next.done) return;
    const { state, months, points } = b;
    const { horizonDay } = state;
    b.baseline = { months, days: timelineDays(state.base.asOfDay, months), horizonDay, activity: b.activity(), state, projection: next.value, points };
    return;
  }
  const { state, projection, activity, days } = b.baseline;
  const k = b.points.length;
  b.points.push(pointOn(state, projection, activity, days[k]!, b.reference?.[k]));
}

function finished(base: WhatIfBase, b: Building): Baseline {
  const baseline = b.baseline!;
  b.done = true;
  inProgress.get(base)!.delete(b.months);
  let kept = baselines.get(base);
  if (!kept) baselines.set(base, (kept = new Map()));
  kept.set(b.months, baseline);
  return baseline;
}

/** The months a set of scenarios needs: the request's, or longer when one lets more time pass. */
export function monthsFor(requested: number | undefined, scenarios: readonly ScenarioRequest[]): number {
  let months = requested ?? DEFAULT_MONTHS;
  for (const s of scenarios) for (const a of s.actions) if (a.type === 'let_time_pass') months = Math.max(months, a.months);
  return Math.min(months, MAX_MONTHS);
}

/** One scenario's state, projection and timeline against the baseline (its actions checked as they apply). */
export function runScenario(base: WhatIfBase, baseline: Baseline, request: ScenarioRequest): { state: ScenarioState; projection: Projection; points: TimelinePoint[] } {
  const state = applyActions(startScenario(base, baseline.months, baseline.horizonDay), request.actions, request.name);
  const projection = project(state, baseline.projection);
  return { state, projection, points: timeline(state, projection, baseline.activity, baseline.days, baseline.points) };
}

/**
 * One scenario's result against the baseline, kept with the baseline (a result is a pure function
 * of the base, the timeline and the request): an edit on the page changes one scenario, and the
 * others are answered as they were. The last few requests are kept.
 */
export function scenarioOf(base: WhatIfBase, baseline: Baseline, request: ScenarioRequest): ScenarioResult {
  const key = JSON.stringify([request.id ?? null, request.name, request.actions]);
  let kept = results.get(baseline);
  if (!kept) results.set(baseline, (kept = new Map()));
  const found = kept.get(key);
  if (found) {
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const { state, projection, points } = runScenario(base, baseline, request);
  const result = scenarioResult(request.id ?? null, request.name, state, projection, points, baseline.points);
  kept.set(key, result);
  if (kept.size > KEPT_RESULTS) kept.delete(kept.keys().next().value!);
  return result;
}

const KEPT_RESULTS = 12;
const results = new WeakMap<Baseline, Map<string, ScenarioResult>>();
const baselineResults = new WeakMap<Baseline, ScenarioResult>();

export function baselineResult(baseline: Baseline): ScenarioResult {
  let result = baselineResults.get(baseline);
  if (!result) baselineResults.set(baseline, (result = scenarioResult(null, '', baseline.state, baseline.projection, baseline.points, null)));
  return result;
}

export function compare(base: WhatIfBase, scenarios: readonly ScenarioRequest[], months?: number): Comparison {
  if (scenarios.length > MAX_SCENARIOS) throw new CredenceError('whatif.too_many_scenarios', { max: MAX_SCENARIOS, found: scenarios.length });
  const baseline = baselineOf(base, monthsFor(months, scenarios));
  const first = baseline.points[0].score;
  return {
    asOf: first.asOf,
    months: baseline.months,
    models: {
      bureau: { name: first.bureau.name, bands: [...BUREAU_BANDS], scale: first.bureau.scale },
      sesame: { name: first.sesame.name, bands: first.sesame.bands, scale: first.sesame.scale },
    },
    figures: WHATIF_FIGURES.map((f) => ({ key: f.key, label: f.label, unit: f.unit })),
    rules: baseline.points[0].core.lenderView.map((r) => ({ ruleId: r.ruleId, label: r.label })),
    baseline: baselineResult(baseline),
    scenarios: scenarios.map((s) => scenarioOf(base, baseline, s)),
  };
}

