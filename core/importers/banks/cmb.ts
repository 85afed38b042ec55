// CMB (招商银行) credit-card statement as CSV. Not bank-native: converted from the PDF/EML
// statement by deb-sig/bill-file-converter. Dates are `MM/DD`; the year comes from the title
// `招商银行信用卡对账单（… 2024年01月）`.
// docs/formats/bill-exports.md#bank-and-card-files.

import { bankName } from '../../shared/platforms.ts';
import { requiredColumns, resolveColumns, type ColumnTable } from '../columns.ts';
import { RowRejected } from '../messages.ts';
import { amountAt, optionalAt, textAt, timeAt, type MapContext, type PlatformSpec } from '../platform.ts';
import { fromParts, type WallTime } from '../time.ts';
import type { Cell } from '../types.ts';
import { cardAccount, directionOfSigned, lastFourOf, statementRow } from './common.ts';

const COLUMNS = {
  tradeDate: '交易日',
  postDate: '记账日',
  summary: '交易摘要',
  amount: '人民币金额',
  card: '卡号末四位',
} as const satisfies ColumnTable;

function statementMonth(preamble: readonly string[]): { year: number; month: number } | null {
  for (const line of preamble) {
    const match = /(\d{4})年(\d{1,2})月/.exec(line);
    if (match) return { year: Number(match[1]), month: Number(match[2]) };
  }
  return null;
}

/** `12/29` on a January 2024 statement is 2023-12-29. */
function monthDay(ctx: MapContext, cells: readonly Cell[], index: number, line: number, statement: ReturnType<typeof statementMonth>): WallTime {
  const text = textAt(cells, index);
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (!match) return timeAt(ctx, cells, index, line);
  const month = Number(match[1]);
  const when = statement && fromParts(month > statement.month ? statement.year - 1 : statement.year, month, Number(match[2]), 0, 0, 0);
  if (!when) throw new RowRejected('import.reject.bad_time', { value: text });
  return when;
}

export const cmb: PlatformSpec = {
  platform: 'cmb',
  label: { 'zh-CN': '招商银行信用卡', en: 'CMB credit card' },
  layouts: [{ variant: 'credit-csv', required: requiredColumns(COLUMNS) }],
  markers: [/招商银行信用卡对账单/],
  nativeThousands: true,
  dateOnly: true,
  createMapper(ctx) {
    const col = resolveColumns(ctx, COLUMNS);
    const statement = statementMonth(ctx.preamble);
    return (cells, line) => {
      // Repayments have no 交易日, only the posting date.
      const dateIndex = textAt(cells, col.tradeDate) === '' ? col.postDate : col.tradeDate;
      const signed = directionOfSigned(amountAt(ctx, cells, col.amount, line));
      return statementRow({
        when: monthDay(ctx, cells, dateIndex, line, statement),
        ...signed,
        item: optionalAt(cells, col.summary),
        counterparty: null,
        account: cardAccount(bankName('cmb'), lastFourOf(cells[col.card])),
      });
    };
  },
};
