// The bureau model's fitting recipe: the Taiwan file restated as ledger months, the segmented
// design, cross-validation, the final fit on every row, the percentile table, and the model as
// versioned data (BureauModel). The script scripts/fit-bureau.ts adds file I/O and the model card.

import { createHash } from 'node:crypto';
import type {
  BureauFeatureName,
  BureauModel,
  LatenessSupport,
  ModelBin,
  ModelSegment,
  PercentileTable,
} from '../score/bureau-scorecard.ts';
import { BUREAU_FEATURE_NAMES } from '../score/bureau-scorecard.ts';
import { CONSIDERED_FEATURES, FEATURE_DOCS, FEATURE_RESOLUTION, SEGMENT_DESIGN, SEGMENT_FEATURE } from './bureau-feature-design.ts';
import { FEATURE_FUNCTIONS } from '../score/bureau-features.ts';
import {
  crossValidate,
  fitScorecard,
  scoreRows,
  type CrossValidation,
  type FeatureSpec,
  type FitData,
  type FittedScorecard,
  type ScorecardDesign,
} from './fit-scorecard.ts';
import { discrimination, type Discrimination } from './metrics.ts';
import { DEFAULT_SCALING, scalingFactor, scalingOffset } from './scaling.ts';
import { parseTaiwanTsv, toCardMonths, type TaiwanRow } from './taiwan-dataset.ts';

export const MODEL_ID = 'credence-bureau';
export const MODEL_VERSION = '1.0.0';
export const FOLDS = 5;
export const REPEATS = 3;
export const SEED = 20090301; // Yeh & Lien (2009), Expert Systems with Applications 36(2), March 2009

export const BASELINES = [
  {
    name: 'WOE (8 quantile bins) + logistic regression, all 23 columns (LIMIT_BAL, SEX, EDUCATION, MARRIAGE, AGE included)',
    short: '8-quantile WOE logistic regression, all columns',
    auc: 0.758,
    ks: 0.407,
    source: 'test/datasets/PROVENANCE.md; docs/domain/datasets.md#baselines (3 × stratified 5-fold)',
  },
  {
    name: 'Histogram gradient boosting, all 23 columns',
    short: 'gradient boosting, all columns',
    auc: 0.783,
    ks: 0.433,
    source: 'test/datasets/PROVENANCE.md; docs/domain/datasets.md#baselines (3 × stratified 5-fold)',
  },
] as const;

export const DATASET = {
  file: 'taiwan-default-of-credit-card-clients.tsv',
  location: 'test/datasets/',
  title: 'default of credit card clients',
  period: 'April–September 2005 (PAY_0/BILL_AMT1/PAY_AMT1 = September 2005, the latest month)',
  population: 'Credit card holders of a Taiwanese bank',
  citation:
    'Yeh, I-C. & Lien, C-H. (2009). The comparisons of data mining techniques for the predictive accuracy of probability of default of credit card clients. Expert Systems with Applications 36(2), 2473–2480.',
  publisher: 'UCI Machine Learning Repository, https://archive.ics.uci.edu/ml/datasets/default+of+credit+card+clients',
  licence: 'CC BY 4.0 (as UCI lists its datasets)',
  copiedFrom: 'Lansform/credit-worthiness @365bb54, `default of credit card clients.xls` (a TAB-separated text file)',
} as const;

export const DESIGN: ScorecardDesign = {
  segmentFeature: SEGMENT_FEATURE,
  segments: SEGMENT_DESIGN.map((s) => ({ id: s.id, lower: s.lower, upper: s.upper, features: [...s.features] })),
  specs: {
    ...Object.fromEntries(
      FEATURE_DOCS.map((d): [string, FeatureSpec] => [d.name, { direction: d.direction, resolution: FEATURE_RESOLUTION[d.name] }]),
    ),
    ...Object.fromEntries(CONSIDERED_FEATURES.map((c): [string, FeatureSpec] => [c.name, { direction: c.direction, resolution: c.resolution }])),
  },
  scaling: DEFAULT_SCALING,
  minBinShare: 0.05,
  fineBins: 20,
  maxBins: 10,
  l2: 1,
};

/** Feature columns (model and considered features) of the Taiwan rows. */
export function taiwanFitData(rows: readonly TaiwanRow[]): FitData {
  const columns: Record<string, Float64Array> = {};
  for (const name of BUREAU_FEATURE_NAMES) columns[name] = new Float64Array(rows.length);
  for (const c of CONSIDERED_FEATURES) columns[c.name] = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const months = toCardMonths(row);
    for (const name of BUREAU_FEATURE_NAMES) columns[name]![i] = FEATURE_FUNCTIONS[name](months);
    for (const c of CONSIDERED_FEATURES) columns[c.name]![i] = c.compute(months, row.age);
  });
  return { rows: rows.length, bad: Uint8Array.from(rows, (r) => r.defaulted), columns };
}

