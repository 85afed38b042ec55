// Alipay (支付宝): the app "交易流水证明 / 用于个人对账" CSV (2023-02 on, revised 2025-10 and
// 2026), the older app layout (2021-06..2023-01) and the discontinued web export.
// See docs/formats/bill-exports.md#alipay.

import { requiredColumns, resolveColumns, type ColumnTable } from './columns.ts';
import { makeWarning } from './messages.ts';
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
import type { Cell } from './types.ts';

const APP_DIRECTIONS = directionWords({
  支出: 'expense',
  收入: 'income',
  不计收支: 'neutral',
  // The 2021 layout said 其他 where 2023 says 不计收支.
  其他: 'neutral',
});

/** The web export leaves 收/支 empty for transfers and refunds. */
const WEB_DIRECTIONS = directionWords({ 支出: 'expense', 收入: 'income', '': 'neutral' });

const CATEGORIES = new Set([
  '餐饮美食', '日用百货', '交通出行', '充值缴费', '投资理财', '转账红包', '退款', '亲友代付', '信用借还', '账户存取',
  '收入', '互助保障', '数码电器', '文化休闲', '商业服务', '生活服务', '爱车养车', '公共服务', '医疗健康', '教育培训',
  '家居家装', '服饰装扮', '美容美发', '运动户外', '酒店旅游', '保险', '其他',
]);

const WEB_TYPES = new Set(['即时到账交易', '支付宝担保交易']);

/** The app layouts (2021 and 2023 on): same columns, told apart by the first one. */
const APP_COLUMNS = {
  time: '交易时间',
  category: '交易分类',
  counterparty: '交易对方',
  item: '商品说明',
  direction: '收/支',
  amount: '金额',
  method: { optional: '收/付款方式' },
  status: '交易状态',
  orderId: '交易订单号',
  merchantOrderId: { optional: '商家订单号' },
} as const satisfies ColumnTable;

/** The web export: no payment method; 类型 instead of a category. */
const WEB_COLUMNS = {
  orderId: '交易号',
  time: '交易创建时间',
  type: { optional: '类型' },
  counterparty: '交易对方',
  item: '商品名称',
  amount: '金额(元)',
  direction: '收/支',
  status: '交易状态',
  merchantOrderId: { optional: '商家订单号' },
  refunded: { optional: '成功退款(元)' },
} as const satisfies ColumnTable;

/** What a web row says was refunded of it (成功退款（元）): nothing where the column is absent or empty. */
function refundedFen(ctx: MapContext, cells: readonly Cell[], index: number, line: number): number {
  return index < 0 || textAt(cells, index) === '' ? 0 : positiveAmountAt(ctx, cells, index, line);
}

/** A refund's id is the original's id plus `_<suffix>` (deb-sig pairs them the same way). */
function refundLinkOf(orderId: string, isRefund: boolean) {
  const cut = orderId.indexOf('_');
  return isRefund && cut > 0 ? { by: 'order_id' as const, orderId: orderId.slice(0, cut) } : null;
}

function appMapper(ctx: MapContext): RowMapper {
  const col = resolveColumns(ctx, APP_COLUMNS);
  return (cells, line) => {
    const when = timeAt(ctx, cells, col.time, line);
    const id = orderIdAt(cells, col.orderId);
    const statusText = textAt(cells, col.status);
    const categoryText = optionalAt(cells, col.category);
    const itemText = optionalAt(cells, col.item);
    const isRefund = categoryText === '退款' || statusText === '退款成功' || (itemText?.startsWith('退款-') ?? false);
    return orderRow(cells, col, {
      when,
      orderId: id,
      amountFen: positiveAmountAt(ctx, cells, col.amount, line),
      direction: directionOf(textAt(cells, col.direction), APP_DIRECTIONS),
      status: statusText,
      statusClass: statusClassOf(statusText, isRefund),
      category: knownOrOther(ctx, line, categoryText, (value) => CATEGORIES.has(value)),
      counterparty: optionalAt(cells, col.counterparty),
      item: itemText,
      refundLink: refundLinkOf(id, isRefund),
      pairKey: null,
    });
  };
}

function webMapper(ctx: MapContext): RowMapper {
  const col = resolveColumns(ctx, WEB_COLUMNS);
  return (cells, line) => {
    const when = timeAt(ctx, cells, col.time, line);
    const id = orderIdAt(cells, col.orderId);
    const statusText = textAt(cells, col.status);
    const itemText = optionalAt(cells, col.item);
    const isRefund = statusText === '退款成功' || (itemText?.startsWith('退款-') ?? false);
    const amountFen = positiveAmountAt(ctx, cells, col.amount, line);
    return orderRow(cells, col, {
      when,
      orderId: id,
      amountFen,
      // The footer's 已支出 counts the row net of it (stated-totals.ts).
      refundedFen: refundedFen(ctx, cells, col.refunded, line),
      direction: directionOf(textAt(cells, col.direction), WEB_DIRECTIONS),
      status: statusText,
      statusClass: statusClassOf(statusText, isRefund),
      category: knownOrOther(ctx, line, optionalAt(cells, col.type), (value) => WEB_TYPES.has(value)),
      counterparty: optionalAt(cells, col.counterparty),
      item: itemText,
      refundLink: refundLinkOf(id, isRefund),
      pairKey: null,
    });
  };
}

export const alipay: PlatformSpec = {
  platform: 'alipay',
  label: { 'zh-CN': '支付宝', en: 'Alipay' },
  layouts: [
    { variant: 'app-2023', first: '交易时间', required: requiredColumns(APP_COLUMNS) },
    { variant: 'app-2021', first: '收/支', required: requiredColumns(APP_COLUMNS) },
    { variant: 'web', required: requiredColumns(WEB_COLUMNS) },
  ],
  // Match the banner on 电子客户回单, not the company: it was renamed in 2025-10.
  markers: [/电子客户回单/, /支付宝交易记录明细查询/],
  createMapper: (ctx) => (ctx.layout.variant === 'web' ? webMapper(ctx) : appMapper(ctx)),
  variant(ctx) {
    if (ctx.layout.variant !== 'app-2023') return ctx.layout.variant;
    // 2026: note "8.本明细仅展示当前账单中的交易…" was dropped, so the last note is number 8.
    if (ctx.preamble.some((line) => /^8\.本明细仅供个人对账使用/.test(line))) return 'app-2026';
    if (ctx.preamble.some((line) => line.includes('电子客户回单') && line.includes('支付宝支付科技有限公司'))) return 'app-2025-10';
    return 'app-2023';
  },
  fileNotices(ctx) {
    if (ctx.layout.variant === 'app-2021') ctx.warnings.addOnce(makeWarning('import.warn.card_type_unknown', null));
    if (ctx.layout.variant === 'web') ctx.warnings.addOnce(makeWarning('import.warn.no_payment_method', null));
  },
};
