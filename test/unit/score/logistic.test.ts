import { describe, expect, it } from 'vitest';
import { choleskySolve, fitLogistic, predictLogOdds, sigmoid } from '../../../core/score-fit/logistic.ts';
import { mulberry32 } from '../../../core/score-fit/stratified-kfold.ts';

function normal(random: () => number): number {
  // Box-Muller: deterministic given the PRNG.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

describe('logistic regression', () => {
  it('recovers known coefficients from synthetic data', () => {
    const random = mulberry32(2024);
    const truth = { intercept: -1.2, coefficients: [0.8, -1.5, 0.3] };
    const rows = 40_000;
    const columns = 3;
    const values = new Float64Array(rows * columns);
    const y = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) {
      let z = truth.intercept;
      for (let j = 0; j < columns; j++) {
        const x = normal(random);
        values[i * columns + j] = x;
        z += truth.coefficients[j]! * x;
      }
      y[i] = random() < sigmoid(z) ? 1 : 0;
    }
    const fit = fitLogistic({ rows, columns, values }, y, { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 1);
    fit.coefficients.forEach((c, j) => expect(c).toBeCloseTo(truth.coefficients[j]!, 1));
    // Within 0.06 of each true value at n = 40,000 (standard errors are about 0.015).
    expect(Math.abs(fit.intercept - truth.intercept)).toBeLessThan(0.06);
    fit.coefficients.forEach((c, j) => expect(Math.abs(c - truth.coefficients[j]!)).toBeLessThan(0.06));
  });

  it('matches the closed form for one binary predictor (group log-odds) without a penalty', () => {
    // Group x = 0: 30 bads of 100; group x = 1: 60 bads of 100.
    const rows = 200;
    const values = new Float64Array(rows);
    const y = new Uint8Array(rows);
    for (let i = 0; i < 100; i++) y[i] = i < 30 ? 1 : 0;
    for (let i = 100; i < 200; i++) {
      values[i] = 1;
      y[i] = i < 160 ? 1 : 0;
    }
    const fit = fitLogistic({ rows, columns: 1, values }, y, { l2: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(30 / 70), 9);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(60 / 40) - Math.log(30 / 70), 9);
    const logOdds = predictLogOdds({ rows, columns: 1, values }, fit);
    expect(logOdds[150]).toBeCloseTo(Math.log(60 / 40), 9);
  });

  it('shrinks slopes (never the intercept) under the L2 penalty, and is deterministic', () => {
    const random = mulberry32(5);
    const rows = 500;
    const values = Float64Array.from({ length: rows }, () => normal(random));
    const y = Uint8Array.from(values, (x) => (random() < sigmoid(2 * x) ? 1 : 0));
    const free = fitLogistic({ rows, columns: 1, values }, y, { l2: 0 });
    const ridge = fitLogistic({ rows, columns: 1, values }, y, { l2: 200 });
    expect(Math.abs(ridge.coefficients[0]!)).toBeLessThan(Math.abs(free.coefficients[0]!));
    expect(fitLogistic({ rows, columns: 1, values }, y, { l2: 200 })).toEqual(ridge);
  });

  it('solves a symmetric positive-definite system by Cholesky', () => {
    const a = new Float64Array([4, 2, 2, 3]);
    const x = choleskySolve(a, new Float64Array([10, 8]), 2);
    expect(x[0]).toBeCloseTo(1.75, 12);
    expect(x[1]).toBeCloseTo(1.5, 12);
    expect(() => choleskySolve(new Float64Array([1, 1, 1, 1]), new Float64Array([1, 1]), 2)).toThrow(/positive definite/);
  });
});
