-- Issue 16. A transaction's raw row (the export's own cells) is stored as a JSON array of its
-- values; the header names they belong to, once per import in import_raw_columns
-- (core/storage/raw-rows.ts, whose rawRowText gives back the object a row was stored as before).
-- The names feed no snapshot: no data-version trigger of their own.
CREATE TABLE import_raw_columns (
  batch_id INTEGER PRIMARY KEY REFERENCES import_batches(id),
  names    TEXT NOT NULL  -- a JSON array of the header names, in the order of each raw_row's values
);

-- Rows stored before: every row of one import has the names of its first row (one header made
-- them all); a row that does not is left as it was (rawRowText reads it as it is).
INSERT INTO import_raw_columns (batch_id, names)
  SELECT batch_id, credence_raw_names(raw_row) FROM transactions
  WHERE id IN (SELECT min(id) FROM transactions GROUP BY batch_id) AND credence_raw_names(raw_row) IS NOT NULL;
UPDATE transactions SET raw_row = credence_raw_cells(raw_row, (SELECT names FROM import_raw_columns r WHERE r.batch_id = transactions.batch_id))
  WHERE batch_id IN (SELECT batch_id FROM import_raw_columns);
