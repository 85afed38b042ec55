// Form values ↔ what core stores: yuan text ↔ integer fen, percent text ↔ basis points. Integer
// arithmetic on the digits only, so no float rounding can move a fen. The parsers are core's
// (core/shared/money.ts), which the CLI reads its amounts with too.

import { fieldYuan } from '../presentation/format.ts';

/** 123450 → `1234.50`, what a form field shows; null → ''. */
export function yuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : fieldYuan(fen);
}

export function percentText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** 6543 basis points → `65.43%`. */
export function formatBp(bp: number): string {
  return `${percentText(bp)}%`;
}
