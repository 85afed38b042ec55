-- Importer additions (issue 3).
-- credit_account_key groups credit events of one account across platforms and files:
--   'credit_card:交通银行:7449', 'huabei', 'meituan_yuefu', … (see core/importers/credit-rules.ts).
-- refund_of_order_id is the original's order id a refund row names (Alipay `<orig>_<suffix>`);
-- kept so a refund imported before its original is paired when the original arrives.
ALTER TABLE transactions ADD COLUMN credit_account_key TEXT;
ALTER TABLE transactions ADD COLUMN refund_of_order_id TEXT;
CREATE INDEX transactions_unpaired_refunds ON transactions(platform)
  WHERE refund_of IS NULL AND refund_of_order_id IS NOT NULL;
