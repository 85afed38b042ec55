// Manual records: what the user copies by hand off a report or out of an app, each kind in its own
// table and never touched by an import: credit-report query records (queries.ts) and observed
// platform scores (observations.ts). Every kind has one shape: a strict schema for what the user
// enters, the column each of its fields is stored in, and list / save (add, or replace by id) /
// remove. Every write is validated (each bad field named in both languages), refused while an
// import runs, atomic, and audited as `ledger.<kind>.create|update|delete` on `<kind>:<id>`.

import type { z } from 'zod';
import type { ErrorCode } from '../shared/errors.ts';
import { CredenceError } from '../shared/errors.ts';
import { toUtc8Iso, today } from '../shared/calendar.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { invalid, parseInput, type FieldProblem } from './validation.ts';

type Fields<Schema extends z.ZodObject> = z.output<Schema>;

export interface ManualRecordSpec<Schema extends z.ZodObject, Row extends { id: number }, Shown> {
  /** Names the audit actions and subjects. */
  kind: string;
  table: string;
  schema: Schema;
  /** The column each field of the schema is stored in (a field left out is stored as NULL). */
  columns: { [K in keyof Fields<Schema>]-?: string };
  orderBy: string;
  notFound: ErrorCode;
  /** A field whose sentence in FIELD_RULES has another name (`kind` → `kindObservation`). */
  fieldRules?: Record<string, string>;
  /** Rules across fields or against the day, once the schema passed. */
  check?: (record: Fields<Schema>, asOfDay: number) => FieldProblem[];
  /** What is stored of a valid input, where that is not all of it. */
  normalise?: (record: Fields<Schema>) => Fields<Schema>;
  /** A stored row as callers see it (a query's `hard`, by the profile's set): prepared once per read. */
  present?: (db: Db) => (row: Row) => Shown;
}

export interface RecordWriteOptions {
  actor?: string;
  /** The day "today" is for a rule against it (an observed score is not from the future). */
  asOfDay?: number;
}

export interface ManualRecords<Schema extends z.ZodObject, Shown> {
  readonly kind: string;
  readonly schema: Schema;
  list(db: Db): Shown[];
  /** Adds (id null) or replaces a record; returns it as `list` shows it. */
  save(db: Db, id: number | null, input: unknown, options?: RecordWriteOptions): Shown;
  remove(db: Db, id: number, options?: RecordWriteOptions): void;
}

export function manualRecords<Schema extends z.ZodObject, Row extends { id: number }, Shown = Row>(
  spec: ManualRecordSpec<Schema, Row, Shown>,
): ManualRecords<Schema, Shown> {
  const fields = Object.keys(spec.columns) as (keyof Fields<Schema> & string)[];
  const columns = fields.map((field) => spec.columns[field]);
  const select = `SELECT id, ${fields.map((field, i) => `${columns[i]} AS ${field}`).join(', ')} FROM ${spec.table}`;
  const insert = `INSERT INTO ${spec.table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`;
  const update = `UPDATE ${spec.table} SET ${columns.map((column) => `${column} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  const shown = (db: Db): ((row: Row) => Shown) => spec.present?.(db) ?? ((row) => row as unknown as Shown);

  const parse = (input: unknown, asOfDay: number): Fields<Schema> => {
    const record = parseInput(spec.schema, input, spec.fieldRules);
    const problems = spec.check?.(record, asOfDay) ?? [];
    if (problems.length > 0) throw invalid(problems);
    return spec.normalise?.(record) ?? record;
  };

  return {
    kind: spec.kind,
    schema: spec.schema,
    list: (db) => (db.prepare(`${select} ORDER BY ${spec.orderBy}`).all() as Row[]).map(shown(db)),
    save(db, id, input, options = {}) {
      assertNotImporting(db);
      const record = parse(input, options.asOfDay ?? today());
      const values = fields.map((field) => record[field] ?? null);
      const now = toUtc8Iso();
      return db.transaction(() => {
        let recordId = id;
        if (recordId === null) recordId = Number(db.prepare(insert).run(...values, now, now).lastInsertRowid);
        else if (db.prepare(update).run(...values, now, recordId).changes === 0) throw new CredenceError(spec.notFound, { id: recordId });
        appendAudit(db, {
          actor: options.actor ?? 'user',
          action: `ledger.${spec.kind}.${id === null ? 'create' : 'update'}`,
          subject: `${spec.kind}:${recordId}`,
          details: record,
        });
        return shown(db)(db.prepare(`${select} WHERE id = ?`).get(recordId) as Row);
      })();
    },
    remove(db, id, options = {}) {
      assertNotImporting(db);
      db.transaction(() => {
        const row = db.prepare(`${select} WHERE id = ?`).get(id);
        if (!row) throw new CredenceError(spec.notFound, { id });
        db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(id);
        appendAudit(db, { actor: options.actor ?? 'user', action: `ledger.${spec.kind}.delete`, subject: `${spec.kind}:${id}`, details: row });
      })();
    },
  };
}
