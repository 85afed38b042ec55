// Which query reasons are hard (docs/domain/pboc-report.md#hard-queries): the user's set, per
// profile, with the sourced default and a reset. One function decides it
// (core/rules/hard-queries.ts) and every reader follows the profile's set: the ledger's query list,
// the report's query rows and hard-query rules (with their "safe to apply" days), the lender
// metrics and the score's adjustments.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bureauReport } from '../../../core/bureau/report.ts';
import { readHardQueryReasons, saveHardQueryReasons } from '../../../core/settings/bureau-settings.ts';
import type { BureauReport } from '../../../core/bureau/report-schema.ts';
import { main } from '../../../core/cli/credence.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { QUERY_REASONS } from '../../../core/shared/reference-data.ts';
import { initialiseProfile, ProfileStore } from '../../../core/storage/profile-store.ts';
import { DEFAULT_HARD_QUERY_REASONS, isHardQuery } from '../../../core/rules/hard-queries.ts';
import { computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import { loadLedgerSnapshot } from '../../../core/ledger/snapshot.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF, asOfDay, handMadeLedger } from './fixture-ledger.ts';
import { thrown } from '../../helpers/thrown.ts';

/** A profile database as the app creates it (its profile row too: the CLI opens it as a profile). */
function profileDb() {
  const file = join(tempDir(), 'p.sqlite');
  const db = openDatabase(file);
  initialiseProfile(db, '查询');
  return { file, db };
}

/**
 * handMadeLedger's 信用卡审批 (03) of 05-20, and four 公积金提取复核 (16) in May: not hard by
 * default, so the month holds one hard query; with 16 in the set it holds five (more than 3 warns).
 */
function ledgerWithQueries(db: Db) {
  handMadeLedger(db);
  for (const day of ['2026-05-02', '2026-05-10', '2026-05-12', '2026-05-25']) queryRecords.save(db, null, { queriedOn: day, institution: '住房公积金管理中心', reasonCode: '16' });
}


const rule = (report: BureauReport, id: string) => report.lenderView.find((r) => r.ruleId === id)!;

describe('the default hard set is docs/domain/pboc-report.md#hard-queries', () => {
  it('is {02, 03, 08, 20, 24, 26}: the 1x “before credit” reasons less 16 and 18', () => {
    expect([...DEFAULT_HARD_QUERY_REASONS].sort()).toEqual(['02', '03', '08', '20', '24', '26']);
    const named = (code: string) => QUERY_REASONS.find((r) => r.code === code)!;
    // Hard in every source: 贷款审批, 信用卡审批, 担保资格审查; some add 保前审查.
    expect(['02', '03', '08', '20'].map((code) => named(code).name['zh-CN'])).toEqual(['贷款审批', '信用卡审批', '担保资格审查', '保前审查']);
    for (const code of DEFAULT_HARD_QUERY_REASONS) expect(named(code).group).toBe('before_credit');
    // Neutral: 贷后管理 and 本人查询.
    expect(isHardQuery('01')).toBe(false);
    expect(isHardQuery('self')).toBe(false);
    expect(isHardQuery('02')).toBe(true);
    expect(isHardQuery('16', ['16'])).toBe(true);
    expect(isHardQuery('02', [])).toBe(false);
  });

  it('a profile with nothing saved reads the default, unedited, and the report says so', () => {
    const { db } = profileDb();
    expect(readHardQueryReasons(db)).toEqual({ codes: ['02', '03', '08', '20', '24', '26'], defaults: ['02', '03', '08', '20', '24', '26'], edited: false });
    expect(bureauReport(db, asOfDay).hardQueryReasons).toMatchObject({ edited: false, codes: ['02', '03', '08', '20', '24', '26'], source: expect.stringContaining('docs/domain/pboc-report.md#hard-queries') });
    db.close();
  });
});

describe('the user’s set, stored per profile', () => {
  it('is validated (known codes only), normalised, audited and reset', () => {
    const { db } = profileDb();
    expect(saveHardQueryReasons(db, ['03', '02', '03', '16'])).toEqual({ codes: ['02', '03', '16'], defaults: [...DEFAULT_HARD_QUERY_REASONS], edited: true });
    expect(readHardQueryReasons(db).codes).toEqual(['02', '03', '16']);

    const unknown = thrown(() => saveHardQueryReasons(db, ['02', '99']));
    expect(unknown).toMatchObject({ code: 'bureau.invalid_hard_reasons', details: { fields: [expect.objectContaining({ field: '1', rule: 'unknown_code' })] } });
    expect(unknown.localized['zh-CN']).toContain('不认识的查询原因代码「99」');
    expect(unknown.localized.en).toContain('unknown query-reason code "99"');
    expect(thrown(() => saveHardQueryReasons(db, '02,03'))).toMatchObject({ code: 'bureau.invalid_hard_reasons', details: { fields: [expect.objectContaining({ rule: 'not_a_list' })] } });
    expect(readHardQueryReasons(db).codes).toEqual(['02', '03', '16']); // nothing changed

    // None at all is a choice too, distinct from the default.
    expect(saveHardQueryReasons(db, [])).toMatchObject({ codes: [], edited: true });
    expect(saveHardQueryReasons(db, null)).toMatchObject({ codes: [...DEFAULT_HARD_QUERY_REASONS], edited: false });

    const audit = db.prepare("SELECT action, details_json FROM audit_log WHERE action LIKE 'bureau.hard_reasons.%' ORDER BY id").all() as { action: string; details_json: string }[];
    expect(audit.map((a) => a.action)).toEqual(['bureau.hard_reasons.update', 'bureau.hard_reasons.update', 'bureau.hard_reasons.reset']);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ before: null, after: ['02', '03', '16'] });
    expect(JSON.parse(audit[2]!.details_json)).toMatchObject({ before: [], after: null });
    db.close();
  });

  it('belongs to one profile: another profile keeps the default', () => {
    const a = profileDb();
    const b = profileDb();
    saveHardQueryReasons(a.db, ['02']);
    expect(readHardQueryReasons(b.db)).toMatchObject({ edited: false, codes: [...DEFAULT_HARD_QUERY_REASONS] });
    a.db.close();
    b.db.close();
  });
});

