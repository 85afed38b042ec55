// Display helpers for the import report and review list. Money arrives as integer fen and is
// formatted with integer arithmetic only (BigInt), so no float rounding can ever move a fen.

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** 123456 → "123,456". Counts are integers; grouping is the same in zh-CN and en. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(GROUPS, ',');
}

/** 123456 fen → "¥1,234.56"; `signed` adds "+" to positives (for differences). */
export function formatFen(fen: number, { signed = false }: { signed?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) return String(fen); // never guess at a value that is not whole fen
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  const yuan = (abs / 100n).toString().replace(GROUPS, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  const sign = value < 0n ? '-' : signed && value > 0n ? '+' : '';
  return `${sign}¥${yuan}.${cents}`;
}

export function formatSignedCount(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : formatCount(n);
}

export interface Utc8Parts {
  date: string;
  time: string;
}

/**
 * Splits a stored `YYYY-MM-DDTHH:MM:SS+08:00` into its UTC+8 wall-clock date and minute. The
 * stored text is already UTC+8, so it is cut, never passed through Date (which would convert to
 * the computer's own zone). null for anything else, which the caller shows verbatim.
 */
export function utc8Parts(iso: string): Utc8Parts | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}\+08:00$/.exec(iso);
  return match ? { date: match[1]!, time: match[2]! } : null;
}

/** 200 MB as the UI states it; MiB so that the check matches what file managers show. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
}
