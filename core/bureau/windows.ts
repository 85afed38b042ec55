// The report's clock, built on core/shared/calendar.ts (day numbers and month indices, UTC+8).

import { dayOfMonth, dayOfMonthOf, formatDay, formatMonth, lastDay, monthOfDay, parseDay, parseMonth } from '../shared/calendar.ts';

/**
 * The report's last month: the last month that has ended by the as-of day. Lenders report and
 * update repayment monthly (report note 10); a month still running has not been reported, so
 * the report does not show it (no source promises day-level reporting,
 * docs/domain/pboc-report.md#reporting-cadence).
 */
export function reportMonthOf(asOfDay: number): number {
  const month = monthOfDay(asOfDay);
  return asOfDay === lastDay(month) ? month : month - 1;
}

/** The same day `months` months later (earlier when negative), clamped to the month's length. */
export function addMonthsToDay(day: number, months: number): number {
  return dayOfMonth(monthOfDay(day) + months, dayOfMonthOf(day));
}

/**
 * Whether `day` falls in the last `months` months up to `asOfDay`: after the same date
 * `months` months earlier, up to and including the as-of day ("最近1个月": 05-16 … 06-15).
 */
export function inLastMonths(day: number, asOfDay: number, months: number): boolean {
  return lastMonths(asOfDay, months)(day);
}

/** The same window as a test of days, its start worked out once (for many records). */
export function lastMonths(asOfDay: number, months: number): (day: number) => boolean {
  const after = addMonthsToDay(asOfDay, -months);
  return (day) => day <= asOfDay && day > after;
}

/** The first day on which a record of `day` is no longer in a `months`-month window. */
export function leavesWindowOn(day: number, months: number): number {
  let candidate = addMonthsToDay(day, months);
  // Month ends clamp (Jan 31 + 1 month = Feb 28): step on until the window has passed it.
  while (inLastMonths(day, candidate, months)) candidate++;
  return candidate;
}

export function monthIndex(text: string): number {
  const month = parseMonth(text);
  if (month === null) throw new Error(`not a month: ${text}`);
  return month;
}

export function dayIndex(text: string): number {
  const day = parseDay(text);
  if (day === null) throw new Error(`not a date: ${text}`);
  return day;
}

export function monthOfDate(text: string): number {
  return monthOfDay(dayIndex(text));
}

export { formatDay, formatMonth };
