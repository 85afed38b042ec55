// XLSX via read-excel-file (the fast, correct reader in
// docs/engineering/performance.md#xlsx-reading). It returns strings, numbers, booleans and Dates; a
// date-formatted serial arrives as a Date whose UTC fields are the wall-clock time. Cells are not
// trimmed by the library: padding is ours to remove, the same way as for CSV.
//
// The ArrayBuffer entry point, not `read-excel-file/node`: the bytes are in memory anyway, and
// the Node stream unzipper never settles on some corrupt archives (found by the fuzz test).

import readXlsxFile from 'read-excel-file/universal';
import { trimCell } from './cells.ts';
import type { Cell, Sheet } from './types.ts';

export class XlsxCorrupt extends Error {}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return trimCell(value);
  if (typeof value === 'number' || value instanceof Date) return value;
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const sheets = await readXlsxFile(buffer, { trim: false });
    return sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data.map((row) => row.map(toCell)) }));
  } catch (error) {
    throw new XlsxCorrupt(error instanceof Error ? error.message : String(error));
  }
}
