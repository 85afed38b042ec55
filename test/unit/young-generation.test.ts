import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { IMPORT_SEMI_SPACE_MB } from '../../core/ipc/young-generation.ts';

/**
 * Each case runs in a thread of its own: V8's growth factor is the process's, and a young
 * generation that had grown before the hold (the test runner's own) would stay as large as it was.
 * The churn keeps every third object alive for a while, as an import's pending rows are, so that
 * scavenges see survivors: unheld, V8 grows the semi-spaces past the hold's 16 MB (to 64 MB each here).
 */
const CHURN = `
  const { getHeapSpaceStatistics } = await import('node:v8');
  const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  const release = workerData.hold ? (await import(workerData.module)).holdYoungGeneration() : () => {};
  const sizes = [];
  const keep = [];
  for (let turn = 0; turn < 60; turn++) {
    for (let i = 0; i < 100000; i++) {
      const o = { a: i, b: String(i) };
      if (i % 3 === 0) keep.push(o);
      if (keep.length > 200000) keep.length = 0;
    }
    sizes.push(newSpace());
    // The hold checks between turns of the event loop, as between an import's chunks; here at
    // least once a turn (its interval is shorter than this wait), as an import's chunks are far
    // shorter than the time between two of V8's growths of the young generation.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  release();
  // While a scavenge's pages are being let go the size reads higher for a moment: the size the
  // young generation settled at is the smallest of the last readings.
  parentPort.postMessage(Math.min(...sizes.slice(-10)));
`;

function settledNewSpace(hold: boolean): Promise<number> {
  const module = new URL('../../core/ipc/young-generation.ts', import.meta.url).href;
  const worker = new Worker(`const { parentPort, workerData } = require('node:worker_threads'); (async () => { ${CHURN} })();`, {
    eval: true,
    workerData: { hold, module },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('holding the young generation during an import', () => {
  it('stops its growth at two semi-spaces of IMPORT_SEMI_SPACE_MB, where V8 alone grows it further', async () => {
    const MB = 1024 * 1024;
    // Without the hold the same churn grows the young generation beyond the hold's size: the case
    // is one where the hold has something to stop.
    expect(await settledNewSpace(false)).toBeGreaterThan(2 * IMPORT_SEMI_SPACE_MB * MB);
    expect(await settledNewSpace(true)).toBeLessThanOrEqual(2 * IMPORT_SEMI_SPACE_MB * MB);
  }, 60_000);
});
