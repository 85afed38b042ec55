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
