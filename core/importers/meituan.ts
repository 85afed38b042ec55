// Meituan (美团) 交易账单明细: UTF-8 BOM, CRLF, ids quoted with the TAB inside the quotes.
// Includes the 美团月付 credit product; its repayment is booked as 支出. bill-formats.md §4.

import {
  directionOf,
  fundingAccountOf,
  knownOrOther,
  optionalAt,
  orderIdAt,
  positiveAmountAt,
  requireColumn,
  textAt,
  timeAt,
  type MapContext,
  type PlatformSpec,
  type RowMapper,
} from './platform.ts';
import type { Direction } from './types.ts';

const DIRECTIONS: Readonly<Record<string, Direction>> = { 支出: 'expense', 收入: 'income', 不计收支: 'neutral' };

const TYPES = new Set(['支付', '退款', '还款']);

function mapper(ctx: MapContext): RowMapper {
  const time = requireColumn(ctx, '交易创建时间');
  const type = requireColumn(ctx, '交易类型');
  const title = requireColumn(ctx, '订单标题');
  const direction = requireColumn(ctx, '收/支');
  const method = ctx.header.index('支付方式');
  const paid = requireColumn(ctx, '实付金额');
  const orderId = requireColumn(ctx, '交易单号');
  const merchantOrderId = ctx.header.index('商家单号');
  return (cells, line) => {
    const when = timeAt(ctx, cells, time, line);
    const typeText = textAt(cells, type);
    const titleText = optionalAt(cells, title);
    // 实付金额 is what left the account; 订单金额 is before discounts (kept in the raw row).
    const amountFen = positiveAmountAt(ctx, cells, paid, line);
    const paymentMethod = optionalAt(cells, method);
    const isRefund = typeText === '退款';
    // [inferred] A refund repeats the purchase's title and paid amount; ids differ.
    const pair = `${titleText ?? ''}|${amountFen}`;
    return {
      orderId: orderIdAt(cells, orderId),
      merchantOrderId: optionalAt(cells, merchantOrderId),
      occurredAt: when.iso,
      occurredEpoch: when.epoch,
      amountFen,
      direction: directionOf(textAt(cells, direction), DIRECTIONS),
      // The export has no status column; its type (支付/退款/还款) is the nearest thing, and
      // every row listed has a 交易成功时间.
      status: typeText,
      statusClass: isRefund ? 'refund' : 'completed',
      category: knownOrOther(ctx, line, typeText || null, (value) => TYPES.has(value)),
      counterparty: null,
      item: titleText,
      paymentMethod,
      fundingAccount: fundingAccountOf(paymentMethod),
      refundLink: isRefund ? { by: 'pair_key', key: pair } : null,
      pairKey: typeText === '支付' ? pair : null,
    };
  };
}

export const meituan: PlatformSpec = {
  platform: 'meituan',
  label: { 'zh-CN': '美团', en: 'Meituan' },
  layouts: [
    { variant: 'csv', required: ['交易创建时间', '交易类型', '订单标题', '收/支', '支付方式', '实付金额', '交易单号'] },
  ],
  markers: [/美团交易账单明细/],
  nativeQuotedTabs: true,
  createMapper: mapper,
  // [inferred from the one sample] 支出 counts the 月付 repayment but its amount leaves it out.
  omitFromStatedAmounts: (tx) => tx.category === '还款',
};
