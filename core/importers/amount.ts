// Amounts become integer fen. Text is parsed digit by digit, never through a float, so
// `0.07` is 7 fen and `222228.50` is 22222850 fen exactly.

export interface ParsedAmount {
  fen: number;
  /** Thousands separators were present: normal for bank statements, an Excel trace elsewhere. */
  thousands: boolean;
}

const YEN = 0x00a5;
const FULLWIDTH_YEN = 0xffe5;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * `49.74`, `¥28.16`, `￥1,020.00`, `-345.67`, `-¥5.00`, `¥-5.00`, `50.0`, `12`.
 * More than two decimals are accepted only when the extra digits are zeros.
 */
export function parseAmountText(text: string): ParsedAmount | null {
  let i = 0;
  const end = text.length;
  let negative = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === YEN || code === FULLWIDTH_YEN || code === 0x20) continue;
    if (code === 0x2d && !negative) {
      negative = true;
      continue;
    }
    break;
  }
  let whole = 0;
  let wholeDigits = 0;
  let groupDigits = -1;
  let thousands = false;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      whole = whole * 10 + (code - 48);
      wholeDigits++;
      if (groupDigits >= 0) groupDigits++;
      continue;
    }
    if (code === 0x2c) {
      // A separator needs 1–3 digits before the first group and exactly 3 per group.
      if (wholeDigits === 0 || (groupDigits >= 0 && groupDigits !== 3) || (groupDigits < 0 && wholeDigits > 3)) return null;
      groupDigits = 0;
      thousands = true;
      continue;
    }
    break;
  }
  if (wholeDigits === 0 || (groupDigits >= 0 && groupDigits !== 3)) return null;
  let fraction = 0;
  if (i < end && text.charCodeAt(i) === 0x2e) {
    i++;
    let places = 0;
    for (; i < end && isDigit(text.charCodeAt(i)); i++, places++) {
      const d = text.charCodeAt(i) - 48;
      if (places < 2) fraction = fraction * 10 + d;
      else if (d !== 0) return null;
    }
    if (places === 0) return null;
    if (places === 1) fraction *= 10;
  }
  if (i !== end) return null;
  const fen = whole * 100 + fraction;
  if (!Number.isSafeInteger(fen)) return null;
  return { fen: negative && fen !== 0 ? -fen : fen, thousands };
}

/**
 * A spreadsheet number cell (WeChat XLSX v2 stores 金额 as a double). Scaling by 100 in binary
 * gives 2815.9999999999995 for 28.16; reading it back at 15 significant digits removes that noise
 * before rounding half away from zero.
 */
export function fenFromNumber(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Number((Math.abs(value) * 100).toPrecision(15));
  const fen = Math.round(scaled);
  if (!Number.isSafeInteger(fen)) return null;
  return value < 0 && fen !== 0 ? -fen : fen;
}
