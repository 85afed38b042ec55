#!/usr/bin/env node
// Security lint: Electronegativity over the Electron sources (electron/, renderer/, and out/ when
// built), offline. Fails on any finding above LOW that security/electronegativity-allowlist.json
// does not list with a written justification and a reviewer.
//
//   node scripts/security-lint.mjs            (run it with Node 24: `npx node scripts/security-lint.mjs`)
//
// Two local adjustments make Electronegativity 1.10 usable here, neither changes what it checks:
//  * Its TypeScript fallback parser (@typescript-eslint/typescript-estree 4, hoisted to the top
//    of node_modules) would load the project's TypeScript 7, which has no JS compiler API and
//    crashes on load. It is pointed at the TypeScript 4.2 that Electronegativity ships for itself.
//    (.ts files are parsed by Babel's TypeScript plugin first; typescript-estree is the fallback.)
//  * It fetches translations from the network on start, and the excluded
//    AvailableSecurityFixesGlobalCheck would fetch Electron releases. `got` is replaced by a stub
//    that fails at once, so nothing leaves the machine; the bundled en-US texts are used.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOL_DIR = join(repo, 'node_modules', '@doyensec', 'electronegativity');
const ALLOWLIST = join(repo, 'security', 'electronegativity-allowlist.json');
const SCANNED = ['electron', 'renderer', 'out'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const BLOCKING_ABOVE = SEVERITY_RANK.LOW;

class LintError extends Error {}

/** A problem with the lint itself (not a finding): reported with exit code 2. */
function fail(message) {
  throw new LintError(message);
}

// ---------------------------------------------------------------------------------------------
// Allowlist

function loadAllowlist() {
  if (!existsSync(ALLOWLIST)) return [];
  const data = JSON.parse(readFileSync(ALLOWLIST, 'utf8'));
  const entries = Array.isArray(data) ? data : data.entries;
  if (!Array.isArray(entries)) fail(`${relative(repo, ALLOWLIST)} must hold an "entries" array`);
  for (const [index, entry] of entries.entries()) {
    for (const field of ['check', 'file', 'justification', 'reviewer']) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
        fail(`${relative(repo, ALLOWLIST)} entry ${index} needs a non-empty "${field}"`);
      }
    }
    if (entry.justification.trim().length < 40) fail(`${relative(repo, ALLOWLIST)} entry ${index}: write out the justification`);
  }
  return entries.map((entry) => ({ ...entry, used: 0 }));
}

// ---------------------------------------------------------------------------------------------
// Staging: one folder holding electron/, renderer/ and out/ with their repo-relative paths, so
// that global checks (CSP, navigation limits, permission handler) see the whole app at once.

// Electronegativity only reads .js/.jsx/.ts/.tsx/.html: module-typed extensions (the preload
// bundle is out/preload/index.cjs) get a readable alias in the stage, mapped back when reporting.
const ALIASED = { '.cjs': '.js', '.mjs': '.js', '.cts': '.ts', '.mts': '.ts' };

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'credence-security-lint-'));
  const copied = [];
  const aliases = new Map();
  for (const name of SCANNED) {
    const source = join(repo, name);
    if (!existsSync(source)) continue;
    cpSync(source, join(dir, name), {
      recursive: true,
      filter: (path) => !path.split(sep).includes('node_modules'),
    });
    copied.push(name);
  }
  for (const file of listFiles(dir)) {
    const extension = Object.keys(ALIASED).find((ext) => file.endsWith(ext));
    if (!extension) continue;
    const alias = file + ALIASED[extension];
    renameSync(join(dir, file), join(dir, alias));
    aliases.set(toPosix(alias), toPosix(file));
  }
  return { dir, copied, aliases };
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

// Inline `eng-disable` comments would silence a check without an allowlist entry: not allowed.
function findInlineSuppressions(dir) {
  return listFiles(dir)
    .filter((name) => /\.([cm]?[jt]sx?|html?)$/.test(name))
    .filter((name) => /eng-disable/.test(readFileSync(join(dir, name), 'utf8')));
}

// ---------------------------------------------------------------------------------------------
// Electronegativity, loaded in-process with the two adjustments described above

