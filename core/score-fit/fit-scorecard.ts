// Fits the segmented bureau scorecard: for each segment (card), monotone WOE binning of each of
// its features on that segment's rows, a logistic regression of good (1 − bad) on the WOE values,
// then points scaled by PDO and base odds and rounded to whole points. Also scores rows with a
// fitted card and cross-validates the whole procedure (binning included) by stratified k-fold.

import type { RiskDirection } from '../score/bureau-scorecard.ts';
import { binIndex, fitBinning, type Binning } from './woe-binning.ts';
import { fitLogistic } from './logistic.ts';
import { discrimination, meanSd, type MeanSd } from './metrics.ts';
import { repeatedStratifiedKFold } from './stratified-kfold.ts';
import { scalingFactor, scalingOffset, type Scaling } from './scaling.ts';

export interface FeatureSpec {
  direction: RiskDirection;
  resolution: number;
}

export interface SegmentSpec {
  id: string;
  /** Rows whose segment-feature value lies in [lower, upper). */
  lower: number | null;
  upper: number | null;
  features: string[];
}

export interface ScorecardDesign {
  segmentFeature: string;
  segments: SegmentSpec[];
  specs: Record<string, FeatureSpec>;
  scaling: Scaling;
  minBinShare: number;
  fineBins: number;
  maxBins: number;
  l2: number;
}

export interface FitData {
  rows: number;
  /** 1 = bad (defaulted). */
  bad: Uint8Array;
  columns: Record<string, Float64Array>;
}

export interface FittedFeature {
  name: string;
  binning: Binning;
  coefficient: number;
  /** Whole points per bin (the worst bin earns 0). */
  points: number[];
  missingPoints: number;
  maxPoints: number;
}

export interface DroppedFeature {
  name: string;
  reason: 'one-bin' | 'wrong-sign';
  coefficient: number;
}

export interface FittedSegment {
  id: string;
  lower: number | null;
  upper: number | null;
  rows: number;
  bads: number;
  intercept: number;
  basePoints: number;
  features: FittedFeature[];
  /** Features left out: binning left one bin, or the regression gave a coefficient of the wrong sign. */
  dropped: DroppedFeature[];
  iterations: number;
  converged: boolean;
}

export interface FittedScorecard {
  segmentFeature: string;
  segments: FittedSegment[];
}

function inInterval(v: number, lower: number | null, upper: number | null): boolean {
  return (lower === null || v >= lower) && (upper === null || v < upper);
}

/** The segment index of each row (−1 when none applies). */
export function segmentRows(design: Pick<ScorecardDesign, 'segmentFeature' | 'segments'>, data: FitData): Int8Array {
  const col = data.columns[design.segmentFeature];
  if (!col) throw new Error(`no column ${design.segmentFeature}`);
  const out = new Int8Array(data.rows).fill(-1);
  for (let i = 0; i < data.rows; i++) {
    out[i] = design.segments.findIndex((s) => inInterval(col[i]!, s.lower, s.upper));
  }
  return out;
}

function column(data: FitData, name: string): Float64Array {
  const col = data.columns[name];
  if (!col) throw new Error(`no column ${name}`);
  return col;
}

