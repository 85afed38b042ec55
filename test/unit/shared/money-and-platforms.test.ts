// The one money formatter and parser (core/shared/money.ts) and the one platform registry
// (core/shared/platforms.ts), which the app, the CLI and the importers all read.

import { describe, expect, it } from 'vitest';
import { PLATFORMS as IMPORTERS } from '../../../core/importers/detect.ts';
import { formatCount, formatFen, parseLevel, parsePercent, parseWhole, parseYuan } from '../../../core/shared/money.ts';
import { BANK_PLATFORMS, bankName, isBankPlatform, PAYMENT_PLATFORMS, platformInfo, PLATFORMS } from '../../../core/shared/platforms.ts';

describe('formatFen', () => {
  it('writes integer fen as yuan with two decimals, grouped, the sign before ¥', () => {
    // 123456 fen = 1234 yuan 56 fen; 5 fen = 0.05 yuan; -500 fen = minus 5 yuan.
    expect([formatFen(123456), formatFen(5), formatFen(0), formatFen(-500), formatFen(100_000_000_00)]).toEqual(['¥1,234.56', '¥0.05', '¥0.00', '-¥5.00', '¥100,000,000.00']);
  });

  it('adds "+" to a positive difference only when asked', () => {
    expect([formatFen(250, { signed: true }), formatFen(-250, { signed: true }), formatFen(0, { signed: true })]).toEqual(['+¥2.50', '-¥2.50', '¥0.00']);
  });

  it('writes the CLI form (no grouping), the form-field form (no ¥) and prose (whole yuan without .00)', () => {
    expect(formatFen(123456, { grouped: false })).toBe('¥1234.56');
    expect(formatFen(123450, { grouped: false, symbol: false })).toBe('1234.50');
    expect([formatFen(294000, { dropZeroCents: true }), formatFen(294050, { dropZeroCents: true })]).toEqual(['¥2,940', '¥2,940.50']);
  });

  it('never rounds what is not whole fen: it shows the value as it is', () => {
    expect(formatFen(12.5)).toBe('12.5');
    expect(formatFen(Number.MAX_SAFE_INTEGER + 2)).toBe(String(Number.MAX_SAFE_INTEGER + 2));
  });

  it('groups counts the same way', () => {
    expect([formatCount(1_000_000), formatCount(999), formatCount(12.9)]).toEqual(['1,000,000', '999', '12']);
  });
});

describe('what a person types: yuan, percent, whole numbers, a rule’s level', () => {
  it('reads yuan into integer fen on the digits alone, so no float rounding moves a fen', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point; on the digits it is 29 fen.
    expect([parseYuan('0.29'), parseYuan('1,234.5'), parseYuan('¥12000'), parseYuan(' 3000.50 '), parseYuan('')]).toEqual([29, 123450, 1200000, 300050, null]);
    expect([parseYuan('1.234'), parseYuan('-5'), parseYuan('abc')]).toEqual([undefined, undefined, undefined]);
  });

  it('reads percent into basis points, and whole numbers', () => {
    expect([parsePercent('4.35'), parsePercent('10%'), parsePercent('100'), parsePercent('')]).toEqual([435, 1000, 10000, null]);
    expect([parsePercent('4.355'), parsePercent('x')]).toEqual([undefined, undefined]);
    expect([parseWhole('712'), parseWhole(''), parseWhole('7.5')]).toEqual([712, null, undefined]);
  });

  it('reads a rule’s level in its unit: ratios in percent, amounts in yuan, counts whole', () => {
    // 55 % of income is the ratio 0.55; ¥5000 is 500,000 fen.
    expect([parseLevel('ratio', '55'), parseLevel('fen', '5000'), parseLevel('count', '3'), parseLevel('months', '')]).toEqual([0.55, 500000, 3, null]);
    expect(parseLevel('count', '2.5')).toBeUndefined();
  });
});

describe('the platform registry', () => {
  it('names every platform an importer reads, and only those', () => {
    expect(IMPORTERS.map((spec) => spec.platform).sort()).toEqual(PLATFORMS.map((p) => p.id).sort());
  });

  it('knows the three card-issuing banks apart from the payment platforms, by the names their bills use', () => {
    expect(BANK_PLATFORMS).toEqual(['icbc', 'cmb', 'citic']);
    expect(PAYMENT_PLATFORMS).toEqual(['alipay', 'wechat', 'jd', 'meituan']);
    expect(BANK_PLATFORMS.map(bankName)).toEqual(['工商银行', '招商银行', '中信银行']);
    expect([isBankPlatform('cmb'), isBankPlatform('alipay'), isBankPlatform('boc')]).toEqual([true, false, false]);
  });

  it('returns null for a platform a newer database may hold', () => {
    expect(platformInfo('boc')).toBeNull();
    expect(platformInfo('wechat')?.name).toEqual({ 'zh-CN': '微信支付', en: 'WeChat Pay' });
  });
});
