// The period each export states, read from its preamble (or, in the 2021 Alipay layout, its
// footer), and the period recorded for the import: the stated one when it contains every row,
// otherwise the rows' own span with a warning. Expected periods are read off the fixture bytes
// by hand (the line is quoted in each comment); epochs are checked against Date.parse.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import type { ExportPeriod, ImportReport } from '../../../core/importers/report-schema.ts';
import { bill, decodeGbk, encodeGbk, ownFixturesDir, readBill, tempDb, type TempDb } from './helpers.ts';

let t: TempDb | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const at = (iso: string) => ({ iso, epoch: Date.parse(iso) / 1000 });
const period = (start: string, end: string, source: ExportPeriod['source']): ExportPeriod => ({ start: at(start), end: at(end), source });

interface Expected {
  /** What the export states, as recorded when it contains every row; null: states none. */
  stated: { line: number; start: string; end: string } | null;
  /** The first and last row time of the file. */
  rows: [string, string];
  /** Does the stated period contain every row? */
  contains: boolean;
}

const EXPECTED: Record<string, Expected> = {
  // Footer l23 `起始时间：[2021-05-19 00:00:00]    终止时间：[2021-06-19 23:59:59]`; rows (交易时间, the
  // last column) run from l12 `2020-06-02 15:34:06` to l15 `2021-12-11 16:53:51`: the sample was edited.
  'alipay/alipay-app-2021.csv': {
    stated: { line: 23, start: '2021-05-19T00:00:00+08:00', end: '2021-06-19T23:59:59+08:00' },
    rows: ['2020-06-02T15:34:06+08:00', '2021-12-11T16:53:51+08:00'],
    contains: false,
  },
  // l5 `起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]`; rows from l33 2023-01-09
  // 18:21:50 to l35 2023-07-10 13:20:16 (l34/l35 were added by hand to the sanitised sample).
  'alipay/alipay-app-2023.csv': {
    stated: { line: 5, start: '2023-02-10T00:00:00+08:00', end: '2023-02-13T23:59:59+08:00' },
    rows: ['2023-01-09T18:21:50+08:00', '2023-07-10T13:20:16+08:00'],
    contains: false,
  },
  // l3 `起始日期:[2019-08-01 00:00:00]    终止日期:[2019-10-01 00:00:00]` (ASCII colons); rows from l7
  // 2019-09-30 05:26:50 to l8 2021-02-06 14:53:31.
  'alipay/alipay-web-2021.csv': {
    stated: { line: 3, start: '2019-08-01T00:00:00+08:00', end: '2019-10-01T00:00:00+08:00' },
    rows: ['2019-09-30T05:26:50+08:00', '2021-02-06T14:53:31+08:00'],
    contains: false,
  },
  // l3 `起始时间：[2019-08-01 00:00:00] 终止时间：[2019-09-30 23:59:59],,,,,,,,,,`; rows from l27
  // 2017-10-20 18:36:44 to l43/l44 2024-06-07 23:40:27 (deb-sig appended test rows).
  'wechat/wechat-csv-2025.csv': {
    stated: { line: 3, start: '2019-08-01T00:00:00+08:00', end: '2019-09-30T23:59:59+08:00' },
    rows: ['2017-10-20T18:36:44+08:00', '2024-06-07T23:40:27+08:00'],
    contains: false,
  },
  // Sheet1 row 3 holds the same text; same rows.
  'wechat/wechat-xlsx-2025.xlsx': {
    stated: { line: 3, start: '2019-08-01T00:00:00+08:00', end: '2019-09-30T23:59:59+08:00' },
    rows: ['2017-10-20T18:36:44+08:00', '2024-06-07T23:40:27+08:00'],
    contains: false,
  },
  'wechat/wechat-xlsx-2026.xlsx': {
    stated: { line: 3, start: '2019-08-01T00:00:00+08:00', end: '2019-09-30T23:59:59+08:00' },
    rows: ['2017-10-20T18:36:44+08:00', '2024-06-07T23:40:27+08:00'],
    contains: false,
  },
  // l4 `日期区间：2024-12-01 至 2024-12-31`: dates only, the end runs to 23:59:59. Rows from l48
  // 2024-12-05 22:49:55 to l23 2024-12-30 17:16:02: inside.
  'jd/jd-2025.csv': {
    stated: { line: 4, start: '2024-12-01T00:00:00+08:00', end: '2024-12-31T23:59:59+08:00' },
    rows: ['2024-12-05T22:49:55+08:00', '2024-12-30T17:16:02+08:00'],
    contains: true,
  },
  // l3 `起始时间：[2025-02-01] 终止时间：[2025-02-28]` (CRLF): dates only. Rows (交易创建时间) from l49
  // 2025-02-02 21:30:16 to l21 2025-02-28 20:35:13: inside.
  'meituan/meituan-2025.csv': {
    stated: { line: 3, start: '2025-02-01T00:00:00+08:00', end: '2025-02-28T23:59:59+08:00' },
    rows: ['2025-02-02T21:30:16+08:00', '2025-02-28T20:35:13+08:00'],
    contains: true,
  },
  // Bank statements state no period (ICBC: card number only; CMB: the statement month `2024年01月`
  // without days; CITIC: the sheet title). Rows are dates.
  'banks/icbc-credit.csv': { stated: null, rows: ['2023-03-20T00:00:00+08:00', '2023-05-05T00:00:00+08:00'], contains: false },
  'banks/cmb-credit.csv': { stated: null, rows: ['2023-12-29T00:00:00+08:00', '2024-01-05T00:00:00+08:00'], contains: false },
  'banks/citic-credit.xls': { stated: null, rows: ['2024-10-20T00:00:00+08:00', '2024-11-09T00:00:00+08:00'], contains: false },
};