describe('changing the set changes every reader of it', () => {
  it('the ledger’s query list and the report’s query rows mark the new set', () => {
    const { db } = profileDb();
    ledgerWithQueries(db);
    const hardOf = () => Object.fromEntries(queryRecords.list(db).map((q) => [q.reasonCode, q.hard]));
    expect(hardOf()).toEqual({ '03': true, '16': false });
    saveHardQueryReasons(db, ['16']);
    expect(hardOf()).toEqual({ '03': false, '16': true });
    expect(bureauReport(db, asOfDay).queries.map((q) => [q.reasonCode, q.hard])).toEqual([
      ['16', true],
      ['03', false],
      ['16', true],
      ['16', true],
      ['16', true],
    ]);
    db.close();
  });

  it('the bureau’s hard-query counters, their records and the day it is safe to apply again', () => {
    const { db } = profileDb();
    ledgerWithQueries(db);
    const before = bureauReport(db, asOfDay);
    expect(rule(before, 'hard_queries_1m')).toMatchObject({ status: 'pass', figure: { value: 1 }, safeToApply: { warn: AS_OF } });
    expect(rule(before, 'hard_queries_1m').figure.records).toEqual([expect.objectContaining({ kind: 'query', reasonCode: '03' })]);
    expect(rule(before, 'hard_queries_3m').figure.value).toBe(1);

    saveHardQueryReasons(db, [...DEFAULT_HARD_QUERY_REASONS, '16']);
    const after = bureauReport(db, asOfDay);
    expect(after.hardQueryReasons).toMatchObject({ edited: true, codes: ['02', '03', '08', '16', '20', '24', '26'] });
    const month = rule(after, 'hard_queries_1m');
    expect(month).toMatchObject({ status: 'warn', figure: { value: 5 } });
    expect(month.figure.records.map((r) => (r.kind === 'query' ? r.reasonCode : ''))).toEqual(['16', '03', '16', '16', '16']);
    // Five in the month, more than 3 warns: one more stays at 3 once three have left it (05-12 leaves on 06-12).
    expect(month.safeToApply).toMatchObject({ warn: '2026-06-12', fail: null });
    expect(rule(after, 'hard_queries_3m')).toMatchObject({ status: 'warn', figure: { value: 5 } });

    // Without 03 the card approval is not counted either.
    saveHardQueryReasons(db, ['02']);
    expect(rule(bureauReport(db, asOfDay), 'hard_queries_1m').figure.value).toBe(0);
    saveHardQueryReasons(db, null);
    expect(rule(bureauReport(db, asOfDay), 'hard_queries_1m').figure.value).toBe(1);
    db.close();
  });

  it('the lender metrics the scoring engine reads', () => {
    const { db } = profileDb();
    ledgerWithQueries(db);
    expect(computeLenderMetrics(loadLedgerSnapshot(db, asOfDay), AS_OF).hard_queries_1m.value).toBe(1);
    saveHardQueryReasons(db, ['03', '16']);
    const metrics = computeLenderMetrics(loadLedgerSnapshot(db, asOfDay), AS_OF);
    expect([metrics.hard_queries_1m.value, metrics.hard_queries_3m.value, metrics.hard_queries_6m.value]).toEqual([5, 5, 5]);
    db.close();
  });

  it('the score’s query adjustments and its count of hard queries', () => {
    const { db } = profileDb();
    ledgerWithQueries(db);
    // The hand-made ledger alone is a thin file on 2026-05-31: its oldest reporting accounts opened in
    // January 2026 (5 months; FICO's minimum is 6), so the bureau-style score has no number and no factors.
    const thin = scoreDatabase(db, asOfDay, { nextActions: false });
    expect(thin.bureau.score).toBeNull();
    expect(thin.bureau.scorability?.checks.filter((c) => !c.met).map((c) => c.id)).toEqual(['account_age']);
    // A card of 2025 on the report makes it scorable; the queries are the same.
    const older = createAccount(db, { product: 'credit_card', bank: '中国银行', cardLast4: '1234', openedOn: '2025-01-01', statementDay: 5, dueDay: 25, limitFen: 1_000_000, reportsToBureau: 'yes' }, { asOfDay }).account.id;
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) setMonthFact(db, older, month, { status: 'N', balanceFen: 100_000, amountDueFen: 100_000 }, { asOfDay });
    const adjustment = (report: ReturnType<typeof scoreDatabase>, ruleId: string) => report.bureau.factors.find((f) => f.key === `adjustment:${ruleId}`)!;
    const before = scoreDatabase(db, asOfDay, { nextActions: false });
    expect(adjustment(before, 'hard_queries_1m')).toMatchObject({ value: 1, points: 0 });
    expect(adjustment(before, 'hard_queries_3m')).toMatchObject({ value: 1, points: 0 });
    expect(before.inputs.hardQueries12m).toBe(1);

    saveHardQueryReasons(db, [...DEFAULT_HARD_QUERY_REASONS, '16']);
    const after = scoreDatabase(db, asOfDay, { nextActions: false });
    // Five hard queries: more than 3 in the month and more than 4 in 3 months, each a warning (−8).
    expect(adjustment(after, 'hard_queries_1m')).toMatchObject({ value: 5, points: -8 });
    expect(adjustment(after, 'hard_queries_3m')).toMatchObject({ value: 5, points: -8 });
    expect(adjustment(after, 'hard_queries_6m')).toMatchObject({ value: 5, points: 0 });
    expect(after.inputs.hardQueries12m).toBe(5);
    expect(before.bureau.score).not.toBeNull();
    expect(after.bureau.score).toBe(before.bureau.score! - 16);
    db.close();
  });
});

