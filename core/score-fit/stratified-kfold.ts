// Stratified k-fold assignment with a fixed seed: every fold holds (within one row) the same
// share of bads as the whole file, and the same seed always gives the same folds on any machine.

/** mulberry32: a small 32-bit PRNG; deterministic across platforms (integer arithmetic only). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffleInPlace(values: number[], random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i]!;
    values[i] = values[j]!;
    values[j] = t;
  }
}

/**
 * The fold (0..k−1) of each row. Bads and goods are shuffled separately, then dealt round-robin,
 * the goods continuing where the bads stopped so fold sizes differ by at most one.
 */
export function stratifiedFolds(bad: ArrayLike<number>, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new Error(`k must be an integer in 2..255, got ${k}`);
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < bad.length; i++) (bad[i] ? bads : goods).push(i);
  if (bads.length < k || goods.length < k) throw new Error(`each class needs at least ${k} rows for ${k} folds`);
  const random = mulberry32(seed);
  shuffleInPlace(bads, random);
  shuffleInPlace(goods, random);
  const fold = new Uint8Array(bad.length);
  let next = 0;
  for (const i of bads) fold[i] = next++ % k;
  for (const i of goods) fold[i] = next++ % k;
  return fold;
}

export interface FoldSplit {
  /** 1-based repeat number. */
  repeat: number;
  /** 0-based fold within the repeat. */
  fold: number;
  train: Uint32Array;
  test: Uint32Array;
}

/** Repeated stratified k-fold: `repeats` independent shufflings, seeds seed, seed+1, .... */
export function repeatedStratifiedKFold(bad: ArrayLike<number>, k: number, repeats: number, seed: number): FoldSplit[] {
  const splits: FoldSplit[] = [];
  for (let r = 0; r < repeats; r++) {
    const fold = stratifiedFolds(bad, k, seed + r);
    for (let f = 0; f < k; f++) {
      let nTest = 0;
      for (let i = 0; i < fold.length; i++) if (fold[i] === f) nTest++;
      const test = new Uint32Array(nTest);
      const train = new Uint32Array(fold.length - nTest);
      let a = 0;
      let b = 0;
      for (let i = 0; i < fold.length; i++) {
        if (fold[i] === f) test[a++] = i;
        else train[b++] = i;
      }
      splits.push({ repeat: r + 1, fold: f, train, test });
    }
  }
  return splits;
}
