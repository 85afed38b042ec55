-- The transactions page (issue 17; core/ledger/transaction-list.ts) pages every imported row
-- newest first and filters by date, platform, direction, file, credit event, category and text.
--
-- One index serves all of it, in place of transactions_time (occurred_epoch), so that an import
-- still maintains two indexes on transactions, not three:
--   - (occurred_epoch, id) leads, in the order the page lists rows: a page is a range read from a
--     keyset cursor (occurred_epoch, id), never an OFFSET, and a date range is a range of it;
--   - the filtered and summed columns follow, so a filter is tested, and the page's counts and
--     totals are summed, inside the index, without reading the table rows (raw_row makes a table
--     row about 6 times the size of its index entry);
--   - counterparty and item last: the text filter's LIKE is tested in the index too.
-- Every reader of transactions_time (the ledger's ORDER BY occurred_epoch) reads its prefix.
DROP INDEX transactions_time;
CREATE INDEX transactions_list ON transactions(
  occurred_epoch, id, platform, direction, amount_fen, batch_id, credit_event, category, counterparty, item
);
