// Timing helpers of the benches: median, p95 and best of repeated runs, printed one line each.

export interface Timing {
  median: number;
  p95: number;
}

export function summarise(label: string, times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  console.log(`${label.padEnd(15)} median ${median.toFixed(2).padStart(8)} ms  p95 ${p95.toFixed(2).padStart(8)} ms  best ${sorted[0]!.toFixed(2).padStart(8)} ms  (${sorted.length} runs)`);
  return { median, p95 };
}

export function time(label: string, runs: number, fn: (run: number) => unknown): Timing {
  return summarise(label, sample(runs, fn));
}

export function sample(runs: number, fn: (run: number) => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn(i);
    times.push(performance.now() - started);
  }
  return times;
}

/** CPU time of this process so far, in ms (user and system): what a run costs apart from waiting for the machine. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface WallAndCpu {
  wall: Timing;
  cpu: Timing;
}

/** Runs `fn` (awaited) `runs` times, each after `before` (untimed): wall-clock and CPU time of each, printed on one line. */
export async function timeBoth(label: string, runs: number, fn: (run: number) => unknown, before?: (run: number) => unknown): Promise<WallAndCpu> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    const started = performance.now();
    const cpuStarted = cpuMs();
    await fn(i);
    wall.push(performance.now() - started);
    cpu.push(cpuMs() - cpuStarted);
  }
  return printBoth(label, wall, cpu);
}

/** Wall-clock and CPU times measured elsewhere (one of each a run), printed as timeBoth prints them. */
export function printBoth(label: string, wall: readonly number[], cpu: readonly number[]): WallAndCpu {
  const runs = wall.length;
  const stat = (times: readonly number[]): Timing => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
  };
  const out = { wall: stat(wall), cpu: stat(cpu) };
  const f = (x: number) => x.toFixed(1).padStart(8);
  console.log(`${label.padEnd(15)} wall median ${f(out.wall.median)} ms  p95 ${f(out.wall.p95)} ms · cpu median ${f(out.cpu.median)} ms  p95 ${f(out.cpu.p95)} ms  (${runs} runs)`);
  return out;
}
