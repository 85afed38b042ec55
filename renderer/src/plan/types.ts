// The Plan page's types, read off the IPC contract (core/plan/schema.ts through it).
import type { Response } from '../../../core/ipc/contract.ts';

export type PlanChecklist = Response<'plan.show'>;
export type PlanView = NonNullable<PlanChecklist['plan']>;
export type PlanItem = PlanView['items'][number];
export type PlanState = PlanItem['state'];
