// Form values ↔ what core stores: yuan text ↔ integer fen, percent text ↔ basis points. Integer
// arithmetic on the digits only, so no float rounding can move a fen.

import { formatFen } from '../../../core/shared/money.ts';

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** `1,234.5` → 123450; '' → null; anything else → undefined (the form says it is not an amount). */
export function parseYuan(text: string): number | null | undefined {
  const clean = text.trim().replace(/[,，¥￥\s]/g, '');
  if (clean === '') return null;
  const match = YUAN.exec(clean);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 123450 → `1234.50`, what a form field shows; null → ''. */
export function yuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatFen(fen, { grouped: false, symbol: false });
}

/** `10.95` (%) → 1095 basis points. */
export function parsePercent(text: string): number | null | undefined {
  const clean = text.trim().replace(/%$/, '');
  if (clean === '') return null;
  const match = PERCENT.exec(clean);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function percentText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** 6543 basis points → `65.43%`. */
export function formatBp(bp: number): string {
  return `${percentText(bp)}%`;
}

export function parseWhole(text: string): number | null | undefined {
  const clean = text.trim();
  if (clean === '') return null;
  return /^\d{1,6}$/.test(clean) ? Number(clean) : undefined;
}
