// Migration 0020 converts the raw rows a profile stored before it (JSON objects naming every
// header cell) into arrays of values, with the names once per import; rawRowText gives back the
// very text that was stored. The profile "written by the old code" is the golden file's own
// record of it: golden/import-output.txt was generated on main before the change, so its last
// section holds every fixture export imported into one profile, the batches and the
// transactions as the old code stored them, raw_row included, byte for byte. Those rows go into a
// profile with every migration but this one, which is then opened as any profile is (migrating it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/storage/database.ts';
import { loadMigrations } from '../../../core/storage/migrations.ts';
import { RawRowReader, rawRowText } from '../../../core/storage/raw-rows.ts';
import { tempDir } from '../../helpers/temp.ts';

interface Table {
  columns: string[];
  rows: unknown[][];
}

/** A table of the golden file's last section ("every export in one import"). */
function goldenTable(name: string): Table {
  const text = readFileSync(join(import.meta.dirname, 'golden', 'import-output.txt'), 'utf8');
  const lines = text.slice(text.lastIndexOf('=== every export in one import')).split('\n');
  const at = lines.findIndex((line) => line.startsWith(`--- ${name} (`));
  const columns = lines[at]!.slice(`--- ${name} (`.length, -1).split(', ');
  const rows: unknown[][] = [];
  for (let i = at + 1; !lines[i]!.startsWith('---'); i++) rows.push(JSON.parse(lines[i]!) as unknown[]);
  return { columns, rows };
}

function insertAll(db: ReturnType<typeof openDatabase>, table: string, { columns, rows }: Table): void {
  const insert = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  for (const row of rows) insert.run(row);
}

describe('migration 0020: raw rows stored as their values', () => {
  it('converts every raw row an import stored before it, and reads each back as the very text it was', () => {
    const batches = goldenTable('import_batches');
    const transactions = goldenTable('transactions');
    const rawAt = transactions.columns.indexOf('raw_row');
    const batchAt = transactions.columns.indexOf('batch_id');
    // Every kind of export the fixtures hold: CSV, XLSX and XLS, from 15 files and more.
    expect(batches.rows.length).toBeGreaterThanOrEqual(15);
    expect(transactions.rows.length).toBeGreaterThan(100);
    expect(transactions.rows.every((row) => String(row[rawAt]).startsWith('{"'))).toBe(true);

    const file = join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrations: loadMigrations().filter((m) => m.name !== 'raw_row_cells') });
    old.pragma('foreign_keys = OFF'); // refunds name originals stored after them, as ids go
    insertAll(old, 'import_batches', batches);
    insertAll(old, 'transactions', transactions);
    // A hand-made test ledger's `{}` in a batch of its own (no names: an empty array), and a row
    // whose names are not its batch's, left as it is.
    old.prepare("INSERT INTO import_batches (id, file_name, file_sha256, platform, variant, started_at) VALUES (900, 'hand', '', 'alipay', '', 'x')").run();
    const hand = `INSERT INTO transactions (id, batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, raw_row, source_line)
       VALUES (?, ?, 'alipay', ?, '2023-02-12T21:32:14+08:00', 1676208734, 100, 'expense', '交易成功', ?, 2)`;
    old.prepare(hand).run(9001, 900, 'hand-1', '{}');
    old.prepare(hand).run(9002, transactions.rows[0]![batchAt], 'hand-2', '{"其他":"1"}');
    old.close();

    const db = openDatabase(file, { create: false });
    const stored = db.prepare('SELECT id, batch_id AS batchId, raw_row AS raw FROM transactions ORDER BY id').all() as Array<{ id: number; batchId: number; raw: string }>;
    const reader = new RawRowReader(db);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const row of transactions.rows) {
      const now = byId.get(row[0] as number)!;
      expect(now.raw.startsWith('[')).toBe(true);
      expect(reader.text(now.batchId, now.raw)).toBe(row[rawAt]);
    }
    // The names once per import: every batch the fixtures made, and the hand-made one.
    const named = db.prepare('SELECT batch_id FROM import_raw_columns ORDER BY batch_id').pluck().all();
    expect(named).toEqual([...[...new Set(transactions.rows.map((row) => row[batchAt]))].sort((a, b) => Number(a) - Number(b)), 900]);
    expect(byId.get(9001)!.raw).toBe('[]');
    expect(reader.text(900, '[]')).toBe('{}');
    expect(byId.get(9002)!.raw).toBe('{"其他":"1"}');
    expect(reader.text(byId.get(9002)!.batchId, byId.get(9002)!.raw)).toBe('{"其他":"1"}');
    db.close();
  });

  it('reads values under names that JSON orders first (integer-like) as the object put them', () => {
    // An object puts integer-like keys first whatever the order they were set in; the stored
    // values follow the header's order, and the object read back is the one JSON.stringify wrote.
    const names = ['交易时间', '2', '1'];
    const object: Record<string, string> = {};
    object['交易时间'] = 't';
    object['2'] = 'b';
    object['1'] = 'a';
    expect(rawRowText(names, JSON.stringify(['t', 'b', 'a']))).toBe(JSON.stringify(object));
    expect(rawRowText(names, JSON.stringify(['t', 'b', 'a']))).toBe('{"1":"a","2":"b","交易时间":"t"}');
  });
});
