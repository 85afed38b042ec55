-- Score snapshots of a file the bureau-style score cannot score yet (issue 11, thin files): the
-- bureau columns hold no number then (NULL), as the score shows none; the estimate always has one.
-- SQLite cannot drop a NOT NULL in place, so the table is rebuilt with its rows and its index.
-- score_snapshots is not read by a ledger snapshot (migration 0008): no data-version triggers.

CREATE TABLE score_snapshots_new (
  id            INTEGER PRIMARY KEY,
  taken_at      TEXT NOT NULL,
  as_of         TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  trigger       TEXT NOT NULL CHECK (trigger IN ('import', 'manual')),
  bureau_model  TEXT NOT NULL,  -- model id@version
  bureau_score  INTEGER,        -- NULL: not scorable yet
  bureau_low    INTEGER,
  bureau_high   INTEGER,
  sesame_model  TEXT NOT NULL,
  sesame_score  INTEGER NOT NULL,
  sesame_low    INTEGER NOT NULL,
  sesame_high   INTEGER NOT NULL,
  detail_json   TEXT NOT NULL,
  CHECK ((bureau_score IS NULL) = (bureau_low IS NULL) AND (bureau_score IS NULL) = (bureau_high IS NULL))
);
INSERT INTO score_snapshots_new SELECT * FROM score_snapshots;
DROP TABLE score_snapshots;
ALTER TABLE score_snapshots_new RENAME TO score_snapshots;
CREATE INDEX score_snapshots_as_of ON score_snapshots(as_of, id);

-- bureau_settings gains key 'band_caps' (issue 11, a failing lender rule caps the score's band):
-- the user's cap per lender rule id, a JSON object of band id or null (core/settings/bureau-settings.ts);
-- no row keeps the convention's defaults (core/score/models/bureau-bands-v1.ts). Rebuilt for the
-- wider CHECK; its data-version triggers (0008) go with the old table and are made again.
CREATE TABLE bureau_settings_new (
  key        TEXT PRIMARY KEY CHECK (key IN ('hard_query_reasons', 'band_caps')),
  value_json TEXT NOT NULL CHECK (
    json_valid(value_json)
    AND json_type(value_json) = CASE key WHEN 'band_caps' THEN 'object' ELSE 'array' END
  ),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO bureau_settings_new SELECT key, value_json, updated_at FROM bureau_settings;
DROP TABLE bureau_settings;
ALTER TABLE bureau_settings_new RENAME TO bureau_settings;
CREATE TRIGGER bureau_settings_insert_data_version AFTER INSERT ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_update_data_version AFTER UPDATE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
CREATE TRIGGER bureau_settings_delete_data_version AFTER DELETE ON bureau_settings BEGIN UPDATE data_version SET version = version + 1; END;
