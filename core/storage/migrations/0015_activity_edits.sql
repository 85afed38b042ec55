-- The imported rows' activity the Sesame-style estimate reads (core/ledger/activity.ts) is kept
-- and extended with the rows added since it was last read, instead of grouping every row of the
-- profile again after each import and on each open. Rows only ever grow by imports (higher ids);
-- what else can change it is an edit of a column it reads, or a deletion: this counter moves on
-- those, and the kept activity is read again from every row when it moved.
--
-- UPDATE OF names the columns the activity reads: pairing a refund (refund_of) or confirming a
-- row (needs_review, credit_confidence) leaves it as it is. The data version's own counters
-- (migration 0008) stay as they were.
ALTER TABLE data_version ADD COLUMN transaction_edits INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER transactions_update_activity AFTER UPDATE OF occurred_at, platform, status_class, category, counterparty, credit_event ON transactions
BEGIN UPDATE data_version SET transaction_edits = transaction_edits + 1; END;
CREATE TRIGGER transactions_delete_activity AFTER DELETE ON transactions
BEGIN UPDATE data_version SET transaction_edits = transaction_edits + 1; END;
