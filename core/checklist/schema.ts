// The "complete the picture" checklist as the app and the CLI see it, declared once (the channels
// in core/ipc/channels/checklist.ts reference these schemas; the types are read off them).

import { z } from 'zod';
import { PRODUCTS } from '../shared/ledger-vocabulary.ts';
import { fen, localizedText, rowId } from '../wire/vocabulary.ts';

/** The kinds of missing fact the checklist asks about (core/checklist/assumed-values.ts measures each). */
export const CHECKLIST_FACTS = ['reporting', 'limit', 'billDays', 'openedOn', 'loanTerms', 'income'] as const;
export type ChecklistFact = (typeof CHECKLIST_FACTS)[number];

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const effect = z.strictObject({
  /** How many points narrower the bureau-style range gets with the fact filled (null: that score is not given). */
  bureauPoints: z.number().int().nullable(),
  sesamePoints: z.number().int().nullable(),
  /** Cells of the simulated report that go from unknown to known. */
  reportCells: z.number().int(),
});
export type ChecklistEffect = z.output<typeof effect>;

export const checklistQuestionSchema = z.strictObject({
  /** Stable across imports: `<fact>:<account id>`, or `<fact>` for a fact of the profile. */
  key: z.string(),
  fact: z.enum(CHECKLIST_FACTS),
  accountId: rowId.nullable(),
  accountName: z.string().nullable(),
  product: z.enum(PRODUCTS).nullable(),
  /** The fields the inline form asks for, by the account edit's (or `monthlyIncomeFen`) names. */
  fields: z.array(z.string()),
  /** The value the effect was measured with, and why that one (the effect is the engine's own ranges with it filled in). */
  assumed: z.record(z.string(), value),
  assumedWhy: localizedText,
  effect,
  /** Read off the account's repayments (core/ledger/bill-day-inference.ts): offered for a one-click confirmation. */
  inferred: z
    .strictObject({
      values: z.record(z.string(), value),
      months: z.number().int(),
      matched: z.number().int(),
      text: localizedText,
      source: z.string(),
      ruleVersion: z.string(),
    })
    .nullable(),
  title: localizedText,
  /** The measured effect in a sentence ("narrows the bureau-style range by 41 points"). */
  text: localizedText,
});
export type ChecklistQuestion = z.output<typeof checklistQuestionSchema>;

export const checklistSchema = z.strictObject({
  asOf: z.string(),
  /** Open questions, the largest measured effect first. */
  questions: z.array(checklistQuestionSchema),
  /** Questions the person dismissed (kept apart, so that they can ask for one again). */
  dismissed: z.array(checklistQuestionSchema.extend({ dismissedAt: z.string() })),
  base: z.strictObject({ bureauWidth: z.number().int().nullable(), sesameWidth: z.number().int().nullable(), reportUnknowns: z.number().int(), monthlyIncomeFen: fen.nullable() }),
});
export type Checklist = z.output<typeof checklistSchema>;
