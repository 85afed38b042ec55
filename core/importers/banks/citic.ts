// CITIC (中信银行) credit-card "账单下载" XLS (BIFF8), sheet 本期账单明细(人民币): signed amounts,
// negative for credits. bill-formats.md §5.

import { amountAt, optionalAt, requireColumn, textAt, timeAt, type PlatformSpec } from '../platform.ts';
import { cardAccount, directionOfSigned, lastFourOf, requireRmb, statementRow } from './common.ts';

export const citic: PlatformSpec = {
  platform: 'citic',
  label: { 'zh-CN': '中信银行信用卡', en: 'CITIC credit card' },
  layouts: [{ variant: 'credit-xls', required: ['交易日期', '入账日期', '交易描述', '卡末四位', '结算金额'] }],
  markers: [/本期账单明细/],
  dateOnly: true,
  createMapper(ctx) {
    const date = requireColumn(ctx, '交易日期');
    const description = requireColumn(ctx, '交易描述');
    const card = requireColumn(ctx, '卡末四位');
    const currency = ctx.header.index('结算币种');
    const amount = requireColumn(ctx, '结算金额');
    return (cells, line) => {
      requireRmb(textAt(cells, currency));
      return statementRow({
        when: timeAt(ctx, cells, date, line),
        ...directionOfSigned(amountAt(ctx, cells, amount, line)),
        item: optionalAt(cells, description),
        counterparty: null,
        account: cardAccount('中信银行', lastFourOf(cells[card])),
      });
    };
  },
};
