// Presentation mode (incognito): what an amount, a phone number or an identifier looks like when an
// adviser shows the screen to someone else. One rule for the app, the printable plan and the CLI.
// A masked amount has a fixed width so it gives away neither its value nor its magnitude; its
// sign stays, since "you owe" and "you are owed" is the point of most amounts on screen.

/** The character every masked digit or letter becomes. */
export const MASK = '•';

/** What every masked amount shows, whatever its value: `¥••••` (or `••••` without the sign). */
export function maskAmount(formatted: string): string {
  const sign = /^[+-]/.exec(formatted)?.[0] ?? '';
  const symbol = formatted.includes('¥') ? '¥' : '';
  return `${sign}${symbol}${MASK.repeat(4)}`;
}

/** Digits of a phone number as stored (core/settings/client-details.ts keeps them normalised). */
function phoneDigits(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

/**
 * A phone number as the roster always shows it, presentation mode or not: 13812345678 →
 * `138****5678`, the way Chinese banks and platforms print a mobile number on a statement. A
 * number too short for that keeps only its last two digits.
 */
export function maskPhone(phone: string): string {
  const digits = phoneDigits(phone);
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 0))}${digits.slice(-2)}`;
}

/** A phone number in presentation mode: nothing of it. */
export function hidePhone(phone: string): string {
  return MASK.repeat(Math.max(phoneDigits(phone).length, 11));
}

/**
 * A person's name in presentation mode: its first character and a fixed tail (`张••`), so the
 * adviser still tells two clients apart without the audience reading either name.
 */
export function maskName(name: string): string {
  const first = [...name.trim()][0] ?? '';
  return `${first}${MASK.repeat(2)}`;
}

// Runs of letters and digits holding three digits or more: a card's last four, an order or
// transaction id, an account or phone number inside a label. Words without digits stay
// ("招商银行信用卡", "Huabei" are what the screen is about), and so do days and months
// (2026-03-05, 2026-03): a plan is its dates.
const IDENTIFIER = /[A-Za-z0-9_-]*\d[A-Za-z0-9_-]*/g;
const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

/** A label with its identifiers masked: `招商银行信用卡(1234)` → `招商银行信用卡(••••)`. */
export function maskIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, (token) => ((token.match(/\d/g)?.length ?? 0) >= 3 && !DAY_OR_MONTH.test(token) ? MASK.repeat(4) : token));
}

/** What presentation mode hides; scores and bands only when the adviser asks for that too. */
export interface PresentationMask {
  amounts: boolean;
  identifiers: boolean;
  scores: boolean;
}

export const NO_MASK: PresentationMask = { amounts: false, identifiers: false, scores: false };

/** A score in presentation mode with scores hidden: `•••`. */
export function maskScore(score: string): string {
  return score === '' ? score : MASK.repeat(3);
}

// An amount as any formatter of the app writes it: ¥1,234.56, -¥5.00, 1234.56, ¥2,940.
const AMOUNT = /[+-]?¥\d[\d,]*(?:\.\d{1,2})?|[+-]?\b\d[\d,]*\.\d{2}\b/g;

/**
 * Free text leaving the page in presentation mode (a copy from a form field, whose value the
 * formatters never wrote): amounts and identifiers masked as the page shows them.
 */
export function maskText(text: string): string {
  return maskIdentifiers(text.replace(AMOUNT, (amount) => maskAmount(amount)));
}
