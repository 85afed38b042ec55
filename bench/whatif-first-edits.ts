// The what-if bench's "one scenario" line in an engine of its own (a worker thread: its own V8
// isolate, so nothing the bench's process compiled is there), as a user meets it after opening a
// profile: the base read, then, when `prepared`, the preparation the app asks for at open
// (core/whatif/warm-up.ts prepareWhatIf, untimed), then the bench's line as it is (6 untimed
// recomputes of its three edits, 60 timed). Run by bench/whatif.bench.ts, beside the line's own
// figure, with and without the preparation, so the two differ in the preparation alone.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../core/storage/database.ts';
import { loadWhatIfBase } from '../core/whatif/base.ts';
import { baselineOf, runScenario, type ScenarioRequest } from '../core/whatif/compare.ts';
import { parseScenario } from '../core/whatif/validate.ts';
import { prepareWhatIf } from '../core/whatif/warm-up.ts';
import type { ScenarioInput } from '../core/whatif/schema.ts';
import { cpuMs } from './timing.ts';
import { AS_OF } from './synthetic-ledger.ts';

export interface FirstEditsInput {
  file: string;
  scenarios: ScenarioInput[];
  prepared: boolean;
}

export interface FirstEditsOutput {
  wall: number[];
  cpu: number[];
  /** The preparation's own wall-clock and CPU time (0 when not prepared). */
  prepare: { wall: number; cpu: number };
}

const { file, scenarios, prepared } = workerData as FirstEditsInput;
const db = openDatabase(file);
const base = loadWhatIfBase(db, AS_OF);
const edits: ScenarioRequest[] = scenarios.map((s) => parseScenario(s));
const started = performance.now();
const cpuStarted = cpuMs();
if (prepared) await prepareWhatIf(base, () => new Promise((resolve) => setImmediate(() => resolve(true))));
const prepare = prepared ? { wall: performance.now() - started, cpu: cpuMs() - cpuStarted } : { wall: 0, cpu: 0 };
// As the bench's line: the first two months' baseline and the 24 months', then 6 untimed, 60 timed.
const month = baselineOf(base, 2);
baselineOf(base, 24);
for (let i = 0; i < 6; i++) runScenario(base, month, edits[i % 3]!);
const wall: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < 60; run++) {
  const t = performance.now();
  const c = cpuMs();
  runScenario(base, month, edits[run % 3]!);
  wall.push(performance.now() - t);
  cpu.push(cpuMs() - c);
}
db.close();
parentPort!.postMessage({ wall, cpu, prepare } satisfies FirstEditsOutput);
