-- Issue 17. A profile built from the synthetic sample ledger (core/sample) says so in its own row,
-- so that every page can badge it and no consent export takes it for real data unless the person
-- chooses to (core/consent/export.ts). Nothing a snapshot reads: no data-version trigger.
ALTER TABLE profile ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1));

-- The questions of the "complete the picture" checklist (core/checklist) the person dismissed:
-- one row per question key (`<fact>:<account id>` or `<fact>`), kept until they ask again. The
-- checklist reads them; the report and the scores do not (no data-version trigger).
CREATE TABLE checklist_dismissals (
  question_key TEXT PRIMARY KEY CHECK (length(question_key) BETWEEN 1 AND 80),
  dismissed_at TEXT NOT NULL
) WITHOUT ROWID;
