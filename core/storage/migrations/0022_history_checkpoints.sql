-- Where an account's monthly history pass can start again on a later day (core/ledger/recompute/
-- day-checkpoints.ts): the pass's state after the last month whose days, grace days included,
-- all came before the day it was computed for, and how much of the stored months_json those
-- months are. Those months read nothing after that day, so a pass for a later day over the same
-- inputs goes through them alike, and starts after them instead of from the account's first
-- month. `inputs` is what it was computed from (this code's versions and data_version.
-- ledger_inputs): a checkpoint serves only while every input is as it was, the day aside.
--
-- A cache: no report or score reads it (no data-version triggers), and a derivation from scratch
-- clears it.
CREATE TABLE credit_account_checkpoints (
  account_id INTEGER PRIMARY KEY REFERENCES credit_accounts(id) ON DELETE CASCADE,
  inputs TEXT NOT NULL,
  state TEXT NOT NULL
);
