// Bill times are China wall-clock time without a zone. They are stored as
// `YYYY-MM-DDTHH:MM:SS+08:00` plus epoch seconds for ordering.

import { daysFromCivil, daysInMonth, SECONDS_PER_DAY, UTC8_OFFSET_SECONDS } from '../shared/calendar.ts';

/** 1899-12-30: serial 0 of the 1900 date system once Excel's fictitious 1900-02-29 is skipped. */
const EXCEL_EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904_MS = Date.UTC(1904, 0, 1);

export interface WallTime {
  iso: string;
  epoch: number;
  /** Written the way Excel/WPS rewrites times: `/` separators, no seconds or no zero padding. */
  resaved: boolean;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A real wall-clock time in the years a bill can date from. */
function isWallTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  return year >= 1990 && year <= 2200 && day <= daysInMonth(year * 12 + month - 1);
}

/** Epoch seconds of a UTC+8 wall-clock time. */
function epochOf(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - UTC8_OFFSET_SECONDS;
}

export function fromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  resaved = false,
): WallTime | null {
  if (!isWallTime(year, month, day, hour, minute, second)) return null;
  const iso = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}+08:00`;
  return { iso, epoch: epochOf(year, month, day, hour, minute, second), resaved };
}

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function number2(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

const DASH = 0x2d;
const COLON = 0x3a;
const SPACE = 0x20;
const LETTER_T = 0x54;

/**
 * The exports' own `YYYY-MM-DD HH:MM:SS`, parsed without a regex: it is on every row. Its ISO form
 * is the text's own digits (every field has its full width), so it is cut from the text rather
 * than printed from the numbers.
 */
function parseCanonical(text: string): WallTime | null | undefined {
  if (text.length !== 19) return undefined;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return undefined;
  const sep = text.charCodeAt(10);
  if (sep !== SPACE && sep !== LETTER_T) return undefined;
  const year = number2(text, 0) * 100 + number2(text, 2);
  const month = number2(text, 5);
  const day = number2(text, 8);
  const hour = number2(text, 11);
  const minute = number2(text, 14);
  const second = number2(text, 17);
  // NaN from any non-digit propagates through the sum.
  if (Number.isNaN(year + month + day + hour + minute + second)) return undefined;
  if (!isWallTime(year, month, day, hour, minute, second)) return null;
  return { iso: `${text.slice(0, 10)}T${text.slice(11)}+08:00`, epoch: epochOf(year, month, day, hour, minute, second), resaved: false };
}

const LOOSE =
  /^(\d{4})([-/.年])(\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/;

/**
 * Accepts the canonical form, a plain date (bank statements), and the Excel/WPS re-save forms
 * such as `2024/4/2 18:31`, flagged `resaved`.
 */
export function parseTimeText(text: string): WallTime | null {
  const canonical = parseCanonical(text);
  if (canonical !== undefined) return canonical;
  const match = LOOSE.exec(text);
  if (!match) return null;
  const [, y, sep, mo, d, h, mi, s] = match;
  const hasTime = h !== undefined;
  const padded = mo.length === 2 && d.length === 2 && (!hasTime || (h.length === 2 && s !== undefined));
  const resaved = sep !== '-' || !padded;
  return fromParts(Number(y), Number(mo), Number(d), hasTime ? Number(h) : 0, hasTime ? Number(mi) : 0, s ? Number(s) : 0, resaved);
}

/** A spreadsheet date whose UTC fields hold the wall-clock time (how XLSX readers decode serials). */
export function fromWallDate(date: Date): WallTime | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  // Serial → milliseconds is floating point: 12:45:27 can arrive as 12:45:26.999.
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  return fromParts(
    rounded.getUTCFullYear(),
    rounded.getUTCMonth() + 1,
    rounded.getUTCDate(),
    rounded.getUTCHours(),
    rounded.getUTCMinutes(),
    rounded.getUTCSeconds(),
  );
}

/** An Excel date serial (days since the epoch, fraction = time of day) as a wall-clock Date. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const epoch = date1904 ? EXCEL_EPOCH_1904_MS : EXCEL_EPOCH_1900_MS;
  return new Date(epoch + Math.round(serial * 86400) * 1000);
}

export function fromExcelSerial(serial: number, date1904 = false): WallTime | null {
  if (!Number.isFinite(serial) || serial <= 0) return null;
  return fromWallDate(excelSerialToDate(serial, date1904));
}

/** `YYYY-MM-DD HH:MM:SS` of a wall-clock Date, for showing a date cell as the export would. */
export function formatWallDate(date: Date): string {
  const wall = fromWallDate(date);
  return wall ? wall.iso.slice(0, 19).replace('T', ' ') : String(date);
}
