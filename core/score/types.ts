// The shapes the scoring engine answers with, shared by the engine, the IPC schema (channels/score.ts),
// the CLI and the renderer. Types only: no Node, no storage, so every side can import them.

import type { LocalizedText } from '../shared/localized-text.ts';

/** A closed interval; low = high when the inputs are certain. */
export interface Interval {
  low: number;
  high: number;
}

export type Impact = 'high' | 'medium' | 'low';

/**
 * Where a factor's points come from:
 * - fitted: a feature of the bureau scorecard fitted on the Taiwan file (models/bureau-v1.json);
 * - adjustment: an expert adjustment for what the fitting file lacks, citing a lender-heuristics rule;
 * - estimate: a factor of the Sesame-style estimate (illustrative points, sourced but not fitted).
 */
export type FactorOrigin = 'fitted' | 'adjustment' | 'estimate';

export type FactorUnit = 'months-late' | 'count' | 'months' | 'ratio' | 'fen' | 'flag' | 'years';

export interface FactorResult {
  key: string;
  origin: FactorOrigin;
  /** Sesame-style estimate: the dimension the factor belongs to. */
  dimension: string | null;
  label: LocalizedText;
  unit: FactorUnit;
  /** The factor's value for the score's point estimate; null = cannot be computed from the data. */
  value: number | null;
  /** The values the uncertain inputs allow (null ends: unbounded or not computable). */
  valueRange: { low: number | null; high: number | null };
  points: number;
  /** The most this factor can earn (its best bin). */
  maxPoints: number;
  /** The least (its worst bin). */
  minPoints: number;
  pointsBelowBest: number;
  /** The points the uncertain inputs allow. */
  pointsRange: Interval;
  impact: Impact;
  /** The adverse reason, shown when the factor lost points. */
  reason: LocalizedText;
  /** What moves it, in plain language. */
  effect: LocalizedText;
  /** Citations: sections of docs/, URLs, the model card. */
  sources: string[];
  /** Adjustments: the lender-heuristics rule id (core/rules/lender-heuristics.ts). */
  ruleId: string | null;
  /**
   * False when the factor has nothing to read (a card-use feature of a file with no revolving
   * account on the report): scored at the population average, never a reason.
   */
  applicable: boolean;
  /** Where the fitting data's shape contradicts common advice, said plainly; null elsewhere. */
  caveat: LocalizedText | null;
}

export interface ReasonResult {
  key: string;
  origin: FactorOrigin | 'segment';
  pointsBelowBest: number;
  text: LocalizedText;
}

export interface BandResult {
  id: string;
  label: LocalizedText;
  /** Inclusive lower bound. */
  lower: number;
  /** Exclusive upper bound; null for the top band. */
  upper: number | null;
}

/** Why a score is a range: each uncertain input, counted, in words. */
export interface UncertaintyNote {
  key: 'reporting_unknown' | 'status_unknown' | 'needs_review' | 'limit_unknown' | 'layout_unknown' | 'unobservable' | 'adjustments_missing' | 'history_short' | 'scorable_if_reported';
  count: number;
  text: LocalizedText;
}

export type ActionKind = 'repay_before_statement' | 'pay_overdue' | 'keep_on_time' | 'complete_profile' | 'pay_bills_on_platform';

export interface NextAction {
  kind: ActionKind;
  /** The target the action reaches (a band's lower bound or a benefit threshold). */
  target: { score: number; label: LocalizedText };
  /** Whether the action alone reaches the target (else it is the single action that gets closest). */
  reaches: boolean;
  /** The point estimate after the action, on the date it takes effect. */
  scoreAfter: number;
  /** When it takes effect (YYYY-MM-DD). */
  effectiveOn: string;
  amountFen: number | null;
  accountId: number | null;
  text: LocalizedText;
}

export interface ThresholdResult {
  id: string;
  score: number;
  label: LocalizedText;
  reached: boolean;
  /** Reached at the low end of the range too (true), only at the point or high end (false). */
  certain: boolean;
  sources: string[];
  note: LocalizedText | null;
}

export interface DimensionResult {
  id: string;
  label: LocalizedText;
  /** Unofficial weight (0.35 …), docs/domain/platform-scores.md#unofficial-weights. */
  weight: number;
  points: number;
  maxPoints: number;
  pointsRange: Interval;
  /** points ÷ maxPoints × 100, for the radar chart. */
  percent: number;
}

/** One check of the thin-file rules (core/rules/scorability.ts). */
export interface ScorabilityCheck {
  id: 'reporting_account' | 'account_age' | 'recent_report' | 'known_months';
  label: LocalizedText;
  met: boolean;
  /** What the ledger shows. */
  finding: LocalizedText;
  /** What would meet it; null when met. */
  action: LocalizedText | null;
  sources: string[];
}

