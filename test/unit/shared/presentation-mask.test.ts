// The masks presentation mode applies (core/shared/presentation-mask.ts): what each kind of value
// becomes, worked out by hand from the rule in the module's comments.

import { describe, expect, it } from 'vitest';
import { formatFen } from '../../../core/shared/money.ts';
import { hidePhone, maskAmount, maskIdentifiers, maskName, maskPhone, maskScore, maskText } from '../../../core/shared/presentation-mask.ts';

describe('presentation masks', () => {
  it('give every amount the same width, keeping only its sign and the yuan sign', () => {
    expect(maskAmount(formatFen(123_456))).toBe('¥••••');
    expect(maskAmount(formatFen(5))).toBe('¥••••'); // ¥0.05 and ¥1,234.56 look alike: no magnitude leaks
    expect(maskAmount(formatFen(-500))).toBe('-¥••••');
    expect(maskAmount(formatFen(2500, { signed: true }))).toBe('+¥••••');
    expect(maskAmount(formatFen(123_456, { symbol: false, grouped: false }))).toBe('••••');
  });

  it('print a mobile number as a statement does (first three, last four), and hide it whole in presentation mode', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('861******5678'); // 13 digits: 3 kept, 6 starred, 4 kept
    expect(maskPhone('6512345')).toBe('*****45'); // under 8 digits: only the last two
    expect(hidePhone('13812345678')).toBe('•••••••••••');
    expect(hidePhone('13812345678')).not.toMatch(/\d/);
  });

  it('mask the digits of identifiers in labels but keep the words, days and months', () => {
    expect(maskIdentifiers('招商银行信用卡(1234)')).toBe('招商银行信用卡(••••)');
    expect(maskIdentifiers('订单 2026030522001412345678 已退款')).toBe('订单 •••• 已退款');
    expect(maskIdentifiers('T200P12345')).toBe('••••');
    expect(maskIdentifiers('花呗 Huabei')).toBe('花呗 Huabei');
    expect(maskIdentifiers('第 12 期，2026-03-05 前，2027-06')).toBe('第 12 期，2026-03-05 前，2027-06'); // two digits is a count, not an id
  });

  it('keep a name’s first character only, and hide a score whole when asked', () => {
    expect(maskName('张伟')).toBe('张••');
    expect(maskName('  Wang Lei ')).toBe('W••');
    expect(maskScore('712')).toBe('•••');
    expect(maskScore('')).toBe('');
  });
});

describe('copied text in presentation mode', () => {
  it('loses its amounts (either way they are written) and identifiers, and keeps its words and dates', () => {
    expect(maskText('招商银行信用卡(1234) 欠款 ¥12,345.67，最低还款 1234.56，2026-03-05 前')).toBe('招商银行信用卡(••••) 欠款 ¥••••，最低还款 ••••，2026-03-05 前');
    expect(maskText('退款 -¥5.00 订单 T200P12345')).toBe('退款 -¥•••• 订单 ••••');
  });
});
