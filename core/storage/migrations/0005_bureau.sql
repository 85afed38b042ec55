-- The simulated credit report (issue 6).
--
--   bureau_rule_settings  the user's own threshold for a lender rule (core/rules/lender-heuristics.ts):
--                         one row per edited rule; no row means the table's default. `warn` and
--                         `fail` are the user's levels (null: no such level); `window_months`
--                         the look-back window for the rules that let the user choose it
--                         (连三累六: 12 or 24 months), null for the default.
-- The monthly income that debt-to-income needs is a profile fact (score_profile_facts, 0004).

CREATE TABLE bureau_rule_settings (
  rule_id       TEXT PRIMARY KEY CHECK (length(rule_id) BETWEEN 1 AND 40),
  warn          REAL CHECK (warn IS NULL OR warn >= 0),
  fail          REAL CHECK (fail IS NULL OR fail >= 0),
  window_months INTEGER CHECK (window_months IS NULL OR window_months IN (12, 24)),
  updated_at    TEXT NOT NULL
) WITHOUT ROWID;
