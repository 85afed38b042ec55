// Credit-report query records (查询记录), entered by hand from the user's report or memory.
// Reason codes: reference-data.ts; which are hard: the profile's set (core/rules/hard-queries.ts).

import { z } from 'zod';
import { readHardQueryReasons } from '../settings/bureau-settings.ts';
import { CredenceError } from '../shared/errors.ts';
import { isHardQuery } from '../rules/hard-queries.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { parseDay, toUtc8Iso } from '../shared/calendar.ts';
import { QUERY_REASON_CODES, QUERY_REASONS } from '../shared/reference-data.ts';
import { INSTITUTION_TYPES } from '../shared/ledger-vocabulary.ts';
import { parseInput } from './validation.ts';
export { QUERY_REASON_CODES, QUERY_REASONS };

export const querySchema = z.strictObject({
  queriedOn: z.string().refine((text) => parseDay(text) !== null),
  institution: z.string().trim().min(1).max(100),
  institutionType: z.enum(INSTITUTION_TYPES).nullable().optional(),
  reasonCode: z.enum(QUERY_REASON_CODES),
  note: z.string().trim().max(500).nullable().optional(),
});

/** A query record as the ledger answers with it: the wire shape (core/ipc/channels/ledger.ts) and its type. */
export const queryRecordSchema = z.strictObject({
  id: z.number().int(),
  queriedOn: z.string(),
  institution: z.string(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  reasonCode: z.string(),
  /** By the profile's own set of hard reason codes. */
  hard: z.boolean(),
  note: z.string().nullable(),
});
export type QueryRecord = z.output<typeof queryRecordSchema>;

const COLUMNS = 'id, queried_on AS queriedOn, institution, institution_type AS institutionType, reason_code AS reasonCode, note';

/** `hard` by the profile's own set of hard reason codes. */
function withHard(db: Db): (row: Omit<QueryRecord, 'hard'>) => QueryRecord {
  const { codes } = readHardQueryReasons(db);
  return (row) => ({ ...row, hard: isHardQuery(row.reasonCode, codes) });
}

export function listQueries(db: Db): QueryRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM credit_queries ORDER BY queried_on DESC, id DESC`).all() as Omit<QueryRecord, 'hard'>[]).map(withHard(db));
}

/** Adds (id null) or replaces a query record. */
export function saveQuery(db: Db, id: number | null, input: unknown, actor = 'user'): QueryRecord {
  assertNotImporting(db);
  const q = parseInput(querySchema, input);
  const now = toUtc8Iso();
  return db.transaction(() => {
    let queryId = id;
    if (queryId === null) {
      queryId = Number(
        db
          .prepare('INSERT INTO credit_queries (queried_on, institution, institution_type, reason_code, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(q.queriedOn, q.institution, q.institutionType ?? null, q.reasonCode, q.note ?? null, now, now).lastInsertRowid,
      );
    } else {
      const changes = db
        .prepare('UPDATE credit_queries SET queried_on = ?, institution = ?, institution_type = ?, reason_code = ?, note = ?, updated_at = ? WHERE id = ?')
        .run(q.queriedOn, q.institution, q.institutionType ?? null, q.reasonCode, q.note ?? null, now, queryId).changes;
      if (changes === 0) throw new CredenceError('ledger.query_not_found', { id: queryId });
    }
    appendAudit(db, { actor, action: id === null ? 'ledger.query.create' : 'ledger.query.update', subject: `query:${queryId}`, details: q });
    return withHard(db)(db.prepare(`SELECT ${COLUMNS} FROM credit_queries WHERE id = ?`).get(queryId) as Omit<QueryRecord, 'hard'>);
  })();
}

export function deleteQuery(db: Db, id: number, actor = 'user'): void {
  assertNotImporting(db);
  db.transaction(() => {
    const row = db.prepare(`SELECT ${COLUMNS} FROM credit_queries WHERE id = ?`).get(id);
    if (!row) throw new CredenceError('ledger.query_not_found', { id });
    db.prepare('DELETE FROM credit_queries WHERE id = ?').run(id);
    appendAudit(db, { actor, action: 'ledger.query.delete', subject: `query:${id}`, details: row });
  })();
}
