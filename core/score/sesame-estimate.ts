// Scores the Sesame-style estimate (models/sesame-estimate-v1.ts) from factor values: 350 plus the
// points of every factor; per dimension its points against its most (600 × the unofficial weight);
// the range the uncertain inputs allow; band, benefit thresholds and reasons. Pure.

import type { LocalizedText } from '../shared/localized-text.ts';
import { maxPoints, minPoints, pointsFor, pointsRange, type MissingRule, type PointsBin, type ValueBounds } from './bins.ts';
import { bandOf, impactOf, topReasons, type ImpactCutoffs } from './explain.ts';
import type { BandResult, DimensionResult, FactorResult, FactorUnit, Interval, ReasonResult, ThresholdResult } from './report-schema.ts';

export const SESAME_DIMENSIONS = ['credit_history', 'behaviour', 'capacity', 'identity', 'connections'] as const;
export type SesameDimensionId = (typeof SESAME_DIMENSIONS)[number];

export const SESAME_FACTOR_KEYS = [
  'credit_history_months',
  'late_months_24m',
  'overdue_now',
  'revolving_utilisation',
  'full_repayment_share_12m',
  'declared_assets',
  'debt_to_income',
  'education_provided',
  'occupation_provided',
  'phone_years',
  'address_years',
  'active_months_12m',
  'bill_payments_12m',
  'platform_credit_months_12m',
  'transfer_contacts_12m',
  'contacts_credit',
] as const;
export type SesameFactorKey = (typeof SESAME_FACTOR_KEYS)[number];

export type SesameInputs = Record<SesameFactorKey, ValueBounds>;

export interface SesameFactor {
  key: SesameFactorKey;
  dimension: SesameDimensionId;
  label: LocalizedText;
  unit: FactorUnit;
  bins: PointsBin[];
  missing: MissingRule;
  reason: LocalizedText;
  effect: LocalizedText;
  sources: string[];
}

export interface SesameDimension {
  id: SesameDimensionId;
  label: LocalizedText;
  weight: number;
  definition: LocalizedText;
}

export interface SesameThreshold {
  id: string;
  score: number;
  label: LocalizedText;
  sources: string[];
  note: LocalizedText | null;
}

export interface SesameModel {
  schema: 1;
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText;
  disclaimer: LocalizedText;
  scale: Interval;
  basePoints: number;
  sources: string[];
  impact: ImpactCutoffs;
  dimensions: SesameDimension[];
  weightSource: string;
  factors: SesameFactor[];
  bands: BandResult[];
  bandSources: string[];
  thresholds: SesameThreshold[];
  thresholdNote: LocalizedText;
  /** Sesame is recomputed monthly on this day: when an action shows in the real score. */
  update: { dayOfMonth: number; source: string };
}

export interface SesameScore {
  score: number;
  range: Interval;
  band: BandResult;
  bandRange: { low: BandResult; high: BandResult };
  factors: FactorResult[];
  dimensions: DimensionResult[];
  thresholds: ThresholdResult[];
  reasons: ReasonResult[];
}

/** The points of each factor alone (the fast path next-action search calls per candidate). */
export function sesamePoints(model: SesameModel, inputs: SesameInputs): number {
  let total = model.basePoints;
  for (const f of model.factors) total += pointsFor(f.bins, inputs[f.key].value, f.missing.points);
  return total;
}

function factorResult(model: SesameModel, f: SesameFactor, bounds: ValueBounds): FactorResult {
  const points = pointsFor(f.bins, bounds.value, f.missing.points);
  const best = maxPoints(f.bins);
  const worst = Math.min(minPoints(f.bins), f.missing.points);
  return {
    key: f.key,
    origin: 'estimate',
    dimension: f.dimension,
    label: f.label,
    unit: f.unit,
    value: bounds.value,
    valueRange: { low: bounds.low, high: bounds.high },
    points,
    maxPoints: best,
    minPoints: worst,
    pointsBelowBest: best - points,
    pointsRange: pointsRange(f.bins, bounds, f.missing),
    impact: impactOf(best - worst, model.impact),
    reason: f.reason,
    effect: f.effect,
    sources: f.sources,
    ruleId: null,
    applicable: true,
    caveat: null,
  };
}

function dimensionResult(dimension: SesameDimension, factors: readonly FactorResult[]): DimensionResult {
  const own = factors.filter((f) => f.dimension === dimension.id);
  const points = own.reduce((s, f) => s + f.points, 0);
  const most = own.reduce((s, f) => s + f.maxPoints, 0);
  return {
    id: dimension.id,
    label: dimension.label,
    weight: dimension.weight,
    points,
    maxPoints: most,
    pointsRange: { low: own.reduce((s, f) => s + f.pointsRange.low, 0), high: own.reduce((s, f) => s + f.pointsRange.high, 0) },
    percent: most > 0 ? Math.round((points / most) * 1000) / 10 : 0,
  };
}

export function thresholdResults(model: SesameModel, score: number, range: Interval): ThresholdResult[] {
  return model.thresholds.map((t) => ({
    id: t.id,
    score: t.score,
    label: t.label,
    reached: score >= t.score,
    certain: range.low >= t.score,
    sources: t.sources,
    note: t.note,
  }));
}

export function scoreSesame(model: SesameModel, inputs: SesameInputs): SesameScore {
  const factors = model.factors.map((f) => factorResult(model, f, inputs[f.key]));
  const score = model.basePoints + factors.reduce((s, f) => s + f.points, 0);
  const range = {
    low: model.basePoints + factors.reduce((s, f) => s + f.pointsRange.low, 0),
    high: model.basePoints + factors.reduce((s, f) => s + f.pointsRange.high, 0),
  };
  return {
    score,
    range,
    band: bandOf(model.bands, score),
    bandRange: { low: bandOf(model.bands, range.low), high: bandOf(model.bands, range.high) },
    factors,
    dimensions: model.dimensions.map((d) => dimensionResult(d, factors)),
    thresholds: thresholdResults(model, score, range),
    reasons: topReasons(factors),
  };
}
