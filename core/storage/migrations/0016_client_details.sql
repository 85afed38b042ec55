-- An adviser's roster (issue 15; core/settings/client-details.ts): what the adviser keeps about the
-- client a profile belongs to. It stays in the profile's own database, so an encrypted profile
-- keeps it encrypted, and it goes when the profile is deleted. One row at most. phone holds the
-- digits as normalised (an optional leading +); tags_json a JSON array of short labels;
-- archived_at the UTC+8 time the profile left the roster's default view (NULL while active).
-- No snapshot reads it, so no data-version trigger watches it.
CREATE TABLE client_details (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  phone TEXT CHECK (phone IS NULL OR phone GLOB '[+0-9]*'),
  tags_json TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  archived_at TEXT,
  updated_at TEXT NOT NULL
);
