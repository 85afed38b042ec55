// The models and tables as data: sums, sources, bands, thresholds, adjustments against the rule
// table, and the small pieces the engine is built from (bins, lateness readings, monotonicity).

import { describe, expect, it } from 'vitest';
import { LENDER_RULES, evaluateThreshold } from '../../../core/rules/lender-heuristics.ts';
import { ADJUSTMENTS, adjustmentFactor, adjustmentPoints, levelPoints, ruleOf } from '../../../core/score/adjustments.ts';
import { exact, pointsRange } from '../../../core/score/bins.ts';
import { BUREAU_FEATURE_NAMES } from '../../../core/score/bureau-scorecard.ts';
import { bandOf, MAX_REASONS, nextBandAbove } from '../../../core/score/explain.ts';
import { FEATURE_FUNCTIONS, type CardMonth } from '../../../core/score/bureau-features.ts';
import { FEATURE_MONOTONICITY } from '../../../core/score/ledger-features.ts';
import { latenessReadings } from '../../../core/score/load-ledger.ts';
import { BUREAU_BANDS, BUREAU_IMPACT } from '../../../core/score/models/bureau-bands-v1.ts';
import { SESAME_ESTIMATE_V1 as sesame } from '../../../core/score/models/sesame-estimate-v1.ts';
import { DEFAULT_MODELS } from '../../../core/score/models.ts';
import { SESAME_DIMENSIONS, SESAME_FACTOR_KEYS } from '../../../core/score/sesame-estimate.ts';

const PDO = DEFAULT_MODELS.bureau.scaling.pdo;

