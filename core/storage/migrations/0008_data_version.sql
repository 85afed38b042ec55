-- The data version: counters that SQL triggers move on every write, so that no writer (the app's
-- own code, an import on its own connection, or raw SQL the app does not wrap) can forget to say
-- that the data changed.
--
--   version        moves on every insert, update and delete of every table the ledger snapshot
--                  (core/ledger/snapshot.ts) reads, directly or through the derived ledger: a
--                  snapshot read at version v is current while version is still v.
--   ledger_inputs  moves on writes to the tables the derived ledger (accounts and links from
--                  imports, every monthly history: core/ledger/freshness.ts) is computed from,
--                  the derivation's own writes included; the derivation records the value it
--                  left behind, and derives again only when the value moved.
--
-- Not counted, because no snapshot reads them: audit_log (append-only history), score_snapshots
-- (the score history is written from a snapshot), ledger_state (the derivation's own
-- bookkeeping), profile, consents, schema_migrations. A table added later is classified in
-- test/unit/storage.test.ts, which fails until it is.

CREATE TABLE data_version (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  version       INTEGER NOT NULL,
  ledger_inputs INTEGER NOT NULL
);
INSERT INTO data_version (id, version, ledger_inputs) VALUES (1, 0, 0);

-- What the derived ledger is computed from (both counters).
CREATE TRIGGER import_batches_insert_data_version AFTER INSERT ON import_batches BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER import_batches_update_data_version AFTER UPDATE ON import_batches BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER import_batches_delete_data_version AFTER DELETE ON import_batches BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER transactions_insert_data_version AFTER INSERT ON transactions BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER transactions_update_data_version AFTER UPDATE ON transactions BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER transactions_delete_data_version AFTER DELETE ON transactions BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_accounts_insert_data_version AFTER INSERT ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_accounts_update_data_version AFTER UPDATE ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_accounts_delete_data_version AFTER DELETE ON credit_accounts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_account_overrides_insert_data_version AFTER INSERT ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_account_overrides_update_data_version AFTER UPDATE ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_account_overrides_delete_data_version AFTER DELETE ON credit_account_overrides BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_month_facts_insert_data_version AFTER INSERT ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_month_facts_update_data_version AFTER UPDATE ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_month_facts_delete_data_version AFTER DELETE ON credit_month_facts BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_installments_insert_data_version AFTER INSERT ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_installments_update_data_version AFTER UPDATE ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_installments_delete_data_version AFTER DELETE ON credit_installments BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_links_insert_data_version AFTER INSERT ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_links_update_data_version AFTER UPDATE ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER credit_links_delete_data_version AFTER DELETE ON credit_links BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;

-- What the snapshot reads besides (the derived ledger's own tables, query records, observed
-- scores, profile facts, rule settings).
CREATE TRIGGER credit_account_events_insert_data_version AFTER INSERT ON credit_account_events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_events_update_data_version AFTER UPDATE ON credit_account_events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_events_delete_data_version AFTER DELETE ON credit_account_events BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_histories_insert_data_version AFTER INSERT ON credit_account_histories BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_histories_update_data_version AFTER UPDATE ON credit_account_histories BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_histories_delete_data_version AFTER DELETE ON credit_account_histories BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_summaries_insert_data_version AFTER INSERT ON credit_account_summaries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_summaries_update_data_version AFTER UPDATE ON credit_account_summaries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_account_summaries_delete_data_version AFTER DELETE ON credit_account_summaries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_queries_insert_data_version AFTER INSERT ON credit_queries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_queries_update_data_version AFTER UPDATE ON credit_queries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER credit_queries_delete_data_version AFTER DELETE ON credit_queries BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_observations_insert_data_version AFTER INSERT ON score_observations BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_observations_update_data_version AFTER UPDATE ON score_observations BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_observations_delete_data_version AFTER DELETE ON score_observations BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_profile_facts_insert_data_version AFTER INSERT ON score_profile_facts BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_profile_facts_update_data_version AFTER UPDATE ON score_profile_facts BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER score_profile_facts_delete_data_version AFTER DELETE ON score_profile_facts BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_rule_settings_insert_data_version AFTER INSERT ON bureau_rule_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_rule_settings_update_data_version AFTER UPDATE ON bureau_rule_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_rule_settings_delete_data_version AFTER DELETE ON bureau_rule_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_insert_data_version AFTER INSERT ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_update_data_version AFTER UPDATE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_delete_data_version AFTER DELETE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
