// Scores a person's bureau features with a fitted bureau model (core/score/models/bureau-v1.json):
// total points, the points each feature earned against the best it could earn, the reasons that
// held the score down (most points lost first), and the relative position in the fitting
// population. Pure: no I/O, no clock; the model is passed in as data.
//
// The model is a segmented scorecard: the value of the segment feature (worst months late in
// the last 6 months) picks one card, "clean" (never late) or "delinquent", and that card's base
// points plus the points of each of its features make the score. All cards share one scaling
// (600 points at odds 50:1 good:bad, 20 points to double the odds), so scores from different
// cards are on one scale.

import type { LocalizedText } from '../shared/localized-text.ts';

/** The features the ledger supplies, month 1 = the latest complete month. See FEATURE_DOCS in the model. */
export const BUREAU_FEATURE_NAMES = [
  'worst_months_late_6m',
  'current_months_late',
  'months_late_6m',
  'months_no_payment_5m',
  'avg_payment_to_limit_6m',
  'max_utilisation_6m',
  'months_high_utilisation_6m',
  'months_light_use_6m',
  'months_no_balance_6m',
] as const;

export type BureauFeatureName = (typeof BUREAU_FEATURE_NAMES)[number];

/**
 * One person's feature values. null = cannot be computed (e.g. no credit line known); it scores
 * the points of the population average (WOE 0), except the segment feature, which is required.
 */
export type BureauFeatureVector = Record<BureauFeatureName, number | null>;

export type RiskDirection = 'higher-is-riskier' | 'higher-is-safer';

export interface FeatureDoc {
  name: BureauFeatureName;
  /** months-late: a PBOC status digit 0..7; count: whole months; ratio: a plain number (1 = 100%). */
  kind: 'months-late' | 'count' | 'ratio';
  direction: RiskDirection;
  range: { min: number; max: number | null };
  label: LocalizedText;
  /** What the number is, in ledger terms. */
  definition: LocalizedText;
  /** How the ledger computes it from monthly account history, across accounts. */
  ledger: string;
  /** How it was computed from the fitting file. */
  dataset: string;
  /** The adverse reason shown when this feature lost points. */
  reason: LocalizedText;
  /** What raising or lowering it does, in plain language. */
  effect: LocalizedText;
}

export interface ModelBin {
  /** Inclusive lower edge; null = −∞. */
  lower: number | null;
  /** Exclusive upper edge; null = +∞. */
  upper: number | null;
  label: string;
  count: number;
  bads: number;
  share: number;
  badRate: number;
  woe: number;
  iv: number;
  points: number;
}

export interface ModelMissing {
  treatment: 'own-bin' | 'nearest-bin' | 'population-average';
  count: number;
  woe: number;
  points: number;
}

export interface SegmentFeature {
  name: BureauFeatureName;
  coefficient: number;
  iv: number;
  bins: ModelBin[];
  missing: ModelMissing;
  /** The most points this feature can earn on this card (its worst bin earns 0). */
  maxPoints: number;
}

export interface SegmentRule {
  feature: BureauFeatureName;
  /** Inclusive; null = −∞. */
  lower: number | null;
  /** Exclusive; null = +∞. */
  upper: number | null;
}

export interface ModelSegment {
  id: string;
  label: LocalizedText;
  rule: SegmentRule;
  /** Adverse reason shown when the segment itself costs points (the delinquent card). */
  reason: LocalizedText | null;
  rows: number;
  bads: number;
  badRate: number;
  /** Logistic intercept, log-odds good:bad at WOE 0 for every feature. */
  intercept: number;
  basePoints: number;
  features: SegmentFeature[];
  minScore: number;
  maxScore: number;
}

export interface ModelScaling {
  pdo: number;
  baseScore: number;
  baseOdds: number;
  oddsDefinition: 'good:bad';
  factor: number;
  offset: number;
}

export interface PercentileTable {
  /** Who the percentages are of. */
  population: string;
  minScore: number;
  maxScore: number;
  /** below[s − minScore] = % of the fitting population with a score strictly below s. */
  below: number[];
}

export interface MeanSd {
  mean: number;
  sd: number;
}

export interface ModelValidation {
  scheme: string;
  k: number;
  repeats: number;
  seed: number;
  auc: MeanSd;
  ks: MeanSd;
  gini: MeanSd;
  folds: { repeat: number; fold: number; testRows: number; auc: number; ks: number; gini: number; dropped: string[] }[];
  /** The final model scored on all its fitting rows (optimistic). */
  inSample: { auc: number; ks: number; gini: number };
  baselines: readonly { name: string; short: string; auc: number; ks: number; source: string }[];
  /** Default rate of never-late holders by months revolving: why the model does not use it. */
  revolvingOnCleanCard: { months: string; rows: number; defaultRate: number }[];
  /** Alternative designs measured with the same folds (empty when the fit skipped them). */
  comparisons: { name: string; auc: number; aucSd: number; ks: number; deltaAuc: number; dropped: string[] }[];
}

export interface ModelProvenance {
  dataset: {
    file: string;
    location: string;
    title: string;
    period: string;
    population: string;
    citation: string;
    publisher: string;
    licence: string;
    copiedFrom: string;
    sha256: string;
    rows: number;
    bads: number;
    badRate: number;
  };
  fitDate: string;
  seed: number;
  fitter: string;
  method: { binning: string; regression: string; points: string; missing: string };
  /** sha256 over the fitting sources (path NUL content NUL, sorted, LF line endings). */
  code: { sha256: string; files: string[] };
}

/**
 * How many fitting rows show each lateness pattern (the three lateness features' values
 * together): a person whose pattern has no row is scored by extrapolation, which the engine
 * labels and bounds (core/score/bureau-reading.ts).
 */
