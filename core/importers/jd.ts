// JD (京东) wallet bill "账单导出（仅限个人对账）": UTF-8 with BOM, a TAB after every time,
// amounts with a refund suffix `131.77(已退款89.84)` / `468.32(已全额退款)`. bill-formats.md §3.

import { RowRejected } from './messages.ts';
import {
  directionOf,
  fundingAccountOf,
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
import { parseAmountText } from './amount.ts';
import type { Direction } from './types.ts';

const DIRECTIONS: Readonly<Record<string, Direction>> = { 支出: 'expense', 收入: 'income', 不计收支: 'neutral' };

const SUFFIX = /^(.*?)[(（](已退款(.+)|已全额退款)[)）]$/;

interface JdAmount {
  text: string;
  /** Fen refunded according to the suffix; the whole amount for 已全额退款. */
  refunded: 'full' | number | null;
}

function splitSuffix(value: string): JdAmount {
  const match = SUFFIX.exec(value);
  if (!match) return { text: value, refunded: null };
  if (match[2] === '已全额退款') return { text: match[1], refunded: 'full' };
  const refunded = parseAmountText(match[3]);
  if (!refunded) throw new RowRejected('import.reject.bad_amount', { value });
  return { text: match[1], refunded: refunded.fen };
}

function mapper(ctx: MapContext): RowMapper {
  const time = requireColumn(ctx, '交易时间');
  const merchant = requireColumn(ctx, '商户名称');
  const item = requireColumn(ctx, '交易说明');
  const amount = requireColumn(ctx, '金额');
  const method = ctx.header.index('收/付款方式');
  const status = requireColumn(ctx, '交易状态');
  const direction = requireColumn(ctx, '收/支');
  const category = ctx.header.index('交易分类');
  const orderId = requireColumn(ctx, '交易订单号');
  const merchantOrderId = ctx.header.index('商家订单号');
  return (cells, line) => {
    const when = timeAt(ctx, cells, time, line);
    const id = orderIdAt(cells, orderId);
    const statusText = textAt(cells, status);
    const itemText = optionalAt(cells, item);
    const { text, refunded } = splitSuffix(textAt(cells, amount));
    const gross = positiveAmountAt(ctx, cells, amount, line, text);
    // JD's note 2: "部分退款的支出金额为剔除退款后的支付金额" — a partly refunded order's expense is
    // the net payment; the refund rows are 不计收支 and offset nothing. Its stated 支出 total
    // is the sum of net amounts. A fully refunded order keeps its amount and is closed.
    const amountFen = typeof refunded === 'number' ? gross - refunded : gross;
    if (amountFen < 0) throw new RowRejected('import.reject.bad_amount', { value: textAt(cells, amount) });
    const isRefund = statusText === '退款成功' || (itemText?.startsWith('退款-') ?? false);
    const paymentMethod = optionalAt(cells, method);
    // [inferred] A refund row shares the order id with its purchase, whose suffix states how
    // much came back: the pair is (order id, refunded fen). No sample proves the shared id.
    const refundedFen = refunded === 'full' ? gross : refunded;
    return {
      orderId: id,
      merchantOrderId: optionalAt(cells, merchantOrderId),
      occurredAt: when.iso,
      occurredEpoch: when.epoch,
      amountFen,
      direction: directionOf(textAt(cells, direction), DIRECTIONS),
      status: statusText,
      statusClass: !isRefund && refunded === 'full' ? 'closed' : statusClassOf(statusText, isRefund),
      // Several space-separated categories (`服饰内衣 运动户外`) are kept as written.
      category: optionalAt(cells, category),
      counterparty: optionalAt(cells, merchant),
      item: itemText,
      paymentMethod,
      fundingAccount: fundingAccountOf(paymentMethod),
      refundLink: isRefund ? { by: 'pair_key', key: `${id}|${amountFen}` } : null,
      pairKey: refundedFen !== null && !isRefund ? `${id}|${refundedFen}` : null,
    };
  };
}

export const jd: PlatformSpec = {
  platform: 'jd',
  label: { 'zh-CN': '京东', en: 'JD' },
  layouts: [
    { variant: 'csv', required: ['交易时间', '商户名称', '交易说明', '金额', '收/付款方式', '交易状态', '收/支', '交易订单号'] },
  ],
  markers: [/京东账号名/],
  createMapper: mapper,
  // [inferred from the one sample] 不计收支 is counted but summed over refunds only: the fully
  // refunded order and the 先享后付 orders (no money moved yet) are left out of its amount.
  omitFromStatedAmounts: (tx) => tx.statusClass === 'closed' || (tx.paymentMethod?.includes('先享后付') ?? false),
};
