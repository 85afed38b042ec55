// How a transaction's raw row is stored: the export's own cells, kept verbatim so that a person
// can see what the file said. `transactions.raw_row` holds the row's values as a JSON array, and
// the header names they belong to are stored once per import in `import_raw_columns` (migration
// 0020). Before, raw_row was a JSON object that repeated every header name in every row: about
// half its bytes, and the largest part of what an import wrote (docs/engineering/performance.md).
//
// Whoever reads a raw row reads it through `rawRowText`, which gives back exactly that object's
// text: the stored form changed, the row did not.

import type Database from 'better-sqlite3-multiple-ciphers';

/** database.ts's Db, named here without importing it (it registers this module's functions). */
type Db = Database.Database;

/** One cell as a raw row keeps it: text, a spreadsheet's number, or nothing. */
export type RawValue = string | number | null;

/** What raw_row stores: the row's values, in the order of its import's names. */
export function rawCellsText(values: readonly RawValue[]): string {
  return JSON.stringify(values);
}

/**
 * The raw row as one JSON object from header name to value, the names in the header's order.
 * A stored text that is no array is such an object already (a row written by something other than
 * an import, which migration 0020 left as it was) and comes back as it is.
 */
export function rawRowText(names: readonly string[], stored: string): string {
  if (!stored.startsWith('[')) return stored;
  const values = JSON.parse(stored) as RawValue[];
  const row: Record<string, RawValue> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
  return JSON.stringify(row);
}

/** The header names of one import's raw rows, stored with its first row. */
export function storeRawNames(db: Db, batchId: number, names: readonly string[]): void {
  db.prepare('INSERT INTO import_raw_columns (batch_id, names) VALUES (?, ?)').run(batchId, JSON.stringify(names));
}

/** Reads raw rows of any imports, each import's names read once. */
export class RawRowReader {
  private readonly names = new Map<number, readonly string[]>();
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  text(batchId: number, stored: string): string {
    let names = this.names.get(batchId);
    if (names === undefined) {
      const json = this.db.prepare('SELECT names FROM import_raw_columns WHERE batch_id = ?').pluck().get(batchId) as string | undefined;
      names = json === undefined ? [] : (JSON.parse(json) as string[]);
      this.names.set(batchId, names);
    }
    return rawRowText(names, stored);
  }
}

/** One transaction's raw row as its JSON object, or null when there is no such transaction. */
export function readRawRow(db: Db, transactionId: number): string | null {
  const row = db.prepare('SELECT batch_id AS batchId, raw_row AS stored FROM transactions WHERE id = ?').get(transactionId) as
    | { batchId: number; stored: string }
    | undefined;
  return row ? new RawRowReader(db).text(row.batchId, row.stored) : null;
}

function objectOf(stored: string): Record<string, RawValue> | null {
  try {
    const value = JSON.parse(stored) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, RawValue>) : null;
  } catch {
    return null;
  }
}

/**
 * For migration 0020, which converts the raw rows stored before it: `credence_raw_names(raw_row)`,
 * the names of an object row in its own order, and `credence_raw_cells(raw_row, names)`, its
 * values as an array when its names are exactly those (every row of one import has the same), or
 * the row unchanged otherwise. JSON.parse and JSON.stringify give back the very text
 * JSON.stringify wrote, so rawRowText of a converted row is the row as it was stored.
 */
export function registerRawRowFunctions(db: Db): void {
  db.function('credence_raw_names', { deterministic: true }, (stored) => {
    const row = typeof stored === 'string' ? objectOf(stored) : null;
    return row === null ? null : JSON.stringify(Object.keys(row));
  });
  db.function('credence_raw_cells', { deterministic: true }, (stored, names) => {
    if (typeof stored !== 'string' || typeof names !== 'string') return stored;
    const row = objectOf(stored);
    if (row === null) return stored;
    const keys = Object.keys(row);
    const expected = JSON.parse(names) as string[];
    if (keys.length !== expected.length || keys.some((key, i) => key !== expected[i])) return stored;
    return rawCellsText(Object.values(row));
  });
}
