// The simulated second-generation PBOC report (个人信用报告, docs/domain/pboc-report.md) of one
// profile as of a date, in the report's own order: 信息概要 (overview, defaults, credit lines and
// debt, queries), 信贷交易信息明细 (each account with its 60-month grid), 查询记录; then what the
// app adds: negative records with the month each leaves the report, the layouts of note 10 side
// by side, the lender view, and the Huabei authorisation switch.
//
// It is a simulation from the user's own ledger: see the closing note in the UI (and the
// report on issue 6) for which parts are the real report's definitions and which are estimates.

import { DEFAULTS_VERSION } from '../ledger/product-defaults.ts';
import { HARD_QUERY_REASONS_SOURCE } from '../rules/hard-queries.ts';
import { LENDER_HEURISTICS_VERSION } from '../rules/lender-heuristics.ts';
import type { Db } from '../storage/database.ts';
import { huabeiSwitches } from './huabei-authorisation.ts';
import { layoutComparisons } from './layout-comparison.ts';
import { creditAgreements } from './credit-lines.ts';
import { accountView, computeCore } from './report-core.ts';
import { conventionsOf } from './conventions.ts';
import { combinedSafeToApply } from './safe-to-apply.ts';
import { gridWindow } from './repayment-grid.ts';
import { queryRows } from './query-summary.ts';
import type { BureauReport } from './report-schema.ts';
import { snapshotRules } from './view.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { formatDay, formatMonth } from './windows.ts';

/** Bump when a definition of the report changes (stored nowhere; shown with the report). */
export const BUREAU_VERSION = '2026-11-22.2';

/**
 * The report of a snapshot as of a day (`YYYY-MM-DD`, no later than the snapshot's asOfDay), with
 * the snapshot's rule thresholds and hard-query set (its query records carry `hard` by that set).
 */
export function buildReport(snapshot: LedgerSnapshot, asOf: string): BureauReport {
  const rules = snapshotRules(snapshot);
  const core = computeCore(snapshot, asOf, rules);
  const R = core.reportMonth;
  const accounts = core.accounts.map((a) => accountView(a, R, core.graceRules));
  const onReport = new Set(core.accounts.map((a) => a.id));
  const lines = new Set(core.accounts.map((a) => a.lineId).filter((id): id is number => id !== null));
  const unknown = core.accounts.filter((a) => a.reporting === 'unknown');
  return {
    simulated: true,
    asOf,
    reportMonth: formatMonth(R),
    gridFrom: gridWindow(R).from,
    versions: { bureau: BUREAU_VERSION, rules: LENDER_HEURISTICS_VERSION, defaults: DEFAULTS_VERSION },
    reporting: {
      yes: core.accounts.length - unknown.length,
      unknown: unknown.length,
      // Accounts the user says are not reported (a line's draws go with their line).
      no: snapshot.accounts.filter((a) => a.reportsToBureau === 'no' && !onReport.has(a.id) && !(a.parentId !== null && lines.has(a.parentId))).length,
      unknownAccounts: unknown.map((a) => ({ id: a.id, name: a.name })),
    },
    summary: core.summary,
    accounts,
    negativeItems: accounts.flatMap((a) => a.negative),
    agreements: creditAgreements(snapshot, core.accounts, R),
    queries: queryRows(snapshot.queries, core.asOfDay),
    layouts: layoutComparisons(snapshot, asOf, rules),
    lenderView: core.lenderView,
    safeToApply: combinedSafeToApply(core.lenderView, asOf),
    conventions: conventionsOf(snapshot),
    huabei: huabeiSwitches(snapshot, asOf, rules),
    monthlyIncomeFen: snapshot.profileFacts.monthlyIncomeFen,
    hardQueryReasons: { ...snapshot.settings.hardQueryReasons, source: HARD_QUERY_REASONS_SOURCE },
  };
}

/** The report of a profile database as of a day: its snapshot read, then buildReport (what the CLI runs). */
export function bureauReport(db: Db, asOfDay: number): BureauReport {
  return buildReport(loadLedgerSnapshot(db, asOfDay), formatDay(asOfDay));
}
