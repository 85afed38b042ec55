// Everything an import writes and everything derived from it, byte for byte, as a user gets it
// from `credence import`: for each bill export in test/fixtures/bills and test/fixtures-own, a
// fresh profile, the import report, a re-import of the same file (recognised by its hash) and,
// for a text export, of a re-saved copy (other bytes, the same rows: every row found stored);
// then every table the import and the work after it write (the rows, the batch and its stored
// report, the audit entries, the derived accounts, links, histories and events, the score
// snapshot). Last, every export imported together into one profile (refunds paired across files),
// by the CLI and by the app's path (the files' bytes through the dispatcher, imported in a worker
// thread), which must write the very same.
//
// Expected values: the output on main before the import path was rebuilt for scale (issue 16:
// statements, indexes, the work after an import, the worker), kept in golden/import-output.txt.
// The clock is fixed (the score snapshot is taken as of the day of the import); what is left
// varying is the wall-clock time an import started or finished (`…_at` columns, `importedAt`),
// printed as <time>, and the profile's random id. An intended change of the rules moves the file
// on purpose: review its diff, then `npx vitest run test/unit/importers/import-output-golden.test.ts -u`.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { main } from '../../../core/cli/credence.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { RawRowReader } from '../../../core/storage/raw-rows.ts';
import { BILLS_DIR, OWN_FIXTURES_DIR } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { encodeGbk } from './helpers.ts';

/** A fixed instant (2026-08-31 12:00 UTC+8): the score snapshot after an import is as of this day. */
const NOW = new Date('2026-08-31T12:00:00+08:00');

/** Tables an import or the work after it writes, in the order printed. */
const TABLES = [
  'import_batches',
  'transactions',
  'credit_accounts',
  'credit_links',
  'credit_account_events',
  'credit_account_histories',
  'credit_account_summaries',
  'score_snapshots',
] as const;

async function cli(args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  if (code !== 0) throw new Error(`credence ${args.join(' ')}: exit ${code}\n${err.join('\n')}`);
  return out.join('\n');
}

/** Wall-clock times of the import itself; a transaction's own time (occurred_at) stays. */
function timeless(column: string, value: unknown): unknown {
  if (column !== 'occurred_at' && column.endsWith('_at') && typeof value === 'string') return '<time>';
  return value;
}

function normalised(text: string): string {
  return text.replace(/"importedAt":"[^"]*"/g, '"importedAt":"<time>"').replace(/"(started|finished)At":"[^"]*"/g, '"$1At":"<time>"');
}

function tables(file: string): string {
  const db = openDatabase(file, { create: false });
  try {
    const parts: string[] = [];
    const raw = new RawRowReader(db);
    for (const table of TABLES) {
      const statement = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`);
      const columns = statement.columns().map((c) => c.name);
      parts.push(`--- ${table} (${columns.join(', ')})`);
      const rawRow = columns.indexOf('raw_row');
      const batchId = columns.indexOf('batch_id');
      for (const row of statement.raw().all() as unknown[][]) {
        // A raw row as every reader gets it (the stored form is the values only: migration 0020).
        if (rawRow >= 0) row[rawRow] = raw.text(row[batchId] as number, row[rawRow] as string);
        parts.push(JSON.stringify(row.map((v, i) => timeless(columns[i]!, v))));
      }
    }
    parts.push('--- audit_log of the imports (actor, action, subject, details_json)');
    const audit = db.prepare("SELECT actor, action, subject, details_json FROM audit_log WHERE action LIKE 'import.%' ORDER BY id");
    for (const row of audit.raw().all()) parts.push(JSON.stringify(row));
    return normalised(parts.join('\n'));
  } finally {
    db.close();
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(csv|xls|xlsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The bill exports (the Alipay cash book, 记账本, is not a bill: imports refuse it); the project's
 * Alipay exports are kept as UTF-8 for review and imported as the GBK the real export is.
 */
function exports(): string[] {
  const own = files(OWN_FIXTURES_DIR).filter((path) => !path.includes('cashbook')).map((path) => {
    if (!path.includes('alipay')) return path;
    const gbk = join(tempDir('credence-import-golden-'), path.split('/').at(-1)!);
    writeFileSync(gbk, encodeGbk(readFileSync(path, 'utf8')));
    return gbk;
  });
  return [...files(BILLS_DIR), ...own];
}

async function newProfile(): Promise<string> {
  const file = join(tempDir('credence-import-golden-'), 'profile.sqlite');
  await cli(['profile', 'create', 'golden', '--db', file]);
  return file;
}

/** The export's folder and name as the fixtures keep them (a GBK copy lives in a temp folder). */
function name(path: string): string {
  const [folder, file] = path.split('/').slice(-2);
  return `${folder!.startsWith('credence-import-golden-') ? 'fixtures-own' : folder}/${file}`;
}

describe('what an import writes and what follows from it (golden output)', () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterAll(() => vi.useRealTimers());

  it('of every bill export on its own, imported, imported again and re-saved, then of all of them together', async () => {
    const parts: string[] = [];
    const all = exports();
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const path of all) {
      const db = await newProfile();
      parts.push(`=== ${name(path)}: credence import`, normalised(await cli(['import', path, '--db', db])));
      parts.push(`=== ${name(path)}: the same file again`, normalised(await cli(['import', path, '--db', db])));
      if (path.endsWith('.csv')) {
        const resaved = join(tempDir('credence-import-golden-'), `resaved-${path.split('/').at(-1)}`);
        writeFileSync(resaved, Buffer.concat([readFileSync(path), Buffer.from('\n')]));
        parts.push(`=== ${name(path)}: a re-saved copy`, normalised(await cli(['import', resaved, '--db', db])));
      }
      parts.push(`=== ${name(path)}: tables`, tables(db));
    }
    const together = await newProfile();
    const report = normalised(await cli(['import', ...all, '--db', together]));
    parts.push('=== every export in one import', report, '=== tables', tables(together));
    await expect(parts.join('\n') + '\n').toMatchFileSnapshot(join(import.meta.dirname, 'golden', 'import-output.txt'));

    const byApp = await newProfile();
    const store = new SingleFileProfileStore(byApp);
    const dispatch = createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'test', emit: () => {} }));
    const files = all.map((path) => ({ name: path.split('/').at(-1)!, dataBase64: readFileSync(path).toString('base64') }));
    const answer = await dispatch('import.files', { profileId: store.list()[0]!.id, importId: randomUUID(), files });
    store.close();
    expect(answer.ok).toBe(true);
    expect(normalised(JSON.stringify(answer.ok && answer.value, null, 2))).toBe(report);
    // The audit log names who imported: the page's user, the CLI's command.
    expect(tables(byApp).replaceAll('["user","import.', '["cli","import.')).toBe(tables(together));
  }, 180_000);
});
