// JD (京东) wallet bill "账单导出（仅限个人对账）": UTF-8 with BOM, a TAB after every time,
// amounts with a refund suffix `131.77(已退款89.84)` / `468.32(已全额退款)`.
// docs/formats/bill-exports.md#jd-wallet.

import { requiredColumns, resolveColumns, type ColumnTable } from './columns.ts';
import { RowRejected } from './messages.ts';
import {
  directionOf,
  directionWords,
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
import { parseAmountText } from './amount.ts';

const COLUMNS = {
  time: '交易时间',
  merchant: '商户名称',
  item: '交易说明',
  amount: '金额',
  method: '收/付款方式',
  status: '交易状态',
  direction: '收/支',
  category: { optional: '交易分类' },
  orderId: '交易订单号',
  merchantOrderId: { optional: '商家订单号' },
} as const satisfies ColumnTable;

const DIRECTIONS = directionWords({ 支出: 'expense', 收入: 'income', 不计收支: 'neutral' });

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
  const col = resolveColumns(ctx, COLUMNS);
  return (cells, line) => {
    const when = timeAt(ctx, cells, col.time, line);
    const id = orderIdAt(cells, col.orderId);
    const statusText = textAt(cells, col.status);
    const itemText = optionalAt(cells, col.item);
    const { text, refunded } = splitSuffix(textAt(cells, col.amount));
    const gross = positiveAmountAt(ctx, cells, col.amount, line, text);
    // JD's note 2: "部分退款的支出金额为剔除退款后的支付金额" — a partly refunded order's expense is
    // the net payment; the refund rows are 不计收支 and offset nothing. Its stated 支出 total
    // is the sum of net amounts. A fully refunded order keeps its amount and is closed.
    const amountFen = typeof refunded === 'number' ? gross - refunded : gross;
    if (amountFen < 0) throw new RowRejected('import.reject.bad_amount', { value: textAt(cells, col.amount) });
    const isRefund = statusText === '退款成功' || (itemText?.startsWith('退款-') ?? false);
    // [inferred] A refund row shares the order id with its purchase, whose suffix states how
    // much came back: the pair is (order id, refunded fen). No sample proves the shared id.
    const refundedFen = refunded === 'full' ? gross : refunded;
    return orderRow(cells, col, {
      when,
      orderId: id,
      amountFen,
      direction: directionOf(textAt(cells, col.direction), DIRECTIONS),
      status: statusText,
      statusClass: !isRefund && refunded === 'full' ? 'closed' : statusClassOf(statusText, isRefund),
      // Several space-separated categories (`服饰内衣 运动户外`) are kept as written.
      category: optionalAt(cells, col.category),
      counterparty: optionalAt(cells, col.merchant),
      item: itemText,
      refundLink: isRefund ? { by: 'pair_key', key: `${id}|${amountFen}` } : null,
      pairKey: refundedFen !== null && !isRefund ? `${id}|${refundedFen}` : null,
    });
  };
}

export const jd: PlatformSpec = {
  platform: 'jd',
  label: { 'zh-CN': '京东', en: 'JD' },
  layouts: [{ variant: 'csv', required: requiredColumns(COLUMNS) }],
  markers: [/京东账号名/],
  createMapper: mapper,
};
