// A text bill read on a thread of its own (core/importers/read-thread.ts: read, hashed, decoded
// and cut into records there, the cells made strings and everything else done on the import's
// thread) must import exactly as the import's thread reading it alone: the same report (every
// figure, warning and line, in order), the same stored rows and batch (its file hash included).
// Each copy below is imported with the thread forced (from the first byte on) and without, each
// into its own profile holding the same first import. The copies are the synthetic exports the
// bench uses (3,000 rows, GBK Alipay and UTF-8 WeChat): a re-save with every line break CRLF, one
// whose stated period leaves out its oldest 50 rows, one with rows re-priced, given an id seen
// earlier in the file, a quoted cell, a broken amount and a blank line, one whose oldest rows are
// new, and a first import of the platform (the profile holding the other's: into an empty profile
// a bill is read on the import's thread alone). Then what stops a reading: a byte sequence invalid
// past the sniffed prefix, a quote never closed, a line too long, a cancel: the same error, the
// profile as it was.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateExports } from '../../../bench/synthetic-exports.ts';
import { CsvTokenizer } from '../../../core/importers/csv.ts';
import { importFile, type ImportOptions } from '../../../core/importers/import-file.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import type { Db } from '../../../core/storage/database.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { decodeGbk, encodeGbk, snapshot, tempDb } from './helpers.ts';

const ROWS = 3000;

interface Export {
  name: string;
  preamble: string[];
  rows: string[];
  encode: (text: string) => Uint8Array;
}

function csv(file: Export, rows: readonly string[], lineBreak = '\n'): Uint8Array {
  return file.encode(`${[...file.preamble, ...rows].join(lineBreak)}${lineBreak}`);
}

/** The row's cells (no row of the synthetic exports quotes a comma), changed by `edit`, joined again. */
function edited(row: string, edit: (cells: string[]) => void): string {
  const cells = row.split(',');
  edit(cells);
  return cells.join(',');
}

/** Every stored row and batch, the import's own times left out. */
function stored(db: Db): unknown {
  return {
    transactions: db.prepare('SELECT * FROM transactions ORDER BY id').all(),
    batches: db
      .prepare('SELECT id, file_name, file_sha256, platform, variant, rows_read, rows_imported, rows_duplicate, period_start, period_end FROM import_batches ORDER BY id')
      .all(),
    bytes: db.prepare('SELECT * FROM import_file_bytes ORDER BY batch_id').all(),
  };
}

/** The import of `second` into a profile holding `first`; `threaded`: from its first byte on. */
async function importAfter(dir: string, first: Uint8Array, second: Uint8Array, threaded: boolean, options: ImportOptions = {}) {
  const t = tempDb();
  try {
    writeFileSync(join(dir, 'first.csv'), first);
    await importFile(t.db, join(dir, 'first.csv'), { readThreadFrom: Infinity }, 'bill.csv');
    writeFileSync(join(dir, 'second.csv'), second);
    const before = { stored: stored(t.db), counts: snapshot(t.db) };
    const pushes = vi.spyOn(CsvTokenizer.prototype, 'push');
    try {
      const run = importFile(t.db, join(dir, 'second.csv'), { ...options, readThreadFrom: threaded ? 0 : Infinity }, 'bill.csv');
      const reports: ImportReport[] | CredenceError = await run.catch((error: unknown) => {
        if (error instanceof CredenceError) return error;
        throw error;
      });
      // The import's thread cut no record of the file itself exactly when the other thread read it.
      expect(pushes.mock.calls.length === 0).toBe(threaded);
      const outcome =
        reports instanceof CredenceError ? { error: { code: reports.code, details: reports.details } } : { reports: reports.map(({ batchId, ...report }) => report) };
      return { ...outcome, stored: stored(t.db), counts: snapshot(t.db), before };
    } finally {
      pushes.mockRestore();
    }
  } finally {
    t.close();
  }
}

