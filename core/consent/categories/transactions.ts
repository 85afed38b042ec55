// Imported transactions (core/importers): what each bill row said, never the raw row itself.

import { column, type CategorySource } from './types.ts';

export const transactionsCategory: CategorySource = {
  code: 'transactions',
  label: { 'zh-CN': '交易明细', en: 'Transactions' },
  purpose: {
    'zh-CN': '从支付宝、微信、银行账单导入的每一笔交易：时间、金额、对方、商品和支付方式，用于核对消费和还款。',
    en: 'Every transaction imported from Alipay, WeChat Pay and bank bills: time, amount, counterparty, item and payment method, to check spending and repayments.',
  },
  sensitive: true,
  restricted: [],
  columns: [
    column('transactionId', 'integer', '记录编号', 'Record id'),
    column('occurredAt', 'datetime', '交易时间', 'Time'),
    column('platform', 'text', '平台', 'Platform'),
    column('direction', 'text', '收支', 'Direction'),
    column('amountFen', 'fen', '金额（分）', 'Amount (fen)'),
    column('statusClass', 'text', '交易状态', 'Status'),
    column('category', 'text', '交易分类', 'Category'),
    column('counterparty', 'text', '交易对方', 'Counterparty'),
    column('item', 'text', '商品说明', 'Item'),
    column('paymentMethod', 'text', '支付方式', 'Payment method'),
    column('creditEvent', 'text', '信用事件', 'Credit event'),
  ],
  collect(db) {
    return db
      .prepare(
        `SELECT id AS transactionId, occurred_at AS occurredAt, platform, direction, amount_fen AS amountFen,
                status_class AS statusClass, category, counterparty, item, payment_method AS paymentMethod,
                credit_event AS creditEvent
           FROM transactions ORDER BY occurred_epoch, id`,
      )
      .all() as ReturnType<CategorySource['collect']>;
  },
};
