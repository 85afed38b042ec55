// CSV as Excel and WPS open it: UTF-8 with a BOM (without it Excel on Chinese Windows reads the
// file as GBK), CRLF rows, RFC 4180 quoting. Text cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or CR: OWASP "CSV injection") get a leading apostrophe, which the
// manifest states and a reader removes (readCsvCell) to get the JSON value back; a text that
// itself starts with an apostrophe gets one too, so removing one is always right.

import type { Cell, Column, ColumnType, Row } from './categories/types.ts';

export const CSV_BOM = '\uFEFF';
export const FORMULA_GUARD = "'";
const GUARDED_START = /^[=+\-@\t\r']/;

function text(value: Cell, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return type === 'text' && GUARDED_START.test(value) ? FORMULA_GUARD + value : value;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => quote(c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => quote(text(row[c.key] ?? null, c.type))).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** A CSV field back to its JSON value by the column's type (the inverse of the writer above; the package never holds empty text, only null). */
export function readCsvCell(field: string, type: ColumnType): Cell {
  if (field === '') return null;
  switch (type) {
    case 'integer':
    case 'fen':
    case 'number':
      return Number(field);
    case 'boolean':
      return field === 'true';
    case 'text':
      return field.startsWith(FORMULA_GUARD) ? field.slice(1) : field;
    default:
      return field;
  }
}

/** Strict RFC 4180 records of a CSV this writer made (BOM removed; CRLF rows; quotes doubled). */
export function parseCsv(csv: string): string[][] {
  const text = csv.startsWith(CSV_BOM) ? csv.slice(1) : csv;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
