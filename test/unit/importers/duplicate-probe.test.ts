// The duplicate probe (core/importers/duplicate-probe.ts) and the copies of an imported bill a
// user re-imports: a spreadsheet's re-save (every line break CRLF), a second export of the same
// period (a new 导出时间 in its preamble), an export that overlaps the first (newer rows on top),
// and the same rows in ascending order. The probe may only change the work done: each copy is
// imported with the prefilter on and off (every row sent to the insert, which skips the stored
// ones), and the reports and stored rows must be the same.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExports } from '../../../bench/synthetic-exports.ts';
import { DuplicateProbe } from '../../../core/importers/duplicate-probe.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import type { ImportReport } from '../../../core/importers/report-schema.ts';
import type { Db } from '../../../core/storage/database.ts';
import { decodeGbk, encodeGbk, snapshot, tempDb } from './helpers.ts';

/** More rows than a stretch holds (128 stored keys), several stretches per id family. */
const ROWS = 3000;

interface Export {
  name: string;
  preamble: string[];
  rows: string[];
  encode: (text: string) => Uint8Array;
}

function csv(file: Export, rows: readonly string[], preamble = file.preamble, lineBreak = '\n'): Uint8Array {
  return file.encode(`${[...preamble, ...rows].join(lineBreak)}${lineBreak}`);
}

/** The preamble with another export time (`导出时间：[…]`), as a second export of the same period has. */
function exportedLater(preamble: readonly string[]): string[] {
  const changed = preamble.map((line) => line.replace(/(导出时间：\[\d{4}-\d\d-\d\d \d\d:\d\d:)\d\d/, '$159'));
  expect(changed).not.toEqual(preamble);
  return changed;
}

function storedRows(db: Db): unknown[] {
  return db.prepare('SELECT * FROM transactions ORDER BY id').all();
}

/** `first`, then `second`, into a new profile; the second import's report and what is stored after it. */
async function importBoth(name: string, first: Uint8Array, second: Uint8Array, prefilter: boolean) {
  const t = tempDb();
  try {
    await importBytes(t.db, name, first, { duplicatePrefilter: prefilter });
    const before = storedRows(t.db);
    const reports: ImportReport[] = await importBytes(t.db, name, second, { duplicatePrefilter: prefilter });
    return { reports, before, rows: storedRows(t.db), counts: snapshot(t.db) };
  } finally {
    t.close();
  }
}

describe('re-importing copies of an imported export', () => {
  let dir: string;
  const exports: Export[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'credence-probe-'));
    const files = await generateExports(dir, ROWS);
    const alipay = decodeGbk(readFileSync(files.alipay)).trimEnd().split('\n');
    const wechat = readFileSync(files.wechat, 'utf8').trimEnd().split('\n');
    // The synthetic exports carry their fixtures' preambles: 25 lines (Alipay), 17 (WeChat).
    exports.push({ name: 'alipay.csv', preamble: alipay.slice(0, 25), rows: alipay.slice(25), encode: encodeGbk });
    exports.push({ name: 'wechat.csv', preamble: wechat.slice(0, 17), rows: wechat.slice(17), encode: (text) => Buffer.from(text) });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const copies: Record<string, (file: Export) => { first: Uint8Array; second: Uint8Array; allStored: boolean }> = {
    'every line break CRLF (a spreadsheet re-save)': (file) => ({ first: csv(file, file.rows), second: csv(file, file.rows, file.preamble, '\r\n'), allStored: true }),
    'a second export, another export time': (file) => ({ first: csv(file, file.rows), second: csv(file, file.rows, exportedLater(file.preamble)), allStored: true }),
    'an overlapping export: 700 newer rows on top': (file) => ({ first: csv(file, file.rows.slice(700)), second: csv(file, file.rows, exportedLater(file.preamble)), allStored: false }),
    'the older rows missing from the first import, one in nine in between': (file) => ({
      first: csv(file, file.rows.filter((_, i) => i < 2000 && i % 9 !== 4)),
      second: csv(file, file.rows, file.preamble, '\r\n'),
      allStored: false,
    }),
    'rows in ascending order, some new': (file) => ({
      first: csv(file, file.rows.filter((_, i) => i % 5 !== 0).reverse()),
      second: csv(file, [...file.rows].reverse()),
      allStored: false,
    }),
  };

  for (const [label, copy] of Object.entries(copies)) {
    for (const platform of ['alipay', 'wechat']) {
      it(`${platform}: ${label}`, async () => {
        const file = exports.find((candidate) => candidate.name.startsWith(platform))!;
        const { first, second, allStored } = copy(file);
        const plain = await importBoth(file.name, first, second, false);
        const probed = await importBoth(file.name, first, second, true);
        const report = probed.reports[0]!;
        expect(report.rowsRead).toBe(ROWS);
        expect(report.imported + report.duplicates).toBe(ROWS);
        if (allStored) {
          expect(report.imported).toBe(0);
          expect(probed.rows).toEqual(probed.before);
        } else {
          expect(report.imported).toBeGreaterThan(0);
          expect(report.duplicates).toBeGreaterThan(0);
        }
        expect(probed.reports).toEqual(plain.reports);
        expect(probed.before).toEqual(plain.before);
        expect(probed.rows).toEqual(plain.rows);
        expect(probed.counts).toEqual(plain.counts);
      });
    }
  }
});

