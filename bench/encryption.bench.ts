// Encryption at rest against plaintext, in the same run, each measurement in its own process:
//   npx node bench/encryption.bench.ts [rows]
// 1. Import: the 300,000-row Alipay export into a fresh plaintext profile and a fresh encrypted
//    one, three rounds interleaved, median. Two figures each: the import's own rate (what the
//    app's import job does, after the profile is open) and the whole `credence import` process
//    (start-up, unlock by passphrase for the encrypted one, import, close), as a user runs it.
//    Goal: encrypted import at 75% or more of the plaintext rate.
// 2. First score after opening: a 10-year ledger of 200 accounts (the score bench's), plaintext
//    and an encrypted copy; each round a new process opens the profile and times its first
//    score.report through the IPC handlers (ledger load and score). Goal: unchanged within noise.
//    The encrypted connection keeps SQLite's default page cache (2 MiB, cipher.ts); the row
//    "cache 64 MiB" is the same encrypted profile with a larger cache, the alternative measured.
// Also reported: the raw ceiling, the plaintext rows inserted by the fork with no encryption,
// is bench/import.bench.ts's; this bench compares the two profiles the user can have.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../core/importers/import-file.ts';
import { createHandlers } from '../core/ipc/handlers.ts';
import { createDispatch } from '../core/ipc/registry.ts';
import { deriveAndStore } from '../core/ledger/derive/derive-and-store.ts';
import { SingleFileProfileStore } from '../core/storage/single-file-store.ts';
import { AS_OF, splitAccounts, writeBankLoans, writeCardFacts, writeCardStatements } from './synthetic-ledger.ts';
import { generateExports } from './synthetic-exports.ts';
import { formatDay } from '../core/shared/calendar.ts';

const here = fileURLToPath(import.meta.url);
const bin = join(here, '../../bin/credence.mjs');
const dir = join(tmpdir(), 'credence-encryption-bench');
const PASSPHRASE = 'bench passphrase, long enough';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Child: a fresh profile (plaintext, or encrypted when asked), then one import timed in-process. */
async function childImport(file: string, dbFile: string, encrypted: boolean): Promise<void> {
  const store = new SingleFileProfileStore(dbFile);
  const profile = encrypted ? (await store.createEncrypted('Bench', PASSPHRASE)).profile : store.create('Bench');
  const db = store.database(profile.id);
  const started = performance.now();
  const [report] = await importFile(db, file);
  const seconds = (performance.now() - started) / 1000;
  store.close();
  console.log(JSON.stringify({ rows: report!.rowsRead, seconds }));
}

/** Child: open the profile in a new process, then its first score.report through the handlers. */
async function childScore(dbFile: string, mode: 'plain' | 'encrypted' | 'large-cache'): Promise<void> {
  const store = new SingleFileProfileStore(dbFile);
  const [profile] = store.list();
  const opened = performance.now();
  if (mode !== 'plain') await store.unlock(profile!.id, { kind: 'passphrase', passphrase: PASSPHRASE });
  const unlockMs = performance.now() - opened;
  if (mode === 'large-cache') store.database(profile!.id).pragma('cache_size = -65536');
  const dispatch = createDispatch(createHandlers({ store, dataDir: dbFile, version: 'bench', transport: 'cli', emit: () => {} }));
  const started = performance.now();
  const envelope = await dispatch('score.report', { profileId: profile!.id, asOf: formatDay(AS_OF) });
  const firstMs = performance.now() - started;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  store.close();
  console.log(JSON.stringify({ unlockMs, firstMs }));
}

