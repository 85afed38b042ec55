import { z } from 'zod';
import { planChecklistSchema } from '../../plan/schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// The client's plan (core/plan): the scenario marked "apply to the plan" as a dated checklist,
// each step tracked against the ledger as of `asOf` (today by default): done, missed or pending.

export const planChannels = {
  'plan.show': {
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: planChecklistSchema,
  },
} as const;