describe('the probe itself', () => {
  /** Keys stored under platform 'wechat' in a fresh profile, through the insert the import uses. */
  function profileWith(keys: readonly string[]) {
    const t = tempDb();
    t.db.exec("INSERT INTO import_batches (id, file_name, file_sha256, platform, variant, started_at) VALUES (1, 'f', '', 'wechat', '', '2026-01-01T00:00:00+08:00')");
    const insert = t.db.prepare(
      `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class, raw_row, source_line)
       VALUES (1, 'wechat', ?, '2026-01-01T00:00:00+08:00', 1767196800, 1, 'expense', 's', 'completed', '[]', 1)`,
    );
    for (const key of keys) insert.run(key);
    return t;
  }

  /** Deterministic shuffle (a linear congruential generator), so a failure reproduces. */
  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const out = [...items];
    let state = seed;
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Asks the probe about `asked` 50 keys at a time, as the writer does; every key it names as stored. */
  function named(db: Db, asked: readonly string[]): Set<string> {
    const probe = new DuplicateProbe(db, true);
    const names = new Set<string>();
    for (let at = 0; at < asked.length; at += 50) {
      const keys = asked.slice(at, at + 50);
      const stored = probe.stored('wechat', keys);
      keys.forEach((key, index) => stored?.[index] && names.add(key));
    }
    return names;
  }

  // Four families of time-ordered ids (WeChat's shape), 2000 of them, every third one stored.
  const families = ['4200000805', '4200001234', '1000050001', '1800007367'];
  const all = Array.from({ length: 2000 }, (_, i) => `${families[i % 4]}20260630${String(1e9 - i).padStart(10, '0')}`);
  const stored = all.filter((_, i) => i % 3 !== 1);
  const storedSet = new Set(stored);

  const orders: Record<string, string[]> = {
    'newest first, as exported': all,
    'oldest first': [...all].reverse(),
    'shuffled (no order to read ahead in)': shuffled(all, 7),
    'more families than it keeps stretches for (ids of 200 prefixes)': all.map((key, i) => `${String(i % 200).padStart(3, '0')}${key}`),
  };

  for (const [label, asked] of Object.entries(orders)) {
    it(`names exactly the stored keys: ${label}`, () => {
      const storedKeys = label.startsWith('more families') ? asked.filter((_, i) => i % 3 !== 1) : stored;
      const t = profileWith(storedKeys);
      try {
        const names = named(t.db, asked);
        const expected = label.startsWith('more families') ? new Set(storedKeys) : storedSet;
        // Never a key that is not stored (its row would be lost); here, with keys all below the
        // surrogates, every stored one too (a missed one would only cost its insert).
        expect([...names].filter((key) => !expected.has(key))).toEqual([]);
        expect(names.size).toBe(expected.size);
      } finally {
        t.close();
      }
    });
  }

  it('names no key of a first import, and backs off while it finds none', () => {
    const t = profileWith(['9999']);
    try {
      const probe = new DuplicateProbe(t.db, true);
      // '9999' is stored, so it probes; none of these keys is, so every answer is "not probed".
      const answers = Array.from({ length: 4 }, (_, i) => probe.stored('wechat', all.slice(i * 50, i * 50 + 50)));
      expect(answers).toEqual([null, null, null, null]);
      expect(new DuplicateProbe(t.db, false).stored('wechat', ['9999'])).toBeNull();
      expect(new DuplicateProbe(t.db, true).stored('wechat', ['9999'])).toEqual([true]);
    } finally {
      t.close();
    }
  });

  it('keys whose order differs between UTF-16 and UTF-8 are never named unless stored', () => {
    // A private-use character (UTF-16 0xE000 sorts above a surrogate pair, UTF-8 EE 80 80 below F0 9F…).
    const odd = all.slice(0, 400).map((key, i) => `${key}${i % 2 === 0 ? '\uE000' : '😀'}`);
    const t = profileWith(odd.filter((_, i) => i % 4 !== 0));
    try {
      const names = named(t.db, odd);
      expect([...names].filter((key) => odd.indexOf(key) % 4 === 0)).toEqual([]);
      expect(names.size).toBeGreaterThan(0);
    } finally {
      t.close();
    }
  });
});
