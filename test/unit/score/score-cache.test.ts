// What the engine keeps between scores must never change a score: the lender metrics memoised per
// report month and per day (lender-inputs.ts), the next-action search's projected month ends, and
// the read model the IPC handlers keep per profile (ledger-cache.ts), which must be read again as
// soon as the profile changes.

import Database from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BureauReport } from '../../../core/bureau/report-schema.ts';
import { ImportJobs } from '../../../core/ipc/import-jobs.ts';
import { bureauHandlers } from '../../../core/ipc/handlers/bureau.ts';
import { scoreReportSchema } from '../../../core/score/report-schema.ts';
import type { HandlerContext } from '../../../core/ipc/handler-context.ts';
import { createAccount, updateAccount } from '../../../core/ledger/accounts/commands.ts';
import { formatDay, lastDay, parseDay } from '../../../core/shared/calendar.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { computeLenderMetrics } from '../../../core/bureau/lender-metrics.ts';
import type { ValueBounds } from '../../../core/score/bins.ts';
import { scoreDatabase, scoreLedger } from '../../../core/score/engine.ts';
import { scoreHandlers } from '../../../core/ipc/handlers/score.ts';
import { LedgerCache } from '../../../core/score/ledger-cache.ts';
import { adjustmentInputs, agingInputs, metricBounds, unconfirmedLayoutLines } from '../../../core/score/lender-inputs.ts';
import { loadScoringLedger } from '../../../core/score/load-ledger.ts';
import { saveProfileFacts } from '../../../core/settings/profile-facts.ts';
import type { ScoringLedger } from '../../../core/score/scoring-ledger.ts';
import type { ScoreReport } from '../../../core/score/report-schema.ts';
import { readDataVersion } from '../../../core/storage/data-version.ts';
import { reportMonthOf } from '../../../core/bureau/windows.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF_DAY, handLedger, monthlyRows, lastMonths, type LedgerSpec } from './hand-ledger.ts';

/**
 * Late runs inside and across the 12- and 24-month windows, a card whose reporting is unknown and
 * one without a known line, a Jiebei line whose layout nobody confirmed (both layouts are
 * computed), hard queries spread over a year and a half, bills, profile facts and an observed score.
 */
const RICH: LedgerSpec = {
  cards: [
    { from: '2023-01', months: { '2023-05': { status: '1' }, '2023-06': { status: '2' }, '2023-07': { status: '3' }, '2025-02': { status: '1' } } },
    { from: '2024-03', reports: 'unknown', months: { '2024-09': { status: '1' }, '2024-10': { status: '2' }, '2026-03': { status: '1' }, '2026-09': { status: '1' } } },
    { limit: null, months: { '2025-11': { status: '1' }, '2026-01': { status: '1' }, '2026-04': { status: '#' } } },
    { product: 'huabei', limit: 8000, from: '2025-06', month: { balance: 1200 }, months: { '2026-06': { status: '1' }, '2026-07': { status: '2' } } },
  ],
  jiebei: {
    layout: null,
    reports: 'unknown',
    draws: [
      { principal: 6000, openedOn: '2025-03-10' },
      { principal: 3000, openedOn: '2026-02-18', termMonths: 6 },
    ],
  },
  hardQueries: ['2025-06-30', '2025-09-01', '2025-12-31', '2026-02-28', '2026-05-16', '2026-08-31', '2026-09-30', '2026-10-01', '2026-11-05', '2026-11-20'],
  profile: { monthlyIncomeFen: 1_500_000, education: 'bachelor', phoneYears: 5 },
  sesameObserved: { value: 688, on: '2026-10-20' },
  rows: [...monthlyRows(lastMonths(14), { category: '充值缴费', counterparty: '国家电网' }), ...monthlyRows(lastMonths(5), { category: '转账红包', counterparty: '朋友' })],
};

/** Days in the order a user might move an as-of slider: back day by day over month ends, jumps far back, forward again, repeats. */
function slidingDays(): { day: number; nextActions: boolean }[] {
  const days: number[] = [];
  for (let k = 0; k <= 40; k++) days.push(AS_OF_DAY - k);
  days.push(AS_OF_DAY - 400, AS_OF_DAY - 401, AS_OF_DAY - 733, AS_OF_DAY - 200, AS_OF_DAY - 5, AS_OF_DAY);
  for (const month of ['2025-02', '2025-06', '2025-12', '2026-02', '2026-08']) {
    const first = parseDay(`${month}-01`)!;
    days.push(first - 1, first, first + 27);
  }
  days.push(AS_OF_DAY - 17, AS_OF_DAY - 400, AS_OF_DAY - 1);
  return days.map((day, i) => ({ day, nextActions: i % 5 !== 3 }));
}

