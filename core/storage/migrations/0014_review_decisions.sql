-- Review by rule (issue 11 item 12; core/ledger/review-by-rule.ts): one decision resolves every
-- event of a rule (and pattern) that waits for review, and keeps each row's prior state so that
-- the decision can be undone. The rows' new state is on transactions itself, which the ledger reads;
-- these two tables are the undo record and no snapshot reads them (no data-version trigger).
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  group_key TEXT NOT NULL,
  rule TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('confirm', 'correct')),
  from_kind TEXT NOT NULL,
  to_kind TEXT,
  row_count INTEGER NOT NULL,
  decided_at TEXT NOT NULL,
  undone_at TEXT
);
CREATE TABLE review_decision_rows (
  decision_id INTEGER NOT NULL REFERENCES review_decisions(id),
  transaction_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
  prior_event TEXT,
  prior_confidence REAL,
  PRIMARY KEY (decision_id, transaction_id)
) WITHOUT ROWID;

-- Huabei purchases no longer ask (the export's 收/付款方式 names 花呗: the row is its own
-- evidence, core/importers/credit-rules.ts alipay.huabei_purchase). Rows an earlier build queued
-- stop waiting too, as the rule now decides; their event and confidence stay as imported.
UPDATE transactions SET needs_review = 0
 WHERE needs_review = 1 AND platform = 'alipay' AND credit_event = 'huabei_purchase' AND direction = 'expense' AND payment_method LIKE '%花呗%';
