import { z } from 'zod';
import { EDUCATION_LEVELS, profileFactsSchema } from '../../settings/profile-facts-schema.ts';
import { localizedText, profileId } from '../schemas.ts';

// Node-free like every channel module (the preload bundles the contract).
// Scores (core/score): both models as of a day, explained point by point (core/score/types.ts),
// the score history kept after each import, and the profile facts the estimate reads.

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const interval = z.object({ low: z.number(), high: z.number() });
const nullableNumber = z.number().nullable();

const factor = z.object({
  key: z.string(),
  origin: z.enum(['fitted', 'adjustment', 'estimate']),
  dimension: z.string().nullable(),
  label: localizedText,
  unit: z.enum(['months-late', 'count', 'months', 'ratio', 'fen', 'flag', 'years']),
  value: nullableNumber,
  valueRange: z.object({ low: nullableNumber, high: nullableNumber }),
  points: z.number(),
  maxPoints: z.number(),
  minPoints: z.number(),
  pointsBelowBest: z.number(),
  pointsRange: interval,
  impact: z.enum(['high', 'medium', 'low']),
  reason: localizedText,
  effect: localizedText,
  sources: z.array(z.string()),
  ruleId: z.string().nullable(),
});

const band = z.object({ id: z.string(), label: localizedText, lower: z.number(), upper: nullableNumber });

const modelResult = z.object({
  modelId: z.string(),
  modelVersion: z.string(),
  name: localizedText,
  disclaimer: localizedText,
  score: z.number(),
  range: interval,
  scale: interval,
  band,
  bandRange: z.object({ low: band, high: band }),
  bands: z.array(band),
  factors: z.array(factor),
  reasons: z.array(z.object({ key: z.string(), origin: z.enum(['fitted', 'adjustment', 'estimate', 'segment']), pointsBelowBest: z.number(), text: localizedText })).max(4),
  uncertainty: z.array(
    z.object({
      key: z.enum(['reporting_unknown', 'status_unknown', 'needs_review', 'limit_unknown', 'layout_unknown', 'unobservable', 'adjustments_missing']),
      count: z.number().int(),
      text: localizedText,
    }),
  ),
  nextAction: z
    .object({
      kind: z.enum(['repay_before_statement', 'pay_overdue', 'keep_on_time', 'complete_profile', 'pay_bills_on_platform']),
      target: z.object({ score: z.number(), label: localizedText }),
      reaches: z.boolean(),
      scoreAfter: z.number(),
      effectiveOn: date,
      amountFen: nullableNumber,
      accountId: nullableNumber,
      text: localizedText,
    })
    .nullable(),
  percentile: nullableNumber,
  segment: z.string().nullable(),
  dimensions: z.array(
    z.object({ id: z.string(), label: localizedText, weight: z.number(), points: z.number(), maxPoints: z.number(), pointsRange: interval, percent: z.number() }),
  ),
  thresholds: z.array(
    z.object({ id: z.string(), score: z.number(), label: localizedText, reached: z.boolean(), certain: z.boolean(), sources: z.array(z.string()), note: localizedText.nullable() }),
  ),
  observed: z.object({ value: z.number(), observedOn: date, gap: z.number() }).nullable(),
  sources: z.array(z.string()),
});

export const scoreReportSchema = z.object({
  asOf: date,
  latestMonth: z.string(),
  inputs: z.object({
    accounts: z.number().int(),
    reportingUnknown: z.number().int(),
    unknownMonths: z.number().int(),
    needsReviewEvents: z.number().int(),
    hardQueries12m: z.number().int(),
  }),
  bureau: modelResult,
  sesame: modelResult,
});

const snapshotScore = z.object({ model: z.string(), score: z.number(), low: z.number(), high: z.number() });
const snapshot = z.object({
  id: z.number().int(),
  takenAt: z.string(),
  asOf: date,
  trigger: z.enum(['import', 'manual']),
  bureau: snapshotScore,
  sesame: snapshotScore,
});

export const scoreChannels = {
  'score.report': {
    request: z.strictObject({ profileId, asOf: date.optional() }),
    response: scoreReportSchema,
  },
  'score.history': {
    request: z.strictObject({ profileId }),
    response: z.object({ snapshots: z.array(snapshot) }),
  },
  'score.profile.get': {
    request: z.strictObject({ profileId }),
    response: z.object({ facts: profileFactsSchema, educationLevels: z.array(z.enum(EDUCATION_LEVELS)) }),
  },
  'score.profile.save': {
    // The user's input as a plain record: core validates it and names each bad field (score.invalid_profile).
    request: z.strictObject({ profileId, input: z.record(z.string(), z.unknown()) }),
    response: z.object({ facts: profileFactsSchema, educationLevels: z.array(z.enum(EDUCATION_LEVELS)) }),
  },
} as const;