/** The adjustments' inputs as the engine first computed them: every rule on the whole snapshot, layouts unioned. */
function directInputs(ledger: ScoringLedger, asOfDay: number): Record<string, ValueBounds> {
  // The per-figure reading is lender-inputs.ts metricBounds; what is checked here is the memo around it.
  const bounds = metricBounds;
  const union = (a: ValueBounds, b: ValueBounds): ValueBounds => ({
    value: a.value,
    low: a.low === null || b.low === null ? null : Math.min(a.low, b.low),
    high: a.high === null || b.high === null ? null : Math.max(a.high, b.high),
  });
  const lines = unconfirmedLayoutLines(ledger);
  const asOf = formatDay(asOfDay);
  const scenario = (layout?: 'per_draw' | 'merged_monthly') => computeLenderMetrics(ledger.lenderInput, asOf, ledger.rules, layout ? { layout: new Map(lines.map((id) => [id, layout])) } : {});
  const base = scenario();
  const variants = lines.length > 0 ? [scenario('per_draw'), scenario('merged_monthly')] : [];
  return Object.fromEntries(Object.entries(base).map(([id, figure]) => [id, variants.reduce((b, v) => union(b, bounds(v[id]!)), bounds(figure))]));
}

describe('scores over many days', () => {
  it('are exactly the reports of each day scored on a freshly loaded ledger (no stale memo)', () => {
    const db = handLedger(RICH);
    const kept = loadScoringLedger(db, AS_OF_DAY);
    expect(unconfirmedLayoutLines(kept)).toHaveLength(1);
    const seen = new Set<string>();
    for (const { day, nextActions } of slidingDays()) {
      const again = scoreLedger(kept, { asOfDay: day, nextActions });
      const fresh = scoreLedger(loadScoringLedger(db, AS_OF_DAY), { asOfDay: day, nextActions });
      expect(again, formatDay(day)).toStrictEqual(fresh);
      for (const f of fresh.bureau.factors) if (f.origin === 'adjustment') seen.add(`${f.key}=${f.value}`);
    }
    // The days cover the adjustments' interesting values, not just zeros.
    expect([...seen].filter((v) => /lian_san=[1-9]/.test(v)).length).toBeGreaterThan(0);
    expect([...seen].filter((v) => /lei_liu=[1-9]/.test(v)).length).toBeGreaterThan(1);
    expect([...seen].filter((v) => /hard_queries_6m=[1-9]/.test(v)).length).toBeGreaterThan(1);
    db.close();
  });

  it('memoised lender metrics equal computeLenderMetrics on the whole snapshot, day by day and on projected month ends', () => {
    const db = handLedger(RICH);
    const loaded = loadScoringLedger(db, AS_OF_DAY);
    db.close();
    // The user's windows too (core/settings/bureau-settings.ts WINDOW_CHOICES: 连三 and 累六 within 1 year).
    const shortWindows = { ...loaded, rules: loaded.rules.map((r) => (r.id === 'lian_san' || r.id === 'lei_liu' ? { ...r, windowMonths: 12 } : r)) };
    for (const ledger of [loaded, shortWindows]) {
      const days = slidingDays().map((d) => d.day);
      const latest = reportMonthOf(AS_OF_DAY);
      for (let s = 1; s <= 6; s++) days.push(lastDay(latest + s)); // where the next-action search projects to
      for (let d = AS_OF_DAY - 760; d < AS_OF_DAY - 700; d += 3) days.push(d);
      for (const day of days) {
        const direct = directInputs(ledger, day);
        const memo = adjustmentInputs(ledger, day);
        for (const [ruleId, bounds] of Object.entries(memo)) expect(bounds, `${ruleId} ${formatDay(day)}`).toStrictEqual(direct[ruleId]);
        for (const [ruleId, bounds] of Object.entries(agingInputs(ledger, day))) expect(bounds, `${ruleId} ${formatDay(day)} (aging)`).toStrictEqual(direct[ruleId]);
      }
    }
  });
});