export interface LatenessSupport {
  features: readonly ['worst_months_late_6m', 'current_months_late', 'months_late_6m'];
  /** Every pattern with at least one row, ascending by worst, current, late months. */
  patterns: { worst: number; current: number; lateMonths: number; rows: number; bads: number }[];
}

export interface BureauModel {
  schema: 1;
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText;
  segmentFeature: BureauFeatureName;
  features: FeatureDoc[];
  segments: ModelSegment[];
  scaling: ModelScaling;
  percentiles: PercentileTable;
  support: LatenessSupport;
  validation: ModelValidation;
  provenance: ModelProvenance;
}

export interface FeatureScore {
  name: BureauFeatureName;
  value: number | null;
  /** Index of the bin the value fell in; −1 when the value was null. */
  bin: number;
  points: number;
  maxPoints: number;
  /** maxPoints − points. */
  pointsBelowBest: number;
}

export interface Reason {
  /** A feature name, or `segment:<id>` when the card itself costs points. */
  key: string;
  pointsBelowBest: number;
  text: LocalizedText;
}

export interface BureauScore {
  modelId: string;
  modelVersion: string;
  segment: string;
  score: number;
  basePoints: number;
  features: FeatureScore[];
  /** The best score this card allows (every feature in its best bin). */
  bestOnThisCard: number;
  /** The best score any card allows. */
  bestOverall: number;
  /** bestOverall − bestOnThisCard: what being on this card costs before any feature. */
  segmentPointsBelowBest: number;
  /** % of the fitting population scoring strictly lower (相对位置: 高于 X% 的人群). */
  percentile: number;
  /** The default probability the score stands for in the fitting population's terms. */
  badProbability: number;
  /** Everything that cost points (the card itself, then each feature), most first; empty at the best score. */
  reasons: Reason[];
}

function inInterval(value: number, lower: number | null, upper: number | null): boolean {
  return (lower === null || value >= lower) && (upper === null || value < upper);
}

/** The card a feature vector is scored on. */
export function segmentFor(model: BureauModel, features: BureauFeatureVector): ModelSegment {
  for (const segment of model.segments) {
    const value = features[segment.rule.feature];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      throw new Error(`${segment.rule.feature} is required to choose a scorecard, got ${String(value)}`);
    }
    if (inInterval(value, segment.rule.lower, segment.rule.upper)) return segment;
  }
  throw new Error(`no scorecard covers ${model.segmentFeature} = ${String(features[model.segmentFeature])}`);
}

/** The bin holding `value` (bins are contiguous and ascending), or −1 for null. */
export function findBin(bins: readonly Pick<ModelBin, 'lower'>[], value: number | null): number {
  if (value === null || !Number.isFinite(value)) return -1;
  for (let k = bins.length - 1; k >= 0; k--) {
    const lower = bins[k]!.lower;
    if (lower === null || value >= lower) return k;
  }
  return 0;
}

/** Fitting rows with this person's lateness pattern (0: the pattern never occurs in the fitting file). */
export function patternRows(model: BureauModel, features: BureauFeatureVector): number {
  const [w, c, m] = model.support.features.map((name) => features[name]);
  return model.support.patterns.find((p) => p.worst === w && p.current === c && p.lateMonths === m)?.rows ?? 0;
}

export function percentileOf(table: PercentileTable, score: number): number {
  if (score < table.minScore) return 0;
  if (score > table.maxScore) return 100;
  return table.below[Math.floor(score) - table.minScore]!;
}

export function scoreBureau(model: BureauModel, features: BureauFeatureVector): BureauScore {
  const segment = segmentFor(model, features);
  const docs = new Map(model.features.map((d) => [d.name, d]));
  const scored: FeatureScore[] = segment.features.map((f) => {
    const raw = features[f.name];
    const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
    const bin = findBin(f.bins, value);
    const points = bin < 0 ? f.missing.points : f.bins[bin]!.points;
    return { name: f.name, value, bin, points, maxPoints: f.maxPoints, pointsBelowBest: f.maxPoints - points };
  });
  const score = segment.basePoints + scored.reduce((s, f) => s + f.points, 0);
  const bestOf = (s: ModelSegment): number => s.basePoints + s.features.reduce((t, f) => t + f.maxPoints, 0);
  const bestOnThisCard = bestOf(segment);
  const bestOverall = Math.max(...model.segments.map(bestOf));
  const segmentPointsBelowBest = bestOverall - bestOnThisCard;

  const reasons: Reason[] = [];
  if (segmentPointsBelowBest > 0 && segment.reason) {
    reasons.push({ key: `segment:${segment.id}`, pointsBelowBest: segmentPointsBelowBest, text: segment.reason });
  }
  for (const f of scored) {
    if (f.pointsBelowBest <= 0) continue;
    const doc = docs.get(f.name);
    if (!doc) throw new Error(`the model has no description of ${f.name}`);
    reasons.push({ key: f.name, pointsBelowBest: f.pointsBelowBest, text: doc.reason });
  }
  // Most points lost first; equal losses keep the card's order (Array.prototype.sort is stable).
  reasons.sort((a, b) => b.pointsBelowBest - a.pointsBelowBest);
  const { offset, factor } = model.scaling;
  return {
    modelId: model.id,
    modelVersion: model.version,
    segment: segment.id,
    score,
    basePoints: segment.basePoints,
    features: scored,
    bestOnThisCard,
    bestOverall,
    segmentPointsBelowBest,
    percentile: percentileOf(model.percentiles, score),
    badProbability: 1 / (1 + Math.exp((score - offset) / factor)),
    reasons,
  };
}
