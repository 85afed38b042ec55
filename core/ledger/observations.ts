// Platform scores the user read in an app (Sesame, WeChat Pay Score, others), with the date.
// These are black boxes (docs/domain/platform-scores.md#black-box-scores): Credence stores what the
// user saw and never computes or "estimates" them here. Ranges are the published ones, used only to
// catch typos.

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import { appendAudit, assertNotImporting, type Db } from '../storage/database.ts';
import { parseDay, today, toUtc8Iso } from '../shared/calendar.ts';
import { SCORE_RANGES } from '../shared/reference-data.ts';
import { OBSERVATION_KINDS, type ObservationKind } from '../shared/ledger-vocabulary.ts';
import { invalid, parseInput, problem } from './validation.ts';

export { OBSERVATION_KINDS, type ObservationKind };

export { SCORE_RANGES };

export const observationSchema = z.strictObject({
  kind: z.enum(OBSERVATION_KINDS),
  label: z.string().trim().min(1).max(40).nullable().optional(),
  value: z.number().int(),
  observedOn: z.string().refine((text) => parseDay(text) !== null),
  note: z.string().trim().max(500).nullable().optional(),
});

/** A recorded score as the ledger answers with it: the wire shape (core/ipc/channels/ledger.ts) and its type. */
export const observationRecordSchema = z.strictObject({
  id: z.number().int(),
  kind: z.enum(OBSERVATION_KINDS),
  label: z.string().nullable(),
  value: z.number().int(),
  observedOn: z.string(),
  note: z.string().nullable(),
});
export type Observation = z.output<typeof observationRecordSchema>;

const COLUMNS = 'id, kind, label, value, observed_on AS observedOn, note';

export function listObservations(db: Db): Observation[] {
  return db.prepare(`SELECT ${COLUMNS} FROM score_observations ORDER BY observed_on DESC, id DESC`).all() as Observation[];
}

function check(input: unknown, asOfDay: number) {
  const o = parseInput(observationSchema, input, { kind: 'kindObservation' });
  const range = SCORE_RANGES[o.kind];
  const problems = [];
  if (o.value < range.min || o.value > range.max) problems.push(problem('value'));
  if (parseDay(o.observedOn)! > asOfDay + 1) problems.push(problem('observedOn'));
  if (o.kind === 'other' && !o.label) problems.push(problem('label', 'other_needs_label'));
  if (problems.length > 0) throw invalid(problems);
  return o;
}

/** Adds (id null) or replaces an observation. */
export function saveObservation(db: Db, id: number | null, input: unknown, options: { actor?: string; asOfDay?: number } = {}): Observation {
  assertNotImporting(db);
  const o = check(input, options.asOfDay ?? today());
  const now = toUtc8Iso();
  const label = o.kind === 'other' ? (o.label ?? null) : null;
  return db.transaction(() => {
    let obsId = id;
    if (obsId === null) {
      obsId = Number(
        db
          .prepare('INSERT INTO score_observations (kind, label, value, observed_on, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(o.kind, label, o.value, o.observedOn, o.note ?? null, now, now).lastInsertRowid,
      );
    } else {
      const changes = db
        .prepare('UPDATE score_observations SET kind = ?, label = ?, value = ?, observed_on = ?, note = ?, updated_at = ? WHERE id = ?')
        .run(o.kind, label, o.value, o.observedOn, o.note ?? null, now, obsId).changes;
      if (changes === 0) throw new CredenceError('ledger.observation_not_found', { id: obsId });
    }
    appendAudit(db, { actor: options.actor ?? 'user', action: id === null ? 'ledger.observation.create' : 'ledger.observation.update', subject: `observation:${obsId}`, details: o });
    return db.prepare(`SELECT ${COLUMNS} FROM score_observations WHERE id = ?`).get(obsId) as Observation;
  })();
}

export function deleteObservation(db: Db, id: number, actor = 'user'): void {
  assertNotImporting(db);
  db.transaction(() => {
    const row = db.prepare(`SELECT ${COLUMNS} FROM score_observations WHERE id = ?`).get(id);
    if (!row) throw new CredenceError('ledger.observation_not_found', { id });
    db.prepare('DELETE FROM score_observations WHERE id = ?').run(id);
    appendAudit(db, { actor, action: 'ledger.observation.delete', subject: `observation:${id}`, details: row });
  })();
}
