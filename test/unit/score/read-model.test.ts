// The read model's seam (core/ledger/snapshot.ts → core/bureau/view.ts → the report and both
// scores): once a snapshot is read, the report and the scores with their explanations are pure
// functions of it and a date. The database is closed before they are asked for, so any read of
// it would throw; what-if scenarios will call the same functions with an edited copy.

import { describe, expect, it } from 'vitest';
import { bureauReport, buildReport } from '../../../core/bureau/report.ts';
import { buildBureauView } from '../../../core/bureau/view.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { scoreDatabase, scoreSnapshot } from '../../../core/score/engine.ts';
import { AS_OF, AS_OF_DAY, handLedger, lastMonths, monthlyRows, type LedgerSpec } from './hand-ledger.ts';

/** Two cards (one late in March, one whose reporting is unknown), a hard query, income, an observed Sesame score, paid bills. */
const SPEC: LedgerSpec = {
  cards: [{ from: '2025-01', months: { '2026-03': { status: '1' } } }, { reports: 'unknown', limit: 20_000 }],
  hardQueries: ['2026-10-05'],
  profile: { monthlyIncomeFen: 1_200_000, education: 'bachelor' },
  sesameObserved: { value: 700, on: '2026-11-01' },
  rows: monthlyRows(lastMonths(6), { category: '充值缴费', counterparty: '国家电网' }),
};

function read(): { snapshot: LedgerSnapshot; fromDatabase: { report: ReturnType<typeof bureauReport>; score: ReturnType<typeof scoreDatabase> } } {
  const db = handLedger(SPEC);
  const fromDatabase = { report: bureauReport(db, AS_OF_DAY), score: scoreDatabase(db, AS_OF_DAY) };
  const snapshot = loadLedgerSnapshot(db, AS_OF_DAY);
  db.close();
  return { snapshot, fromDatabase };
}

describe('a ledger snapshot', () => {
  it('is plain data: a structured clone is equal to it', () => {
    const { snapshot } = read();
    expect(structuredClone(snapshot)).toStrictEqual(snapshot);
    expect(snapshot.accounts).toHaveLength(2);
    expect(snapshot.accounts.every((a) => a.months.length > 0)).toBe(true);
  });

  it('gives the same report and scores twice without the database, and the ones read from the database', () => {
    const { snapshot, fromDatabase } = read();
    const report = buildReport(snapshot, AS_OF);
    expect(buildReport(structuredClone(snapshot), AS_OF)).toStrictEqual(report);
    expect(report).toStrictEqual(fromDatabase.report);

    const score = scoreSnapshot(snapshot, buildBureauView(snapshot, AS_OF_DAY));
    const again = structuredClone(snapshot);
    expect(scoreSnapshot(again, buildBureauView(again, AS_OF_DAY))).toStrictEqual(score);
    expect(score).toStrictEqual(fromDatabase.score);
  });

  it('scores an edited copy as the edit says and leaves the original as it was (the what-if seam)', () => {
    const { snapshot } = read();
    const before = { report: buildReport(snapshot, AS_OF), score: scoreSnapshot(snapshot, buildBureauView(snapshot, AS_OF_DAY)) };
    // One more loan application (02 贷款审批, hard by default) the day before the as-of day.
    const edited = structuredClone(snapshot);
    edited.queries.unshift({ id: 99, queriedOn: '2026-11-20', institution: '某银行', institutionType: '11', reasonCode: '02', hard: true, note: null });
    const after = { report: buildReport(edited, AS_OF), score: scoreSnapshot(edited, buildBureauView(edited, AS_OF_DAY)) };
    expect(after.score.inputs.hardQueries12m).toBe(before.score.inputs.hardQueries12m + 1);
    expect(after.report.queries.map((q) => q.id)).toEqual([99, ...before.report.queries.map((q) => q.id)]);
    const hard1m = (r: typeof before.report) => r.lenderView.find((rule) => rule.ruleId === 'hard_queries_1m')!.figure.value;
    expect(hard1m(after.report)).toBe(hard1m(before.report)! + 1);
    expect(buildReport(snapshot, AS_OF)).toStrictEqual(before.report);
  });
});
