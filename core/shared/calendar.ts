// Calendar arithmetic and the app's clock, one home for both. Every date is a China wall-clock
// date (UTC+8): a day is an integer count of days since 1970-01-01, a month an integer index
// year × 12 + (month − 1). Integers keep the monthly-history pass free of Date objects and string
// parsing. Every stored instant is wall-clock time in China Standard Time with an explicit +08:00
// offset: bill exports are UTC+8 without saying so, and a user reads dates that way.

/** China Standard Time, UTC+8, which has no daylight saving. */
export const UTC8_OFFSET_SECONDS = 8 * 3600;
export const SECONDS_PER_DAY = 86_400;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(month: number): number {
  const year = Math.floor(month / 12);
  const m = month - year * 12;
  return m === 1 && isLeap(year) ? 29 : DAYS_IN_MONTH[m];
}

// Civil-calendar conversions without Date objects (H. Hinnant's days_from_civil / civil_from_days):
// the monthly-history pass calls these a few times per month of every account.

/** The day number of a calendar date (month 1–12); the date is not checked. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The month index of a day number. */
export function monthOfDay(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** Day number of `day` (1-based) in `month`, clamped to the month's length: day 31 of June is June 30. */
export function dayOfMonth(month: number, day: number): number {
  const year = Math.floor(month / 12);
  return daysFromCivil(year, month - year * 12 + 1, Math.min(day, daysInMonth(month)));
}

export function firstDay(month: number): number {
  return dayOfMonth(month, 1);
}

export function lastDay(month: number): number {
  return dayOfMonth(month, 31);
}

export function dayOfMonthOf(day: number): number {
  return day - firstDay(monthOfDay(day)) + 1;
}

// The parsers read the characters (`YYYY-MM`, `YYYY-MM-DD`, ASCII digits only) rather than match
// a pattern: the report and the scores parse the months of every account of every report, and
// a match allocated an array and its strings each time.

/** The number written by the ASCII digits text[from, to), or −1 when one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** `2026-07-20` → day number; null for anything that is not a real calendar date. */
export function parseDay(text: string): number | null {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year * 12 + month - 1)) return null;
  return daysFromCivil(year, month, day);
}

const DASH = 45;

export function formatDay(day: number): string {
  const month = monthOfDay(day);
  return `${formatMonth(month)}-${pad2(day - firstDay(month) + 1)}`;
}

/** `2026-07` → month index; null when malformed. */
export function parseMonth(text: string): number | null {
  if (typeof text !== 'string' || text.length !== 7 || text.charCodeAt(4) !== DASH) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  if (year < 0 || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index: one string per month, built once (reports compare months as text for every account of every month). */
export function formatMonth(month: number): string {
  let text = monthTexts.get(month);
  if (text === undefined) {
    const year = Math.floor(month / 12);
    monthTexts.set(month, (text = `${year}-${pad2(month - year * 12 + 1)}`));
  }
  return text;
}

/** The texts of the months asked for: a few hundred in any profile's lifetime. */
const monthTexts = new Map<number, string>();

/** The UTC+8 calendar day of an instant given in epoch seconds. */
export function dayOfEpoch(epochSeconds: number): number {
  return Math.floor((epochSeconds + UTC8_OFFSET_SECONDS) / SECONDS_PER_DAY);
}

/** The first second (epoch seconds) of a UTC+8 calendar day: dayOfEpoch's inverse. */
export function firstEpochOfDay(day: number): number {
  return day * SECONDS_PER_DAY - UTC8_OFFSET_SECONDS;
}

/** The UTC+8 calendar day of a stored `YYYY-MM-DDTHH:MM:SS+08:00` time (fast path) or any ISO time. */
export function dayOfStoredTime(iso: string, epochSeconds: number): number {
  if (iso.length === 25 && iso.endsWith('+08:00')) {
    const day = parseDay(iso.slice(0, 10));
    if (day !== null) return day;
  }
  return dayOfEpoch(epochSeconds);
}

/** Today in UTC+8. */
export function today(now: Date = new Date()): number {
  return dayOfEpoch(Math.floor(now.getTime() / 1000));
}

/** `2026-11-21T20:01:02+08:00` for the given instant (default: now). */
export function toUtc8Iso(date: Date = new Date()): string {
  const shifted = new Date(date.getTime() + UTC8_OFFSET_SECONDS * 1000);
  return (
    `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}` +
    `T${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}:${pad2(shifted.getUTCSeconds())}+08:00`
  );
}
