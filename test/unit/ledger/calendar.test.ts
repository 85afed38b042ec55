// Day and month arithmetic in UTC+8, checked against Date over four centuries of dates.

import { describe, expect, it } from 'vitest';
import { dayOfEpoch, dayOfMonth, dayOfMonthOf, dayOfStoredTime, formatDay, formatMonth, lastDay, monthOfDay, parseDay, parseMonth } from '../../../core/shared/calendar.ts';

describe('calendar', () => {
  it('agrees with Date for every day from 1900 to 2300', () => {
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2300, 0, 1) / 86_400_000; day += 1) {
      const date = new Date(day * 86_400_000);
      const text = date.toISOString().slice(0, 10);
      if (formatDay(day) !== text || parseDay(text) !== day) throw new Error(`mismatch at ${text}`);
      if (monthOfDay(day) !== date.getUTCFullYear() * 12 + date.getUTCMonth() || dayOfMonthOf(day) !== date.getUTCDate()) throw new Error(`month mismatch at ${text}`);
    }
  });

  it('clamps a day of month to the month, knows leap years, and refuses dates that do not exist', () => {
    expect(formatDay(dayOfMonth(parseMonth('2026-06')!, 31))).toBe('2026-06-30');
    expect(formatDay(lastDay(parseMonth('2024-02')!))).toBe('2024-02-29');
    expect(formatDay(lastDay(parseMonth('2100-02')!))).toBe('2100-02-28');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-13-01')).toBeNull();
    expect(parseMonth('2026-00')).toBeNull();
    expect(formatMonth(parseMonth('2026-07')!)).toBe('2026-07');
  });

  it('reads only YYYY-MM and YYYY-MM-DD in ASCII digits', () => {
    // The parsers read characters, not a pattern: each of these is one character off the form.
    for (const text of ['2026-7', '2026-07 ', ' 2026-07', '2026/07', '2026-0a', '+026-07', '２０２６-07', '2026-07-1', '', '2026-07-01']) expect(parseMonth(text)).toBeNull();
    for (const text of ['2026-07-1', '2026-07-01 ', '2026-07/01', '2026-7-01', '2026-07-3a', '２０２６-07-01', '2026-07', '20260701', '2026-07-01T00']) expect(parseDay(text)).toBeNull();
    // Year 0 and the smallest and largest month are real: 0000-01 is month 0, 9999-12 month 119999.
    expect(parseMonth('0000-01')).toBe(0);
    expect(parseMonth('9999-12')).toBe(9999 * 12 + 11);
    expect(parseMonth('2026-12')).toBe(2026 * 12 + 11);
    expect(parseDay('2026-12-31')).toBe(Date.UTC(2026, 11, 31) / 86_400_000);
  });

  it('reads stored times as UTC+8 wall-clock days', () => {
    // 2026-07-31 23:30 in China is 15:30 UTC the same day; 00:30 on Aug 1 is still Jul 31 in UTC.
    expect(formatDay(dayOfStoredTime('2026-07-31T23:30:00+08:00', 0))).toBe('2026-07-31');
    expect(formatDay(dayOfEpoch(Date.UTC(2026, 6, 31, 16, 30) / 1000))).toBe('2026-08-01');
  });
});
