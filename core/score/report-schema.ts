// What the scoring engine answers with, declared once: main checks every score report against
// these zod schemas before it leaves (core/ipc/channels/score.ts), and the engine, the CLI and the
// renderer read their types off them. Objects are strict, so a field the engine adds without
// adding it here fails that check instead of vanishing.

import { z } from 'zod';
import { day, localizedText, rowId } from '../wire/vocabulary.ts';

const count = z.number().int();
const nullableNumber = z.number().nullable();

/** A closed interval; low = high when the inputs are certain. */
const interval = z.strictObject({ low: z.number(), high: z.number() });
export type Interval = z.output<typeof interval>;

const impact = z.enum(['high', 'medium', 'low']);
export type Impact = z.output<typeof impact>;

/**
 * Where a factor's points come from:
 * - fitted: a feature of the bureau scorecard fitted on the Taiwan file (models/bureau-v1.json);
 * - adjustment: an expert adjustment for what the fitting file lacks, citing a lender-heuristics rule;
 * - estimate: a factor of the Sesame-style estimate (illustrative points, sourced but not fitted).
 */
const FACTOR_ORIGINS = ['fitted', 'adjustment', 'estimate'] as const;
export type FactorOrigin = (typeof FACTOR_ORIGINS)[number];

const factorUnit = z.enum(['months-late', 'count', 'months', 'ratio', 'fen', 'flag', 'years']);
export type FactorUnit = z.output<typeof factorUnit>;

const factorResult = z.strictObject({
  key: z.string(),
  origin: z.enum(FACTOR_ORIGINS),
  /** Sesame-style estimate: the dimension the factor belongs to. */
  dimension: z.string().nullable(),
  label: localizedText,
  unit: factorUnit,
  /** The factor's value for the score's point estimate; null = cannot be computed from the data. */
  value: nullableNumber,
  /** The values the uncertain inputs allow (null ends: unbounded or not computable). */
  valueRange: z.strictObject({ low: nullableNumber, high: nullableNumber }),
  points: z.number(),
  /** The most this factor can earn (its best bin). */
  maxPoints: z.number(),
  /** The least (its worst bin). */
  minPoints: z.number(),
  pointsBelowBest: z.number(),
  /** The points the uncertain inputs allow. */
  pointsRange: interval,
  impact,
  /** The adverse reason, shown when the factor lost points. */
  reason: localizedText,
  /** What moves it, in plain language. */
  effect: localizedText,
  /** Citations: sections of docs/, URLs, the model card. */
  sources: z.array(z.string()),
  /** Adjustments: the lender-heuristics rule id (core/rules/lender-heuristics.ts). */
  ruleId: z.string().nullable(),
  /**
   * False when the factor has nothing to read (a card-use feature of a file with no revolving
   * account on the report): scored at the population average, never a reason.
   */
  applicable: z.boolean(),
  /** Where the fitting data's shape contradicts common advice, said plainly; null elsewhere. */
  caveat: localizedText.nullable(),
});
export type FactorResult = z.output<typeof factorResult>;

const reasonResult = z.strictObject({
  key: z.string(),
  origin: z.enum([...FACTOR_ORIGINS, 'segment']),
  pointsBelowBest: z.number(),
  text: localizedText,
});
export type ReasonResult = z.output<typeof reasonResult>;

const bandResult = z.strictObject({
  id: z.string(),
  label: localizedText,
  /** Inclusive lower bound. */
  lower: z.number(),
  /** Exclusive upper bound; null for the top band. */
  upper: nullableNumber,
});
export type BandResult = z.output<typeof bandResult>;

/** Why a score is a range: each uncertain input, counted, in words. */
const uncertaintyNote = z.strictObject({
  key: z.enum(['reporting_unknown', 'status_unknown', 'needs_review', 'limit_unknown', 'layout_unknown', 'unobservable', 'adjustments_missing', 'history_short', 'scorable_if_reported']),
  count,
  text: localizedText,
});
export type UncertaintyNote = z.output<typeof uncertaintyNote>;

