// Score snapshots (score_snapshots, migrations 0004 and 0010): both models scored as of a day and
// kept, after each import and on demand, for the Dashboard's score history. A snapshot identical
// to the latest one (same day, models and numbers: a re-import that added nothing) is not stored
// twice. A file the bureau-style score cannot score yet keeps no bureau number (NULL).

import { today, toUtc8Iso } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { scoreDatabase } from './engine.ts';
import type { ModelResult, ScoreReport, SnapshotRow } from './report-schema.ts';

type Trigger = SnapshotRow['trigger'];

type StoredRow = [number, string, string, Trigger, string, number | null, number | null, number | null, string, number, number, number];

const COLUMNS = 'id, taken_at, as_of, trigger, bureau_model, bureau_score, bureau_low, bureau_high, sesame_model, sesame_score, sesame_low, sesame_high';

function toRow(r: StoredRow): SnapshotRow {
  return {
    id: r[0],
    takenAt: r[1],
    asOf: r[2],
    trigger: r[3],
    bureau: { model: r[4], score: r[5], low: r[6], high: r[7] },
    sesame: { model: r[8], score: r[9], low: r[10], high: r[11] },
  };
}

function modelTag(m: ModelResult): string {
  return `${m.modelId}@${m.modelVersion}`;
}

/** Points per factor (and per dimension), for a later "what changed between two snapshots". */
function detail(report: ScoreReport): string {
  const points = (m: ModelResult) => Object.fromEntries(m.factors.map((f) => [f.key, f.points]));
  return JSON.stringify({
    latestMonth: report.latestMonth,
    bureau: { band: report.bureau.band?.id ?? null, factors: points(report.bureau) },
    sesame: { band: report.sesame.band.id, factors: points(report.sesame), dimensions: Object.fromEntries(report.sesame.dimensions.map((d) => [d.id, d.points])) },
  });
}

export function listSnapshots(db: Db): SnapshotRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM score_snapshots ORDER BY as_of, id`).raw().all() as StoredRow[]).map(toRow);
}

function sameAsLatest(db: Db, report: ScoreReport): boolean {
  const last = db.prepare(`SELECT ${COLUMNS} FROM score_snapshots ORDER BY id DESC LIMIT 1`).raw().get() as StoredRow | undefined;
  if (!last) return false;
  const row = toRow(last);
  const same = (stored: SnapshotRow['bureau'], m: ModelResult) =>
    stored.model === modelTag(m) && stored.score === m.score && stored.low === (m.range?.low ?? null) && stored.high === (m.range?.high ?? null);
  return row.asOf === report.asOf && same(row.bureau, report.bureau) && same(row.sesame, report.sesame);
}

/** Scores the profile as of `asOfDay` (default today) and stores the result; returns the stored row, or null when nothing changed. */
export function takeSnapshot(db: Db, trigger: Trigger, asOfDay: number = today()): SnapshotRow | null {
  const report = scoreDatabase(db, asOfDay, { nextActions: false });
  if (sameAsLatest(db, report)) return null;
  const id = Number(
    db
      .prepare(
        `INSERT INTO score_snapshots (taken_at, as_of, trigger, bureau_model, bureau_score, bureau_low, bureau_high, sesame_model, sesame_score, sesame_low, sesame_high, detail_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        toUtc8Iso(),
        report.asOf,
        trigger,
        modelTag(report.bureau),
        report.bureau.score,
        report.bureau.range?.low ?? null,
        report.bureau.range?.high ?? null,
        modelTag(report.sesame),
        report.sesame.score,
        report.sesame.range.low,
        report.sesame.range.high,
        detail(report),
      ).lastInsertRowid,
  );
  return toRow(db.prepare(`SELECT ${COLUMNS} FROM score_snapshots WHERE id = ?`).raw().get(id) as StoredRow);
}

/**
 * After an import: a snapshot, if the import brought anything. A failure here must not fail the
 * import, whose rows are already committed; it is reported to the caller's log instead.
 */
export function snapshotAfterImport(db: Db, onError: (error: unknown) => void = () => {}, asOfDay: number = today()): void {
  try {
    takeSnapshot(db, 'import', asOfDay);
  } catch (error) {
    onError(error);
  }
}
