// The fitted bureau card with its uncertainty: the point estimate is scoreBureau() on the point
// feature vector (the fitting code's own features), and the range is, over every card the
// segment feature's bounds allow, the card's base points plus each feature's least and most
// points within its bounds (bins.ts). Features are scored independently within a card, so the
// sum of per-feature extremes bounds the score; it is conservative where two features move
// together (a month's balance drives both the highest-use and the light-use counts).

import { pointsRange, type ValueBounds } from './bins.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { scoreBureau, type BureauFeatureName, type BureauFeatureVector, type BureauModel, type BureauScore, type ModelSegment, type SegmentFeature } from './bureau-scorecard.ts';
import { impactOf, type ImpactCutoffs } from './explain.ts';
import type { FactorResult, Interval } from './report-schema.ts';

export type BureauBounds = Record<BureauFeatureName, ValueBounds>;

export interface BureauRange {
  point: BureauScore;
  factors: FactorResult[];
  range: Interval;
  /** Cards the bounds allow (the point's first). */
  segments: string[];
}

const MODEL_CARD = 'core/score/models/bureau-v1.model-card.md';

function segmentAllows(segment: ModelSegment, bounds: ValueBounds): boolean {
  const { lower, upper } = segment.rule;
  const low = bounds.low ?? Number.NEGATIVE_INFINITY;
  const high = bounds.high ?? Number.POSITIVE_INFINITY;
  return (upper === null || low < upper) && (lower === null || high >= lower);
}

/** The segment feature's bounds as this card sees them (its rule holds). */
function clipped(segment: ModelSegment, bounds: ValueBounds): ValueBounds {
  const { lower, upper } = segment.rule;
  const low = lower === null ? bounds.low : Math.max(bounds.low ?? lower, lower);
  const high = upper === null ? bounds.high : Math.min(bounds.high ?? upper, upper - 1e-9);
  return { value: bounds.value, low, high };
}

/** A feature with nothing to read scores its missing points and nothing else; otherwise any bin its bounds allow. */
function featureRange(f: SegmentFeature, b: ValueBounds, notApplicable: ReadonlySet<BureauFeatureName>): Interval {
  return pointsRange(f.bins, b, { points: f.missing.points, uncertain: !notApplicable.has(f.name) });
}

function cardRange(segment: ModelSegment, model: BureauModel, bounds: BureauBounds, notApplicable: ReadonlySet<BureauFeatureName>): Interval {
  let low = segment.basePoints;
  let high = segment.basePoints;
  for (const f of segment.features) {
    const b = f.name === model.segmentFeature ? clipped(segment, bounds[f.name]) : bounds[f.name];
    const r = featureRange(f, b, notApplicable);
    low += r.low;
    high += r.high;
  }
  return { low, high };
}

export interface RangeOptions {
  /** Features with nothing to read (no revolving account on the report): the population average, no range, no reason. */
  notApplicable?: ReadonlySet<BureauFeatureName>;
  /** Per feature, where the fitted shape contradicts common advice (models/bureau-caveats-v1.ts). */
  caveats?: Partial<Record<BureauFeatureName, LocalizedText>>;
}

export function scoreBureauRange(model: BureauModel, point: BureauFeatureVector, bounds: BureauBounds, impact: ImpactCutoffs, options: RangeOptions = {}): BureauRange {
  const notApplicable = options.notApplicable ?? new Set<BureauFeatureName>();
  const scored = scoreBureau(model, point);
  const segment = model.segments.find((s) => s.id === scored.segment)!;
  const docs = new Map(model.features.map((d) => [d.name, d]));
  const factors: FactorResult[] = scored.features.map((f) => {
    const doc = docs.get(f.name)!;
    const def = segment.features.find((x) => x.name === f.name)!;
    const b = f.name === model.segmentFeature ? clipped(segment, bounds[f.name]) : bounds[f.name];
    const worst = Math.min(...def.bins.map((bin) => bin.points), def.missing.points);
    const applicable = !notApplicable.has(f.name);
    return {
      key: f.name,
      origin: 'fitted',
      dimension: null,
      label: doc.label,
      unit: doc.kind === 'ratio' ? 'ratio' : doc.kind === 'months-late' ? 'months-late' : 'count',
      value: f.value,
      valueRange: { low: b.low, high: b.high },
      points: f.points,
      maxPoints: f.maxPoints,
      minPoints: worst,
      pointsBelowBest: f.pointsBelowBest,
      pointsRange: featureRange(def, b, notApplicable),
      impact: impactOf(f.maxPoints - worst, impact),
      reason: doc.reason,
      effect: doc.effect,
      sources: [`${MODEL_CARD} (${model.id} ${model.version}), feature ${f.name}`, model.provenance.dataset.citation],
      ruleId: null,
      applicable,
      caveat: applicable ? (options.caveats?.[f.name] ?? null) : null,
    };
  });
  const possible = model.segments.filter((s) => s.id === segment.id || segmentAllows(s, bounds[model.segmentFeature]));
  const ranges = possible.map((s) => cardRange(s, model, bounds, notApplicable));
  return {
    point: scored,
    factors,
    range: { low: Math.min(scored.score, ...ranges.map((r) => r.low)), high: Math.max(scored.score, ...ranges.map((r) => r.high)) },
    segments: possible.map((s) => s.id),
  };
}
