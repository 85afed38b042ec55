import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUREAU_FEATURE_NAMES,
  percentileOf,
  scoreBureau,
  type BureauFeatureName,
  type BureauFeatureVector,
  type BureauModel,
} from '../../../core/score/bureau-scorecard.ts';
import { FEATURE_DOCS } from '../../../core/score-fit/bureau-feature-design.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const model = JSON.parse(readFileSync(resolve(repoRoot, 'core/score/models/bureau-v1.json'), 'utf8')) as BureauModel;

/** A never-late person with moderate, regular use and payments. */
const clean: BureauFeatureVector = {
  worst_months_late_6m: 0,
  current_months_late: 0,
  months_late_6m: 0,
  months_no_payment_5m: 0,
  avg_payment_to_limit_6m: 0.1,
  max_utilisation_6m: 0.3,
  months_high_utilisation_6m: 0,
  months_light_use_6m: 0,
  months_no_balance_6m: 0,
};

/** Values to sweep per feature, low to high. */
const sweep: Record<BureauFeatureName, number[]> = {
  worst_months_late_6m: [1, 2, 3, 4, 5, 6, 7],
  current_months_late: [0, 1, 2, 3, 7],
  months_late_6m: [1, 2, 3, 4, 5, 6],
  months_no_payment_5m: [0, 1, 2, 3, 4, 5],
  avg_payment_to_limit_6m: [0, 0.0005, 0.01, 0.03, 0.06, 0.1, 0.5, 2],
  max_utilisation_6m: [0, 0.1, 0.5, 0.8, 0.92, 0.99, 1.05, 2],
  months_high_utilisation_6m: [0, 1, 2, 3, 4, 5, 6],
  months_light_use_6m: [0, 1, 2, 3, 4, 5, 6],
  months_no_balance_6m: [0, 1, 2, 3, 4, 5, 6],
};

function pointsOf(name: BureauFeatureName, vector: BureauFeatureVector): number {
  const f = scoreBureau(model, vector).features.find((x) => x.name === name);
  if (!f) throw new Error(`${name} is not on this card`);
  return f.points;
}

