import { describe, expect, it } from 'vitest';
import { auc, discrimination, ks, meanSd } from '../../../core/score-fit/metrics.ts';
import { mulberry32, repeatedStratifiedKFold, stratifiedFolds } from '../../../core/score-fit/stratified-kfold.ts';

function bruteForceAuc(risk: number[], bad: number[]): number {
  let pairs = 0;
  let wins = 0;
  for (let i = 0; i < risk.length; i++) {
    if (!bad[i]) continue;
    for (let j = 0; j < risk.length; j++) {
      if (bad[j]) continue;
      pairs++;
      if (risk[i]! > risk[j]!) wins += 1;
      else if (risk[i] === risk[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

describe('AUC, KS and Gini', () => {
  it('give the textbook values on small cases', () => {
    // Sorted by risk: good 0.1, bad 0.35, good 0.4, bad 0.8 → 3 of 4 bad/good pairs ranked right.
    const risk = [0.1, 0.4, 0.35, 0.8];
    const bad = [0, 0, 1, 1];
    expect(auc(risk, bad)).toBe(0.75);
    expect(ks(risk, bad)).toBe(0.5);
    expect(discrimination(risk, bad).gini).toBe(0.5);
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(ks([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
  });

  it('count a tied bad/good pair as one half and never split a tie for KS', () => {
    expect(auc([5, 5, 5, 5], [0, 1, 0, 1])).toBe(0.5);
    expect(ks([5, 5, 5, 5], [0, 1, 0, 1])).toBe(0);
    expect(auc([1, 2, 2, 3], [0, 0, 1, 1])).toBe(0.875);
  });

  it('agree with brute-force pair counting on random scores with ties', () => {
    const random = mulberry32(7);
    const risk = Array.from({ length: 400 }, () => Math.floor(random() * 30));
    const bad = risk.map((r) => (random() < 0.1 + r / 40 ? 1 : 0));
    expect(auc(risk, bad)).toBeCloseTo(bruteForceAuc(risk, bad), 12);
  });

  it('refuse an outcome with one class only', () => {
    expect(() => auc([1, 2], [0, 0])).toThrow(/at least one good and one bad/);
  });

  it('meanSd uses the sample standard deviation', () => {
    expect(meanSd([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3) });
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0 });
  });
});

describe('stratified k-fold', () => {
  const random = mulberry32(1);
  const bad = Array.from({ length: 1003 }, () => (random() < 0.22 ? 1 : 0));
  const totalBad = bad.reduce<number>((s, b) => s + b, 0);

  it('deals every row to one fold, sizes within one row, bad shares within one row', () => {
    const fold = stratifiedFolds(bad, 5, 42);
    const sizes = [0, 0, 0, 0, 0];
    const bads = [0, 0, 0, 0, 0];
    fold.forEach((f, i) => {
      sizes[f]!++;
      bads[f]! += bad[i]!;
    });
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(bad.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(Math.max(...bads) - Math.min(...bads)).toBeLessThanOrEqual(1);
    expect(bads.reduce((s, v) => s + v, 0)).toBe(totalBad);
  });

  it('is reproducible from the seed, and another seed shuffles differently', () => {
    expect(stratifiedFolds(bad, 5, 42)).toEqual(stratifiedFolds(bad, 5, 42));
    expect(stratifiedFolds(bad, 5, 42)).not.toEqual(stratifiedFolds(bad, 5, 43));
  });

  it('repeats give k × repeats disjoint train/test splits covering every row', () => {
    const splits = repeatedStratifiedKFold(bad, 5, 3, 42);
    expect(splits).toHaveLength(15);
    for (const s of splits) {
      expect(s.train.length + s.test.length).toBe(bad.length);
      const test = new Set(s.test);
      expect(s.train.some((i) => test.has(i))).toBe(false);
    }
    const covered = new Set(splits.filter((s) => s.repeat === 2).flatMap((s) => [...s.test]));
    expect(covered.size).toBe(bad.length);
  });
});
