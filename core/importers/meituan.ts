// Meituan (美团) 交易账单明细: UTF-8 BOM, CRLF, ids quoted with the TAB inside the quotes.
// Includes the 美团月付 credit product; its repayment is booked as 支出.
// docs/formats/bill-exports.md#meituan.

import { requiredColumns, resolveColumns, type ColumnTable } from './columns.ts';
import {
  directionOf,
  directionWords,
  knownOrOther,
  optionalAt,
  orderIdAt,
  orderRow,
  positiveAmountAt,
  textAt,
  timeAt,
  type MapContext,
  type PlatformSpec,
  type RowMapper,
} from './platform.ts';

const COLUMNS = {
  time: '交易创建时间',
  type: '交易类型',
  title: '订单标题',
  direction: '收/支',
  method: '支付方式',
  paid: '实付金额',
  orderId: '交易单号',
  merchantOrderId: { optional: '商家单号' },
} as const satisfies ColumnTable;

const DIRECTIONS = directionWords({ 支出: 'expense', 收入: 'income', 不计收支: 'neutral' });

const TYPES = new Set(['支付', '退款', '还款']);

function mapper(ctx: MapContext): RowMapper {
  const col = resolveColumns(ctx, COLUMNS);
  return (cells, line) => {
    const when = timeAt(ctx, cells, col.time, line);
    const typeText = textAt(cells, col.type);
    const titleText = optionalAt(cells, col.title);
    // 实付金额 is what left the account; 订单金额 is before discounts (kept in the raw row).
    const amountFen = positiveAmountAt(ctx, cells, col.paid, line);
    const isRefund = typeText === '退款';
    // [inferred] A refund repeats the purchase's title and paid amount; ids differ.
    const pair = `${titleText ?? ''}|${amountFen}`;
    return orderRow(cells, col, {
      when,
      orderId: orderIdAt(cells, col.orderId),
      amountFen,
      direction: directionOf(textAt(cells, col.direction), DIRECTIONS),
      // The export has no status column; its type (支付/退款/还款) is the nearest thing, and
      // every row listed has a 交易成功时间.
      status: typeText,
      statusClass: isRefund ? 'refund' : 'completed',
      category: knownOrOther(ctx, line, typeText || null, (value) => TYPES.has(value)),
      counterparty: null,
      item: titleText,
      refundLink: isRefund ? { by: 'pair_key', key: pair } : null,
      pairKey: typeText === '支付' ? pair : null,
    });
  };
}

export const meituan: PlatformSpec = {
  platform: 'meituan',
  label: { 'zh-CN': '美团', en: 'Meituan' },
  layouts: [{ variant: 'csv', required: requiredColumns(COLUMNS) }],
  markers: [/美团交易账单明细/],
  nativeQuotedTabs: true,
  createMapper: mapper,
};
