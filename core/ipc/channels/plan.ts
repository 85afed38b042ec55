import { z } from 'zod';
import { planChecklistSchema } from '../../plan/schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// The client's plan (core/plan): the scenario marked "apply to the plan" as a dated checklist,
// each step tracked against the ledger as of `asOf` (today by default): done, missed or pending;
// and the printed plan, which leaves the profile only under a consent.

export const planChannels = {
  'plan.show': {
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: planChecklistSchema,
  },
  'plan.pdf.export': {
    // The printed plan out of the profile, under a consent that covers the plan category
    // (core/consent/plan-export.ts): the shell prints the print view (the desktop window's
    // printToPDF, the CLI's Chromium) and the file goes where the person chose. Where no shell can
    // print (preview, a browser) the answer is "browser": the page uses the browser's own print.
    // presentation: printed in presentation mode (amounts and identifiers masked), recorded with the export.
    request: z.strictObject({ profileId, consentId: z.uuid().nullable(), lang: z.enum(['zh-CN', 'en', 'both']), presentation: z.boolean().default(false) }),
    // path and exportId: where the PDF was written and its export record (mode saved), else null.
    response: z.strictObject({ mode: z.enum(['saved', 'cancelled', 'browser']), path: z.string().nullable(), exportId: z.string().nullable() }),
  },
} as const;