function periodWarnings(report: ImportReport) {
  return report.warnings.filter((w) => w.code.startsWith('import.warn.period'));
}

function storedPeriod(report: ImportReport) {
  return t!.db.prepare('SELECT period_start, period_end, period_source FROM import_batches WHERE id = ?').get(report.batchId);
}

describe('stated periods of the shared fixtures', () => {
  for (const [fixture, expected] of Object.entries(EXPECTED)) {
    it(`${fixture}: ${expected.stated === null ? 'no stated period' : expected.contains ? 'stated period recorded' : 'stated period leaves rows out'}`, async () => {
      t = tempDb();
      const [report] = await importFile(t.db, bill(fixture));
      const [first, last] = expected.rows;
      const { stated } = expected;
      const recorded = stated && expected.contains ? period(stated.start, stated.end, 'stated') : period(first, last, 'rows');
      expect(report.period).toEqual(recorded);
      expect(storedPeriod(report)).toEqual({ period_start: recorded.start.iso, period_end: recorded.end.iso, period_source: recorded.source });
      const shown = (iso: string) => iso.slice(0, 19).replace('T', ' ');
      if (stated && !expected.contains) {
        expect(periodWarnings(report).map((w) => [w.code, w.line, w.details])).toEqual([
          ['import.warn.period_mismatch', stated.line, { start: shown(stated.start), end: shown(stated.end), first: shown(first), last: shown(last) }],
        ]);
      } else {
        expect(periodWarnings(report)).toEqual([]);
      }
    });
  }

  it('covers every fixture', () => {
    expect(Object.keys(EXPECTED).length).toBe(11);
  });
});

