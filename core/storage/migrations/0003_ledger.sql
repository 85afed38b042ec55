-- The credit ledger (issue 4). Amounts integer fen; dates YYYY-MM-DD and months YYYY-MM, UTC+8.
--
-- Manual facts and derived facts never share a column, so a re-import cannot overwrite an edit:
--   credit_accounts           identity (product, name, kind, match_key) and the values derived from
--                             imports (principal and open date of a draw; card bank and digits in
--                             details_json). Derived rows are rewritten by every derive; manual rows
--                             (source = 'manual') never are.
--   credit_account_overrides  every value the user entered or edited, one row per field; wins over
--                             the derived value and over the product default (core/ledger/product-defaults.ts).
--   credit_month_facts        what the user entered for a month (amount due, paid, balance, status).
--   credit_installments       分期 plans the user entered.
--   credit_links              which account each credit event belongs to: 'derived' rows are rebuilt
--                             by derive; 'manual' rows (the user's assignment) are kept.
--   credit_account_histories  the derived monthly history (view: credit_account_months); rebuilt
--                             by recompute, never edited (as are credit_account_summaries and
--                             credit_account_events).

ALTER TABLE credit_accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'revolving'
  CHECK (kind IN ('revolving', 'line', 'draw', 'loan'));
ALTER TABLE credit_accounts ADD COLUMN parent_id INTEGER REFERENCES credit_accounts(id) ON DELETE CASCADE;
CREATE INDEX credit_accounts_parent ON credit_accounts(parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE credit_account_overrides (
  account_id  INTEGER NOT NULL REFERENCES credit_accounts(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  value_json  TEXT NOT NULL,  -- the user's value as JSON; null is a value too ("there is none")
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (account_id, field)
) WITHOUT ROWID;

CREATE TABLE credit_month_facts (
  account_id        INTEGER NOT NULL REFERENCES credit_accounts(id) ON DELETE CASCADE,
  month             TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  balance_fen       INTEGER CHECK (balance_fen IS NULL OR balance_fen >= 0),
  amount_due_fen    INTEGER CHECK (amount_due_fen IS NULL OR amount_due_fen >= 0),
  minimum_due_fen   INTEGER CHECK (minimum_due_fen IS NULL OR minimum_due_fen >= 0),
  amount_paid_fen   INTEGER CHECK (amount_paid_fen IS NULL OR amount_paid_fen >= 0),
  status            TEXT CHECK (status IS NULL OR status IN
                      ('N', '1', '2', '3', '4', '5', '6', '7', '*', '#', '/', 'A', 'B', 'C', 'D', 'G', 'M', 'Z')),
  note              TEXT,
  updated_at        TEXT NOT NULL,
  PRIMARY KEY (account_id, month)
) WITHOUT ROWID;

CREATE TABLE credit_installments (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES credit_accounts(id) ON DELETE CASCADE,
  label         TEXT,
  principal_fen INTEGER NOT NULL CHECK (principal_fen > 0),
  fee_fen       INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
  periods       INTEGER NOT NULL CHECK (periods BETWEEN 1 AND 120),
  first_month   TEXT NOT NULL CHECK (first_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX credit_installments_account ON credit_installments(account_id);

CREATE TABLE credit_links (
  transaction_id INTEGER PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
  account_id     INTEGER REFERENCES credit_accounts(id) ON DELETE CASCADE,  -- NULL: the user says "no account"
  role           TEXT NOT NULL CHECK (role IN ('charge', 'payment', 'credit', 'disbursement')),
  source         TEXT NOT NULL CHECK (source IN ('derived', 'manual')),
  basis          TEXT NOT NULL,
  -- Copies of the transaction's UTC+8 day (days since 1970-01-01), amount, batch, platform and
  -- review flag, refreshed by every derive, so that a recompute reads this one table in account
  -- order from its index instead of joining and sorting the transactions.
  day            INTEGER NOT NULL,
  amount_fen     INTEGER NOT NULL,
  batch_id       INTEGER NOT NULL,
  platform       TEXT NOT NULL,
  unconfirmed    INTEGER NOT NULL CHECK (unconfirmed IN (0, 1))
);
CREATE INDEX credit_links_account ON credit_links(account_id, day, role, amount_fen, unconfirmed, batch_id, platform);
CREATE INDEX credit_links_manual ON credit_links(transaction_id) WHERE source = 'manual';

-- One row per account: its months as a JSON array of arrays, in the column order of the view
-- below. A recompute writes an account's row only when its months changed, and one row per
-- account instead of one per month keeps rewriting every history of a 20-year profile fast.
CREATE TABLE credit_account_histories (
  account_id  INTEGER PRIMARY KEY REFERENCES credit_accounts(id) ON DELETE CASCADE,
  months_json TEXT NOT NULL
);

-- The same history, one row per account and month, for reading in SQL.
CREATE VIEW credit_account_months AS
  SELECT h.account_id,
         m.value ->> 0  AS month,
         m.value ->> 1  AS status,
         m.value ->> 2  AS status_source,
         m.value ->> 3  AS reason,
         m.value ->> 4  AS statement_balance_fen,
         m.value ->> 5  AS amount_due_fen,
         m.value ->> 6  AS minimum_due_fen,
         m.value ->> 7  AS amount_paid_fen,
         m.value ->> 8  AS credit_used_fen,
         m.value ->> 9  AS days_past_due,
         m.value ->> 10 AS due_on,
         m.value ->> 11 AS unconfirmed
    FROM credit_account_histories h, json_each(h.months_json) m;

-- Per account, as of the last recompute: balance owed now, the next due date, a loan's settlement.
CREATE TABLE credit_account_summaries (
  account_id   INTEGER PRIMARY KEY REFERENCES credit_accounts(id) ON DELETE CASCADE,
  balance_fen  INTEGER,
  next_due_on  TEXT,
  next_due_fen INTEGER,
  settled_on   TEXT
);

-- Each account's linked events packed in day order, written by derive from credit_links, so that a
-- recompute (after any edit) reads one small row per account instead of every link.
CREATE TABLE credit_account_events (
  account_id INTEGER PRIMARY KEY REFERENCES credit_accounts(id) ON DELETE CASCADE,
  events     BLOB NOT NULL,  -- float64 triples: day number, role code + 8 × unconfirmed, amount in fen
  batches    TEXT NOT NULL   -- JSON array of the import batches the events came from (a card: its bank's statements only)
);

-- Hard queries (查询记录, docs/domain/pboc-report.md#hard-queries) and observed platform scores,
-- both entered by hand.
CREATE TABLE credit_queries (
  id               INTEGER PRIMARY KEY,
  queried_on       TEXT NOT NULL CHECK (queried_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  institution      TEXT NOT NULL CHECK (length(institution) BETWEEN 1 AND 100),
  institution_type TEXT,
  reason_code      TEXT NOT NULL,
  note             TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX credit_queries_date ON credit_queries(queried_on);

CREATE TABLE score_observations (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('sesame', 'wechat_pay_score', 'other')),
  label       TEXT,
  value       INTEGER NOT NULL,
  observed_on TEXT NOT NULL CHECK (observed_on GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX score_observations_date ON score_observations(kind, observed_on);

-- What the stored derivation was computed from (newest transaction and audit entry, as-of day):
-- a read re-derives only when these moved.
CREATE TABLE ledger_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
