// ICBC (工商银行) web-banking credit-card "明细查询文件下载" CSV: padded cells with TABs inside
// the quotes, separate income/expense columns, a 合计金额 footer. bill-formats.md §5.

import { parseAmountText } from '../amount.ts';
import { RowRejected } from '../messages.ts';
import { optionalAt, requireColumn, textAt, timeAt, type PlatformSpec } from '../platform.ts';
import { parseColumnTotals } from '../summary.ts';
import { cardAccount, lastFourOf, requireRmb, statementRow } from './common.ts';

export const icbc: PlatformSpec = {
  platform: 'icbc',
  label: { 'zh-CN': '工商银行信用卡', en: 'ICBC credit card' },
  layouts: [
    { variant: 'credit-csv', required: ['交易日期', '记账日期', '摘要', '交易场所', '记账金额(收入)', '记账金额(支出)'] },
  ],
  markers: [/明细查询文件下载/],
  nativeThousands: true,
  nativeQuotedTabs: true,
  dateOnly: true,
  statedTotals: (ctx, footer) =>
    parseColumnTotals(footer, ctx.header, '合计金额', { income: '交易金额(收入)', expense: '交易金额(支出)' }),
  createMapper(ctx) {
    const date = requireColumn(ctx, '交易日期');
    const summary = requireColumn(ctx, '摘要');
    const place = requireColumn(ctx, '交易场所');
    const credit = requireColumn(ctx, '记账金额(收入)');
    const debit = requireColumn(ctx, '记账金额(支出)');
    const currency = ctx.header.index('记账币种');
    const card = ctx.preamble.map((line) => /卡号[:：]\s*([\d*]+)/.exec(line)?.[1]).find(Boolean);
    const account = cardAccount('工商银行', lastFourOf(card));
    return (cells, line) => {
      requireRmb(textAt(cells, currency));
      const creditText = textAt(cells, credit);
      const debitText = textAt(cells, debit);
      const income = creditText !== '';
      const value = income ? creditText : debitText;
      const parsed = parseAmountText(value);
      if (!parsed || parsed.fen < 0 || (creditText !== '' && debitText !== '')) {
        throw new RowRejected('import.reject.bad_amount', { value: `${creditText}/${debitText}` });
      }
      return statementRow({
        when: timeAt(ctx, cells, date, line),
        amountFen: parsed.fen,
        direction: income ? 'income' : 'expense',
        item: optionalAt(cells, summary),
        counterparty: optionalAt(cells, place),
        account,
      });
    };
  },
};
