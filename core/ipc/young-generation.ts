// V8 grows a heap's young generation (two semi-spaces) each time as many bytes have survived its
// scavenges since the last growth as it holds, and does not shrink it while the program is busy.
// Over a long import that happens again and again, whatever dies young: by 2,000,000 rows the
// semi-spaces had grown to V8's ceiling on this machine (64 MB each, 128 MB resident of a heap
// whose live objects were about 25 MB), the largest part of the import's peak RSS that grew with
// the file's size (docs/engineering/performance.md, "flat in the file's size"). 16 MB semi-spaces
// cost no measurable CPU there: a chunk's records still die young. The old generation is held
// too (holdOldGeneration), for the CLI alone.

import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The largest semi-space an import's thread grows to. */
export const IMPORT_SEMI_SPACE_MB = 16;

/** For a worker's `resourceLimits.maxYoungGenerationSizeMb`: V8 counts three semi-spaces (two and the young large objects). */
export const IMPORT_YOUNG_GENERATION_MB = 3 * IMPORT_SEMI_SPACE_MB;

const CHECK_MS = 20;
const GROWTH_FACTOR = 2;

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * How far past what its last full collection kept V8 lets the old generation grow before the next
 * one, while the CLI imports. Left to itself V8 lets it grow to about four times what is live
 * when its collections are fast against the program's allocation, as an import's are (about
 * 22 MB live): in some runs of the same import the row phase promoted about 3 MB of every
 * scavenge, and the old generation then filled to 90–120 MB of dead objects before each full
 * collection, 60–80 MB resident beyond what other runs held (docs/engineering/performance.md,
 * stop 28).
 */
export const IMPORT_HEAP_GROWING_PERCENT = 25;

/**
 * Holds the old generation's growth at IMPORT_HEAP_GROWING_PERCENT past each full collection,
 * until the function returned is called. V8 reads the flag at each full collection; it is the
 * process's, so as holdYoungGeneration only for a process doing nothing else meanwhile (the CLI).
 */
export function holdOldGeneration(): () => void {
  setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}

/**
 * Holds the calling thread's young generation at IMPORT_SEMI_SPACE_MB or under, until the
 * function returned is called. A thread's semi-space ceiling is fixed at its start (a worker's
 * resourceLimits, node's --max-semi-space-size); on a running thread the one lever is the growth
 * factor, read at each growth: at 1 the young generation keeps the size it has. It is set once
 * one more growth (a doubling) would pass the ceiling, not before, which would hold the young
 * generation at whatever the start-up left; checked every CHECK_MS (the event loop turns between
 * an import's chunks), far more often than a doubling can come. The flag is the process's: only
 * for a process doing nothing else meanwhile: the CLI (bin/credence.mjs). Loading core grows a
 * fresh process's semi-spaces to 16 MB before the first check can run (no timer fires while the
 * modules load): that is the size the CLI keeps, and so the worker's limit too.
 */
export function holdYoungGeneration(): () => void {
  const ceiling = 2 * IMPORT_SEMI_SPACE_MB * 1024 * 1024;
  let held = false;
  const check = (): void => {
    if (held || GROWTH_FACTOR * newSpaceBytes() <= ceiling) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    held = true;
    clearInterval(timer);
  };
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  check();
  return () => {
    clearInterval(timer);
    if (held) setFlagsFromString(`--semi-space-growth-factor=${GROWTH_FACTOR}`);
  };
}
