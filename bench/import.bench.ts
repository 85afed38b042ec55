// Import throughput and memory, 1,000,000 rows:
//   npx node bench/import.bench.ts [rows]        (from the repository root)
// Writes an Alipay-format GBK CSV and a WeChat-format CSV (newest first, time-prefixed ids,
// as the real exports) to a temp folder, then runs each measurement in its own process so
// that peak RSS belongs to that measurement alone:
//   fresh import → re-import of the same file (all duplicates) → the raw better-sqlite3
//   ceiling: the same 50-row INSERT OR IGNORE on the same schema with rows prebuilt.

import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMNS } from '../core/importers/batch-writer.ts';
import { importFile } from '../core/importers/import-file.ts';
import { openDatabase } from '../core/storage/database.ts';
import { bill, encodeGbk } from '../test/unit/importers/helpers.ts';

const here = fileURLToPath(import.meta.url);
const dir = join(tmpdir(), 'credence-bench');

const CATEGORIES = ['餐饮美食', '日用百货', '交通出行', '充值缴费', '投资理财', '转账红包', '信用借还', '数码电器'];
const METHODS = ['花呗', '余额宝', '招商银行信用卡(1234)', '交通银行储蓄卡(8705)', '花呗&红包', '账户余额'];
const STATUSES = ['交易成功', '交易成功', '交易成功', '交易关闭', '退款成功', '等待确认收货'];
const DIRECTIONS = ['支出', '支出', '支出', '收入', '不计收支'];
const WECHAT_TYPES = ['商户消费', '扫二维码付款', '转账', '微信红包', '零钱提现', '信用卡还款'];
const WECHAT_ID_PREFIXES = ['4200000805', '4200001234', '1000050001', '1800007367'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Newest first, one row every 37 seconds back from 2026-06-30. */
function stamp(i: number): { text: string; compact: string } {
  const ms = Date.UTC(2026, 5, 30, 23, 59, 59) - i * 37_000;
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return { text, compact: text.replace(/\D/g, '').slice(0, 8) };
}

function amount(i: number): string {
  return `${(i * 7919) % 50000}.${pad((i * 31) % 100, 2)}`;
}

function alipayRow(i: number): string {
  const { text, compact } = stamp(i);
  const id = `${compact}22001400${pad(1e9 - i, 12)}`;
  return [
    text, CATEGORIES[i % 8], `商户${i % 997}`, '/', `商品说明，第${i % 5003}号`, DIRECTIONS[i % 5], amount(i),
    METHODS[i % 6], STATUSES[i % 6], `${id}\t`, `M${pad(i, 10)}\t`, '', '',
  ].join(',');
}

function wechatRow(i: number): string {
  const { text, compact } = stamp(i);
  // A few id families (4200…, 1000050001…, 1800…), each time-ordered, as in real exports.
  const id = `${WECHAT_ID_PREFIXES[i % 4]}${compact}${pad(1e9 - i, 10)}`;
  const direction = ['支出', '支出', '收入', '/'][i % 4];
  return `${text},${WECHAT_TYPES[i % 6]},商户${i % 997},"商品 ${i % 5003}",${direction},¥${amount(i)},零钱,支付成功,${id}\t,${pad(i, 12)}\t,"/"`;
}

async function writeFile(file: string, preamble: string[], rows: number, row: (i: number) => string, encode: (s: string) => Uint8Array): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(encode(text)) ? resolve() : out.once('drain', resolve)));
  await write(`${preamble.join('\n')}\n`);
  const chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    chunk.push(row(i));
    if (chunk.length === 5000 || i === rows - 1) {
      await write(`${chunk.join('\n')}\n`);
      chunk.length = 0;
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function generate(rows: number): Promise<{ alipay: string; wechat: string }> {
  mkdirSync(dir, { recursive: true });
  const alipay = join(dir, `alipay-${rows}.csv`);
  const wechat = join(dir, `wechat-${rows}.csv`);
  if (!existsSync(alipay)) {
    const preamble = new TextDecoder('gb18030').decode(readFileSync(bill('alipay/alipay-app-2023.csv'))).split('\n').slice(0, 25);
    await writeFile(alipay, preamble, rows, alipayRow, encodeGbk);
  }
  if (!existsSync(wechat)) {
    const preamble = readFileSync(bill('wechat/wechat-csv-2025.csv'), 'utf8').split('\n').slice(0, 17);
    await writeFile(wechat, preamble, rows, wechatRow, (s) => Buffer.from(s));
  }
  return { alipay, wechat };
}

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
  const files = await generate(rows);
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