describe('a text bill read on a thread of its own', () => {
  let dir: string;
  const exports: Export[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-read-thread-'));
    const files = await generateExports(dir, ROWS);
    const alipay = decodeGbk(readFileSync(files.alipay)).trimEnd().split('\n');
    const wechat = readFileSync(files.wechat, 'utf8').trimEnd().split('\n');
    // The synthetic exports carry their fixtures' preambles: 25 lines (Alipay), 17 (WeChat).
    exports.push({ name: 'alipay', preamble: alipay.slice(0, 25), rows: alipay.slice(25), encode: encodeGbk });
    exports.push({ name: 'wechat', preamble: wechat.slice(0, 17), rows: wechat.slice(17), encode: (text) => Buffer.from(text) });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const other = (file: Export) => exports.find((candidate) => candidate !== file)!;

  const copies: Record<string, (file: Export) => { first: Uint8Array; second: Uint8Array }> = {
    'a re-save, every line break CRLF': (file) => ({ first: csv(file, file.rows), second: csv(file, file.rows, '\r\n') }),
    'a re-save whose stated period leaves out its oldest 50 rows': (file) => {
      const time = (row: string) => row.slice(0, 19);
      const preamble = file.preamble.map((line) =>
        line.replace(/起始时间：\[[^\]]*\](\s*)终止时间：\[[^\]]*\]/, `起始时间：[${time(file.rows[ROWS - 51]!)}]$1终止时间：[${time(file.rows[0]!)}]`),
      );
      expect(preamble).not.toEqual(file.preamble);
      return { first: csv(file, file.rows), second: csv({ ...file, preamble }, file.rows, '\r\n') };
    },
    'a re-save with rows changed': (file) => {
      const rows = [...file.rows];
      const amount = file.name === 'alipay' ? 6 : 5;
      const id = file.name === 'alipay' ? 9 : 8;
      rows[2100] = edited(rows[2100]!, (cells) => (cells[amount] = '1234.56'));
      rows[2400] = edited(rows[2400]!, (cells) => (cells[id] = rows[100]!.split(',')[id]!));
      rows[2600] = edited(rows[2600]!, (cells) => (cells[amount] = 'twelve'));
      rows[2700] = edited(rows[2700]!, (cells) => (cells[2] = `"商户,""引号"""`));
      rows.splice(2900, 0, '');
      return { first: csv(file, file.rows), second: csv(file, rows, '\r\n') };
    },
    'the oldest rows new': (file) => ({ first: csv(file, file.rows.slice(0, 2000)), second: csv(file, file.rows, '\r\n') }),
    // A first import of this platform's bill, into a profile holding the other's (into an empty
    // profile a bill is not read on the thread: below).
    'a first import': (file) => ({ first: csv(other(file), other(file).rows), second: csv(file, file.rows) }),
  };

  for (const [copy, make] of Object.entries(copies)) {
    it(`imports ${copy} as the import's thread alone does (Alipay GBK, WeChat UTF-8)`, async () => {
      for (const file of exports) {
        const { first, second } = make(file);
        const alone = await importAfter(dir, first, second, false);
        const threaded = await importAfter(dir, first, second, true);
        expect(alone.reports, file.name).toBeDefined();
        expect(threaded, file.name).toEqual(alone);
        if (copy.includes('stated period')) {
          const named = alone.reports![0]!.reconciled.differences.flatMap((difference) => difference.rows.map((row) => row.line));
          expect(named.length, file.name).toBeGreaterThan(0);
        }
        if (copy.includes('changed')) {
          const codes = alone.reports![0]!.warnings.map((warning) => warning.code);
          expect(codes, file.name).toContain('import.warn.repeated_order_id');
          expect(alone.reports![0]!.rejected.map((row) => row.reason), file.name).toContain('import.reject.bad_amount');
        }
      }
    });
  }

  const broken: Record<string, { make: (file: Export) => Uint8Array; code: string }> = {
    // Past the first 64 KiB the encoding was sniffed from: UTF-8 decoding is fatal.
    'a byte sequence invalid in its encoding': {
      make: (file) => Buffer.concat([csv(file, file.rows.slice(0, 2000)), Buffer.from([0xff, 0xfe, 0x0a]), csv({ ...file, preamble: [] }, file.rows.slice(2000))]),
      code: 'import.encoding_invalid',
    },
    'a quote never closed': { make: (file) => csv(file, [...file.rows.slice(0, 2500), `"${file.rows[2500]!.replaceAll('"', '')}`]), code: 'import.unterminated_quote' },
    'a line too long': { make: (file) => csv(file, [...file.rows.slice(0, 2500), '长'.repeat((1 << 20) + 100_000), ...file.rows.slice(2500)]), code: 'import.line_too_long' },
  };

  for (const [what, { make, code }] of Object.entries(broken)) {
    it(`stops at ${what} as the import's thread alone does, the profile as it was`, async () => {
      for (const file of exports) {
        if (code === 'import.encoding_invalid' && file.name === 'alipay') continue; // GB18030 decodes every byte
        const bytes = make(file);
        const first = csv(file, file.rows.slice(0, 1000));
        const alone = await importAfter(dir, first, bytes, false);
        const threaded = await importAfter(dir, first, bytes, true);
        expect(alone.error?.code, file.name).toBe(code);
        expect(threaded, file.name).toEqual(alone);
        expect({ stored: threaded.stored, counts: threaded.counts }, file.name).toEqual(threaded.before);
      }
    });
  }

  it('reads a bill into an empty profile on the import thread alone', async () => {
    for (const file of exports) {
      const t = tempDb();
      try {
        writeFileSync(join(dir, 'second.csv'), csv(file, file.rows));
        const pushes = vi.spyOn(CsvTokenizer.prototype, 'push');
        await importFile(t.db, join(dir, 'second.csv'), { readThreadFrom: 0 }, 'bill.csv');
        expect(pushes.mock.calls.length, file.name).toBeGreaterThan(0);
        pushes.mockRestore();
      } finally {
        t.close();
      }
    }
  });

  it('rolls back a cancel between two chunks', async () => {
    const file = exports[0]!;
    const controller = new AbortController();
    let chunks = 0;
    const options: ImportOptions = {
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 1) controller.abort();
      },
    };
    const threaded = await importAfter(dir, csv(file, file.rows.slice(0, 1000)), csv(file, file.rows, '\r\n'), true, options);
    expect(threaded.error?.code).toBe('import.cancelled');
    expect(chunks).toBe(1);
    expect({ stored: threaded.stored, counts: threaded.counts }).toEqual(threaded.before);
  });
});
