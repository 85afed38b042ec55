// WeChat XLSX v2 as two third-party reports describe it (docs/formats/bill-exports.md#wechat-xlsx-2026): 交易时间 a
// date-formatted serial number, 金额(元) a number with a `¥#,##0.00` format. No public sample
// stores times that way yet, so the workbook is written here, part by part.

import { TextReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { afterEach, describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { readBill, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

type XCell = string | number | { serial: number } | null;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function column(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Style 1: built-in date-time format 22; style 2: a currency number format. */
function cellXml(cell: XCell, ref: string): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
  if (typeof cell === 'number') return `<c r="${ref}" s="2"><v>${cell}</v></c>`;
  return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`;
}

async function xlsx(rows: XCell[][]): Promise<Uint8Array> {
  const sheet = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${column(c)}${r + 1}`)).join('')}</row>`)
    .join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/styles.xml':
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml':
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${sheet}</sheetData></worksheet>`,
  };
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const [name, text] of Object.entries(parts)) await writer.add(name, new TextReader(text));
  return writer.close();
}

/** The v2 preamble (17 rows) and header from the CSV fixture's text, with the 2026 note row. */
function preamble(): XCell[][] {
  const lines = readBill('wechat/wechat-csv-2025.csv').toString('utf8').split('\n').slice(0, 17);
  const rows: XCell[][] = lines.map((line) => line.split(',').map((cell) => cell || null));
  rows.splice(14, 0, ['4. 本账单中所有时间均为UTC+08:00时间']);
  return rows;
}

describe('WeChat XLSX v2 with typed cells', () => {
  it('reads a date-serial time and a number amount', async () => {
    t = tempDb();
    // 45352.53156 = 2024-03-01 12:45:27 (0.53156 of a day = 45927 s, to the second).
    const serial = 45352 + 45927 / 86400;
    const rows = [
      ...preamble(),
      [{ serial }, '商户消费', '云膳过桥米线', '总共消费', '支出', 1020.5, '招商银行信用卡(9297)', '支付成功', '4200000805202403010000000001\t', '/', '/'],
      [45352.5, '转账', '房东', '/', '支出', 28.16, '零钱', '对方已收钱', '4200000805202403010000000002\t', '/', '/'],
    ];
    const [report] = await importBytes(t.db, '微信支付账单流水文件(20240301-20240331).xlsx', await xlsx(rows));
    expect(report.platform).toBe('wechat');
    expect(report.variant).toBe('xlsx-v2');
    expect(report.rowsRead).toBe(2);
    const stored = t.db.prepare('SELECT source_line, occurred_at, amount_fen, platform_order_id, credit_event FROM transactions ORDER BY source_line').all();
    expect(stored).toEqual([
      { source_line: 19, occurred_at: '2024-03-01T12:45:27+08:00', amount_fen: 102050, platform_order_id: '4200000805202403010000000001', credit_event: 'credit_card_purchase' },
      // A serial in a cell without a date format arrives as a plain number: still a time.
      { source_line: 20, occurred_at: '2024-03-01T12:00:00+08:00', amount_fen: 2816, platform_order_id: '4200000805202403010000000002', credit_event: null },
    ]);
  });
});
