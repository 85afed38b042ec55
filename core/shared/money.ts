// How every amount is written, in the app and the CLI alike. Money is integer fen and is
// formatted with integer arithmetic only (BigInt), so no float rounding can ever move a fen.

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** 123456 → "123,456". Counts are integers; grouping is the same in zh-CN and en. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(GROUPS, ',');
}

export interface FenFormat {
  /** "+" before a positive amount (differences). */
  signed?: boolean;
  /** Thousands separators (default): `¥1,234.56`; without, `¥1234.56` as the CLI prints. */
  grouped?: boolean;
  /** The yuan sign (default); without it, the plain number a form field holds: `1234.56`. */
  symbol?: boolean;
  /** `¥2,940` rather than `¥2,940.00` for a whole amount (prose, such as a suggested repayment). */
  dropZeroCents?: boolean;
}

/** 123456 fen → "¥1,234.56"; -500 → "-¥5.00". */
export function formatFen(fen: number, { signed = false, grouped = true, symbol = true, dropZeroCents = false }: FenFormat = {}): string {
  if (!Number.isSafeInteger(fen)) return String(fen); // never guess at a value that is not whole fen
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString();
  const yuan = grouped ? whole.replace(GROUPS, ',') : whole;
  const cents = abs % 100n;
  const tail = dropZeroCents && cents === 0n ? '' : `.${cents.toString().padStart(2, '0')}`;
  const sign = value < 0n ? '-' : signed && value > 0n ? '+' : '';
  return `${sign}${symbol ? '¥' : ''}${yuan}${tail}`;
}

// What a person types for an amount or a rate, in a form or on the command line.

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** `1,234.5` → 123450; '' → null; anything else → undefined (the caller says it is not an amount). */
export function parseYuan(text: string): number | null | undefined {
  const clean = text.trim().replace(/[,，¥￥\s]/g, '');
  if (clean === '') return null;
  const match = YUAN.exec(clean);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `10.95` (%) → 1095 basis points; '' → null; anything else → undefined. */
export function parsePercent(text: string): number | null | undefined {
  const clean = text.trim().replace(/[%％]$/, '');
  if (clean === '') return null;
  const match = PERCENT.exec(clean);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A whole number of up to six digits (a count, a score, a number of months); '' → null. */
export function parseWhole(text: string): number | null | undefined {
  const clean = text.trim();
  if (clean === '') return null;
  return /^\d{1,6}$/.test(clean) ? Number(clean) : undefined;
}

/** A rule's level as typed, in the rule's unit: ratios in percent, amounts in yuan, counts and months whole. */
export function parseLevel(unit: 'ratio' | 'fen' | 'count' | 'months', text: string): number | null | undefined {
  if (unit === 'ratio') {
    const bp = parsePercent(text);
    return bp === null || bp === undefined ? bp : bp / 10000;
  }
  if (unit === 'fen') return parseYuan(text);
  return parseWhole(text);
}
