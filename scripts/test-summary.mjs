// One closing line for the whole `npm test` run (unit + e2e), read from both runners' JSON reports.
import { readFileSync } from 'node:fs';

function read(file) {
  return JSON.parse(readFileSync(new URL(`../test-results/${file}`, import.meta.url), 'utf8'));
}

const unit = read('vitest.json');
const e2e = read('playwright.json');
const passed = unit.numPassedTests + (e2e.stats.expected ?? 0);
const failed = unit.numFailedTests + (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
const skipped = unit.numPendingTests + unit.numTodoTests + (e2e.stats.skipped ?? 0);
console.log(`unit: ${unit.numPassedTests} passed, e2e: ${e2e.stats.expected} passed, ${e2e.stats.skipped} skipped`);
for (const { file, line, title } of e2e.crashedThenRun ?? []) console.log(`e2e: run twice, its worker process killed by a signal the first time (docs/engineering/known-crashes.md): ${file}:${line} ${title}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
