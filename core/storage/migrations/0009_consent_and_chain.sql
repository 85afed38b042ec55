-- Consent and export (issue 13), and the audit log as a hash chain.
--
--   consents          one row per consent: the record as granted (record_json, the Kantara-shaped
--                     record of core/consent/records.ts, never rewritten) and the facts added to
--                     it later, each once: withdrawn, superseded by an amendment, expiry recorded.
--                     Its state (active, expired, used up, withdrawn, superseded) follows from
--                     these columns, the clock and its exports (core/consent/state.ts).
--   consent_receipts  every receipt issued (grant, amendment, withdrawal, expiry, supersession),
--                     as issued; audit_id is its entry in the chained log.
--   consent_exports   every package written under a consent: its file name, sha256, size and
--                     manifest (what was sent, never the data itself); audit_id as above.
--   audit_log         gains prev_hash and entry_hash (core/storage/audit-chain.ts): the entries
--                     written before this migration are chained here, in id order.
-- Times are +08:00 wall-clock text of one fixed width, so text order is time order.
-- The consents table of 0001 never held a row (nothing wrote it); it is replaced.

DROP TABLE consents;

CREATE TABLE consents (
  id             TEXT PRIMARY KEY CHECK (length(id) = 36),
  record_json    TEXT NOT NULL CHECK (json_valid(record_json)),
  record_sha256  TEXT NOT NULL CHECK (length(record_sha256) = 64),
  granted_at     TEXT NOT NULL CHECK (granted_at GLOB '????-??-??T??:??:??+08:00'),
  expires_at     TEXT NOT NULL CHECK (expires_at GLOB '????-??-??T??:??:??+08:00' AND expires_at > granted_at),
  max_exports    INTEGER NOT NULL CHECK (max_exports BETWEEN 1 AND 100),
  supersedes     TEXT REFERENCES consents(id),
  superseded_by  TEXT REFERENCES consents(id),
  superseded_at  TEXT,
  withdrawn_at   TEXT CHECK (withdrawn_at IS NULL OR withdrawn_at >= granted_at),
  withdrawn_via  TEXT CHECK (withdrawn_via IS NULL OR withdrawn_via IN ('dashboard', 'cli')),
  expired_at     TEXT,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_via IS NULL)),
  CHECK ((superseded_by IS NULL) = (superseded_at IS NULL))
);
CREATE INDEX consents_granted ON consents(granted_at);

-- What was granted stays as granted; each later fact is added once and never changed or removed.
CREATE TRIGGER consents_terms_fixed BEFORE UPDATE ON consents
WHEN NEW.id IS NOT OLD.id OR NEW.record_json IS NOT OLD.record_json OR NEW.record_sha256 IS NOT OLD.record_sha256
  OR NEW.granted_at IS NOT OLD.granted_at OR NEW.expires_at IS NOT OLD.expires_at
  OR NEW.max_exports IS NOT OLD.max_exports OR NEW.supersedes IS NOT OLD.supersedes
  OR (OLD.superseded_by IS NOT NULL AND (NEW.superseded_by IS NOT OLD.superseded_by OR NEW.superseded_at IS NOT OLD.superseded_at))
  OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS NOT OLD.withdrawn_at OR NEW.withdrawn_via IS NOT OLD.withdrawn_via))
  OR (OLD.expired_at IS NOT NULL AND NEW.expired_at IS NOT OLD.expired_at)
BEGIN SELECT RAISE(ABORT, 'consent records are append-only: terms never change'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;

CREATE TABLE consent_receipts (
  id              TEXT PRIMARY KEY CHECK (length(id) = 36),
  consent_id      TEXT NOT NULL REFERENCES consents(id),
  kind            TEXT NOT NULL CHECK (kind IN ('granted', 'amended', 'withdrawn', 'expired', 'superseded')),
  issued_at       TEXT NOT NULL CHECK (issued_at GLOB '????-??-??T??:??:??+08:00'),
  receipt_json    TEXT NOT NULL CHECK (json_valid(receipt_json)),
  receipt_sha256  TEXT NOT NULL CHECK (length(receipt_sha256) = 64),
  audit_id        INTEGER NOT NULL
);
CREATE INDEX consent_receipts_consent ON consent_receipts(consent_id, issued_at);
CREATE TRIGGER consent_receipts_no_update BEFORE UPDATE ON consent_receipts
BEGIN SELECT RAISE(ABORT, 'consent receipts are append-only'); END;
CREATE TRIGGER consent_receipts_no_delete BEFORE DELETE ON consent_receipts
BEGIN SELECT RAISE(ABORT, 'consent receipts are append-only'); END;

CREATE TABLE consent_exports (
  id              TEXT PRIMARY KEY CHECK (length(id) = 36),
  consent_id      TEXT NOT NULL REFERENCES consents(id),
  created_at      TEXT NOT NULL CHECK (created_at GLOB '????-??-??T??:??:??+08:00'),
  file_name       TEXT NOT NULL,
  delivery        TEXT NOT NULL CHECK (delivery IN ('file', 'download')),
  encrypted       INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  package_sha256  TEXT NOT NULL CHECK (length(package_sha256) = 64),
  package_bytes   INTEGER NOT NULL CHECK (package_bytes > 0),
  manifest_json   TEXT NOT NULL CHECK (json_valid(manifest_json)),
  audit_id        INTEGER NOT NULL
);
CREATE INDEX consent_exports_consent ON consent_exports(consent_id, created_at);
CREATE TRIGGER consent_exports_no_update BEFORE UPDATE ON consent_exports
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;
CREATE TRIGGER consent_exports_no_delete BEFORE DELETE ON consent_exports
BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END;

-- The chain. credence_audit_hash is registered by openDatabase (core/storage/audit-chain.ts).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN entry_hash TEXT;

-- Each step looks up the next id by the primary key, so chaining n entries costs n lookups.
CREATE TEMP TABLE audit_chain_backfill AS
  WITH RECURSIVE chain(id, prev, hash) AS (
    SELECT (SELECT min(id) - 1 FROM audit_log), NULL, '0000000000000000000000000000000000000000000000000000000000000000'
    UNION ALL
    SELECT a.id, chain.hash, credence_audit_hash(chain.hash, a.id, a.at, a.actor, a.action, a.subject, a.details_json)
      FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
  )
  SELECT id, prev, hash FROM chain WHERE prev IS NOT NULL;

DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET prev_hash = b.prev, entry_hash = b.hash FROM audit_chain_backfill b WHERE b.id = audit_log.id;
DROP TABLE audit_chain_backfill;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
