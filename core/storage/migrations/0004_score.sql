-- Scores (issue 5). Amounts integer fen; dates YYYY-MM-DD, UTC+8.
--
--   score_snapshots      both models' results as of a day, taken after each import (and on demand
--                        from the CLI), for the Dashboard's score history. Derived data: a snapshot
--                        is never edited; the numbers are also columns so a chart reads no JSON.
--   score_profile_facts  what the user says about themselves that no bill shows (income, education,
--                        social insurance, phone and address stability…), one row per fact; read by
--                        the Sesame-style estimate (身份特质, 履约能力) and the debt-to-income adjustment.

CREATE TABLE score_snapshots (
  id            INTEGER PRIMARY KEY,
  taken_at      TEXT NOT NULL,
  as_of         TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  trigger       TEXT NOT NULL CHECK (trigger IN ('import', 'manual')),
  bureau_model  TEXT NOT NULL,  -- model id@version
  bureau_score  INTEGER NOT NULL,
  bureau_low    INTEGER NOT NULL,
  bureau_high   INTEGER NOT NULL,
  sesame_model  TEXT NOT NULL,
  sesame_score  INTEGER NOT NULL,
  sesame_low    INTEGER NOT NULL,
  sesame_high   INTEGER NOT NULL,
  detail_json   TEXT NOT NULL   -- points per factor and dimension, for a later "what changed" view
);
CREATE INDEX score_snapshots_as_of ON score_snapshots(as_of, id);

CREATE TABLE score_profile_facts (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
