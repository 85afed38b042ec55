-- How many bytes each import read: the bytes its file_sha256 is the hash of (core/importers/
-- import-file.ts). Before a file's first row an import looks for an earlier import of the very same
-- bytes, which needs the whole file hashed first, a read of it before the read that parses it; only
-- an import of the same size can be one, so a file of a size no earlier import had skips that read.
-- An import recorded before this migration has no row here: its size is unknown, and while one is
-- kept every file is hashed first, as before. Nothing a report or score reads: no data-version triggers.
CREATE TABLE import_file_bytes (
  batch_id INTEGER PRIMARY KEY REFERENCES import_batches(id),
  bytes    INTEGER NOT NULL
);