export interface Comparison {
  name: string;
  auc: number;
  aucSd: number;
  ks: number;
  /** Change of mean AUC against the shipped design. */
  deltaAuc: number;
  /** `segment/feature (reason)` left out in some fold: one bin, or a wrong-sign coefficient. */
  dropped: string[];
}

export interface BureauFit {
  data: FitData;
  card: FittedScorecard;
  cv: CrossValidation;
  inSample: Discrimination;
  scores: Float64Array;
  comparisons: Comparison[];
  seconds: { crossValidation: number; final: number; comparisons: number };
}

function compare(name: string, design: ScorecardDesign, data: FitData, reference: CrossValidation): Comparison {
  const cv = crossValidate(design, data, FOLDS, REPEATS, SEED);
  return {
    name,
    auc: cv.auc.mean,
    aucSd: cv.auc.sd,
    ks: cv.ks.mean,
    deltaAuc: cv.auc.mean - reference.auc.mean,
    dropped: [...new Set(cv.folds.flatMap((f) => f.dropped))].sort(),
  };
}

/** Alternatives measured with the same folds: one card instead of two, and each left-out feature. */
function comparisons(data: FitData, reference: CrossValidation): Comparison[] {
  const union = [...new Set(DESIGN.segments.flatMap((s) => s.features))];
  const out: Comparison[] = [
    compare('One card for everyone (no segments), the union of both cards\' features', { ...DESIGN, segments: [{ id: 'all', lower: null, upper: null, features: union }] }, data, reference),
  ];
  for (const c of CONSIDERED_FEATURES) {
    const design = { ...DESIGN, segments: DESIGN.segments.map((s) => ({ ...s, features: [...s.features, c.name] })) };
    out.push(compare(`Add ${c.name} (${c.description}) to both cards`, design, data, reference));
  }
  for (const s of DESIGN.segments) {
    for (const f of s.features) {
      const design = { ...DESIGN, segments: DESIGN.segments.map((x) => (x.id === s.id ? { ...x, features: x.features.filter((n) => n !== f) } : x)) };
      out.push(compare(`Remove ${f} from the ${s.id} card`, design, data, reference));
    }
  }
  return out;
}

