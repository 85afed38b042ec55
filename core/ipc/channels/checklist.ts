import { z } from 'zod';
import { checklistSchema } from '../../checklist/schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// "Complete the picture" (core/checklist): the missing facts ranked by their measured effect on
// the scores' ranges and the report, and the questions the person dismissed. An answer is written
// through the ordinary edit channels (ledger.account.update, bureau.income.save); these channels
// only read the checklist and keep a dismissal (migration sample_profile_checklist). Shapes: core/checklist/schema.ts.

const key = z.string().min(1).max(80);

export const checklistChannels = {
  'checklist.get': {
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: checklistSchema,
  },
  'checklist.dismiss': {
    request: z.strictObject({ profileId, key }),
    response: checklistSchema,
  },
  'checklist.restore': {
    request: z.strictObject({ profileId, key }),
    response: checklistSchema,
  },
} as const;
