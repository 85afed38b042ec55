// Every export pads or suffixes cells: Alipay pads with spaces to a fixed width and appends a
// TAB to ids; WeChat/JD/ICBC/Meituan append a TAB (outside or inside the quotes). An id that
// keeps its TAB no longer matches itself on re-import, so every cell is trimmed at the source.

import { formatWallDate } from './time.ts';
import type { Cell } from './types.ts';

function isPad(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xfeff;
}

/** Trims spaces, TABs and a stray BOM from both ends of `text[start, end)`. */
export function trimSlice(text: string, start: number, end: number): string {
  while (start < end && isPad(text.charCodeAt(start))) start++;
  while (end > start && isPad(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function trimCell(text: string): string {
  return trimSlice(text, 0, text.length);
}

/** Text of a cell as the export would print it; numbers keep their shortest decimal form. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return formatWallDate(cell);
}

export function isBlankRecord(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === null || cell === '');
}
