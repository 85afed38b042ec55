-- What the derivation writes (every account's packed events, monthly history and summary) gets a
-- counter of its own, beside `ledger_inputs` (what it is computed from, migration 0008): while
-- neither moved, every account a snapshot and the what-if's history inputs read is as it was, and
-- a reader that kept them reads again only the rest (queries, observed scores, profile facts,
-- settings: core/whatif/base.ts). The triggers are the tables' own, so no writer can forget them;
-- `version` and `ledger_inputs` move as before.
ALTER TABLE data_version ADD COLUMN ledger_outputs INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER credit_account_events_insert_ledger_outputs AFTER INSERT ON credit_account_events BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_events_update_ledger_outputs AFTER UPDATE ON credit_account_events BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_events_delete_ledger_outputs AFTER DELETE ON credit_account_events BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_histories_insert_ledger_outputs AFTER INSERT ON credit_account_histories BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_histories_update_ledger_outputs AFTER UPDATE ON credit_account_histories BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_histories_delete_ledger_outputs AFTER DELETE ON credit_account_histories BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_summaries_insert_ledger_outputs AFTER INSERT ON credit_account_summaries BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_summaries_update_ledger_outputs AFTER UPDATE ON credit_account_summaries BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
CREATE TRIGGER credit_account_summaries_delete_ledger_outputs AFTER DELETE ON credit_account_summaries BEGIN UPDATE data_version SET ledger_outputs = ledger_outputs + 1; END;
