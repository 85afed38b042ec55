-- Each import's export period (core/importers/summary.ts), both ends inclusive, UTC+8 wall-clock
-- text like transactions.occurred_at:
--   period_source 'stated': the period the export names (`起始时间：[…] 终止时间：[…]`,
--                           `日期区间：… 至 …`) and which contains every row of the file;
--                 'rows':   the first to the last row's time, when the export states no period or
--                           states one that leaves rows out (import.warn.period_mismatch).
-- The ledger counts the days of an export's period as observed for the products that export
-- shows completely (core/ledger/derive-accounts.ts COMPLETE_SOURCES). NULL on batches imported
-- before this migration: the ledger falls back to their rows' first and last day.
ALTER TABLE import_batches ADD COLUMN period_start TEXT
  CHECK (period_start IS NULL OR period_start GLOB '????-??-??T??:??:??+08:00');
ALTER TABLE import_batches ADD COLUMN period_end TEXT
  CHECK (period_end IS NULL OR period_end GLOB '????-??-??T??:??:??+08:00');
ALTER TABLE import_batches ADD COLUMN period_source TEXT
  CHECK (period_source IS NULL OR period_source IN ('stated', 'rows'));
