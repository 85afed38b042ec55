// V8 grows a heap's young generation (two semi-spaces) each time as many bytes have survived its
// scavenges since the last growth as it holds, and does not shrink it while the program is busy.
// Over a long import that happens again and again, whatever dies young: by 2,000,000 rows the
// semi-spaces had grown to V8's ceiling on this machine (64 MB each, 128 MB resident of a heap
// whose live objects were about 25 MB), the largest part of the import's peak RSS that grew with
// the file's size (docs/engineering/performance.md, "flat in the file's size"). 16 MB semi-spaces
// cost no measurable CPU there: a chunk's records still die young.

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