describe('bureau model v1 as data', () => {
  it('documents every feature the scorer takes, in both languages, with the fitting code\'s directions', () => {
    expect(model.features.map((f) => f.name)).toEqual([...BUREAU_FEATURE_NAMES]);
    expect(model.features).toEqual(FEATURE_DOCS);
    for (const f of model.features) {
      for (const text of [f.label, f.definition, f.reason, f.effect]) {
        expect(text.en.length).toBeGreaterThan(3);
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(model.scaling).toMatchObject({ pdo: 20, baseScore: 600, baseOdds: 50, oddsDefinition: 'good:bad' });
    expect(model.segments.map((s) => s.id)).toEqual(['clean', 'delinquent']);
  });

  it('keeps bins contiguous, ≥ 5% of each card\'s rows, and points monotone in the documented direction', () => {
    const docs = new Map(model.features.map((d) => [d.name, d]));
    for (const s of model.segments) {
      for (const f of s.features) {
        const riskier = docs.get(f.name)!.direction === 'higher-is-riskier';
        expect(f.coefficient).toBeGreaterThan(0);
        expect(f.bins[0]!.lower).toBeNull();
        expect(f.bins.at(-1)!.upper).toBeNull();
        f.bins.forEach((b, k) => {
          expect(b.count / s.rows).toBeGreaterThanOrEqual(0.05);
          if (k === 0) return;
          expect(b.lower).toBe(f.bins[k - 1]!.upper);
          const prev = f.bins[k - 1]!;
          if (riskier) {
            expect(b.woe).toBeLessThan(prev.woe);
            expect(b.points).toBeLessThanOrEqual(prev.points);
          } else {
            expect(b.woe).toBeGreaterThan(prev.woe);
            expect(b.points).toBeGreaterThanOrEqual(prev.points);
          }
        });
        expect(Math.min(...f.bins.map((b) => b.points))).toBe(0);
        expect(f.maxPoints).toBe(Math.max(...f.bins.map((b) => b.points)));
        expect(f.maxPoints).toBeGreaterThan(0);
      }
    }
  });
});

describe('scoreBureau', () => {
  it('scores the best possible clean profile at the model\'s best, with no reasons', () => {
    const card = model.segments[0]!;
    const best = { ...clean };
    for (const f of card.features) {
      const bin = f.bins.findIndex((b) => b.points === f.maxPoints);
      best[f.name] = f.bins[bin]!.lower ?? (f.bins[bin]!.upper! - 1);
    }
    const r = scoreBureau(model, best);
    expect(r.segment).toBe('clean');
    expect(r.score).toBe(card.maxScore);
    expect(r.score).toBe(r.bestOverall);
    expect(r.reasons).toEqual([]);
    expect(r.features.every((f) => f.pointsBelowBest === 0)).toBe(true);
  });

  it('returns total, per-feature points against their best, percentile and reasons most-points-first', () => {
    const r = scoreBureau(model, { ...clean, max_utilisation_6m: 1.2, months_light_use_6m: 6, months_no_balance_6m: 6 });
    expect(r.score).toBe(r.basePoints + r.features.reduce((s, f) => s + f.points, 0));
    for (const f of r.features) expect(f.pointsBelowBest).toBe(f.maxPoints - f.points);
    expect(r.reasons.map((x) => x.key)).toEqual(expect.arrayContaining(['max_utilisation_6m', 'months_light_use_6m', 'months_no_balance_6m']));
    for (let k = 1; k < r.reasons.length; k++) expect(r.reasons[k]!.pointsBelowBest).toBeLessThanOrEqual(r.reasons[k - 1]!.pointsBelowBest);
    expect(r.reasons[0]!.text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(r.percentile).toBe(percentileOf(model.percentiles, r.score));
    expect(r.badProbability).toBeGreaterThan(0);
    expect(r.badProbability).toBeLessThan(1);
  });

  it('moves each feature\'s points only in its documented direction', () => {
    const base: Record<string, BureauFeatureVector> = {
      clean,
      delinquent: { ...clean, worst_months_late_6m: 2, current_months_late: 1, months_late_6m: 2 },
    };
    const docs = new Map(model.features.map((d) => [d.name, d]));
    for (const s of model.segments) {
      for (const f of s.features) {
        const values = sweep[f.name].filter((v) => f.name !== model.segmentFeature || (v >= (s.rule.lower ?? -Infinity) && v < (s.rule.upper ?? Infinity)));
        const points = values.map((v) => pointsOf(f.name, { ...base[s.id]!, [f.name]: v }));
        const sign = docs.get(f.name)!.direction === 'higher-is-riskier' ? -1 : 1;
        for (let k = 1; k < points.length; k++) expect(sign * (points[k]! - points[k - 1]!)).toBeGreaterThanOrEqual(0);
        expect(sign * (points.at(-1)! - points[0]!)).toBeGreaterThan(0);
      }
    }
  });

  it('gives fewer points for a worse repayment status', () => {
    const never = scoreBureau(model, clean);
    const onceLate = scoreBureau(model, { ...clean, worst_months_late_6m: 1, months_late_6m: 1 });
    const lateNow = scoreBureau(model, { ...clean, worst_months_late_6m: 1, months_late_6m: 1, current_months_late: 1 });
    const twoMonthsNow = scoreBureau(model, { ...clean, worst_months_late_6m: 2, months_late_6m: 2, current_months_late: 2 });
    const everyMonth = scoreBureau(model, { ...clean, worst_months_late_6m: 3, months_late_6m: 6, current_months_late: 3 });
    expect(onceLate.segment).toBe('delinquent');
    expect(onceLate.reasons[0]!.key).toBe('segment:delinquent');
    expect(onceLate.segmentPointsBelowBest).toBeGreaterThan(0);
    const scores = [never, onceLate, lateNow, twoMonthsNow, everyMonth].map((r) => r.score);
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeLessThan(scores[k - 1]!);
  });

  it('scores a feature it cannot compute at the population average, and needs the segment feature', () => {
    const r = scoreBureau(model, { ...clean, max_utilisation_6m: null });
    const f = r.features.find((x) => x.name === 'max_utilisation_6m')!;
    const card = model.segments[0]!.features.find((x) => x.name === 'max_utilisation_6m')!;
    expect(f).toMatchObject({ value: null, bin: -1, points: card.missing.points });
    expect(() => scoreBureau(model, { ...clean, worst_months_late_6m: null })).toThrow(/worst_months_late_6m is required/);
  });

  it('reads the relative position from the percentile table', () => {
    const t = model.percentiles;
    expect(percentileOf(t, t.minScore - 50)).toBe(0);
    expect(percentileOf(t, t.minScore)).toBe(0);
    expect(percentileOf(t, t.maxScore + 1)).toBe(100);
    for (let k = 1; k < t.below.length; k++) expect(t.below[k]).toBeGreaterThanOrEqual(t.below[k - 1]!);
    expect(t.below).toHaveLength(t.maxScore - t.minScore + 1);
  });
});
