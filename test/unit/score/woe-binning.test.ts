import { describe, expect, it } from 'vitest';
import { binIndex, fitBinning, isMonotone, woeOf, type Binning } from '../../../core/score-fit/woe-binning.ts';
import { mulberry32 } from '../../../core/score-fit/stratified-kfold.ts';

function synthetic(n: number, seed: number, badRate: (x: number) => number, draw: (r: () => number) => number) {
  const random = mulberry32(seed);
  const x = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = draw(random);
    y[i] = random() < badRate(x[i]!) ? 1 : 0;
  }
  return { x, y };
}

function expectWellFormed(b: Binning, rows: number, minShare = 0.05): void {
  expect(isMonotone(b)).toBe(true);
  expect(b.bins[0]!.lower).toBeNull();
  expect(b.bins[b.bins.length - 1]!.upper).toBeNull();
  for (let k = 1; k < b.bins.length; k++) expect(b.bins[k]!.lower).toBe(b.bins[k - 1]!.upper);
  for (const bin of b.bins) {
    expect(bin.count).toBeGreaterThanOrEqual(Math.ceil(minShare * (rows - b.missing.count) - 1e-9));
    expect(bin.bads).toBeGreaterThan(0);
    expect(bin.goods).toBeGreaterThan(0);
  }
  expect(b.bins.reduce((s, bin) => s + bin.count, 0) + b.missing.count).toBe(rows);
}

describe('monotone WOE binning', () => {
  it('bins a continuous risk driver into monotone bins of at least 5% each', () => {
    const { x, y } = synthetic(20_000, 1, (v) => 0.05 + 0.4 * v, (r) => r());
    const b = fitBinning(x, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    expectWellFormed(b, 20_000);
    expect(b.bins.length).toBeGreaterThanOrEqual(4);
    expect(b.bins.length).toBeLessThanOrEqual(10);
    // Riskier to the right: bad rate rises and WOE (ln good share / bad share) falls.
    for (let k = 1; k < b.bins.length; k++) expect(b.bins[k]!.badRate).toBeGreaterThan(b.bins[k - 1]!.badRate);
    // Cut points sit on the resolution grid.
    for (const bin of b.bins.slice(1)) expect(Math.round(bin.lower! * 100) / 100).toBe(bin.lower);
    expect(b.iv).toBeGreaterThan(0.1);
  });

  it('forces the documented direction on a U-shaped relation by merging', () => {
    const { x, y } = synthetic(20_000, 2, (v) => 0.1 + 0.5 * (v - 0.5) ** 2 * 4, (r) => r());
    const up = fitBinning(x, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    const down = fitBinning(x, y, { direction: 'higher-is-safer', resolution: 0.01 });
    expectWellFormed(up, 20_000);
    expectWellFormed(down, 20_000);
    for (let k = 1; k < down.bins.length; k++) expect(down.bins[k]!.woe).toBeGreaterThan(down.bins[k - 1]!.woe);
  });

  it('gives each value of a small count its own class, then merges classes under 5%', () => {
    // Values 0..6 with shares 70%, 12%, 9%, 4%, 3%, 1.5%, 0.5%; risk rising with the count.
    const shares = [0.7, 0.12, 0.09, 0.04, 0.03, 0.015, 0.005];
    const x: number[] = [];
    const y: number[] = [];
    const random = mulberry32(3);
    shares.forEach((share, v) => {
      for (let i = 0; i < share * 10_000; i++) {
        x.push(v);
        y.push(random() < 0.1 + 0.12 * v ? 1 : 0);
      }
    });
    const b = fitBinning(Float64Array.from(x), Uint8Array.from(y), { direction: 'higher-is-riskier', resolution: 1 });
    expectWellFormed(b, x.length);
    // 6 (0.5%) joins 5, then 5–6 (2%) joins 4 to make 4–6 (5%); 3 (4%) joins 2, whose bad rate
    // is closer than that of 4–6.
    expect(b.bins.map((bin) => [bin.lower, bin.upper])).toEqual([
      [null, 1],
      [1, 2],
      [2, 4],
      [4, null],
    ]);
  });

  it('computes WOE and IV as ln(good share / bad share) and Σ (good − bad share) · WOE', () => {
    // Two values, 100 rows each: value 0 has 10 bads, value 1 has 40 bads.
    const x = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? 0 : 1));
    const y = Uint8Array.from({ length: 200 }, (_, i) => ((i < 100 ? i < 10 : i < 140) ? 1 : 0));
    const b = fitBinning(x, y, { direction: 'higher-is-riskier', resolution: 1 });
    const [g0, b0, g1, b1] = [90 / 150, 10 / 50, 60 / 150, 40 / 50];
    expect(b.bins[0]!.woe).toBeCloseTo(Math.log(g0 / b0), 12);
    expect(b.bins[1]!.woe).toBeCloseTo(Math.log(g1 / b1), 12);
    expect(b.iv).toBeCloseTo((g0 - b0) * Math.log(g0 / b0) + (g1 - b1) * Math.log(g1 / b1), 12);
  });

  it('treats missing values: own bin at ≥ 5%, nearest bin below, population average when none', () => {
    const { x, y } = synthetic(10_000, 4, (v) => 0.1 + 0.3 * v, (r) => r());
    const many = Float64Array.from(x, (v, i) => (i % 10 === 0 ? NaN : v));
    const own = fitBinning(many, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    expect(own.missing.treatment).toBe('own-bin');
    expect(own.missing.count).toBe(1000);
    expectWellFormed(own, 10_000);
    const few = Float64Array.from(x, (v, i) => (i % 100 === 0 ? NaN : v));
    const nearest = fitBinning(few, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    expect(nearest.missing.treatment).toBe('nearest-bin');
    expect(nearest.missing.woe).toBe(nearest.bins[nearest.missing.binIndex!]!.woe);
    const none = fitBinning(x, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    expect(none.missing.treatment).toBe('population-average');
    expect(woeOf(none, NaN)).toBe(0);
  });

  it('finds the bin of a value on the edges', () => {
    const bins = [
      { lower: null, upper: 1 },
      { lower: 1, upper: 3 },
      { lower: 3, upper: null },
    ];
    expect(binIndex(bins, -5)).toBe(0);
    expect(binIndex(bins, 0.999)).toBe(0);
    expect(binIndex(bins, 1)).toBe(1);
    expect(binIndex(bins, 2.5)).toBe(1);
    expect(binIndex(bins, 3)).toBe(2);
    expect(binIndex(bins, 1e9)).toBe(2);
    expect(binIndex(bins, NaN)).toBe(-1);
  });

  it('leaves a single bin when the feature carries nothing in the documented direction', () => {
    const { x, y } = synthetic(5_000, 5, (v) => 0.4 - 0.3 * v, (r) => r());
    const b = fitBinning(x, y, { direction: 'higher-is-riskier', resolution: 0.01 });
    expect(b.bins).toHaveLength(1);
    expect(b.iv).toBe(0);
  });
});
