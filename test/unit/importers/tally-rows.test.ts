// TallyRows (core/importers/tally-rows.ts) keeps the stated-totals tally's rows as steps from the
// row before. Every row read back must be the row added, value for value (Object.is: -0 stays -0),
// in order: checked on rows as an export lists them (source lines one apart, times a few minutes
// apart, newest first), on steps of every size, and on the values an Int32 cannot hold, over
// enough rows that the chunks fill several times (a chunk is at most 1 MB, a row about 5 bytes).

import { describe, expect, it } from 'vitest';
import { TempTableChunks, type TallyChunks } from '../../../core/importers/tally-chunks.ts';
import { TallyRows, type TallyRow } from '../../../core/importers/tally-rows.ts';
import { mulberry32 as random } from '../../../core/score-fit/stratified-kfold.ts';
import { tempDb } from './helpers.ts';

const NO_LINE = 255;

/** The full chunks kept in an array, for the tests of the packing alone (an import keeps them in a TEMP table). */
class ArrayChunks implements TallyChunks {
  private chunks: Uint8Array[] = [];
  put(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }
  each(read: (bytes: Uint8Array) => void): void {
    for (const chunk of this.chunks) read(chunk);
  }
  clear(): void {
    this.chunks = [];
  }
}

function readBack(rows: TallyRows): TallyRow[] {
  const out: TallyRow[] = [];
  rows.read((row) => out.push({ ...row }));
  return out;
}

/** Compared value by value with Object.is, so that -0 against 0 or a rounded float fails. */
function expectSame(actual: TallyRow[], expected: TallyRow[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (!(Object.is(a.line, e.line) && Object.is(a.sourceLine, e.sourceLine) && Object.is(a.epoch, e.epoch) && Object.is(a.fen, e.fen))) {
      expect({ at: i, ...a }).toEqual({ at: i, ...e });
    }
  }
}

function addAll(rows: TallyRows, list: TallyRow[]): void {
  for (const row of list) rows.add(row.line, row.sourceLine, row.epoch, row.fen);
}

/** Rows as an export lists them: lines one apart, newest first, amounts of every size. */
function exportLike(count: number): TallyRow[] {
  const next = random(29);
  const list: TallyRow[] = [];
  let epoch = 1_767_000_000;
  let sourceLine = 25;
  for (let i = 0; i < count; i++) {
    // Mostly the next line; now and then a skipped one (a rejected row in between).
    sourceLine += next() < 0.98 ? 1 : 2 + Math.floor(next() * 1000);
    epoch -= Math.floor(next() * 3600);
    const line = next() < 0.2 ? NO_LINE : Math.floor(next() * 5);
    const fen = line === NO_LINE ? 0 : Math.floor((next() - 0.1) * 10 ** Math.floor(next() * 9));
    list.push({ line, sourceLine, epoch, fen });
  }
  return list;
}