function child(args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [here, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

function cliSeconds(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  execFileSync(process.execPath, [bin, ...args], { stdio: 'ignore', env: { ...process.env, ...env } });
  return (performance.now() - started) / 1000;
}

/** The score bench's ledger (10 years, 200 accounts), without its Alipay filler rows. */
function scoringProfile(file: string): void {
  const store = new SingleFileProfileStore(file);
  const profile = store.create('Score bench');
  const db = store.database(profile.id);
  const { cards, loans } = splitAccounts(200);
  db.transaction(() => {
    writeCardStatements(db, { cards, years: 10, chargeDays: [4, 12, 20], chargeSpreadFen: 150_000, lateRate: 0.015, missedRate: 0.005 });
    writeBankLoans(db, { loans, years: 10, reported: true });
    writeCardFacts(db, { years: 10, reported: (c) => c % 2 === 0 });
  })();
  deriveAndStore(db);
  // Compact, as the encrypted twin (a fresh copy) is: both files then have the same page layout.
  db.exec('VACUUM');
  store.close();
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 300_000);
  mkdirSync(dir, { recursive: true });
  const { alipay } = await generateExports(dir, rows);
  const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
  console.log(`node ${process.version}; load average at start ${load()}`);

  const rates: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
  const cli: Record<'plain' | 'encrypted', number[]> = { plain: [], encrypted: [] };
  const pass = join(dir, 'pass.txt');
  writeFileSync(pass, PASSPHRASE);
  for (let round = 0; round < 3; round++) {
    for (const mode of ['plain', 'encrypted'] as const) {
      const db = join(dir, `import-${mode}.sqlite`);
      for (const suffix of ['', '-wal', '-shm', '.keys.json']) rmSync(db + suffix, { force: true });
      const r = child(['--import', alipay, db, mode]);
      rates[mode].push(r.rows! / r.seconds!);
      // The whole CLI process on a second, fresh profile of the same kind.
      const cliDb = join(dir, `cli-${mode}.sqlite`);
      for (const suffix of ['', '-wal', '-shm', '.keys.json']) rmSync(cliDb + suffix, { force: true });
      execFileSync(process.execPath, [bin, 'profile', 'create', 'CLI', '--db', cliDb, ...(mode === 'encrypted' ? ['--passphrase-file', pass] : [])], { stdio: 'ignore' });
      cli[mode].push(cliSeconds(['import', alipay, '--db', cliDb], mode === 'encrypted' ? { CREDENCE_PASSPHRASE_FILE: pass } : {}));
    }
  }
  const rate = (mode: 'plain' | 'encrypted') => Math.round(median(rates[mode]));
  for (const mode of ['plain', 'encrypted'] as const) {
    console.log(`${`import, ${mode}`.padEnd(26)} ${rate(mode).toLocaleString('en').padStart(9)} rows/s (median of 3)   credence import process ${median(cli[mode]).toFixed(2)} s`);
  }
  const share = rate('encrypted') / rate('plain');
  console.log(`encrypted import = ${Math.round(100 * share)}% of plaintext (goal: 75% or more) — ${share >= 0.75 ? 'met' : 'NOT met'}`);

  const plainScore = join(dir, 'score-plain.sqlite');
  const encScore = join(dir, 'score-encrypted.sqlite');
  for (const file of [plainScore, encScore]) for (const suffix of ['', '-wal', '-shm', '.keys.json']) rmSync(file + suffix, { force: true });
  scoringProfile(plainScore);
  // The encrypted twin: the same file, encrypted the way a user does it (profile.encrypt).
  copyFileSync(plainScore, encScore);
  const twin = new SingleFileProfileStore(encScore);
  const [profile] = twin.list();
  const encrypt = await createDispatch(createHandlers({ store: twin, dataDir: encScore, version: 'bench', transport: 'cli', emit: () => {} }))('profile.encrypt', {
    profileId: profile!.id,
    passphrase: PASSPHRASE,
  });
  if (!encrypt.ok) throw new Error(JSON.stringify(encrypt.error));
  twin.close();
  const scores: Record<'plain' | 'encrypted' | 'large-cache', { first: number[]; unlock: number[] }> = {
    plain: { first: [], unlock: [] },
    encrypted: { first: [], unlock: [] },
    'large-cache': { first: [], unlock: [] },
  };
  for (let round = 0; round < 5; round++) {
    for (const mode of ['plain', 'encrypted', 'large-cache'] as const) {
      const r = child(['--score', mode === 'plain' ? plainScore : encScore, mode]);
      scores[mode].first.push(r.firstMs!);
      scores[mode].unlock.push(r.unlockMs!);
    }
  }
  for (const mode of ['plain', 'encrypted', 'large-cache'] as const) {
    const label = mode === 'large-cache' ? 'encrypted, cache 64 MiB' : mode;
    console.log(`${`first score, ${label}`.padEnd(34)} ${median(scores[mode].first).toFixed(0).padStart(6)} ms (median of 5; runs ${scores[mode].first.map((v) => v.toFixed(0)).join(', ')})   unlock ${median(scores[mode].unlock).toFixed(0)} ms`);
  }
  console.log(`load average at end ${load()}`);
}

const [mode, a, b, c] = process.argv.slice(2);
if (mode === '--import') await childImport(a!, b!, c === 'encrypted');
else if (mode === '--score') await childScore(a!, b as 'plain' | 'encrypted' | 'large-cache');
else await main();
