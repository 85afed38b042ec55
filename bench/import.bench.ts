// Import throughput and memory, 1,000,000 rows:
//   npx node bench/import.bench.ts [rows]        (from the repository root)
// Writes an Alipay-format GBK CSV and a WeChat-format CSV (newest first, time-prefixed ids,
// as the real exports) to a temp folder, then runs each measurement in its own process so
// that peak RSS belongs to that measurement alone:
//   fresh import → re-import of the same file (all duplicates) → the raw SQLite ceiling: the same
//   50-row INSERT OR IGNORE on the same schema with rows prebuilt, through the same driver
//   (better-sqlite3-multiple-ciphers on a plaintext file: no key, no cipher; encrypted profiles
//   are measured against plaintext ones in bench/encryption.bench.ts).

import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMNS } from '../core/importers/batch-writer.ts';
import { importFile } from '../core/importers/import-file.ts';
import { openDatabase } from '../core/storage/database.ts';
import { generateExports } from './synthetic-exports.ts';

const here = fileURLToPath(import.meta.url);
const dir = join(tmpdir(), 'credence-bench');

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Child: one import into `dbFile`, printed as JSON. */
async function runImport(file: string, dbFile: string): Promise<void> {
  const db = openDatabase(dbFile);
  const started = performance.now();
  const [report] = await importFile(db, file);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  console.log(JSON.stringify({ rows: report.rowsRead, imported: report.imported, duplicates: report.duplicates, seconds, rssMb: peakRssMb() }));
}


/**
 * Child: the raw ceiling. The very rows the importer wrote (read back from `sourceDb`, untimed,
 * so they are already parsed, keyed and serialised) inserted into a fresh database with the same
 * schema, indexes and 50-row prepared statements, in one transaction; only SQLite in the loop.
 */
function runCeiling(sourceDb: string, dbFile: string): void {
  const source = openDatabase(sourceDb, { create: false });
  const rows = source.prepare(`SELECT ${COLUMNS.join(',')} FROM transactions ORDER BY id`).raw().all() as unknown[][];
  source.close();
  const db = openDatabase(dbFile);
  db.prepare("INSERT INTO import_batches (id, file_name, file_sha256, platform, variant, started_at) VALUES (1, 'x', '', 'alipay', 'x', 'x')").run();
  const tuple = `(${COLUMNS.map(() => '?').join(',')})`;
  const insert = db.prepare(`INSERT OR IGNORE INTO transactions (${COLUMNS.join(',')}) VALUES ${Array(50).fill(tuple).join(',')}`);
  const batches: unknown[][] = [];
  for (let at = 0; at + 50 <= rows.length; at += 50) batches.push(rows.slice(at, at + 50).flatMap((row) => [1, ...row.slice(1)]));
  const started = performance.now();
  db.exec('BEGIN IMMEDIATE');
  for (const params of batches) insert.run(params);
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  db.close();
  console.log(JSON.stringify({ rows: batches.length * 50, seconds, rssMb: peakRssMb() }));
}

function child(args: string[]): { rows: number; seconds: number; rssMb: number; imported?: number; duplicates?: number } {
  const out = execFileSync(process.execPath, [here, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const files = await generateExports(dir, rows);
  const line = (label: string, r: ReturnType<typeof child>, bytes?: number) =>
    console.log(
      `${label.padEnd(28)} ${String(r.rows).padStart(8)} rows ${r.seconds.toFixed(2).padStart(6)} s ` +
        `${Math.round(r.rows / r.seconds).toLocaleString('en').padStart(9)} rows/s  peak RSS ${r.rssMb} MB` +
        (bytes ? `  (${(bytes / 1e6).toFixed(0)} MB file)` : '') +
        (r.imported !== undefined ? `  imported ${r.imported}, duplicates ${r.duplicates}` : ''),
    );
  console.log(`node ${process.version}, ${rows} rows per file`);
  for (const [name, file] of Object.entries(files)) {
    const db = join(dir, `${name}.sqlite`);
    const ceilingDb = join(dir, `${name}-ceiling.sqlite`);
    for (const path of [db, ceilingDb]) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const fresh = child(['--import', file, db]);
    line(`${name} fresh import`, fresh, statSync(file).size);
    const ceiling = child(['--ceiling', db, ceilingDb]);
    line(`${name} raw SQLite ceiling`, ceiling);
    const share = fresh.rows / fresh.seconds / (ceiling.rows / ceiling.seconds);
    console.log(`${''.padEnd(28)} import = ${Math.round(100 * share)}% of the ceiling (goal: 60% or more)`);
    line(`${name} re-import, same file`, child(['--import', file, db]));
    // The same rows in different bytes (as after a re-export): every row is probed and skipped.
    const resaved = `${file}.resaved`;
    copyFileSync(file, resaved);
    appendFileSync(resaved, '\n');
    line(`${name} re-import, re-saved`, child(['--import', resaved, db]));
    rmSync(resaved);
    for (const suffix of ['', '-wal', '-shm']) rmSync(ceilingDb + suffix, { force: true });
  }
  console.log('goals: re-import 500,000 rows/s or more; peak RSS under 300 MB');
}

const [mode, a, b] = process.argv.slice(2);
if (mode === '--import') await runImport(a, b);
else if (mode === '--ceiling') runCeiling(a, b);
else await main();