export function fitBureau(text: string, options: { comparisons?: boolean } = {}): BureauFit {
  const rows = parseTaiwanTsv(text);
  const data = taiwanFitData(rows);
  let t = performance.now();
  const cv = crossValidate(DESIGN, data, FOLDS, REPEATS, SEED);
  const cvSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const card = fitScorecard(DESIGN, data);
  const scores = scoreRows(card, data);
  const inSample = discrimination(scores.map((s) => -s), data.bad);
  const finalSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const comps = options.comparisons ? comparisons(data, cv) : [];
  return {
    data,
    card,
    cv,
    inSample,
    scores,
    comparisons: comps,
    seconds: { crossValidation: cvSeconds, final: finalSeconds, comparisons: (performance.now() - t) / 1000 },
  };
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

const round = (v: number, digits: number): number => {
  const r = Number(v.toFixed(digits));
  return Object.is(r, -0) ? 0 : r;
};

function formatNumber(v: number, kind: 'months-late' | 'count' | 'ratio'): string {
  if (kind !== 'ratio') return String(v);
  return `${round(v * 100, 1)}%`;
}

/**
 * A reader's label for a bin: "0", "2+", "4–5", "< 22%", "22% – < 42%", "≥ 101%". `min` is the
 * smallest value the feature takes on this card, `max` its largest possible value (null: none).
 */
export function binLabel(
  lower: number | null,
  upper: number | null,
  kind: 'months-late' | 'count' | 'ratio',
  min: number,
  max: number | null,
): string {
  if (kind === 'ratio') {
    if (lower === null && upper === null) return 'all';
    if (lower === null) return `< ${formatNumber(upper!, kind)}`;
    if (upper === null) return `≥ ${formatNumber(lower, kind)}`;
    return `${formatNumber(lower, kind)} – < ${formatNumber(upper, kind)}`;
  }
  const lo = lower === null ? min : lower;
  const hi = upper === null ? max : upper - 1;
  if (hi === null) return `${lo}+`;
  return hi === lo ? `${lo}` : `${lo}–${hi}`;
}

export function percentileTable(scores: Float64Array): PercentileTable {
  const sorted = Float64Array.from(scores).sort();
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const below: number[] = [];
  let k = 0;
  for (let s = min; s <= max; s++) {
    while (k < sorted.length && sorted[k]! < s) k++;
    below.push(round((100 * k) / sorted.length, 1));
  }
  return { population: `the ${sorted.length.toLocaleString('en-US')} card holders of the fitting file, scored by this model`, minScore: min, maxScore: max, below };
}

/** Default rate of clean-card rows by months revolving (balance carried, not late): 0, 1–5, 6. */
export function revolvingRates(fit: BureauFit): { months: string; rows: number; defaultRate: number }[] {
  const revolving = fit.data.columns['months_revolving_6m']!;
  const worst = fit.data.columns[SEGMENT_FEATURE]!;
  const groups = [
    { months: '0', test: (v: number) => v === 0 },
    { months: '1–5', test: (v: number) => v >= 1 && v <= 5 },
    { months: '6', test: (v: number) => v === 6 },
  ];
  return groups.map((g) => {
    let rows = 0;
    let bads = 0;
    for (let i = 0; i < fit.data.rows; i++) {
      if (worst[i] === 0 && g.test(revolving[i]!)) {
        rows++;
        bads += fit.data.bad[i]!;
      }
    }
    return { months: g.months, rows, defaultRate: round(rows ? bads / rows : 0, 6) };
  });
}

const LATENESS = ['worst_months_late_6m', 'current_months_late', 'months_late_6m'] as const;

/** Rows and defaults of every lateness pattern (worst, current, late months) in the fitting file. */
export function latenessSupport(fit: BureauFit): LatenessSupport {
  const [worst, current, late] = LATENESS.map((name) => fit.data.columns[name]!);
  const counts = new Map<string, { worst: number; current: number; lateMonths: number; rows: number; bads: number }>();
  for (let i = 0; i < fit.data.rows; i++) {
    const key = `${worst![i]}/${current![i]}/${late![i]}`;
    let p = counts.get(key);
    if (!p) counts.set(key, (p = { worst: worst![i]!, current: current![i]!, lateMonths: late![i]!, rows: 0, bads: 0 }));
    p.rows++;
    p.bads += fit.data.bad[i]!;
  }
  const patterns = [...counts.values()].sort((a, b) => a.worst - b.worst || a.current - b.current || a.lateMonths - b.lateMonths);
  return { features: LATENESS, patterns };
}

export interface ProvenanceInput {
  datasetSha256: string;
  fitDate: string;
  code: { sha256: string; files: string[] };
}

export function buildModel(fit: BureauFit, provenance: ProvenanceInput): BureauModel {
  const docs = new Map(FEATURE_DOCS.map((d) => [d.name, d]));
  const segmentCol = fit.data.columns[SEGMENT_FEATURE]!;
  const segments: ModelSegment[] = fit.card.segments.map((s) => {
    const design = SEGMENT_DESIGN.find((d) => d.id === s.id)!;
    // The smallest value a feature takes among this card's fitting rows labels its first bin
    // ("1" rather than "0–1" for months late on the delinquent card, where 0 cannot occur).
    const lowest = (name: string): number => {
      const col = fit.data.columns[name]!;
      let min = Infinity;
      for (let i = 0; i < fit.data.rows; i++) {
        const v = segmentCol[i]!;
        if ((s.lower === null || v >= s.lower) && (s.upper === null || v < s.upper) && col[i]! < min) min = col[i]!;
      }
      return min;
    };
    const features = s.features.map((f) => {
      const doc = docs.get(f.name as BureauFeatureName)!;
      const bins: ModelBin[] = f.binning.bins.map((b, k) => ({
        lower: b.lower,
        upper: b.upper,
        label: binLabel(b.lower, b.upper, doc.kind, lowest(f.name), f.name === SEGMENT_FEATURE && s.upper !== null ? s.upper - 1 : doc.range.max),
        count: b.count,
        bads: b.bads,
        share: round(b.share, 6),
        badRate: round(b.badRate, 6),
        woe: round(b.woe, 6),
        iv: round(b.iv, 6),
        points: f.points[k]!,
      }));
      return {
        name: doc.name,
        coefficient: round(f.coefficient, 6),
        iv: round(f.binning.iv, 6),
        bins,
        missing: { treatment: f.binning.missing.treatment, count: f.binning.missing.count, woe: round(f.binning.missing.woe, 6), points: f.missingPoints },
        maxPoints: f.maxPoints,
      };
    });
    const minScore = s.basePoints + features.reduce((t, f) => t + Math.min(...f.bins.map((b) => b.points)), 0);
    const maxScore = s.basePoints + features.reduce((t, f) => t + f.maxPoints, 0);
    return {
      id: s.id,
      label: design.label,
      rule: { feature: SEGMENT_FEATURE, lower: s.lower, upper: s.upper },
      reason: design.reason,
      rows: s.rows,
      bads: s.bads,
      badRate: round(s.bads / s.rows, 6),
      intercept: round(s.intercept, 6),
      basePoints: s.basePoints,
      features,
      minScore,
      maxScore,
    };
  });
  const bads = fit.data.bad.reduce((t, b) => t + b, 0);
  const metric = (m: { mean: number; sd: number }) => ({ mean: round(m.mean, 6), sd: round(m.sd, 6) });
  return {
    schema: 1,
    id: MODEL_ID,
    version: MODEL_VERSION,
    name: { 'zh-CN': 'Credence 征信风格评分 v1', en: 'Credence bureau-style score v1' },
    description: {
      en: 'A segmented WOE logistic scorecard over repayment status, credit-line use and repayments, computed from monthly account history. Fitted on 30,000 Taiwanese card holders (2005); it ranks risk in the way a bureau score does, and is not a PBOC or platform score.',
      'zh-CN': '基于还款状态、额度使用和还款金额（按月账户记录计算）的分群 WOE 逻辑回归评分卡。用 2005 年台湾 30,000 名信用卡持卡人的数据拟合；它像征信评分一样为风险排序，但不是人民银行征信中心或任何平台的评分。',
    },
    segmentFeature: SEGMENT_FEATURE,
    features: FEATURE_DOCS,
    segments,
    scaling: {
      pdo: DESIGN.scaling.pdo,
      baseScore: DESIGN.scaling.baseScore,
      baseOdds: DESIGN.scaling.baseOdds,
      oddsDefinition: 'good:bad',
      factor: round(scalingFactor(DESIGN.scaling), 6),
      offset: round(scalingOffset(DESIGN.scaling), 6),
    },
    percentiles: percentileTable(fit.scores),
    support: latenessSupport(fit),
    validation: {
      scheme: `stratified ${FOLDS}-fold cross-validation repeated ${REPEATS} times (${FOLDS * REPEATS} folds), seed ${SEED}; binning, regression and points refitted on each training part, the held-out part scored with whole-point cards`,
      k: FOLDS,
      repeats: REPEATS,
      seed: SEED,
      auc: metric(fit.cv.auc),
      ks: metric(fit.cv.ks),
      gini: metric(fit.cv.gini),
      folds: fit.cv.folds.map((f) => ({
        repeat: f.repeat,
        fold: f.fold,
        testRows: f.testRows,
        auc: round(f.auc, 6),
        ks: round(f.ks, 6),
        gini: round(f.gini, 6),
        dropped: f.dropped,
      })),
      inSample: { auc: round(fit.inSample.auc, 6), ks: round(fit.inSample.ks, 6), gini: round(fit.inSample.gini, 6) },
      baselines: BASELINES,
      revolvingOnCleanCard: revolvingRates(fit),
      comparisons: fit.comparisons.map((c) => ({
        name: c.name,
        auc: round(c.auc, 6),
        aucSd: round(c.aucSd, 6),
        ks: round(c.ks, 6),
        deltaAuc: round(c.deltaAuc, 6),
        dropped: c.dropped,
      })),
    },
    provenance: {
      dataset: { ...DATASET, sha256: provenance.datasetSha256, rows: fit.data.rows, bads, badRate: round(bads / fit.data.rows, 6) },
      fitDate: provenance.fitDate,
      seed: SEED,
      fitter: 'scripts/fit-bureau.ts (npm run fit:bureau)',
      method: {
        binning: `monotone WOE: fine classes (each distinct value up to 40 values, else ${DESIGN.fineBins} quantiles; cut points rounded to the feature's resolution), pool-adjacent-violators to the documented direction, then merging until every bin holds ≥ ${DESIGN.minBinShare * 100}% of its card's rows and has goods and bads; at most ${DESIGN.maxBins} bins`,
        regression: `logistic regression of good (not defaulted) on the WOE values, Newton-Raphson, L2 penalty ${DESIGN.l2} on slopes; a feature whose coefficient is not positive is dropped and the card refitted`,
        points: 'points per bin = factor × coefficient × WOE, shifted so each feature\'s worst bin earns 0 and rounded to whole points; base points = offset + factor × intercept + the shifts, rounded',
        missing: 'a null feature value scores its missing points: WOE 0 (the population average) when the fitting rows had no missing values',
      },
      code: provenance.code,
    },
  };
}
