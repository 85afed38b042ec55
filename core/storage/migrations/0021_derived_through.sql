-- What the derived ledger was last derived from, so that a derivation after an import can take
-- up only the rows the import added (core/ledger/freshness.ts, derive/derive-and-store.ts).
--
--   ledger_edits     moves on every write the derivation reads (the data version's ledger_inputs,
--                    migration 0008) except what an import writes: new transactions, which the
--                    next derivation takes up by id, and import batches, whose periods it
--                    compares. An edit of a row it has derived, a deletion, an account, its
--                    values, the user's links or facts, an issuer's grace rule move it, and the
--                    ledger is derived again from every row.
--   derived_through  the highest transaction id the last derivation took up (written by it).
--
-- An import pairs refunds by updating rows (refund_of), the rows of earlier imports included
-- (their value set again, most often to NULL again): only a change of a column the derivation
-- reads, on a row it has taken up, counts.
ALTER TABLE data_version ADD COLUMN ledger_edits INTEGER NOT NULL DEFAULT 0;
ALTER TABLE data_version ADD COLUMN derived_through INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER credit_accounts_insert_data_version;
CREATE TRIGGER credit_accounts_insert_data_version AFTER INSERT ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_accounts_update_data_version;
CREATE TRIGGER credit_accounts_update_data_version AFTER UPDATE ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_accounts_delete_data_version;
CREATE TRIGGER credit_accounts_delete_data_version AFTER DELETE ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_account_overrides_insert_data_version;
CREATE TRIGGER credit_account_overrides_insert_data_version AFTER INSERT ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_account_overrides_update_data_version;
CREATE TRIGGER credit_account_overrides_update_data_version AFTER UPDATE ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_account_overrides_delete_data_version;
CREATE TRIGGER credit_account_overrides_delete_data_version AFTER DELETE ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_month_facts_insert_data_version;
CREATE TRIGGER credit_month_facts_insert_data_version AFTER INSERT ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_month_facts_update_data_version;
CREATE TRIGGER credit_month_facts_update_data_version AFTER UPDATE ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_month_facts_delete_data_version;
CREATE TRIGGER credit_month_facts_delete_data_version AFTER DELETE ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_installments_insert_data_version;
CREATE TRIGGER credit_installments_insert_data_version AFTER INSERT ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_installments_update_data_version;
CREATE TRIGGER credit_installments_update_data_version AFTER UPDATE ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_installments_delete_data_version;
CREATE TRIGGER credit_installments_delete_data_version AFTER DELETE ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_links_insert_data_version;
CREATE TRIGGER credit_links_insert_data_version AFTER INSERT ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_links_update_data_version;
CREATE TRIGGER credit_links_update_data_version AFTER UPDATE ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER credit_links_delete_data_version;
CREATE TRIGGER credit_links_delete_data_version AFTER DELETE ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER issuer_grace_rules_insert_data_version;
CREATE TRIGGER issuer_grace_rules_insert_data_version AFTER INSERT ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER issuer_grace_rules_update_data_version;
CREATE TRIGGER issuer_grace_rules_update_data_version AFTER UPDATE ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER issuer_grace_rules_delete_data_version;
CREATE TRIGGER issuer_grace_rules_delete_data_version AFTER DELETE ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER import_batches_delete_data_version;
CREATE TRIGGER import_batches_delete_data_version AFTER DELETE ON import_batches BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
DROP TRIGGER transactions_delete_data_version;
CREATE TRIGGER transactions_delete_data_version AFTER DELETE ON transactions BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1; END;
-- The columns a derivation reads of a transaction (derive/credit-rows.ts, derive/write-links.ts).
CREATE TRIGGER transactions_update_ledger_edits AFTER UPDATE OF id, platform, platform_order_id, occurred_epoch, amount_fen, direction, status_class, credit_event, credit_account_key, needs_review, counterparty, payment_method, funding_account, refund_of, batch_id ON transactions
  WHEN OLD.id <= (SELECT derived_through FROM data_version WHERE id = 1)
   AND (OLD.id IS NOT NEW.id OR OLD.platform IS NOT NEW.platform OR OLD.platform_order_id IS NOT NEW.platform_order_id OR OLD.occurred_epoch IS NOT NEW.occurred_epoch OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.direction IS NOT NEW.direction OR OLD.status_class IS NOT NEW.status_class OR OLD.credit_event IS NOT NEW.credit_event OR OLD.credit_account_key IS NOT NEW.credit_account_key OR OLD.needs_review IS NOT NEW.needs_review OR OLD.counterparty IS NOT NEW.counterparty OR OLD.payment_method IS NOT NEW.payment_method OR OLD.funding_account IS NOT NEW.funding_account OR OLD.refund_of IS NOT NEW.refund_of OR OLD.batch_id IS NOT NEW.batch_id)
BEGIN UPDATE data_version SET ledger_edits = ledger_edits + 1; END;
