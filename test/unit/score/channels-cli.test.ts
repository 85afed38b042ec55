// The engine behind its doors: the IPC channels (responses checked against the contract by the
// dispatcher), the snapshot taken when an import finishes, and `credence score`, which must say
// exactly what the channel says.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import type { Envelope } from '../../../core/ipc/contract.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { today } from '../../../core/shared/calendar.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { listSnapshots, takeSnapshot } from '../../../core/score/snapshots.ts';
import type { ScoreReport, SnapshotRow } from '../../../core/score/report-schema.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF, AS_OF_DAY, handLedger } from './hand-ledger.ts';

function setup() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: 't', transport: 'test', emit: () => {} }));
  const profile = store.create('评分');
  return { store, dispatch, profile };
}

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message.en}`);
  return envelope.value as T;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('score channels', () => {
  it('answer the report, history and profile facts within the contract; an import leaves a snapshot', async () => {
    const { store, dispatch, profile } = setup();
    const empty = unwrap<ScoreReport>(await dispatch('score.report', { profileId: profile.id }));
    expect(empty.inputs.accounts).toBe(0);
    expect(unwrap<{ snapshots: SnapshotRow[] }>(await dispatch('score.history', { profileId: profile.id })).snapshots).toEqual([]);

    const files = [{ name: 'meituan-2025.csv', dataBase64: readFileSync(bill('meituan/meituan-2025.csv')).toString('base64') }];
    unwrap(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files }));
    const report = unwrap<ScoreReport>(await dispatch('score.report', { profileId: profile.id }));
    expect(report.inputs.accounts).toBeGreaterThan(0);
    const [snapshot] = unwrap<{ snapshots: SnapshotRow[] }>(await dispatch('score.history', { profileId: profile.id })).snapshots;
    expect(snapshot).toMatchObject({ trigger: 'import', asOf: report.asOf, bureau: { score: report.bureau.score }, sesame: { score: report.sesame.score } });

    // The same bytes again add nothing, and the snapshot is not repeated.
    unwrap(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files }));
    expect(unwrap<{ snapshots: SnapshotRow[] }>(await dispatch('score.history', { profileId: profile.id })).snapshots).toHaveLength(1);
    store.close();
  });

  it('save profile facts, and name each bad field in both languages', async () => {
    const { store, dispatch, profile } = setup();
    const saved = unwrap<{ facts: Record<string, unknown> }>(
      await dispatch('score.profile.save', { profileId: profile.id, input: { occupation: '教师', monthlyIncomeFen: 1_200_000, socialInsurance: true } }),
    );
    expect(saved.facts).toMatchObject({ occupation: '教师', monthlyIncomeFen: 1_200_000, socialInsurance: true, education: null });
    const bad = await dispatch('score.profile.save', { profileId: profile.id, input: { phoneYears: -1, education: 'phd', colour: 'red' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('score.invalid_profile');
      const fields = (bad.error.details.fields as { field: string }[]).map((f) => f.field).sort();
      expect(fields).toEqual(['colour', 'education', 'phoneYears']);
      expect(bad.error.message['zh-CN']).toContain('手机号使用年数');
    }
    // The audit keeps which facts changed, never the income itself.
    const audit = store.database(profile.id).prepare("SELECT details_json FROM audit_log WHERE action = 'score.profile.update'").pluck().get() as string;
    expect(audit).not.toContain('1200000');
    store.close();
  });
});

describe('snapshots', () => {
  it('are kept once per change', () => {
    const db = handLedger({ cards: [{}] });
    const first = takeSnapshot(db, 'manual', AS_OF_DAY);
    expect(first).toMatchObject({ asOf: AS_OF, trigger: 'manual', bureau: { score: 560, low: 560, high: 560, model: 'credence-bureau@1.0.0' } });
    expect(takeSnapshot(db, 'manual', AS_OF_DAY)).toBeNull();
    expect(listSnapshots(db)).toHaveLength(1);
    db.close();
  });
});

describe('credence score', () => {
  it('--json prints the report the engine gives, both models with factors, reasons, range and next action', async () => {
    // 60 days late in July, 30 in August, nothing overdue now: the delinquent card reads 519 (band C,
    // 1 below B's 520), and waiting until both leave its six months reaches B (keep_on_time). A single
    // cured late would be a pattern the fitting file lacks (scored from the clean card: band A, no step).
    const db = handLedger({ cards: [{ months: { '2026-07': { status: '2' }, '2026-08': { status: '1' } } }] });
    const file = db.name;
    const expected = scoreDatabase(db, AS_OF_DAY);
    db.close();
    const run = await cli(['score', '--db', file, '--as-of', AS_OF, '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.out) as ScoreReport;
    expect(printed).toEqual(expected);
    expect(printed.bureau.score).toBe(519);
    expect(printed.bureau.band?.id).toBe('c');
    expect(printed.bureau.scorability?.scorable).toBe(true);
    expect(printed.bureau.nextAction?.kind).toBe('keep_on_time');
    expect(printed.bureau.factors.find((f) => f.key === 'current_months_late')).toMatchObject({ points: 44, maxPoints: 44 });
  });

  it('prints a readable summary in either language, and keeps history and profile facts', async () => {
    const db = handLedger({ cards: [{}] });
    const file = db.name;
    db.close();
    const zh = await cli(['score', '--db', file, '--as-of', AS_OF]);
    expect(zh.out).toContain('Credence 征信风格评分 v1: 560');
    expect(zh.out).toContain('芝麻分示意估算 v1');
    expect(zh.out).toContain('不是蚂蚁的算法');
    const en = await cli(['score', '--db', file, '--as-of', AS_OF, '--lang', 'en']);
    expect(en.out).toContain('Credence bureau-style score v1: 560');
    expect(en.out).toMatch(/Sesame-style estimate v1: \d+ \(\d+–\d+\)/);

    expect((await cli(['settings', 'facts', 'monthlyIncome=12000', 'occupation=教师', '--db', file, '--json'])).out).toContain('"monthlyIncomeFen": 1200000');
    expect((await cli(['score', 'snapshot', '--db', file, '--as-of', AS_OF, '--json'])).code).toBe(0);
    const history = JSON.parse((await cli(['score', 'history', '--db', file, '--json'])).out) as { snapshots: SnapshotRow[] };
    expect(history.snapshots.map((s) => s.trigger)).toEqual(['manual']);
    expect((await cli(['score', 'nonsense', '--db', file])).code).toBe(2);
  });

  it('scores today when no day is given', async () => {
    const db = handLedger({ cards: [{}] });
    const file = db.name;
    db.close();
    const run = await cli(['score', '--db', file, '--json']);
    const { formatDay } = await import('../../../core/shared/calendar.ts');
    expect((JSON.parse(run.out) as ScoreReport).asOf).toBe(formatDay(today()));
  });
});