const actionKind = z.enum(['repay_before_statement', 'pay_overdue', 'keep_on_time', 'complete_profile', 'pay_bills_on_platform']);
export type ActionKind = z.output<typeof actionKind>;

const nextAction = z.strictObject({
  kind: actionKind,
  /** The target the action reaches (a band's lower bound or a benefit threshold). */
  target: z.strictObject({ score: z.number(), label: localizedText }),
  /** Whether the action alone reaches the target (else it is the single action that gets closest). */
  reaches: z.boolean(),
  /** The point estimate after the action, on the date it takes effect. */
  scoreAfter: z.number(),
  /** When it takes effect (YYYY-MM-DD). */
  effectiveOn: day,
  amountFen: nullableNumber,
  accountId: nullableNumber,
  text: localizedText,
});
export type NextAction = z.output<typeof nextAction>;

const thresholdResult = z.strictObject({
  id: z.string(),
  score: z.number(),
  label: localizedText,
  reached: z.boolean(),
  /** Reached at the low end of the range too (true), only at the point or high end (false). */
  certain: z.boolean(),
  sources: z.array(z.string()),
  note: localizedText.nullable(),
});
export type ThresholdResult = z.output<typeof thresholdResult>;

const dimensionResult = z.strictObject({
  id: z.string(),
  label: localizedText,
  /** Unofficial weight (0.35 …), docs/domain/platform-scores.md#unofficial-weights. */
  weight: z.number(),
  points: z.number(),
  maxPoints: z.number(),
  pointsRange: interval,
  /** points ÷ maxPoints × 100, for the radar chart. */
  percent: z.number(),
});
export type DimensionResult = z.output<typeof dimensionResult>;

/** One check of the thin-file rules (core/rules/scorability.ts). */
const scorabilityCheck = z.strictObject({
  id: z.enum(['reporting_account', 'account_age', 'recent_report', 'known_months']),
  label: localizedText,
  met: z.boolean(),
  /** What the ledger shows. */
  finding: localizedText,
  /** What would meet it; null when met. */
  action: localizedText.nullable(),
  sources: z.array(z.string()),
});
export type ScorabilityCheck = z.output<typeof scorabilityCheck>;

/** Whether the bureau-style score can be computed at all (a thin file cannot), and why not. */
const scorability = z.strictObject({
  scorable: z.boolean(),
  /** Met only if accounts whose reporting is not known do report. */
  onlyIfUnknownReported: z.boolean(),
  checks: z.array(scorabilityCheck),
  /** The day the checks are met with nothing else done (time alone), when that is all they need. */
  scorableFrom: day.nullable(),
  rulesVersion: z.string(),
});
export type Scorability = z.output<typeof scorability>;

/** A lender rule the simulated report fails (core/bureau/lender-view.ts), as the score card shows it. */
const failingRule = z.strictObject({
  ruleId: z.string(),
  label: localizedText,
  explanation: localizedText,
  unit: z.enum(['months', 'fen', 'count', 'ratio']),
  /** The metric, counting accounts of unknown reporting as reported (as the score's point does). */
  value: nullableNumber,
  fail: z.number(),
  comparison: z.enum(['at_least', 'more_than']),
  /** Fails on the accounts known to report too (else only if the unknown ones report). */
  certain: z.boolean(),
  /** The best band the score may show while it fails (null: no cap). */
  capBand: z.string().nullable(),
  /** The user changed the cap (else the convention's default, models/bureau-bands-v1.ts). */
  capEdited: z.boolean(),
  sources: z.array(z.string()),
});
export type FailingRule = z.output<typeof failingRule>;

/** The band shown is lower than the score's own, because lender rules fail. */
const bandCap = z.strictObject({
  /** The band of the score alone. */
  uncapped: bandResult,
  /** The failing rules that set the cap. */
  ruleIds: z.array(z.string()),
  convention: localizedText,
  sources: z.array(z.string()),
});
export type BandCap = z.output<typeof bandCap>;

