import { describe, expect, it } from 'vitest';
import { fenFromNumber, parseAmountText } from '../../../core/importers/amount.ts';
import { excelSerialToDate, fromExcelSerial, fromWallDate, parseTimeText } from '../../../core/importers/time.ts';

describe('parseAmountText', () => {
  it.each([
    ['49.74', 4974, false],
    ['222228.50', 22222850, false],
    ['0.07', 7, false],
    ['50.0', 5000, false],
    ['12', 1200, false],
    ['¥28.16', 2816, false],
    ['￥1,020.00', 102000, true],
    ['-345.67', -34567, false],
    ['-¥5.00', -500, false],
    ['¥-5.00', -500, false],
    ['"8,000.00"'.slice(1, -1), 800000, true],
    ['1,234,567.8', 123456780, true],
    ['28.1600', 2816, false],
  ])('%s → %i fen', (text, fen, thousands) => {
    expect(parseAmountText(text)).toEqual({ fen, thousands });
  });

  it.each(['', '¥', 'abc', '1.2.3', '12,34.00', '1234,567', '1.005', '1.', '.5', '1e5', '12元'])('rejects %j', (text) => {
    expect(parseAmountText(text)).toBeNull();
  });

  it('never goes through floating point', () => {
    // 0.1 + 0.2 style errors would show here: 1.15 * 100 = 114.99999999999999 in binary.
    expect(parseAmountText('1.15')?.fen).toBe(115);
    expect(parseAmountText('9007199254740.99')?.fen).toBe(900719925474099);
  });
});

describe('fenFromNumber', () => {
  it('rounds binary noise away', () => {
    expect(fenFromNumber(28.16)).toBe(2816);
    expect(fenFromNumber(1.15)).toBe(115);
    expect(fenFromNumber(0.1 + 0.2)).toBe(30);
    expect(fenFromNumber(1.005)).toBe(101);
    expect(fenFromNumber(-345.67)).toBe(-34567);
    expect(fenFromNumber(12)).toBe(1200);
  });

  it('rejects non-finite values', () => {
    expect(fenFromNumber(Number.NaN)).toBeNull();
    expect(fenFromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('parseTimeText', () => {
  it('reads the canonical form as UTC+8', () => {
    expect(parseTimeText('2023-02-12 21:32:14')).toEqual({
      iso: '2023-02-12T21:32:14+08:00',
      epoch: Date.UTC(2023, 1, 12, 13, 32, 14) / 1000,
      resaved: false,
    });
  });

  it('reads every canonical time as Date.UTC does, and refuses the impossible ones', () => {
    // The reference: the wall-clock fields through Date.UTC, less the 8 hours of UTC+8. Days from
    // 1989-12-25 to 2201-01-05 every 13 days (every weekday and month position over 211 years),
    // each at a time of its own, and every Feb 28/29 and month end in the range.
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const texts: string[] = [];
    for (let ms = Date.UTC(1989, 11, 25), i = 0; ms <= Date.UTC(2201, 0, 5); ms += 13 * 86_400_000, i++) {
      const d = new Date(ms);
      texts.push(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(i % 24)}:${pad((i * 7) % 60)}:${pad((i * 13) % 60)}`);
    }
    for (let year = 1990; year <= 2200; year++) {
      texts.push(`${year}-02-28 23:59:59`, `${year}-02-29 00:00:00`, `${year}-12-31T12:00:00`);
      for (let month = 1; month <= 12; month++) texts.push(`${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())} 00:00:00`);
    }
    let valid = 0;
    for (const text of texts) {
      const [y, mo, d, h, mi, s] = text.split(/[-: T]/).map(Number) as [number, number, number, number, number, number];
      const real = y >= 1990 && y <= 2200 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
      const expected = real
        ? { iso: `${text.slice(0, 10)}T${text.slice(11)}+08:00`, epoch: Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - 8 * 3600, resaved: false }
        : null;
      expect(parseTimeText(text), text).toEqual(expected);
      if (real) valid++;
    }
    // 1990–2200 has 51 leap years: the other 160 Feb 29ths are refused, and the days outside it.
    expect(texts.length - valid).toBeGreaterThan(160);
    for (const bad of ['2023-13-01 00:00:00', '2023-00-10 00:00:00', '2023-04-31 00:00:00', '2023-01-00 00:00:00', '2023-01-01 24:00:00', '2023-01-01 23:60:00', '2023-01-01 23:59:60']) {
      expect(parseTimeText(bad), bad).toBeNull();
    }
  });

  it('flags Excel/WPS re-save forms', () => {
    expect(parseTimeText('2024/4/2 18:31')).toMatchObject({ iso: '2024-04-02T18:31:00+08:00', resaved: true });
    expect(parseTimeText('2024-4-2 8:31:05')).toMatchObject({ iso: '2024-04-02T08:31:05+08:00', resaved: true });
  });

  it('reads plain dates (bank statements)', () => {
    expect(parseTimeText('2023-04-22')).toMatchObject({ iso: '2023-04-22T00:00:00+08:00', resaved: false });
  });

  it.each(['2023-02-30 00:00:00', '2023-13-01 00:00:00', '2023-01-01 24:00:00', 'yesterday', '', '20230101'])(
    'rejects %j',
    (text) => {
      expect(parseTimeText(text)).toBeNull();
    },
  );

  it('reads Excel serials and date cells as wall-clock time', () => {
    // 45352.5 = 2024-03-01 12:00 in the 1900 date system.
    expect(fromExcelSerial(45352.5)?.iso).toBe('2024-03-01T12:00:00+08:00');
    expect(excelSerialToDate(45352.5).toISOString()).toBe('2024-03-01T12:00:00.000Z');
    // A serial → ms conversion that lands a hair before the second is rounded, not truncated.
    expect(fromWallDate(new Date(Date.UTC(2019, 8, 26, 12, 45, 26, 999)))?.iso).toBe('2019-09-26T12:45:27+08:00');
  });
});
