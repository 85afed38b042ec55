// Platform scores the user read in an app (Sesame, WeChat Pay Score, others), with the date: one
// kind of manual record (manual-records.ts). These are black boxes
// (docs/domain/platform-scores.md#black-box-scores): Credence stores what the user saw and never
// computes or "estimates" them here. Ranges are the published ones, used only to catch typos.

import { z } from 'zod';
import { parseDay } from '../shared/calendar.ts';
import { SCORE_RANGES } from '../shared/reference-data.ts';
import { OBSERVATION_KINDS, type ObservationKind } from '../shared/ledger-vocabulary.ts';
import { manualRecords } from './manual-records.ts';
import { dateSchema, problem, type FieldProblem } from './validation.ts';

export { OBSERVATION_KINDS, type ObservationKind };

export { SCORE_RANGES };

export const observationSchema = z.strictObject({
  kind: z.enum(OBSERVATION_KINDS),
  label: z.string().trim().min(1).max(40).nullable().optional(),
  value: z.number().int(),
  observedOn: dateSchema,
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

export const observationRecords = manualRecords<typeof observationSchema, Observation>({
  kind: 'observation',
  table: 'score_observations',
  schema: observationSchema,
  columns: { kind: 'kind', label: 'label', value: 'value', observedOn: 'observed_on', note: 'note' },
  orderBy: 'observed_on DESC, id DESC',
  notFound: 'ledger.observation_not_found',
  fieldRules: { kind: 'kindObservation' },
  check: (o, asOfDay) => {
    const range = SCORE_RANGES[o.kind];
    const problems: FieldProblem[] = [];
    if (o.value < range.min || o.value > range.max) problems.push(problem('value'));
    if (parseDay(o.observedOn)! > asOfDay + 1) problems.push(problem('observedOn'));
    if (o.kind === 'other' && !o.label) problems.push(problem('label', 'other_needs_label'));
    return problems;
  },
  // A label names an "other" score only.
  normalise: (o) => ({ ...o, label: o.kind === 'other' ? (o.label ?? null) : null }),
});
