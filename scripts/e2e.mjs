// `playwright test`, and once more for the tests that were running when Playwright's worker process
// was killed by a signal: the rare SIGSEGV of docs/engineering/known-crashes.md, whose cause is not
// known yet. A test that fails its own assertions, or is running in a second crash, still fails the
// run; the crash is printed, and .ci/run prints its core's backtrace. The report the summary reads
// (test-results/playwright.json) counts the crashed tests by their second run and names them.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const REPORT = new URL('../test-results/playwright.json', import.meta.url);
const FIRST = new URL('../test-results/playwright-first.json', import.meta.url);
const CRASH = /worker process exited unexpectedly \(code=null, signal=SIG[A-Z]+\)/;

function playwright(args) {
  return spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit' }).status ?? 1;
}

/** Every test in a Playwright JSON report, with its title and the errors of its results. */
function* testsOf(suite, path = []) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) yield { title: [...path, spec.title].join(' › '), file: `test/e2e/${spec.file}`, line: spec.line, test };
  }
  for (const child of suite.suites ?? []) yield* testsOf(child, suite.title ? [...path, suite.title] : path);
}

const args = process.argv.slice(2);
const status = playwright(args);
if (status === 0) process.exit(0);

const first = JSON.parse(readFileSync(REPORT, 'utf8'));
const failed = first.suites.flatMap((suite) => [...testsOf(suite)]).filter(({ test }) => test.status === 'unexpected');
const crashed = failed.filter(({ test }) => test.results.some((result) => (result.errors ?? []).some((error) => CRASH.test(error.message ?? ''))));
if (failed.length === 0 || crashed.length !== failed.length) process.exit(status);

console.error(`\nPlaywright's worker process was killed by a signal while ${crashed.length === 1 ? 'this test was' : 'these tests were'} running:`);
for (const { title, file, line } of crashed) console.error(`  ${file}:${line} ${title}`);
console.error('Not a failed assertion: the crash of docs/engineering/known-crashes.md. Running them once more.\n');
renameSync(REPORT, FIRST);
const again = playwright([...args, '--last-failed']);
const second = JSON.parse(readFileSync(REPORT, 'utf8'));
writeFileSync(
  REPORT,
  JSON.stringify({
    ...first,
    stats: {
      ...first.stats,
      expected: first.stats.expected + (second.stats.expected ?? 0),
      unexpected: second.stats.unexpected ?? 0,
      flaky: (first.stats.flaky ?? 0) + (second.stats.flaky ?? 0),
    },
    crashedThenRun: crashed.map(({ title, file, line }) => ({ title, file, line })),
  }),
);
process.exit(again);
