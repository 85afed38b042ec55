// WeChat Pay (微信支付) "用于个人对账" bill: CSV until 2025-07, then XLSX (v1: amount as text;
// v2 from 2026-03: one more note row, amount a number cell, time possibly a date serial).
// See bill-formats.md §2.

import {
  directionOf,
  fundingAccountOf,
  knownOrOther,
  optionalAt,
  orderIdAt,
  positiveAmountAt,
  requireColumn,
  statusClassOf,
  textAt,
  timeAt,
  type MapContext,
  type PlatformSpec,
  type RowMapper,
} from './platform.ts';
import type { Direction } from './types.ts';

/** `/` is 中性交易: transfers between own accounts, top-ups, credit-card repayments. */
const DIRECTIONS: Readonly<Record<string, Direction>> = { 支出: 'expense', 收入: 'income', '/': 'neutral' };

const TYPES = new Set([
  '商户消费', '扫二维码付款', '二维码收款', '转账', '微信红包', '群收款', '亲属卡交易', '赞赏码', '分分捐', '零钱充值',
  '零钱提现', '购买理财通', '信用卡还款', '分付还款', '退款', '其他',
]);

/** Types are open-ended (`转入零钱通-来自<银行>(NNNN)`, `微信红包（群红包）`…): match families, not strings. */
function isKnownType(type: string): boolean {
  return (
    TYPES.has(type) ||
    type.startsWith('微信红包') ||
    type.startsWith('转入零钱通-来自') ||
    type.startsWith('零钱通转出-到') ||
    type.endsWith('-退款')
  );
}

function mapper(ctx: MapContext): RowMapper {
  const time = requireColumn(ctx, '交易时间');
  const type = requireColumn(ctx, '交易类型');
  const counterparty = requireColumn(ctx, '交易对方');
  const item = requireColumn(ctx, '商品');
  const direction = requireColumn(ctx, '收/支');
  const amount = requireColumn(ctx, '金额(元)');
  const method = requireColumn(ctx, '支付方式');
  const status = requireColumn(ctx, '当前状态');
  const orderId = requireColumn(ctx, '交易单号');
  const merchantOrderId = ctx.header.index('商户单号');
  return (cells, line) => {
    const when = timeAt(ctx, cells, time, line);
    const typeText = optionalAt(cells, type);
    const statusText = textAt(cells, status);
    // Refund rows carry their own type (`退款`, `转账-退款`…); the purchase they undo says
    // 已全额退款 (then it nets to nothing) or 已退款￥x (partly refunded, still spending).
    const isRefund = typeText?.includes('退款') ?? false;
    const paymentMethod = optionalAt(cells, method);
    return {
      orderId: orderIdAt(cells, orderId),
      merchantOrderId: optionalAt(cells, merchantOrderId),
      occurredAt: when.iso,
      occurredEpoch: when.epoch,
      amountFen: positiveAmountAt(ctx, cells, amount, line),
      direction: directionOf(textAt(cells, direction), DIRECTIONS),
      status: statusText,
      statusClass: !isRefund && statusText === '已全额退款' ? 'closed' : statusClassOf(statusText, isRefund),
      category: knownOrOther(ctx, line, typeText, isKnownType),
      counterparty: optionalAt(cells, counterparty),
      item: optionalAt(cells, item),
      paymentMethod,
      fundingAccount: fundingAccountOf(paymentMethod),
      // WeChat refund rows have their own ids and nothing that names the original payment.
      refundLink: null,
      pairKey: null,
    };
  };
}

export const wechat: PlatformSpec = {
  platform: 'wechat',
  label: { 'zh-CN': '微信支付', en: 'WeChat Pay' },
  layouts: [
    { variant: 'csv', required: ['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态', '交易单号'] },
  ],
  markers: [/微信支付账单明细/],
  mergeColumn: '交易对方',
  createMapper: mapper,
  variant(ctx) {
    if (ctx.source === 'csv') return 'csv';
    const utcNote = ctx.preamble.some((line) => line.includes('UTC+08:00'));
    return utcNote || ctx.stats.numericAmounts > 0 ? 'xlsx-v2' : 'xlsx-v1';
  },
};
