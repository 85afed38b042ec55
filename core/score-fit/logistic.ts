// Logistic regression by Newton-Raphson (iteratively reweighted least squares) with a small ridge
// (L2) penalty on the slopes, never on the intercept. Deterministic: no random start, the same
// summation order every time, a Cholesky solve of the (p+1)×(p+1) system.
//
// Model: P(bad | x) = 1 / (1 + exp(−(intercept + Σ coefficients[j]·x[j]))).
// Objective maximised: log-likelihood − (l2 / 2)·Σ coefficients[j]².

export interface LogisticOptions {
  /** Ridge penalty λ on the slopes (not the intercept). Default 1, negligible against 10^4 rows. */
  l2?: number;
  /** Newton iterations at most. Default 100. */
  maxIterations?: number;
  /** Stop when the largest parameter change is below this. Default 1e-10. */
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** Unpenalised log-likelihood at the solution. */
  logLikelihood: number;
}

/** Design matrix: n rows × p columns, row-major. */
export interface Design {
  rows: number;
  columns: number;
  values: Float64Array;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ln(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Solves A·x = b for a symmetric positive-definite A (m×m, row-major) by Cholesky. */
export function choleskySolve(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error('matrix is not positive definite (collinear columns without a penalty?)');
        l[i * m + i] = Math.sqrt(s);
      } else {
        l[i * m + j] = s / l[j * m + j]!;
      }
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * z[k]!;
    z[i] = s / l[i * m + i]!;
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  return x;
}

function linearPredictors(design: Design, beta: Float64Array, out: Float64Array): void {
  const { rows, columns, values } = design;
  for (let i = 0; i < rows; i++) {
    let z = beta[0]!;
    const base = i * columns;
    for (let j = 0; j < columns; j++) z += beta[j + 1]! * values[base + j]!;
    out[i] = z;
  }
}

function penalisedLogLikelihood(eta: Float64Array, bad: ArrayLike<number>, beta: Float64Array, l2: number): number {
  let ll = 0;
  for (let i = 0; i < eta.length; i++) ll += (bad[i] ? eta[i]! : 0) - softplus(eta[i]!);
  let pen = 0;
  for (let j = 1; j < beta.length; j++) pen += beta[j]! * beta[j]!;
  return ll - 0.5 * l2 * pen;
}

export function fitLogistic(design: Design, bad: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const l2 = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const { rows, columns, values } = design;
  if (bad.length !== rows) throw new Error(`design has ${rows} rows, outcome ${bad.length}`);
  if (values.length !== rows * columns) throw new Error('design values do not match rows × columns');
  const m = columns + 1;

  // Start at the intercept-only solution: the log-odds of the bad rate.
  let nBad = 0;
  for (let i = 0; i < rows; i++) if (bad[i]) nBad++;
  if (nBad === 0 || nBad === rows) throw new Error('logistic regression needs both goods and bads');
  let beta = new Float64Array(m);
  beta[0] = Math.log(nBad / (rows - nBad));

  const eta = new Float64Array(rows);
  linearPredictors(design, beta, eta);
  let objective = penalisedLogLikelihood(eta, bad, beta, l2);
  let converged = false;
  let iterations = 0;
  const hessian = new Float64Array(m * m);
  const gradient = new Float64Array(m);
  const x = new Float64Array(m);

  while (iterations < maxIterations && !converged) {
    iterations++;
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(eta[i]!);
      const w = p * (1 - p);
      const r = (bad[i] ? 1 : 0) - p;
      x[0] = 1;
      const base = i * columns;
      for (let j = 0; j < columns; j++) x[j + 1] = values[base + j]!;
      for (let a = 0; a < m; a++) {
        const xa = x[a]!;
        if (xa === 0) continue;
        gradient[a] += xa * r;
        const wa = w * xa;
        for (let b = 0; b <= a; b++) hessian[a * m + b] += wa * x[b]!;
      }
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) hessian[b * m + a] = hessian[a * m + b]!;
    for (let j = 1; j < m; j++) {
      gradient[j] -= l2 * beta[j]!;
      hessian[j * m + j] += l2;
    }
    const step = choleskySolve(hessian, gradient, m);

    // Step halving keeps every iteration an improvement of the penalised objective.
    let scale = 1;
    let next = beta;
    let nextObjective = -Infinity;
    for (let halvings = 0; halvings < 30; halvings++) {
      next = new Float64Array(m);
      for (let j = 0; j < m; j++) next[j] = beta[j]! + scale * step[j]!;
      linearPredictors(design, next, eta);
      nextObjective = penalisedLogLikelihood(eta, bad, next, l2);
      if (nextObjective >= objective - 1e-12 * Math.abs(objective)) break;
      scale /= 2;
    }
    let change = 0;
    for (let j = 0; j < m; j++) change = Math.max(change, Math.abs(next[j]! - beta[j]!));
    beta = next;
    objective = nextObjective;
    if (change < tolerance) converged = true;
  }

  let logLikelihood = 0;
  for (let i = 0; i < rows; i++) logLikelihood += (bad[i] ? eta[i]! : 0) - softplus(eta[i]!);
  return {
    intercept: beta[0]!,
    coefficients: Array.from(beta.subarray(1)),
    iterations,
    converged,
    logLikelihood,
  };
}

/** The linear predictor (log-odds of bad) of each row. */
export function predictLogOdds(design: Design, fit: LogisticFit): Float64Array {
  const beta = new Float64Array([fit.intercept, ...fit.coefficients]);
  const out = new Float64Array(design.rows);
  linearPredictors(design, beta, out);
  return out;
}
