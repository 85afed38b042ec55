// The What-if page's types, read off the IPC contract (core/whatif/schema.ts through it).
import type { Response, WhatIfActionInput } from '../../../core/ipc/contract.ts';

export type Comparison = Response<'whatif.compare'>;
export type ScenarioResult = Comparison['baseline'];
export type MonthResult = ScenarioResult['months'][number];
export type ScoreAt = MonthResult['bureau'];
export type RuleStatus = MonthResult['verdict'];
export type SavedScenario = Response<'whatif.scenario.save'>;
export type PlanMark = Response<'whatif.plan.mark'>;
export type TargetResult = Response<'whatif.target'>;
export type Model = keyof Comparison['models'];
export type ActionInput = WhatIfActionInput;

/** A scenario open on the page: what it sends to `whatif.compare`, and the saved row it came from. */
export interface Draft {
  /** Stable while the scenario is open (React key, tab id). */
  key: string;
  savedId: number | null;
  name: string;
  actions: ActionInput[];
}