/** Whether the bureau-style score can be computed at all (a thin file cannot), and why not. */
export interface Scorability {
  scorable: boolean;
  /** Met only if accounts whose reporting is not known do report. */
  onlyIfUnknownReported: boolean;
  checks: ScorabilityCheck[];
  /** The day the checks are met with nothing else done (time alone), when that is all they need. */
  scorableFrom: string | null;
  rulesVersion: string;
}

/** A lender rule the simulated report fails (core/bureau/lender-view.ts), as the score card shows it. */
export interface FailingRule {
  ruleId: string;
  label: LocalizedText;
  explanation: LocalizedText;
  unit: 'months' | 'fen' | 'count' | 'ratio';
  /** The metric, counting accounts of unknown reporting as reported (as the score's point does). */
  value: number | null;
  fail: number;
  comparison: 'at_least' | 'more_than';
  /** Fails on the accounts known to report too (else only if the unknown ones report). */
  certain: boolean;
  /** The best band the score may show while it fails (null: no cap). */
  capBand: string | null;
  /** The user changed the cap (else the convention's default, models/bureau-bands-v1.ts). */
  capEdited: boolean;
  sources: string[];
}

/** The band shown is lower than the score's own, because lender rules fail. */
export interface BandCap {
  /** The band of the score alone. */
  uncapped: BandResult;
  /** The failing rules that set the cap. */
  ruleIds: string[];
  convention: LocalizedText;
  sources: string[];
}

/** The person's lateness pattern has no row in the fitting file: the card's reading is an extrapolation. */
export interface Extrapolation {
  worst: number;
  current: number;
  lateMonths: number;
  /** Fitting rows with the pattern (0). */
  rows: number;
  /** What the card alone reads, kept in the range. */
  cardScore: number;
  text: LocalizedText;
}

export interface ModelResult {
  modelId: string;
  modelVersion: string;
  name: LocalizedText;
  /** What the number is and is not, shown beside it. */
  disclaimer: LocalizedText;
  /** Null when the model cannot score the file (Scorability): no number, band or percentile. */
  score: number | null;
  range: Interval | null;
  /** The scale: the estimate's 350–950; the bureau card's fitted range (expert adjustments can go below it). */
  scale: Interval;
  /** The band shown: the score's, or lower when failing lender rules cap it (bandCap). */
  band: BandResult | null;
  /** Bands of the range's ends (equal to band when the range sits in one band), capped like band. */
  bandRange: { low: BandResult; high: BandResult } | null;
  bands: BandResult[];
  factors: FactorResult[];
  /** At most four, most points lost first. */
  reasons: ReasonResult[];
  uncertainty: UncertaintyNote[];
  nextAction: NextAction | null;
  /** Bureau: % of the fitting population scoring lower (相对位置). */
  percentile: number | null;
  /** Bureau: the scorecard used (clean / delinquent), and both when the range spans them. */
  segment: string | null;
  /** Sesame-style estimate only. */
  dimensions: DimensionResult[];
  thresholds: ThresholdResult[];
  /** Sesame-style estimate: the user's latest recorded real score and the gap to the estimate. */
  observed: { value: number; observedOn: string; gap: number } | null;
  sources: string[];
  /** Bureau-style score: whether the file can be scored (the estimate always scores: null). */
  scorability: Scorability | null;
  /** Bureau-style score: the lender rules the simulated report fails. */
  failingRules: FailingRule[];
  bandCap: BandCap | null;
  extrapolation: Extrapolation | null;
}

/** A model result with a number: the Sesame-style estimate always has one, the bureau-style score when the file is scorable. */
export type ScoredModelResult = ModelResult & {
  score: number;
  range: Interval;
  band: BandResult;
  bandRange: { low: BandResult; high: BandResult };
};

export interface ScoreReport {
  /** The day scored (YYYY-MM-DD) and the latest complete month it reads (YYYY-MM). */
  asOf: string;
  latestMonth: string;
  inputs: {
    accounts: number;
    /** Accounts whose reporting to the credit bureau is not known. */
    reportingUnknown: number;
    unknownMonths: number;
    needsReviewEvents: number;
    hardQueries12m: number;
  };
  bureau: ModelResult;
  sesame: ScoredModelResult;
}

export interface SnapshotRow {
  id: number;
  takenAt: string;
  asOf: string;
  trigger: 'import' | 'manual';
  /** score, low and high are null when the file could not be scored. */
  bureau: { model: string; score: number | null; low: number | null; high: number | null };
  sesame: { model: string; score: number; low: number; high: number };
}
