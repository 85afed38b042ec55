-- Credence schema v1. Amounts are integer fen. Times are stored as the export's wall-clock text
-- with its explicit offset (e.g. 2023-02-12T21:32:14+08:00) plus epoch seconds for ordering.

CREATE TABLE profile (
  id          INTEGER PRIMARY KEY CHECK (id = 1),  -- one profile per database file
  uuid        TEXT NOT NULL,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  created_at  TEXT NOT NULL
);

CREATE TABLE import_batches (
  id            INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  platform      TEXT NOT NULL,
  variant       TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  report_json   TEXT
);

CREATE TABLE transactions (
  id                INTEGER PRIMARY KEY,
  batch_id          INTEGER NOT NULL REFERENCES import_batches(id),
  platform          TEXT NOT NULL,
  platform_order_id TEXT NOT NULL,
  merchant_order_id TEXT,
  occurred_at       TEXT NOT NULL CHECK (occurred_at GLOB '????-??-??T??:??:??[+-]??:??'),
  occurred_epoch    INTEGER NOT NULL,
  amount_fen        INTEGER NOT NULL CHECK (amount_fen >= 0),
  direction         TEXT NOT NULL CHECK (direction IN ('income', 'expense', 'neutral')),
  status            TEXT NOT NULL,
  status_class      TEXT NOT NULL DEFAULT 'completed'
                    CHECK (status_class IN ('completed', 'closed', 'refund', 'pending', 'failed')),
  category          TEXT,
  counterparty      TEXT,
  item              TEXT,
  payment_method    TEXT,
  funding_account   TEXT,
  refund_of         INTEGER REFERENCES transactions(id),
  credit_event      TEXT,
  credit_confidence REAL,
  needs_review      INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
  raw_row           TEXT NOT NULL,
  source_line       INTEGER NOT NULL
);
-- Dedupe key: a re-import of the same file, or the same rows from a ZIP and loose, adds nothing.
CREATE UNIQUE INDEX transactions_dedupe ON transactions(platform, platform_order_id);
CREATE INDEX transactions_time ON transactions(occurred_epoch);

CREATE TABLE credit_accounts (
  id                 INTEGER PRIMARY KEY,
  product            TEXT NOT NULL CHECK (product IN ('huabei', 'jiebei', 'weilidai', 'baitiao',
                       'meituan_yuefu', 'credit_card', 'bank_loan', 'mortgage', 'car_loan', 'other')),
  name               TEXT NOT NULL,
  lender             TEXT,
  institution_type   TEXT,
  limit_fen          INTEGER CHECK (limit_fen IS NULL OR limit_fen >= 0),
  principal_fen      INTEGER CHECK (principal_fen IS NULL OR principal_fen >= 0),
  opened_on          TEXT,
  closed_on          TEXT,
  statement_day      INTEGER CHECK (statement_day IS NULL OR statement_day BETWEEN 1 AND 31),
  due_day            INTEGER CHECK (due_day IS NULL OR due_day BETWEEN 1 AND 31),
  reports_to_bureau  TEXT NOT NULL DEFAULT 'unknown' CHECK (reports_to_bureau IN ('yes', 'no', 'unknown')),
  bureau_since_month TEXT,
  bureau_type        TEXT CHECK (bureau_type IS NULL OR bureau_type IN ('D1', 'R4', 'R1', 'R2', 'R3')),
  source             TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'derived')),
  match_key          TEXT,
  details_json       TEXT NOT NULL DEFAULT '{}',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE UNIQUE INDEX credit_accounts_match ON credit_accounts(match_key) WHERE match_key IS NOT NULL;

CREATE TABLE consents (
  id          INTEGER PRIMARY KEY,
  purpose     TEXT NOT NULL,
  scope_json  TEXT NOT NULL,
  recipient   TEXT NOT NULL,
  granted_at  TEXT NOT NULL,
  expires_at  TEXT,
  revoked_at  TEXT,
  CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
);

-- Append-only: what happened to this profile's data, and when. Triggers refuse edits.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  subject    TEXT,
  details_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
