// Bill times are China wall-clock time without a zone. They are stored as
// `YYYY-MM-DDTHH:MM:SS+08:00` plus epoch seconds for ordering.

import { daysInMonth, UTC8_OFFSET_SECONDS } from '../shared/calendar.ts';

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

export function fromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  resaved = false,
): WallTime | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (year < 1990 || year > 2200 || day > daysInMonth(year * 12 + month - 1)) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const iso = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}+08:00`;
  return { iso, epoch: ms / 1000 - UTC8_OFFSET_SECONDS, resaved };
}

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function number2(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

/** The exports' own `YYYY-MM-DD HH:MM:SS`, parsed without a regex: it is on every row. */
function parseCanonical(text: string): WallTime | null | undefined {
  if (text.length !== 19 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return undefined;
  const sep = text[10];
  if (sep !== ' ' && sep !== 'T') return undefined;
  const year = number2(text, 0) * 100 + number2(text, 2);
  const month = number2(text, 5);
  const day = number2(text, 8);
  const hour = number2(text, 11);
  const minute = number2(text, 14);
  const second = number2(text, 17);
  // NaN from any non-digit propagates through the sum.
  if (Number.isNaN(year + month + day + hour + minute + second)) return undefined;
  return fromParts(year, month, day, hour, minute, second);
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
