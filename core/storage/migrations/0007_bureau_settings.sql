-- Settings of the simulated credit report other than the rule thresholds (bureau_rule_settings,
-- 0005), one row per setting the user changed; no row means the default.
--
--   bureau_settings  key 'hard_query_reasons': the query-reason codes (PH010Q03,
--                    docs/domain/pboc-report.md#query-reasons) this profile counts as hard
--                    queries, as a JSON array of code strings (known codes only, validated by
--                    core/bureau/settings.ts). An empty array is
--                    a choice too ("none is hard"); the default {02, 03, 08, 20, 24, 26} is
--                    core/rules/hard-queries.ts.

CREATE TABLE bureau_settings (
  key        TEXT PRIMARY KEY CHECK (key IN ('hard_query_reasons')),
  value_json TEXT NOT NULL CHECK (json_valid(value_json) AND json_type(value_json) = 'array'),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