/** The person's lateness pattern has no row in the fitting file: the card's reading is an extrapolation. */
const extrapolation = z.strictObject({
  worst: z.number(),
  current: z.number(),
  lateMonths: z.number(),
  /** Fitting rows with the pattern (0). */
  rows: count,
  /** What the card alone reads, kept in the range. */
  cardScore: z.number(),
  text: localizedText,
});
export type Extrapolation = z.output<typeof extrapolation>;

const bandRange = z.strictObject({ low: bandResult, high: bandResult });

const modelResult = z.strictObject({
  modelId: z.string(),
  modelVersion: z.string(),
  name: localizedText,
  /** What the number is and is not, shown beside it. */
  disclaimer: localizedText,
  /** Null when the model cannot score the file (Scorability): no number, band or percentile. */
  score: z.number().nullable(),
  range: interval.nullable(),
  /** The scale: the estimate's 350–950; the bureau card's fitted range (expert adjustments can go below it). */
  scale: interval,
  /** The band shown: the score's, or lower when failing lender rules cap it (bandCap). */
  band: bandResult.nullable(),
  /** Bands of the range's ends (equal to band when the range sits in one band), capped like band. */
  bandRange: bandRange.nullable(),
  bands: z.array(bandResult),
  factors: z.array(factorResult),
  /** At most four, most points lost first. */
  reasons: z.array(reasonResult).max(4),
  uncertainty: z.array(uncertaintyNote),
  nextAction: nextAction.nullable(),
  /** Bureau: % of the fitting population scoring lower (相对位置). */
  percentile: nullableNumber,
  /** Bureau: the scorecard used (clean / delinquent), and both when the range spans them. */
  segment: z.string().nullable(),
  /** Sesame-style estimate only. */
  dimensions: z.array(dimensionResult),
  thresholds: z.array(thresholdResult),
  /** Sesame-style estimate: the user's latest recorded real score and the gap to the estimate. */
  observed: z.strictObject({ value: z.number(), observedOn: day, gap: z.number() }).nullable(),
  sources: z.array(z.string()),
  /** Bureau-style score: whether the file can be scored (the estimate always scores: null). */
  scorability: scorability.nullable(),
  /** Bureau-style score: the lender rules the simulated report fails. */
  failingRules: z.array(failingRule),
  bandCap: bandCap.nullable(),
  extrapolation: extrapolation.nullable(),
});
export type ModelResult = z.output<typeof modelResult>;

/** A model result with a number: the Sesame-style estimate always has one, the bureau-style score when the file is scorable. */
const scoredModelResult = modelResult.extend({ score: z.number(), range: interval, band: bandResult, bandRange });
export type ScoredModelResult = z.output<typeof scoredModelResult>;

export const scoreReportSchema = z.strictObject({
  /** The day scored (YYYY-MM-DD) and the latest complete month it reads (YYYY-MM). */
  asOf: day,
  latestMonth: z.string(),
  inputs: z.strictObject({
    accounts: count,
    /** Accounts whose reporting to the credit bureau is not known. */
    reportingUnknown: count,
    unknownMonths: count,
    needsReviewEvents: count,
    hardQueries12m: count,
  }),
  bureau: modelResult,
  sesame: scoredModelResult,
});
export type ScoreReport = z.output<typeof scoreReportSchema>;

/** One kept point of the score history (core/score/snapshots.ts). */
const snapshotScore = z.strictObject({ model: z.string(), score: z.number(), low: z.number(), high: z.number() });
/** The bureau-style score of a snapshot taken when the file could not be scored has no number. */
const bureauSnapshotScore = z.strictObject({ model: z.string(), score: nullableNumber, low: nullableNumber, high: nullableNumber });
export const snapshotRowSchema = z.strictObject({
  id: rowId,
  takenAt: z.string(),
  asOf: day,
  trigger: z.enum(['import', 'manual']),
  bureau: bureauSnapshotScore,
  sesame: snapshotScore,
});
export type SnapshotRow = z.output<typeof snapshotRowSchema>;