describe('the ledger the score channel keeps per profile', () => {
  function setup() {
    const dataDir = tempDir();
    const store = new ProfileStore(dataDir);
    const ctx: HandlerContext = { store, dataDir, version: 't', transport: 'test', emit: () => {} };
    const ledgers = new LedgerCache();
    const handlers = scoreHandlers(ctx, ledgers);
    const profile = store.create('缓存');
    const report = (asOf?: string) => scoreReportSchema.parse(handlers['score.report']({ profileId: profile.id, asOf })) as ScoreReport;
    return { store, ledgers, profile, report, db: () => store.database(profile.id) };
  }

  it('is loaded once, and again after an import, whose rows the next score reflects', async () => {
    const { store, ledgers, profile, report, db } = setup();
    const empty = report();
    expect(report()).toStrictEqual(empty);
    expect(ledgers.loads).toBe(1);
    expect(empty.inputs.accounts).toBe(0);

    // The import writes through its own connection, as the import jobs do.
    const files = [{ name: 'meituan-2025.csv', bytes: readFileSync(bill('meituan/meituan-2025.csv')) }];
    const outcome = await new ImportJobs(store, () => {}).run({ profileId: profile.id, importId: randomUUID(), files });
    expect(outcome.failures).toEqual([]);
    const after = report();
    expect(ledgers.loads).toBe(2);
    expect(after.inputs.accounts).toBeGreaterThan(0);
    expect(after).toStrictEqual(scoreDatabase(db(), parseDay(after.asOf)!));
    expect(report()).toStrictEqual(after);
    expect(ledgers.loads).toBe(2);
    store.close();
  });

  it('is read again after every edit a score reads: queries, account values, profile facts; and for another day', () => {
    const { store, ledgers, report, db } = setup();
    const asOf = formatDay(AS_OF_DAY);
    report(asOf);
    expect(ledgers.loads).toBe(1);

    queryRecords.save(db(), null, { queriedOn: formatDay(AS_OF_DAY - 3), institution: '某银行', reasonCode: '03' });
    const queried = report(asOf);
    expect(ledgers.loads).toBe(2);
    expect(queried.inputs.hardQueries12m).toBe(1);

    saveProfileFacts(db(), { occupation: '教师' });
    const withFacts = report(asOf);
    expect(ledgers.loads).toBe(3);
    expect(withFacts.sesame.factors.find((f) => f.key === 'occupation_provided')?.value).toBe(1);
    // Saving the same facts again changes nothing: the kept ledger serves.
    saveProfileFacts(db(), { occupation: '教师' });
    expect(report(asOf)).toStrictEqual(withFacts);
    expect(ledgers.loads).toBe(3);

    // An account edit: the ledger recomputes at once, so the read after it derives nothing again
    // (a derivation would write, and move the data version); the version the edit moved tells.
    const card = createAccount(db(), { product: 'huabei', openedOn: '2024-01-01', reportsToBureau: 'yes' }, { asOfDay: AS_OF_DAY }).account.id;
    const withCard = report(asOf);
    expect(ledgers.loads).toBe(4);
    expect(withCard.inputs.accounts).toBe(1);
    updateAccount(db(), card, { reportsToBureau: 'unknown' }, [], { asOfDay: AS_OF_DAY });
    const afterEdit = readDataVersion(db()).version;
    const edited = report(asOf);
    expect(readDataVersion(db()).version).toBe(afterEdit);
    expect(ledgers.loads).toBe(5);
    expect(edited.inputs.reportingUnknown).toBe(1);
    expect(edited).toStrictEqual(scoreDatabase(db(), AS_OF_DAY));

    // Another day is another ledger (histories are computed as of the day).
    report(formatDay(AS_OF_DAY - 1));
    expect(ledgers.loads).toBe(6);
    store.close();
  });

  it('is read again after a write by raw SQL on another connection, and only then; the bureau report shares it', () => {
    const { store, ledgers, profile, report, db } = setup();
    const bureau = bureauHandlers({ store, dataDir: '', version: 't', transport: 'test', emit: () => {} }, ledgers);
    const asOf = formatDay(AS_OF_DAY);
    queryRecords.save(db(), null, { queriedOn: formatDay(AS_OF_DAY - 3), institution: '某银行', reasonCode: '08' });
    expect(report(asOf).inputs.hardQueries12m).toBe(1);
    expect(ledgers.loads).toBe(1);
    // The report of the same day reads the snapshot the score read.
    const first = bureau['bureau.report']({ profileId: profile.id, asOf }) as BureauReport;
    expect(ledgers.loads).toBe(1);
    expect(first.queries.map((q) => q.reasonCode)).toEqual(['08']);

    // 08 is hard by default (docs/domain/pboc-report.md#hard-queries); 01 贷后管理 is not. Nothing of the app runs this write.
    const other = new Database(store.fileFor(profile.id));
    other.prepare("UPDATE credit_queries SET reason_code = '01'").run();
    other.close();
    expect(report(asOf).inputs.hardQueries12m).toBe(0);
    expect(ledgers.loads).toBe(2);
    const second = bureau['bureau.report']({ profileId: profile.id, asOf }) as BureauReport;
    expect(second.queries.map((q) => [q.reasonCode, q.hard])).toEqual([['01', false]]);
    expect(ledgers.loads).toBe(2);
    store.close();
  });
});
