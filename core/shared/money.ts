// Amounts as people read them. Money arrives as integer fen and is formatted with integer
// arithmetic only (BigInt), so no float rounding can ever move a fen. The app's pages (through
// renderer/src/import/format.ts) and the CLI both print amounts with these.

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
