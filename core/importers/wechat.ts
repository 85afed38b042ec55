// WeChat Pay (微信支付) "用于个人对账" bill: CSV until 2025-07, then XLSX (v1: amount as text;
// v2 from 2026-03: one more note row, amount a number cell, time possibly a date serial).
// See docs/formats/bill-exports.md#wechat-pay.

import { requiredColumns, resolveColumns, type ColumnTable } from './columns.ts';
import {
  directionOf,
  directionWords,
  knownOrOther,
  optionalAt,
  orderIdAt,
  orderRow,
  positiveAmountAt,
  statusClassOf,
  textAt,
  timeAt,
  type MapContext,
  type PlatformSpec,
  type RowMapper,
} from './platform.ts';

const COLUMNS = {
  time: '交易时间',
  type: '交易类型',
  counterparty: '交易对方',
  item: '商品',
  direction: '收/支',
  amount: '金额(元)',
  method: '支付方式',
  status: '当前状态',
  orderId: '交易单号',
  merchantOrderId: { optional: '商户单号' },
} as const satisfies ColumnTable;

/** `/` is 中性交易: transfers between own accounts, top-ups, credit-card repayments. */
const DIRECTIONS = directionWords({ 支出: 'expense', 收入: 'income', '/': 'neutral' });

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
  const col = resolveColumns(ctx, COLUMNS);
  return (cells, line) => {
    const when = timeAt(ctx, cells, col.time, line);
    const typeText = optionalAt(cells, col.type);
    const statusText = textAt(cells, col.status);
    // Refund rows carry their own type (`退款`, `转账-退款`…); the purchase they undo says
    // 已全额退款 (then it nets to nothing) or 已退款￥x (partly refunded, still spending).
    const isRefund = typeText?.includes('退款') ?? false;
    return orderRow(cells, col, {
      when,
      orderId: orderIdAt(cells, col.orderId),
      amountFen: positiveAmountAt(ctx, cells, col.amount, line),
      direction: directionOf(textAt(cells, col.direction), DIRECTIONS),
      status: statusText,
      statusClass: !isRefund && statusText === '已全额退款' ? 'closed' : statusClassOf(statusText, isRefund),
      category: knownOrOther(ctx, line, typeText, isKnownType),
      counterparty: optionalAt(cells, col.counterparty),
      item: optionalAt(cells, col.item),
      // WeChat refund rows have their own ids and nothing that names the original payment.
      refundLink: null,
      pairKey: null,
    });
  };
}

export const wechat: PlatformSpec = {
  platform: 'wechat',
  label: { 'zh-CN': '微信支付', en: 'WeChat Pay' },
  layouts: [{ variant: 'csv', required: requiredColumns(COLUMNS) }],
  markers: [/微信支付账单明细/],
  mergeColumn: COLUMNS.counterparty,
  createMapper: mapper,
  variant(ctx) {
    if (ctx.source === 'csv') return 'csv';
    const utcNote = ctx.preamble.some((line) => line.includes('UTC+08:00'));
    return utcNote || ctx.stats.numericAmounts > 0 ? 'xlsx-v2' : 'xlsx-v1';
  },
};
