// Discrimination metrics for a score against a binary outcome (1 = bad / default, 0 = good).
// A "risk" here is any number where higher means more likely bad (a probability, a logit, or a
// scorecard's points negated). Ties are handled exactly: AUC counts a tied good/bad pair as one
// half, and KS only evaluates thresholds between distinct values.

export interface Discrimination {
  auc: number;
  gini: number;
  ks: number;
}

function checkLengths(risk: ArrayLike<number>, bad: ArrayLike<number>): void {
  if (risk.length !== bad.length) throw new Error(`risk has ${risk.length} values, outcome ${bad.length}`);
}

/** Indices sorted by ascending risk (stable: equal risks keep their input order). */
function ascendingOrder(risk: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(risk.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => risk[a]! - risk[b]! || a - b);
  return order;
}

/**
 * Area under the ROC curve: the probability that a random bad has a higher risk than a random good
 * (ties count one half), i.e. the Mann-Whitney U statistic over (bads × goods).
 */
export function auc(risk: ArrayLike<number>, bad: ArrayLike<number>): number {
  return discrimination(risk, bad).auc;
}

/** Kolmogorov-Smirnov: the largest gap between the cumulative shares of bads and goods. */
export function ks(risk: ArrayLike<number>, bad: ArrayLike<number>): number {
  return discrimination(risk, bad).ks;
}

/** AUC, Gini (= 2·AUC − 1) and KS in one pass over the sorted risks. */
export function discrimination(risk: ArrayLike<number>, bad: ArrayLike<number>): Discrimination {
  checkLengths(risk, bad);
  const order = ascendingOrder(risk);
  let nBad = 0;
  for (let i = 0; i < bad.length; i++) if (bad[i]) nBad++;
  const nGood = bad.length - nBad;
  if (nBad === 0 || nGood === 0) throw new Error('AUC and KS need at least one good and one bad');

  // Walk groups of equal risk from low to high. goodsBelow counts goods with a strictly lower risk.
  let goodsBelow = 0;
  let badsBelow = 0;
  let pairs = 0; // bads ranked above goods, ties counted as 1/2
  let maxGap = 0;
  let i = 0;
  while (i < order.length) {
    const value = risk[order[i]!]!;
    let groupBad = 0;
    let groupGood = 0;
    let j = i;
    while (j < order.length && risk[order[j]!]! === value) {
      if (bad[order[j]!]) groupBad++;
      else groupGood++;
      j++;
    }
    pairs += groupBad * goodsBelow + 0.5 * groupBad * groupGood;
    goodsBelow += groupGood;
    badsBelow += groupBad;
    const gap = Math.abs(goodsBelow / nGood - badsBelow / nBad);
    if (gap > maxGap) maxGap = gap;
    i = j;
  }
  const area = pairs / (nBad * nGood);
  return { auc: area, gini: 2 * area - 1, ks: maxGap };
}

export interface MeanSd {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation (n − 1); sd is 0 for a single value. */
export function meanSd(values: readonly number[]): MeanSd {
  if (values.length === 0) throw new Error('meanSd of no values');
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length === 1) return { mean, sd: 0 };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
