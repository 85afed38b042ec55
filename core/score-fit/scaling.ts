// Points scaling (Siddiqi 2012; PDtoolkit's defaults): score = offset + factor · ln(odds good:bad),
// factor = PDO / ln 2, offset = baseScore − factor · ln(baseOdds). With 600 points at 50:1 and
// PDO 20, every 20 points doubles the odds of repaying: 580 is 25:1, 620 is 100:1.

export interface Scaling {
  /** Points to double the odds (good:bad). */
  pdo: number;
  /** The score at baseOdds. */
  baseScore: number;
  /** Odds good:bad at baseScore. */
  baseOdds: number;
}

export const DEFAULT_SCALING: Scaling = { pdo: 20, baseScore: 600, baseOdds: 50 };

export function scalingFactor(s: Scaling): number {
  return s.pdo / Math.LN2;
}

export function scalingOffset(s: Scaling): number {
  return s.baseScore - scalingFactor(s) * Math.log(s.baseOdds);
}

/** The score for a log-odds (good:bad). */
export function scoreOfLogOdds(s: Scaling, logOddsGood: number): number {
  return scalingOffset(s) + scalingFactor(s) * logOddsGood;
}

/** The probability of default (bad) a score stands for. */
export function badProbabilityOfScore(s: Scaling, score: number): number {
  const logOddsGood = (score - scalingOffset(s)) / scalingFactor(s);
  return 1 / (1 + Math.exp(logOddsGood));
}