describe('TallyRows reads back every row as added', () => {
  it('an export-like file of 600,000 rows: lines one apart, newest first, amounts of every size', () => {
    const list = exportLike(600_000);
    const rows = new TallyRows(NO_LINE, new ArrayChunks());
    addAll(rows, list);
    expectSame(readBack(rows), list);
    // Read twice: reading leaves the rows as they were.
    expectSame(readBack(rows), list);
  });

  it('steps of every size, and values an Int32 cannot hold kept exactly, between ordinary rows', () => {
    const next = random(7);
    const odd = [-0, 0.5, -1.25, 2 ** 31, -(2 ** 31) - 1, 3e11, 2_147_483_647, -2_147_483_648, Number.MAX_SAFE_INTEGER];
    const list: TallyRow[] = [];
    for (let i = 0; i < 200_000; i++) {
      const pick = next();
      const epoch = pick < 0.05 ? odd[Math.floor(next() * odd.length)]! : Math.floor((next() - 0.5) * 2 ** 32);
      const fen = pick > 0.95 ? odd[Math.floor(next() * odd.length)]! : Math.floor((next() - 0.5) * 2 ** 32) | 0;
      // Source lines anywhere in the Int32 range: steps up to 2^32 either way.
      const sourceLine = Math.floor((next() - 0.5) * 2 ** 32) | 0;
      // A row in no line adds nothing (reconcile.ts): its amount is 0.
      const line = next() < 0.3 ? NO_LINE : Math.floor(next() * 5);
      list.push({ line, sourceLine, epoch, fen: line === NO_LINE ? 0 : fen });
    }
    const rows = new TallyRows(NO_LINE, new ArrayChunks());
    addAll(rows, list);
    expectSame(readBack(rows), list);
  });

  it('no rows, and none after release', () => {
    const rows = new TallyRows(NO_LINE, new ArrayChunks());
    expect(readBack(rows)).toEqual([]);
    rows.add(0, 10, 100, 5);
    rows.add(NO_LINE, 11, 99, 0);
    expect(readBack(rows)).toEqual([
      { line: 0, sourceLine: 10, epoch: 100, fen: 5 },
      { line: NO_LINE, sourceLine: 11, epoch: 99, fen: 0 },
    ]);
    rows.release();
    expect(readBack(rows)).toEqual([]);
    // Usable again from nothing: the steps start over.
    rows.add(2, 3, -7, -0);
    expectSame(readBack(rows), [{ line: 2, sourceLine: 3, epoch: -7, fen: -0 }]);
  });
});

describe('TallyRows with its full chunks in a TEMP table of the import\'s connection', () => {
  const TABLE = "SELECT count(*) AS n FROM temp.sqlite_schema WHERE name = 'credence_import_tally'";

  it('reads back the same rows as held in memory, twice, and leaves nothing once released', () => {
    const t = tempDb();
    try {
      const cacheBefore = t.db.pragma('temp.cache_size', { simple: true });
      // Inside the import's transaction, as the import runs it.
      t.db.exec('BEGIN');
      const list = exportLike(600_000);
      const rows = new TallyRows(NO_LINE, new TempTableChunks(t.db));
      addAll(rows, list);
      // Three to five bytes a row (one-byte header and line step, a 2-byte time step, amounts of up
      // to 4 bytes): 1.8 MB or more, in chunks of 4 KB doubling to 1 MB. The eight up to 512 KB
      // hold 1,020 KB; so at least one of 1 MB is full too, and all nine are in the table.
      const spilled = t.db.prepare('SELECT count(*) AS n, sum(length(bytes)) AS bytes FROM temp.credence_import_tally').get() as { n: number; bytes: number };
      expect(spilled.n).toBeGreaterThanOrEqual(9);
      expect(spilled.bytes).toBeGreaterThan(1020 * 1024);
      // The temporary database's cache is held small while the chunks are in it.
      expect(t.db.pragma('temp.cache_size', { simple: true })).toBe(-256);
      expectSame(readBack(rows), list);
      expectSame(readBack(rows), list);
      rows.release();
      expect((t.db.prepare(TABLE).get() as { n: number }).n).toBe(0);
      expect(t.db.pragma('temp.cache_size', { simple: true })).toBe(cacheBefore);
      expect(readBack(rows)).toEqual([]);
      t.db.exec('COMMIT');
    } finally {
      t.close();
    }
  });

  it('released after a ROLLBACK took its table, it does not fail; rows added again are read back', () => {
    const t = tempDb();
    try {
      const rows = new TallyRows(NO_LINE, new TempTableChunks(t.db));
      t.db.exec('BEGIN');
      addAll(rows, exportLike(5_000));
      t.db.exec('ROLLBACK');
      expect((t.db.prepare(TABLE).get() as { n: number }).n).toBe(0);
      rows.release();
      const list = exportLike(5_000);
      addAll(rows, list);
      expectSame(readBack(rows), list);
      rows.release();
    } finally {
      t.close();
    }
  });
});