describe('Sesame-style estimate v1 as data', () => {
  it('spans 350–950: each dimension’s factors can earn 600 × its unofficial weight, 35/20/25/15/5', () => {
    expect(sesame.scale).toEqual({ low: 350, high: 950 });
    expect(sesame.dimensions.map((d) => [d.id, d.weight])).toEqual([
      ['credit_history', 0.35],
      ['behaviour', 0.2],
      ['capacity', 0.25],
      ['identity', 0.15],
      ['connections', 0.05],
    ]);
    for (const d of sesame.dimensions) {
      const most = sesame.factors.filter((f) => f.dimension === d.id).reduce((s, f) => s + Math.max(...f.bins.map((b) => b.points)), 0);
      expect(most, d.id).toBe(Math.round(600 * d.weight));
    }
    expect(sesame.factors.map((f) => f.key)).toEqual([...SESAME_FACTOR_KEYS]);
    expect(sesame.dimensions.map((d) => d.id)).toEqual([...SESAME_DIMENSIONS]);
    expect(sesame.weightSource).toMatch(/unofficial/);
    expect(sesame.disclaimer.en).toMatch(/not Ant’s algorithm/);
    expect(sesame.disclaimer['zh-CN']).toMatch(/不是蚂蚁的算法/);
  });

  it('has bins that are contiguous and ascending, and a source, reason and effect in both languages on every factor', () => {
    for (const f of sesame.factors) {
      expect(f.bins[0]!.lower, f.key).toBeNull();
      expect(f.bins.at(-1)!.upper, f.key).toBeNull();
      for (let k = 1; k < f.bins.length; k++) expect(f.bins[k]!.lower, f.key).toBe(f.bins[k - 1]!.upper);
      expect(f.sources.length, f.key).toBeGreaterThan(0);
      for (const text of [f.label, f.reason, f.effect]) {
        expect(text.en.length).toBeGreaterThan(3);
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('carries the bands of docs/domain/platform-scores.md#grade-bands, lower bound inclusive, and the benefit thresholds with sources', () => {
    expect(sesame.bands.map((b) => [b.label['zh-CN'], b.lower, b.upper])).toEqual([
      ['较差', 350, 550],
      ['中等', 550, 600],
      ['良好', 600, 650],
      ['优秀', 650, 700],
      ['极好', 700, null],
    ]);
    expect(bandOf(sesame.bands, 600).id).toBe('good');
    expect(bandOf(sesame.bands, 599).id).toBe('fair');
    expect(nextBandAbove(sesame.bands, 600)!.lower).toBe(650);
    const byId = Object.fromEntries(sesame.thresholds.map((t) => [t.id, t.score]));
    expect(byId).toMatchObject({ hotel: 550, car_rental: 600, buy_now_pay_later: 650, recycling: 580, flat_rental: 650, shared_bikes: 500, car_sharing: 700 });
    for (const t of sesame.thresholds) expect(t.sources.every((s) => /^https?:\/\//.test(s)), t.id).toBe(true);
  });
});

describe('bureau bands', () => {
  it('are one doubling of the odds wide (PDO 20)', () => {
    const cuts = BUREAU_BANDS.slice(1).map((b) => b.lower);
    expect(cuts).toEqual([480, 500, 520, 540]);
    for (let k = 1; k < cuts.length; k++) expect(cuts[k]! - cuts[k - 1]!).toBe(PDO);
  });
});

describe('expert adjustments', () => {
  it('name a lender-heuristics rule each, and cover 连三, 累六, lates in 24 months, current overdue, hard queries in 1, 3 and 6 months, online loans and debt-to-income', () => {
    expect(ADJUSTMENTS.map((a) => a.ruleId)).toEqual(['lian_san', 'lei_liu', 'late_24m', 'current_overdue', 'hard_queries_1m', 'hard_queries_3m', 'hard_queries_6m', 'online_loans', 'debt_to_income']);
    for (const row of ADJUSTMENTS) expect(LENDER_RULES.some((r) => r.id === row.ruleId)).toBe(true);
  });

  it('turn assumed odds into points with the card’s own scaling: PDO × log2(ratio)', () => {
    const points = Object.fromEntries(ADJUSTMENTS.map((a) => [a.ruleId, levelPoints(a, PDO)]));
    expect(points).toEqual({
      lian_san: { warn: -8, fail: -40 },
      lei_liu: { warn: -8, fail: -40 },
      // 20 × log2(0.75) = −8.3 → −8; 20 × log2(0.25) = −40 (adjustments.ts rationale: "stricter review", "automatic rejection").
      late_24m: { warn: -8, fail: -8 },
      current_overdue: { warn: -40, fail: -40 },
      hard_queries_1m: { warn: -8, fail: -8 },
      hard_queries_3m: { warn: -8, fail: -20 },
      hard_queries_6m: { warn: -8, fail: -30 },
      online_loans: { warn: -8, fail: -20 },
      debt_to_income: { warn: -8, fail: -20 },
    });
  });

  it('score every value as the rule table evaluates it, and a range by the same thresholds', () => {
    for (const row of ADJUSTMENTS) {
      const rule = ruleOf(row);
      const levels = levelPoints(row, PDO);
      for (const value of [0, 0.3, 0.41, 0.5, 0.51, 1, 2, 3, 4, 5, 6, 7, 10, 11, 30]) {
        const level = evaluateThreshold(value, rule.threshold);
        const expected = level === 'pass' ? 0 : levels[level];
        expect(adjustmentPoints(row, rule, value, PDO), `${row.ruleId} at ${value}`).toBe(expected);
        const f = adjustmentFactor(row, rule, exact(value), PDO, BUREAU_IMPACT);
        expect(f.points).toBe(expected);
        expect(f.pointsRange).toEqual({ low: expected, high: expected });
        expect(f.origin).toBe('adjustment');
        expect(f.ruleId).toBe(row.ruleId);
        expect(f.sources[0]).toBe(`core/rules/lender-heuristics.ts rule ${row.ruleId}`);
      }
      // A value not known: not applied.
      expect(adjustmentPoints(row, rule, null, PDO)).toBe(0);
    }
  });

  it('follow the user’s own thresholds when given the edited rule', () => {
    const row = ADJUSTMENTS.find((a) => a.ruleId === 'hard_queries_3m')!;
    const rule = { ...ruleOf(row), threshold: { warn: 1, fail: 2, comparison: 'more_than' as const } };
    expect(adjustmentPoints(row, rule, 3, PDO)).toBe(-20);
    expect(adjustmentPoints(row, ruleOf(row), 3, PDO)).toBe(0);
  });
});

describe('points of uncertain values', () => {
  const bins = [
    { lower: null, upper: 1, points: 10 },
    { lower: 1, upper: 3, points: 5 },
    { lower: 3, upper: null, points: 0 },
  ];
  it('are the bins the bounds touch; a missing value the data cannot tell allows any bin', () => {
    expect(pointsRange(bins, exact(2), { points: 7, uncertain: true })).toEqual({ low: 5, high: 5 });
    expect(pointsRange(bins, { value: 0, low: 0, high: 3 }, { points: 7, uncertain: true })).toEqual({ low: 0, high: 10 });
    expect(pointsRange(bins, { value: 2, low: 1, high: null }, { points: 7, uncertain: true })).toEqual({ low: 0, high: 5 });
    expect(pointsRange(bins, exact(null), { points: 7, uncertain: true })).toEqual({ low: 0, high: 10 });
    expect(pointsRange(bins, exact(null), { points: 7, uncertain: false })).toEqual({ low: 7, high: 7 });
    expect(pointsRange(bins, { value: null, low: 2, high: 2 }, { points: 7, uncertain: true })).toEqual({ low: 5, high: 7 });
  });
});

describe('lateness readings', () => {
  it('read # as not late, and at worst one step later than the last month the data knew', () => {
    const rows = (['N', '#', '#', '1', '#', 'N', 'N'] as const).map((status, i) => ({ status, unconfirmed: i === 6 ? 1 : 0 }));
    const { low, high } = latenessReadings(rows);
    expect([...low]).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect([...high]).toEqual([0, 1, 1, 1, 2, 0, 1]);
  });
});

describe('feature monotonicity', () => {
  // Each declared direction, checked by nudging one input of one month at a time.
  const base: CardMonth[] = Array.from({ length: 6 }, (_, k) => ({ balance: 3000 + 500 * k, limit: 10_000, paid: 2000, monthsLate: k === 2 ? 1 : 0 }));
  const nudges: Record<'balance' | 'limit' | 'paid' | 'late', (m: CardMonth, up: boolean) => CardMonth> = {
    balance: (m, up) => ({ ...m, balance: up ? m.balance * 4 : 0 }),
    limit: (m, up) => ({ ...m, limit: up ? m.limit * 10 : m.limit / 10 }),
    paid: (m, up) => ({ ...m, paid: up ? m.paid * 10 : 0 }),
    late: (m, up) => ({ ...m, monthsLate: up ? m.monthsLate + 2 : 0 }),
  };
  it.each([...BUREAU_FEATURE_NAMES])('%s moves as FEATURE_MONOTONICITY says', (name) => {
    const f = FEATURE_FUNCTIONS[name];
    for (const input of ['balance', 'limit', 'paid', 'late'] as const) {
      const direction = FEATURE_MONOTONICITY[name][input];
      for (let month = 0; month < 6; month++) {
        const up = base.map((m, i) => (i === month ? nudges[input](m, true) : m));
        const down = base.map((m, i) => (i === month ? nudges[input](m, false) : m));
        const delta = [f(down), f(base), f(up)];
        if (direction === 0) expect(new Set(delta).size, `${name}/${input}/${month}`).toBe(1);
        if (direction > 0) expect(delta[0]! <= delta[1]! && delta[1]! <= delta[2]!, `${name}/${input}/${month} ${delta}`).toBe(true);
        if (direction < 0) expect(delta[0]! >= delta[1]! && delta[1]! >= delta[2]!, `${name}/${input}/${month} ${delta}`).toBe(true);
      }
    }
  });

  it('keeps reasons to at most four', () => {
    expect(MAX_REASONS).toBe(4);
  });
});