describe("the project's own fixtures", () => {
  it.each([
    // l5 `起始时间：[2026-07-01 00:00:00]    终止时间：[2026-07-31 23:59:59]`; rows Jul 14 – Jul 30.
    ['alipay-synthetic-credit-2026.csv', '2026-07-01T00:00:00+08:00', '2026-07-31T23:59:59+08:00'],
    // l4 `日期区间：2025-06-01 至 2025-06-30`; rows Jun 20 – Jun 25.
    ['jd-synthetic-baitiao-2025.csv', '2025-06-01T00:00:00+08:00', '2025-06-30T23:59:59+08:00'],
    // l3 `起始时间：[2025-05-01 00:00:00] 终止时间：[2025-05-31 23:59:59],,,,,,,,`; rows May 10 – May 30.
    ['wechat-synthetic-credit-2025.csv', '2025-05-01T00:00:00+08:00', '2025-05-31T23:59:59+08:00'],
  ])('%s states a period that contains its rows', async (file, start, end) => {
    t = tempDb();
    const path = join(ownFixturesDir, file);
    // The Alipay file is stored as UTF-8 for review; the real export is GBK.
    const bytes = file.startsWith('alipay') ? encodeGbk(readFileSync(path, 'utf8')) : readFileSync(path);
    const [report] = await importBytes(t.db, file, bytes);
    expect(report.period).toEqual(period(start, end, 'stated'));
    expect(periodWarnings(report)).toEqual([]);
  });
});

/** The WeChat fixture's preamble and header with only the rows inside its stated period (l18, l19). */
function wechatInPeriod(): string {
  const lines = readBill('wechat/wechat-csv-2025.csv').toString('utf8').split('\n');
  return [...lines.slice(0, 19), ''].join('\n');
}

const alipay2023 = () => decodeGbk(readBill('alipay/alipay-app-2023.csv'));

/** The Alipay 2023 fixture's preamble and header, with `periodLine` as line 5 and the given rows. */
function alipayRows(rows: string[], periodLine: string): string {
  const lines = alipay2023().split('\n');
  lines[4] = periodLine;
  return [...lines.slice(0, 25), ...rows, ''].join('\n');
}

const alipayRow = (time: string, id: string) => `${time},日用百货,某超市,/,纸巾,支出,12.50,余额,交易成功,${id}\t,\t,,`;

describe('reading the period', () => {
  it('records the stated period when every row is inside it', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'wechat.csv', Buffer.from(wechatInPeriod()));
    expect(report.rowsRead).toBe(2);
    expect(report.period).toEqual(period('2019-08-01T00:00:00+08:00', '2019-09-30T23:59:59+08:00', 'stated'));
    expect(periodWarnings(report)).toEqual([]);
  });

  it('counts a row on the stated bounds as inside, and one a second after the end as outside', async () => {
    t = tempDb();
    const inside = alipayRows(
      [alipayRow('2023-02-10 00:00:00', 'A1'), alipayRow('2023-02-13 23:59:59', 'A2')],
      '起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]',
    );
    const [edge] = await importBytes(t.db, 'edge.csv', encodeGbk(inside));
    expect(edge.period?.source).toBe('stated');
    const outside = alipayRows([alipayRow('2023-02-14 00:00:00', 'B1')], '起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]');
    const [after] = await importBytes(t.db, 'after.csv', encodeGbk(outside));
    expect(after.period).toEqual(period('2023-02-14T00:00:00+08:00', '2023-02-14T00:00:00+08:00', 'rows'));
    expect(periodWarnings(after).map((w) => w.code)).toEqual(['import.warn.period_mismatch']);
    expect(periodWarnings(after)[0].message['zh-CN']).toContain('2023-02-10 00:00:00 至 2023-02-13 23:59:59');
  });

  it('records a stated period for an export without rows (nothing happened in it)', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'empty.csv', encodeGbk(alipayRows([], '起始时间：[2023-03-01 00:00:00]    终止时间：[2023-03-31 23:59:59]')));
    expect(report.rowsRead).toBe(0);
    expect(report.period).toEqual(period('2023-03-01T00:00:00+08:00', '2023-03-31T23:59:59+08:00', 'stated'));
    expect(storedPeriod(report)).toEqual({ period_start: '2023-03-01T00:00:00+08:00', period_end: '2023-03-31T23:59:59+08:00', period_source: 'stated' });
  });

  it('warns about a period it cannot read and records the rows instead', async () => {
    t = tempDb();
    const text = alipayRows([alipayRow('2023-02-11 09:00:00', 'C1')], '起始时间：[2023-02-31 00:00:00]    终止时间：[2023-02-13 23:59:59]');
    const [report] = await importBytes(t.db, 'bad.csv', encodeGbk(text));
    expect(report.period).toEqual(period('2023-02-11T09:00:00+08:00', '2023-02-11T09:00:00+08:00', 'rows'));
    expect(periodWarnings(report).map((w) => [w.code, w.line])).toEqual([['import.warn.period_unparsed', 5]]);
  });

  it('refuses a period that ends before it starts', async () => {
    t = tempDb();
    const text = alipayRows([alipayRow('2023-02-11 09:00:00', 'D1')], '起始时间：[2023-02-13 00:00:00]    终止时间：[2023-02-10 23:59:59]');
    const [report] = await importBytes(t.db, 'reversed.csv', encodeGbk(text));
    expect(report.period?.source).toBe('rows');
    expect(periodWarnings(report).map((w) => w.code)).toEqual(['import.warn.period_unparsed']);
  });

  it('gives the period of the earlier import when the same bytes come again, and null for reports from before periods', async () => {
    t = tempDb();
    const bytes = readBill('jd/jd-2025.csv');
    const [first] = await importBytes(t.db, 'jd.csv', bytes);
    const [repeat] = await importBytes(t.db, 'jd-again.csv', bytes);
    expect(repeat.batchId).toBeNull();
    expect(repeat.period).toEqual(first.period);
    // A report recorded before migration 0006 has no period field.
    const stored = JSON.parse(t.db.prepare('SELECT report_json FROM import_batches WHERE id = ?').pluck().get(first.batchId) as string);
    delete stored.period;
    t.db.prepare('UPDATE import_batches SET report_json = ? WHERE id = ?').run(JSON.stringify(stored), first.batchId);
    const [old] = await importBytes(t.db, 'jd-third.csv', bytes);
    expect(old.period).toBeNull();
  });
});

