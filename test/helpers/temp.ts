import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

function removeMade(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// A vitest hook registered from inside a running test never runs (which left every folder
// behind), so the hook is registered as this module loads, on the importing file's root suite.
// Playwright's workers (the e2e specs reach this through the unit tests' profile builders) have no
// vitest suite to register on, and end as processes.
if (process.env.VITEST) afterAll(removeMade);
else process.once('exit', removeMade);

/** A fresh folder per call, removed when the test file (under Playwright, its worker) ends. */
export function tempDir(prefix = 'credence-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
