// The client's plan as a dated checklist, declared once as zod schemas: the plan channels
// (core/ipc/channels/plan.ts) check every answer against them and the CLI and the page read their
// types off them. Dates `YYYY-MM-DD`, China wall clock (UTC+8); amounts integer fen inside the
// sentences' values (core/shared/plan-sentence.ts), never pre-written text.

import { z } from 'zod';
import { ACTION_TYPES } from '../shared/whatif-actions.ts';
import { day, localizedText } from '../wire/vocabulary.ts';

const account = z.strictObject({ id: z.number().int(), name: z.string(), last4: z.string().nullable() });

const sentenceValue = z.union([
  z.strictObject({ fen: z.number().int() }),
  z.strictObject({ day }),
  z.strictObject({ account }),
  z.strictObject({ accounts: z.array(account) }),
  z.strictObject({ count: z.number().int() }),
  z.strictObject({ text: z.string() }),
]);

export const sentenceSchema = z.strictObject({ template: localizedText, values: z.record(z.string(), sentenceValue) });

export const PLAN_STATES = ['done', 'missed', 'pending', 'untracked'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const planItemSchema = z.strictObject({
  /** The action's position in the plan (0-based). */
  index: z.number().int().min(0),
  type: z.enum(ACTION_TYPES),
  /** The step's date: when to act by (a payment's deadline), or when a wait or a pause begins. */
  on: day,
  /** The last day that still counts: a pause's last day, a deadline with its tolerance. */
  until: day,
  accountId: z.number().int().nullable(),
  sentence: sentenceSchema,
  state: z.enum(PLAN_STATES),
  /** What the ledger shows for it, or lacks. */
  evidence: sentenceSchema,
  /** What counts as done (core/plan/tracking-rules.ts). */
  rule: localizedText,
});
export type PlanItem = z.output<typeof planItemSchema>;

export const planChecklistSchema = z.strictObject({
  plan: z
    .strictObject({
      scenarioId: z.number().int(),
      name: z.string(),
      markedAt: z.string(),
      /** The day the plan was applied from: its what-if's as-of day. */
      startsOn: day,
      /** The day the checklist is tracked as of (today by default). */
      asOf: day,
      trackingVersion: z.string(),
      items: z.array(planItemSchema),
      counts: z.strictObject({ done: z.number().int(), missed: z.number().int(), pending: z.number().int(), untracked: z.number().int() }),
      /** The first pending step (by date), if any: what the roster and the page show next. */
      next: z.number().int().nullable(),
    })
    .nullable(),
});
export type PlanChecklist = z.output<typeof planChecklistSchema>;
export type PlanView = NonNullable<PlanChecklist['plan']>;