describe('Excel/WPS re-saved files', () => {
  it('keeps the stated period of a re-saved WeChat CSV whose rows lost their seconds', async () => {
    t = tempDb();
    // Excel drops seconds and zero padding from times and moves the id TABs inside the quotes;
    // the period line is text and stays as it was.
    const text = wechatInPeriod()
      .replace('2019-09-26 12:45:27,"商户消费"', '2019/9/26 12:45,"商户消费"')
      .replace('"3985734"\t,"129847129"\t', '"3985734\t","129847129\t"')
      .replace('2019-09-24 10:10:11,', '2019/9/24 10:10,');
    const [report] = await importBytes(t.db, 'resaved.csv', Buffer.from(text));
    expect(report.warnings.filter((w) => w.code === 'import.warn.excel_resaved').length).toBeGreaterThan(0);
    expect(report.period).toEqual(period('2019-08-01T00:00:00+08:00', '2019-09-30T23:59:59+08:00', 'stated'));
    expect(periodWarnings(report)).toEqual([]);
  });

  it('reads a period written the way Excel/WPS writes times: the end runs to the end of its minute', async () => {
    t = tempDb();
    const text = wechatInPeriod()
      .replace('起始时间：[2019-08-01 00:00:00] 终止时间：[2019-09-30 23:59:59]', '起始时间：[2019/8/1 0:00] 终止时间：[2019/9/30 23:59]')
      .replace('2019-09-26 12:45:27,', '2019-09-30 23:59:30,');
    const [report] = await importBytes(t.db, 'resaved-period.csv', Buffer.from(text));
    expect(report.period).toEqual(period('2019-08-01T00:00:00+08:00', '2019-09-30T23:59:59+08:00', 'stated'));
    expect(periodWarnings(report)).toEqual([]);
  });

  it('keeps the stated period of a re-saved Alipay CSV', async () => {
    t = tempDb();
    const text = alipayRows(
      [alipayRow('2023/2/10 8:05', 'E1'), alipayRow('2023/2/13 23:59', 'E2')],
      '起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]',
    );
    const [report] = await importBytes(t.db, 'alipay-resaved.csv', encodeGbk(text));
    expect(report.rowsRead).toBe(2);
    expect(report.period).toEqual(period('2023-02-10T00:00:00+08:00', '2023-02-13T23:59:59+08:00', 'stated'));
  });
});
