// XLSX via read-excel-file (the fast, correct reader in performance-notes §4). It returns
// strings, numbers, booleans and Dates; a date-formatted serial arrives as a Date whose UTC
// fields are the wall-clock time. Cells are not trimmed by the library: padding is ours to
// remove, the same way as for CSV.

import readXlsxFile from 'read-excel-file/node';
import { trimCell } from './cells.ts';
import type { Cell } from './types.ts';

export interface SheetRows {
  name: string;
  rows: Cell[][];
}

export class XlsxCorrupt extends Error {}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return trimCell(value);
  if (typeof value === 'number' || value instanceof Date) return value;
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRows[]> {
  try {
    const sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false });
    return sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data.map((row) => row.map(toCell)) }));
  } catch (error) {
    throw new XlsxCorrupt(error instanceof Error ? error.message : String(error));
  }
}
