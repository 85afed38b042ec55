// Credit-report query records (查询记录), entered by hand from the user's report or memory: one
// kind of manual record (manual-records.ts). Reason codes: reference-data.ts; which are hard: the
// profile's set (core/rules/hard-queries.ts).

import { z } from 'zod';
import { readHardQueryReasons } from '../settings/bureau-settings.ts';
import { isHardQuery } from '../rules/hard-queries.ts';
import { QUERY_REASON_CODES, QUERY_REASONS } from '../shared/reference-data.ts';
import { INSTITUTION_TYPES } from '../shared/ledger-vocabulary.ts';
import { manualRecords } from './manual-records.ts';
import { dateSchema } from './validation.ts';
export { QUERY_REASON_CODES, QUERY_REASONS };

export const querySchema = z.strictObject({
  queriedOn: dateSchema,
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

export const queryRecords = manualRecords<typeof querySchema, QueryRecord>({
  kind: 'query',
  table: 'credit_queries',
  schema: querySchema,
  columns: { queriedOn: 'queried_on', institution: 'institution', institutionType: 'institution_type', reasonCode: 'reason_code', note: 'note' },
  orderBy: 'queried_on DESC, id DESC',
  notFound: 'ledger.query_not_found',
  // `hard` by the profile's own set of hard reason codes.
  present: (db) => {
    const { codes } = readHardQueryReasons(db);
    return (row: Omit<QueryRecord, 'hard'>): QueryRecord => ({ ...row, hard: isHardQuery(row.reasonCode, codes) });
  },
});
