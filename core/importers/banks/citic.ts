// CITIC (中信银行) credit-card "账单下载" XLS (BIFF8), sheet 本期账单明细(人民币): signed amounts,
// negative for credits. docs/formats/bill-exports.md#bank-and-card-files.

import { bankName } from '../../shared/platforms.ts';
import { requiredColumns, resolveColumns, type ColumnTable } from '../columns.ts';
import { amountAt, optionalAt, textAt, timeAt, type PlatformSpec } from '../platform.ts';
import { cardAccount, directionOfSigned, lastFourOf, requireRmb, statementRow } from './common.ts';

const COLUMNS = {
  date: '交易日期',
  // Part of the layout; a row is dated by its 交易日期.
  postDate: '入账日期',
  description: '交易描述',
  card: '卡末四位',
  currency: { optional: '结算币种' },
  amount: '结算金额',
} as const satisfies ColumnTable;

export const citic: PlatformSpec = {
  platform: 'citic',
  label: { 'zh-CN': '中信银行信用卡', en: 'CITIC credit card' },
  layouts: [{ variant: 'credit-xls', required: requiredColumns(COLUMNS) }],
  markers: [/本期账单明细/],
  dateOnly: true,
  createMapper(ctx) {
    const col = resolveColumns(ctx, COLUMNS);
    return (cells, line) => {
      requireRmb(textAt(cells, col.currency));
      return statementRow({
        when: timeAt(ctx, cells, col.date, line),
        ...directionOfSigned(amountAt(ctx, cells, col.amount, line)),
        item: optionalAt(cells, col.description),
        counterparty: null,
        account: cardAccount(bankName('citic'), lastFourOf(cells[col.card])),
      });
    };
  },
};