function loadElectronegativity() {
  if (!existsSync(join(TOOL_DIR, 'package.json'))) fail('@doyensec/electronegativity is not installed (npm install)');
  const ownTypescript = join(TOOL_DIR, 'node_modules', 'typescript');
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.includes(`${sep}@typescript-eslint${sep}`) && existsSync(ownTypescript)) {
      return resolveFilename.call(this, ownTypescript, parent, ...rest);
    }
    return resolveFilename.call(this, request, parent, ...rest);
  };

  const toolRequire = createRequire(join(TOOL_DIR, 'dist', 'runner.js'));
  const offline = () => Promise.reject(new Error('security-lint runs offline'));
  const gotPath = toolRequire.resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { default: offline, get: offline });
  Module._cache[gotPath] = stub;
  return toolRequire('./runner.js');
}

async function scan(input) {
  const run = loadElectronegativity();
  const electronVersion = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  process.env.LANG = 'en-US';
  // The tool reports its failed translation download on stdout; keep our output to the findings.
  const log = console.log;
  console.log = (...args) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args);
  };
  try {
    return await run(
      {
        input,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS.map((check) => check.toLowerCase()),
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

// ---------------------------------------------------------------------------------------------

function summary(text) {
  const first = text.split(/(?<=\.)\s/)[0];
  return first.length > 140 ? `${first.slice(0, 137)}...` : first;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

async function main() {
  const allowlist = loadAllowlist();
  const { dir, copied, aliases } = stage();
  const original = (file) => aliases.get(file) ?? file;
  let blocking = 0;
  try {
    if (!copied.includes('electron') || !existsSync(join(dir, 'electron', 'main.ts'))) fail('electron/main.ts not found: nothing to scan');
    console.log(`security-lint: electronegativity over ${copied.map((name) => `${name}/`).join(', ')} (excluding ${EXCLUDED_CHECKS.join(', ')})`);

    const suppressions = findInlineSuppressions(dir);
    for (const file of suppressions) {
      console.log(`  FAIL  inline eng-disable comment in ${original(toPosix(file))}: list the finding in the allowlist instead`);
      blocking += 1;
    }

    const result = await scan(dir);
    console.log(`security-lint: ${result.atomicChecks} atomic and ${result.globalChecks} global checks`);

    for (const error of result.errors) {
      const file = original(toPosix(relative(dir, error.file)));
      if (error.tolerable) {
        console.log(`  note  parser warning in ${file}: ${error.message}`);
      } else {
        console.log(`  FAIL  could not parse ${file}, so it was not checked: ${error.message}`);
        blocking += 1;
      }
    }

    const findings = result.issues
      .map((issue) => ({
        check: issue.id,
        severity: issue.severity?.name ?? 'UNKNOWN',
        confidence: issue.confidence?.name ?? 'UNKNOWN',
        file: issue.file === 'N/A' ? 'N/A' : original(toPosix(issue.file)),
        line: issue.location?.line ?? 0,
        column: issue.location?.column ?? 0,
        manualReview: Boolean(issue.manualReview),
        description: String(issue.description ?? '').split('\n')[0],
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));

    for (const finding of findings) {
      const rank = SEVERITY_RANK[finding.severity] ?? Number.POSITIVE_INFINITY;
      const entry = allowlist.find((e) => e.check === finding.check && toPosix(e.file) === finding.file);
      let verdict;
      if (rank <= BLOCKING_ABOVE) verdict = 'info ';
      else if (entry) {
        entry.used += 1;
        verdict = 'allow';
      } else {
        verdict = 'FAIL ';
        blocking += 1;
      }
      const where = finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}:${finding.column}`;
      console.log(`  ${verdict} ${finding.severity.padEnd(13)} ${finding.check.padEnd(40)} ${where}${finding.manualReview ? '  [review]' : ''}`);
      if (verdict === 'allow') console.log(`         allowlisted (reviewer: ${entry.reviewer}): ${summary(entry.justification)}`);
      else if (verdict.trim() === 'FAIL') console.log(`         ${finding.description}`);
    }
    if (findings.length === 0) console.log('  no findings');

    for (const entry of allowlist.filter((e) => e.used === 0)) {
      const scanned = copied.includes(toPosix(entry.file).split('/')[0]);
      console.log(
        scanned
          ? `  note  allowlist entry ${entry.check} for ${entry.file} matched nothing: remove it if the code changed`
          : `  note  allowlist entry ${entry.check} for ${entry.file} not exercised (${entry.file.split('/')[0]}/ absent this run)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (blocking > 0) {
    console.error(`security-lint: ${blocking} blocking finding(s). Fix the code, or allowlist a genuine false positive with its reasoning.`);
    process.exit(1);
  }
  console.log('security-lint: passed');
}

try {
  await main();
} catch (error) {
  console.error(`security-lint: ${error instanceof LintError ? error.message : error?.stack ?? error}`);
  process.exit(2);
}
