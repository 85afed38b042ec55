-- The user's own credit conventions (issue 11): where banks differ, the profile keeps its own value
-- beside the rule table's default (core/rules/repayment-grace.ts, core/rules/debt-to-income.ts),
-- which a read falls back to when no row is stored (core/settings/conventions.ts).
--
--   issuer_grace_rules  one row per card issuer (the lender name the ledger carries, 招商银行):
--                       its 容时 in days and 容差 in fen. The history pass reads them, so their
--                       triggers move both data-version counters (migration 0008): a change
--                       recomputes every monthly history.
CREATE TABLE issuer_grace_rules (
  lender        TEXT PRIMARY KEY CHECK (length(lender) BETWEEN 1 AND 60),
  grace_days    INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 30),
  tolerance_fen INTEGER NOT NULL CHECK (tolerance_fen BETWEEN 0 AND 100000),
  updated_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER issuer_grace_rules_insert_data_version AFTER INSERT ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER issuer_grace_rules_update_data_version AFTER UPDATE ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;
CREATE TRIGGER issuer_grace_rules_delete_data_version AFTER DELETE ON issuer_grace_rules BEGIN UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1; END;

-- bureau_settings gains key 'debt_to_income': {"revolvingShareOfUsed": 0.05}, the share of a
-- revolving line's balance in use that the debt-to-income rule counts as monthly debt. Rebuilt for
-- the wider CHECK, as in 0011; its data-version triggers go with the old table and are made again.
CREATE TABLE bureau_settings_new (
  key        TEXT PRIMARY KEY CHECK (key IN ('hard_query_reasons', 'band_caps', 'debt_to_income')),
  value_json TEXT NOT NULL CHECK (
    json_valid(value_json)
    AND json_type(value_json) = CASE key WHEN 'hard_query_reasons' THEN 'array' ELSE 'object' END
  ),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO bureau_settings_new SELECT key, value_json, updated_at FROM bureau_settings;
DROP TABLE bureau_settings;
ALTER TABLE bureau_settings_new RENAME TO bureau_settings;
CREATE TRIGGER bureau_settings_insert_data_version AFTER INSERT ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_update_data_version AFTER UPDATE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_delete_data_version AFTER DELETE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
