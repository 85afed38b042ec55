import { z } from 'zod';
import { scoreReportSchema, snapshotRowSchema } from '../../score/report-schema.ts';
import { EDUCATION_LEVELS, profileFactsSchema } from '../../settings/profile-facts-schema.ts';
import { day } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// Scores (core/score): both models as of a day, explained point by point (their shape:
// core/score/report-schema.ts), the score history kept after each import (or when asked), and the
// profile facts the estimate reads.

const profileFacts = z.strictObject({ facts: profileFactsSchema, educationLevels: z.array(z.enum(EDUCATION_LEVELS)) });

export const scoreChannels = {
  'score.report': {
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: scoreReportSchema,
  },
  'score.history': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ snapshots: z.array(snapshotRowSchema) }),
  },
  'score.snapshot': {
    // Keeps both scores as they stand now in the history; null when they equal the latest kept.
    request: z.strictObject({ profileId, asOf: day.optional() }),
    response: z.strictObject({ snapshot: snapshotRowSchema.nullable() }),
  },
  'score.profile.get': {
    request: z.strictObject({ profileId }),
    response: profileFacts,
  },
  'score.bandCap.save': {
    // band: a band id, or null for no cap; reset: back to the convention's default. core validates the band (bureau.invalid_settings).
    request: z.strictObject({ profileId, ruleId: z.string().min(1).max(64), band: z.string().max(8).nullable(), reset: z.boolean().optional() }),
    response: z.strictObject({ caps: z.record(z.string(), z.string().nullable()) }),
  },
  'score.profile.save': {
    // The user's input as a plain record: core validates it and names each bad field (score.invalid_profile).
    request: z.strictObject({ profileId, input: z.record(z.string(), z.unknown()) }),
    response: profileFacts,
  },
} as const;