describe('the bureau.hardReasons.save channel', () => {
  it('saves the set and answers the fresh report; a bad code is refused with its sentence', async () => {
    const dataDir = tempDir();
    const store = new ProfileStore(dataDir);
    const logged: unknown[] = [];
    const dispatch = createDispatch(createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} }), (e) => logged.push(e));
    const { id: profileId } = store.create('硬查询测试');
    ledgerWithQueries(store.database(profileId));

    const saved = await dispatch('bureau.hardReasons.save', { profileId, codes: ['03', '16'], asOf: AS_OF });
    expect(saved).toMatchObject({ ok: true, value: { hardQueryReasons: { codes: ['03', '16'], edited: true } } });
    const value = (saved as { value: BureauReport }).value;
    expect(rule(value, 'hard_queries_1m').figure.value).toBe(5);
    expect(value.queries.every((q) => q.hard)).toBe(true);

    const bad = await dispatch('bureau.hardReasons.save', { profileId, codes: ['03', '77'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bureau.invalid_hard_reasons', message: { 'zh-CN': expect.stringContaining('「77」') } } });

    const reset = await dispatch('bureau.hardReasons.save', { profileId, codes: null, asOf: AS_OF });
    expect(reset).toMatchObject({ ok: true, value: { hardQueryReasons: { edited: false } } });
    expect(logged).toEqual([]);
    store.close();
  });
});

describe('credence settings hard-reasons', () => {
  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('shows the set, sets it, resets it; the report follows', async () => {
    const { db, file } = profileDb();
    ledgerWithQueries(db);
    db.close();

    const shown = await run(['settings', '--db', file, '--as-of', AS_OF]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('硬查询的查询原因（默认');
    expect(shown.stdout).toContain('[x] 02   贷款审批');
    expect(shown.stdout).toContain('[ ] 16   公积金提取复核');

    const set = await run(['settings', 'hard-reasons', '3,16', '--db', file, '--lang', 'en']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Hard-query reasons (edited');
    expect(set.stdout).toContain('[x] 16   Housing-fund withdrawal review *');
    expect(set.stdout).toContain('[ ] 02   Loan approval *');

    const json = await run(['settings', '--db', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ hardQueryReasons: { codes: ['03', '16'], edited: true } });
    const report = JSON.parse((await run(['report', '--db', file, '--as-of', AS_OF, '--json'])).stdout) as BureauReport;
    expect(rule(report, 'hard_queries_1m').figure.value).toBe(5);
    expect((await run(['report', '--db', file, '--as-of', AS_OF])).stdout).toContain('硬查询的查询原因（已修改）：03, 16');

    const none = await run(['settings', 'hard-reasons', 'none', '--db', file, '--json']);
    expect(JSON.parse(none.stdout).hardQueryReasons).toMatchObject({ codes: [], edited: true });
    const reset = await run(['settings', 'hard-reasons', 'default', '--db', file, '--json']);
    expect(JSON.parse(reset.stdout).hardQueryReasons).toMatchObject({ codes: [...DEFAULT_HARD_QUERY_REASONS], edited: false });
  });

  it('refuses an unknown code, and an unknown subcommand, saying why', async () => {
    const { db, file } = profileDb();
    db.close();
    const bad = await run(['settings', 'hard-reasons', '02,99', '--db', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('不认识的查询原因代码「99」');
    const other = await run(['report', 'nonsense', '--db', file]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('nonsense');
    const noDb = await run(['settings', 'hard-reasons', '02']);
    expect(noDb.code).toBe(2);
  });
});
