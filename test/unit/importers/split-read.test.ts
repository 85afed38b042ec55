// A text bill read on two threads (core/importers/split-read.ts) must import exactly as one thread
// reading it: the same report (every figure, warning and line, in order) and the same stored rows.
// Each copy below is imported with the split forced (from the file's first byte on) and without,
// each into its own profile holding the same first import. The copies are the synthetic exports
// the bench uses (self-written, 3,000 rows): a re-save with every line break CRLF (all stored: the
// second thread's rows are counted from what it sends), the same with rows changed in the second
// half (one re-priced, one repeating an order id of the first half, one with a broken amount, one
// blank line before the footer), the oldest rows new, and a first import (the second thread
// stops at once).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateExports } from '../../../bench/synthetic-exports.ts';
import { BatchWriter } from '../../../core/importers/batch-writer.ts';
import { importFile } from '../../../core/importers/import-file.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import { decodeGbk, encodeGbk, tempDb } from './helpers.ts';

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

async function importTwice(dir: string, first: Uint8Array | null, second: Uint8Array, split: boolean) {
  const t = tempDb();
  try {
    const firstPath = join(dir, 'first.csv');
    const secondPath = join(dir, 'second.csv');
    if (first !== null) {
      writeFileSync(firstPath, first);
      await importFile(t.db, firstPath, {}, 'bill.csv');
    }
    writeFileSync(secondPath, second);
    const options = split ? { profile: { file: t.file, key: null }, splitFrom: 0 } : {};
    const stored = vi.spyOn(BatchWriter.prototype, 'addStored');
    const reports: ImportReport[] = await importFile(t.db, secondPath, options, 'bill.csv');
    const fromSecondThread = stored.mock.calls.length;
    stored.mockRestore();
    return { reports, fromSecondThread, rows: t.db.prepare('SELECT * FROM transactions ORDER BY id').all() };
  } finally {
    t.close();
  }
}

describe('a text bill read on two threads', () => {
  let dir: string;
  const exports: Export[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-split-'));
    const files = await generateExports(dir, ROWS);
    const alipay = decodeGbk(readFileSync(files.alipay)).trimEnd().split('\n');
    const wechat = readFileSync(files.wechat, 'utf8').trimEnd().split('\n');
    // The synthetic exports carry their fixtures' preambles: 25 lines (Alipay), 17 (WeChat).
    exports.push({ name: 'alipay', preamble: alipay.slice(0, 25), rows: alipay.slice(25), encode: encodeGbk });
    exports.push({ name: 'wechat', preamble: wechat.slice(0, 17), rows: wechat.slice(17), encode: (text) => Buffer.from(text) });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `stored`: whether the second thread's rows are stored (then some must come counted from it). */
  const copies: Record<string, (file: Export) => { first: Uint8Array | null; second: Uint8Array; stored: boolean }> = {
    'a re-save, every line break CRLF': (file) => ({ first: csv(file, file.rows), second: csv(file, file.rows, '\r\n'), stored: true }),
    'a re-save whose stated period leaves out its oldest 50 rows': (file) => {
      // Those rows, all in the second half, are named (with their lines) under the reconciliation's difference.
      const time = (row: string) => row.slice(0, 19);
      const preamble = file.preamble.map((line) => line.replace(/起始时间：\[[^\]]*\](\s*)终止时间：\[[^\]]*\]/, `起始时间：[${time(file.rows[ROWS - 51]!)}]$1终止时间：[${time(file.rows[0]!)}]`));
      expect(preamble).not.toEqual(file.preamble);
      return { first: csv(file, file.rows), second: csv({ ...file, preamble }, file.rows, '\r\n'), stored: true };
    },
    'a re-save with rows of the second half changed': (file) => {
      const rows = [...file.rows];
      const amount = file.name === 'alipay' ? 6 : 5;
      const id = file.name === 'alipay' ? 9 : 8;
      rows[2100] = edited(rows[2100]!, (cells) => (cells[amount] = '1234.56'));
      rows[2400] = edited(rows[2400]!, (cells) => (cells[id] = rows[100]!.split(',')[id]!));
      rows[2600] = edited(rows[2600]!, (cells) => (cells[amount] = 'twelve'));
      rows.splice(2900, 0, '');
      return { first: csv(file, file.rows), second: csv(file, rows, '\r\n'), stored: true };
    },
    'the oldest rows new': (file) => ({ first: csv(file, file.rows.slice(0, 2000)), second: csv(file, file.rows, '\r\n'), stored: true }),
    'a first import': (file) => ({ first: null, second: csv(file, file.rows), stored: false }),
  };

  for (const [copy, make] of Object.entries(copies)) {
    it(`imports ${copy} as one thread does (Alipay GBK, WeChat UTF-8)`, async () => {
      for (const file of exports) {
        const { first, second, stored } = make(file);
        const one = await importTwice(dir, first, second, false);
        const two = await importTwice(dir, first, second, true);
        expect(one.fromSecondThread).toBe(0);
        if (stored) expect(two.fromSecondThread, file.name).toBeGreaterThan(0);
        expect(two.reports, file.name).toEqual(one.reports);
        expect(two.rows, file.name).toEqual(one.rows);
        if (copy.includes('stated period')) {
          const named = one.reports[0]!.reconciled.differences.flatMap((difference) => difference.rows.map((row) => row.line));
          expect(named.some((line) => line > ROWS / 2), file.name).toBe(true);
        }
      }
    });
  }
});