function fitSegment(spec: SegmentSpec, design: ScorecardDesign, data: FitData, rows: Uint32Array): FittedSegment {
  const bad = Uint8Array.from(rows, (i) => data.bad[i]!);
  const good = Uint8Array.from(bad, (b) => 1 - b);
  const bads = bad.reduce((s, b) => s + b, 0);
  const binnings = new Map<string, Binning>();
  for (const name of spec.features) {
    const s = design.specs[name];
    if (!s) throw new Error(`no direction or resolution for ${name}`);
    const col = column(data, name);
    binnings.set(
      name,
      fitBinning(
        Float64Array.from(rows, (i) => col[i]!),
        bad,
        { direction: s.direction, resolution: s.resolution, minBinShare: design.minBinShare, fineBins: design.fineBins, maxBins: design.maxBins },
      ),
    );
  }
  // A feature with one bin carries no information; leave it out of the regression.
  let names = spec.features.filter((n) => binnings.get(n)!.bins.length > 1);
  const dropped: DroppedFeature[] = spec.features
    .filter((n) => !names.includes(n))
    .map((name) => ({ name, reason: 'one-bin', coefficient: 0 }));
  for (;;) {
    const p = names.length;
    const values = new Float64Array(rows.length * p);
    names.forEach((name, j) => {
      const b = binnings.get(name)!;
      const col = column(data, name);
      for (let r = 0; r < rows.length; r++) {
        const k = binIndex(b.bins, col[rows[r]!]!);
        values[r * p + j] = k < 0 ? b.missing.woe : b.bins[k]!.woe;
      }
    });
    const fit = fitLogistic({ rows: rows.length, columns: p, values }, good, { l2: design.l2 });
    // WOE is oriented so that a positive coefficient keeps every feature's documented direction.
    let worst = -1;
    fit.coefficients.forEach((c, j) => {
      if (c <= 0 && (worst < 0 || c < fit.coefficients[worst]!)) worst = j;
    });
    if (worst >= 0) {
      dropped.push({ name: names[worst]!, reason: 'wrong-sign', coefficient: fit.coefficients[worst]! });
      names = names.filter((_, j) => j !== worst);
      continue;
    }
    const factor = scalingFactor(design.scaling);
    let base = scalingOffset(design.scaling) + factor * fit.intercept;
    const features: FittedFeature[] = names.map((name, j) => {
      const b = binnings.get(name)!;
      const c = fit.coefficients[j]!;
      const raw = b.bins.map((bin) => factor * c * bin.woe);
      const floor = Math.min(...raw);
      base += floor;
      const points = raw.map((r) => Math.round(r - floor));
      return {
        name,
        binning: b,
        coefficient: c,
        points,
        missingPoints: Math.round(factor * c * b.missing.woe - floor),
        maxPoints: Math.max(...points),
      };
    });
    return {
      id: spec.id,
      lower: spec.lower,
      upper: spec.upper,
      rows: rows.length,
      bads,
      intercept: fit.intercept,
      basePoints: Math.round(base),
      features,
      dropped,
      iterations: fit.iterations,
      converged: fit.converged,
    };
  }
}

/** Fits every card on the given rows (default: all rows). */
export function fitScorecard(design: ScorecardDesign, data: FitData, rows?: Uint32Array): FittedScorecard {
  const all = rows ?? Uint32Array.from({ length: data.rows }, (_, i) => i);
  const seg = segmentRows(design, data);
  const segments = design.segments.map((spec, s) => fitSegment(spec, design, data, all.filter((i) => seg[i] === s)));
  return { segmentFeature: design.segmentFeature, segments };
}

/** Scores rows (default: all) with a fitted card; NaN for a row no segment covers. */
export function scoreRows(card: FittedScorecard, data: FitData, rows?: Uint32Array): Float64Array {
  const idx = rows ?? Uint32Array.from({ length: data.rows }, (_, i) => i);
  const segCol = column(data, card.segmentFeature);
  const out = new Float64Array(idx.length);
  const cols = card.segments.map((s) => s.features.map((f) => column(data, f.name)));
  idx.forEach((i, r) => {
    const s = card.segments.findIndex((x) => inInterval(segCol[i]!, x.lower, x.upper));
    if (s < 0) {
      out[r] = NaN;
      return;
    }
    const segment = card.segments[s]!;
    let score = segment.basePoints;
    segment.features.forEach((f, j) => {
      const k = binIndex(f.binning.bins, cols[s]![j]![i]!);
      score += k < 0 ? f.missingPoints : f.points[k]!;
    });
    out[r] = score;
  });
  return out;
}

export interface FoldResult {
  repeat: number;
  fold: number;
  trainRows: number;
  testRows: number;
  auc: number;
  ks: number;
  gini: number;
  /** Features a fold left out, as `segment/feature (reason)`. */
  dropped: string[];
}

export interface CrossValidation {
  k: number;
  repeats: number;
  seed: number;
  folds: FoldResult[];
  auc: MeanSd;
  ks: MeanSd;
  gini: MeanSd;
}

/** Repeated stratified k-fold of the whole procedure; held-out rows scored with the whole-point card. */
export function crossValidate(design: ScorecardDesign, data: FitData, k: number, repeats: number, seed: number): CrossValidation {
  const splits = repeatedStratifiedKFold(data.bad, k, repeats, seed);
  const folds: FoldResult[] = splits.map((split) => {
    const card = fitScorecard(design, data, split.train);
    const scores = scoreRows(card, data, split.test);
    const d = discrimination(scores.map((s) => -s), Uint8Array.from(split.test, (i) => data.bad[i]!));
    return {
      repeat: split.repeat,
      fold: split.fold,
      trainRows: split.train.length,
      testRows: split.test.length,
      auc: d.auc,
      ks: d.ks,
      gini: d.gini,
      dropped: card.segments.flatMap((s) => s.dropped.map((x) => `${s.id}/${x.name} (${x.reason})`)),
    };
  });
  return {
    k,
    repeats,
    seed,
    folds,
    auc: meanSd(folds.map((f) => f.auc)),
    ks: meanSd(folds.map((f) => f.ks)),
    gini: meanSd(folds.map((f) => f.gini)),
  };
}
