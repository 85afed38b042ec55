// ICBC (工商银行) web-banking credit-card "明细查询文件下载" CSV: padded cells with TABs inside
// the quotes, separate income/expense columns, a 合计金额 footer.
// docs/formats/bill-exports.md#bank-and-card-files.

import { bankName } from '../../shared/platforms.ts';
import { parseAmountText } from '../amount.ts';
import { requiredColumns, resolveColumns, type ColumnTable } from '../columns.ts';
import { RowRejected } from '../messages.ts';
import { optionalAt, textAt, timeAt, type PlatformSpec } from '../platform.ts';
import { parseColumnTotals } from '../summary.ts';
import { cardAccount, lastFourOf, requireRmb, statementRow } from './common.ts';

const COLUMNS = {
  date: '交易日期',
  // Part of the layout; a row is dated by its 交易日期.
  postDate: '记账日期',
  summary: '摘要',
  place: '交易场所',
  credit: '记账金额(收入)',
  debit: '记账金额(支出)',
  currency: { optional: '记账币种' },
} as const satisfies ColumnTable;

export const icbc: PlatformSpec = {
  platform: 'icbc',
  label: { 'zh-CN': '工商银行信用卡', en: 'ICBC credit card' },
  layouts: [{ variant: 'credit-csv', required: requiredColumns(COLUMNS) }],
  markers: [/明细查询文件下载/],
  nativeThousands: true,
  nativeQuotedTabs: true,
  dateOnly: true,
  statedTotals: (ctx, footer) =>
    parseColumnTotals(footer, ctx.header, '合计金额', { income: '交易金额(收入)', expense: '交易金额(支出)' }),
  createMapper(ctx) {
    const col = resolveColumns(ctx, COLUMNS);
    const card = ctx.preamble.map((line) => /卡号[:：]\s*([\d*]+)/.exec(line)?.[1]).find(Boolean);
    const account = cardAccount(bankName('icbc'), lastFourOf(card));
    return (cells, line) => {
      requireRmb(textAt(cells, col.currency));
      const creditText = textAt(cells, col.credit);
      const debitText = textAt(cells, col.debit);
      const income = creditText !== '';
      const value = income ? creditText : debitText;
      const parsed = parseAmountText(value);
      if (!parsed || parsed.fen < 0 || (creditText !== '' && debitText !== '')) {
        throw new RowRejected('import.reject.bad_amount', { value: `${creditText}/${debitText}` });
      }
      return statementRow({
        when: timeAt(ctx, cells, col.date, line),
        amountFen: parsed.fen,
        direction: income ? 'income' : 'expense',
        item: optionalAt(cells, col.summary),
        counterparty: optionalAt(cells, col.place),
        account,
      });
    };
  },
};
