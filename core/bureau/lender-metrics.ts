// Each metric of the lender rules (lender-heuristics.ts, docs/domain/lender-heuristics.md) computed
// from the ledger as of a date, the way a lender reading the simulated report would: only accounts
// on the report count (core/bureau/layouts.ts), each with its layout, and accounts whose reporting
// is unknown turn the value into a range. Every value carries the records behind it.
//
// Used by the bureau report's lender view (core/bureau/lender-view.ts) and by the scoring
// engine's expert adjustments. Pure functions of a ledger snapshot (core/ledger/snapshot.ts):
//   computeLenderMetrics(snapshot, asOf 'YYYY-MM-DD', rules = LENDER_RULES) → Record<rule id, LenderMetricValue>
//   computeLenderMetric(snapshot, asOf, metric, windowMonths) → LenderMetricValue

import { accountRef, figure, merge, monthRef } from './figures.ts';
import { keepOn, keptOn, keptWith, reportAccounts, scenarios, type ReportAccount, type ScenarioOverrides } from './layouts.ts';
import { queriesInWindow, queriesOnReport, queryRef } from './query-summary.ts';
import { isOpen, onReport } from './repayment-grid.ts';
import { creditLines } from './credit-lines.ts';
import { retainedNegativeMonths } from './retention.ts';
import type { Figure, RecordRef } from './report-schema.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { dayIndex, formatMonth, reportMonthOf } from './windows.ts';
import type { InstitutionType, Product } from '../shared/ledger-vocabulary.ts';
import { LENDER_RULES, type LenderMetricId, type LenderRule } from '../rules/lender-heuristics.ts';
import { statusInfo, type StatusInfo } from '../shared/status-alphabet.ts';

/**
 * A metric's value (accounts known to report), `ifUnknownReported` and `range` when accounts of
 * unknown reporting would change it, `missing` records whose amount is unknown (a sum is then a
 * lower bound), and the records behind it.
 */
export type LenderMetricValue = Figure & { metric: LenderMetricId; windowMonths: number | null };

/** Keyed by rule id (lian_san, lei_liu, current_overdue, bad_debt, hard_queries_1m/3m/6m, online_loans, card_utilisation, debt_to_income). */
export type LenderMetrics = Record<string, LenderMetricValue>;

/**
 * Which accounts count as 网贷 (online / platform loans) for the "open online-loan accounts"
 * rule. Institution type alone cannot tell (WeBank, which issues Weilidai, is a bank: 11), so
 * the platform credit products count too.
 */
export const ONLINE_LOAN = {
  institutionTypes: ['24', '51'] as readonly InstitutionType[],
  products: ['huabei', 'jiebei', 'weilidai', 'baitiao', 'meituan_yuefu'] as readonly Product[],
  source: 'docs/domain/pboc-report.md#institution-types (24 消费金融公司 and 51 小额贷款公司 flag 网贷-like accounts; WeBank is 11) and docs/domain/lender-heuristics.md#online-loan-accounts (the platform products)',
} as const;

export function isOnlineLoan(account: ReportAccount): boolean {
  const { institutionType } = account.source;
  return ONLINE_LOAN.products.includes(account.product) || (institutionType !== null && ONLINE_LOAN.institutionTypes.includes(institutionType));
}

interface Context {
  reportMonth: number;
  asOfDay: number;
  input: LedgerSnapshot;
}

type ReportRow = ReportAccount['months'][number];

/** Where the account's months in the last `window` reported months to `reportMonth` start (its months run in order). */
function windowStart(rows: readonly ReportRow[], reportMonth: number, window: number): number {
  const from = formatMonth(reportMonth - window + 1);
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid].month < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The status class of each of the account's months, kept with it (each window of each month reads them). */
function statusesOf(account: ReportAccount): readonly StatusInfo[] {
  return keptWith(account, 'statuses', () => account.months.map((row) => statusInfo(row.status)));
}

/** The longest overdue run in the account's months from `start` (连三): its value and months. */
function longestRunFrom(account: ReportAccount, start: number): { value: number; months: readonly string[] } {
  const rows = account.months;
  const statuses = statusesOf(account);
  let longest: string[] = [];
  let longestValue = 0;
  let run: string[] = [];
  let runDepth = 0;
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    const cls = statuses[i];
    if (!cls.lenderOverdue) {
      run = [];
      runDepth = 0;
      continue;
    }
    run.push(row.month);
    runDepth = Math.max(runDepth, cls.overdueMonths ?? 0);
    const value = Math.max(run.length, runDepth);
    if (value > longestValue) {
      longestValue = value;
      longest = [...run];
    }
  }
  return { value: longestValue, months: longest };
}

/** The overdue months in the account's months from `start` (累六). */
function overdueFrom(account: ReportAccount, start: number): { value: number; months: readonly string[] } {
  const rows = account.months;
  const statuses = statusesOf(account);
  const months: string[] = [];
  for (let i = start; i < rows.length; i++) if (statuses[i].lenderOverdue) months.push(rows[i].month);
  return { value: months.length, months };
}

/**
 * The metrics a window clears (safe-to-apply.ts, basis `window`): each account's value in the
 * window ending at a report month, and how the accounts' values combine (from 0). The one home of
 * 连三 (the longest run, at least the highest digit in it) and 累六 (overdue months in total).
 */
const WINDOW_METRICS = {
  consecutive_overdue_months: { perAccount: longestRunFrom, combine: Math.max },
  overdue_months_in_window: { perAccount: overdueFrom, combine: (total: number, value: number) => total + value },
} as const;
type WindowMetricId = keyof typeof WINDOW_METRICS;

export function isWindowMetric(metric: LenderMetricId): metric is WindowMetricId {
  return metric in WINDOW_METRICS;
}

function windowPart(own: { value: number; months: readonly string[] }, account: ReportAccount): { value: number; ref: RecordRef | null } {
  return { value: own.value, ref: own.value > 0 ? accountRef(account, own.months) : null };
}

function windowMetric(metric: WindowMetricId, accounts: readonly ReportAccount[], ctx: Context, window: number): Figure {
  const { perAccount, combine } = WINDOW_METRICS[metric];
  let value = 0;
  const records = [];
  const key = `${metric}:${ctx.reportMonth}:${window}`;
  for (const account of accounts) {
    // The account's value and its record (when it counts), kept with it.
    const one = keptOn<{ value: number; ref: RecordRef | null }>(account, key) ?? keepOn(account, key, windowPart(perAccount(account, windowStart(account.months, ctx.reportMonth, window)), account));
    if (one.ref !== null) records.push(one.ref);
    value = combine(value, one.value);
  }
  return figure('months', value, records);
}

/**
 * A window metric's value at each report month from `from` to `to` on the same accounts, nothing
 * new reported meanwhile (as metricOf reads a later month), for both sets of accounts: what
 * safe-to-apply walks month by month. Each account's values are kept with it, so the months and
 * scenarios that share the account read them once.
 */
export function windowSeries(prepared: PreparedMetrics, metric: WindowMetricId, window: number, from: number, to: number): { certain: number[]; possible: number[] } {
  const key = `series:${metric}:${window}:${from}:${to}`;
  let kept = seriesOf.get(prepared.possible);
  if (!kept) seriesOf.set(prepared.possible, (kept = new Map()));
  const found = kept.get(key);
  if (found) return found;
  const { perAccount, combine } = WINDOW_METRICS[metric];
  const series = (accounts: readonly ReportAccount[]) => {
    const out = new Array<number>(to - from + 1).fill(0);
    for (const account of accounts) {
      // An account with no overdue month in any of the windows (most) is kept as null: 0 changes neither max nor sum.
      let values = keptOn<number[] | null>(account, key);
      if (values === undefined) {
        const own: number[] = [];
        for (let k = 0; k < out.length; k++) own.push(perAccount(account, windowStart(account.months, from + k, window)).value);
        values = keepOn(account, key, own.some((v) => v !== 0) ? own : null);
      }
      if (values !== null) for (let k = 0; k < out.length; k++) out[k] = combine(out[k], values[k]);
    }
    return out;
  };
  const out = { certain: series(prepared.certain), possible: series(prepared.possible) };
  kept.set(key, out);
  return out;
}

/** The series of one set of prepared accounts (warn and fail levels, the report and the scores ask alike). */
const seriesOf = new WeakMap<readonly ReportAccount[], Map<string, { certain: number[]; possible: number[] }>>();

/**
 * 当前逾期总额: what is overdue in the report month, a card's unpaid minimum (never its whole
 * bill). A card whose minimum is unknown adds its range: the value is the low end (surely
 * overdue), `range` both ends.
 */
function currentOverdue(accounts: readonly ReportAccount[], ctx: Context): Figure {
  const month = formatMonth(ctx.reportMonth);
  let low = 0;
  let high = 0;
  let missing = 0;
  const records = [];
  for (const account of accounts) {
    const last = account.months.at(-1);
    if (!last || last.month !== month || !statusInfo(last.status).lenderOverdue) continue;
    const [from, to] = last.overdueRangeFen ?? [last.overdueFen, last.overdueFen];
    if (from === null || to === null) missing++;
    else {
      low += from;
      high += to;
    }
    records.push(monthRef(account, month));
  }
  const out = figure('fen', low, records, missing);
  if (high !== low) out.range = [low, high];
  return out;
}

function badDebtRef(account: ReportAccount, reportMonth: number): RecordRef | null {
  const retained = retainedNegativeMonths(account, reportMonth);
  const months: string[] = [];
  for (const m of account.months) if (m.status === 'B' && retained.has(m.month)) months.push(m.month);
  return months.length > 0 ? accountRef(account, months) : null;
}

/** Accounts with 呆账 (B) still on the report. */
function badDebt(accounts: readonly ReportAccount[], ctx: Context): Figure {
  const records = [];
  const key = `badDebt:${ctx.reportMonth}`;
  for (const account of accounts) {
    // The account's record naming its months of bad debt still on the report (null: none), kept with it.
    let ref = keptOn<RecordRef | null>(account, key);
    if (ref === undefined) ref = keepOn(account, key, badDebtRef(account, ctx.reportMonth));
    if (ref !== null) records.push(ref);
  }
  return figure('count', records.length, records);
}

/** Hard queries in the window: `hard` is the profile's set, decided when the ledger read the queries (hard-queries.ts). */
function hardQueries(ctx: Context, window: number): Figure {
  const hard = queriesOnReport(ctx.input.queries, ctx.asOfDay).filter((q) => q.hard);
  const within = queriesInWindow(hard, ctx.asOfDay, window);
  return figure('count', within.length, within.map(queryRef));
}

function openAccounts(accounts: readonly ReportAccount[], ctx: Context): ReportAccount[] {
  return accounts.filter((a) => isOpen(a, ctx.reportMonth));
}

function onlineLoans(accounts: readonly ReportAccount[], ctx: Context): Figure {
  const open = openAccounts(accounts, ctx).filter(isOnlineLoan);
  return figure('count', open.length, open.map((a) => accountRef(a)));
}

/**
 * Used ÷ line over open cards (R2, R3), each shared line once (credit-lines.ts): the cards on a
 * line add their used amounts against its one limit. A line missing its limit, or a card on it
 * its used amount, is left out and counted.
 */
function cardUtilisation(accounts: readonly ReportAccount[], ctx: Context): Figure {
  const cards = openAccounts(accounts, ctx).filter((a) => a.type === 'R2' || a.type === 'R3');
  let used = 0;
  let line = 0;
  let missing = 0;
  for (const { accounts: onLine, limitFen } of creditLines(cards)) {
    let balances: number | null = 0;
    for (const card of onLine) {
      const balance = card.months.at(-1)?.creditUsedFen ?? null;
      balances = balances === null || balance === null ? null : balances + balance;
    }
    if (limitFen === null || balances === null) {
      missing += onLine.length;
      continue;
    }
    used += balances;
    line += limitFen;
  }
  const month = formatMonth(ctx.reportMonth);
  return figure('ratio', line > 0 ? used / line : null, cards.map((a) => monthRef(a, month)), missing);
}

/**
 * Monthly debt ÷ the monthly income: a revolving account counts its share of the credit in use
 * (debt-to-income.ts), any other account its 本月应还款 (the instalment) in the report month.
 */
function debtToIncome(accounts: readonly ReportAccount[], ctx: Context): Figure {
  const month = formatMonth(ctx.reportMonth);
  const open = openAccounts(accounts, ctx).filter((a) => a.months.at(-1)?.month === month);
  let debt = 0;
  let missing = 0;
  for (const account of open) {
    const last = account.months.at(-1)!;
    const amount = account.kind === 'revolving' ? shareOfUsed(last.creditUsedFen, ctx.input.settings.debtToIncome.revolvingShareOfUsed) : last.amountDueFen;
    if (amount === null) missing++;
    else debt += amount;
  }
  const income = ctx.input.profileFacts.monthlyIncomeFen;
  return figure('ratio', income !== null && income > 0 ? debt / income : null, open.map((a) => monthRef(a, month)), missing);
}

/** The profile's share (core/settings/conventions.ts; Credence's default of core/rules/debt-to-income.ts unless edited). */
function shareOfUsed(usedFen: number | null, share: number): number | null {
  return usedFen === null ? null : Math.round(usedFen * share);
}

function compute(metric: LenderMetricId, window: number | null, accounts: readonly ReportAccount[], ctx: Context): Figure {
  switch (metric) {
    case 'consecutive_overdue_months':
    case 'overdue_months_in_window':
      return windowMetric(metric, accounts, ctx, window ?? 24);
    case 'current_overdue_fen':
      return currentOverdue(accounts, ctx);
    case 'bad_debt_accounts':
      return badDebt(accounts, ctx);
    case 'hard_queries_in_window':
      return hardQueries(ctx, window ?? 1);
    case 'open_online_loan_accounts':
      return onlineLoans(accounts, ctx);
    case 'card_utilisation':
      return cardUtilisation(accounts, ctx);
    case 'debt_to_income':
      return debtToIncome(accounts, ctx);
  }
}

/**
 * The accounts on the report as of a day, in both scenarios of reporting, and the context every
 * metric reads. Without overrides, kept with the snapshot (never edited): the lender view and the
 * scores' adjustments of one snapshot and day then share it, and the metrics computed on it.
 */
export function prepareLenderMetrics(input: LedgerSnapshot, asOf: string, overrides: ScenarioOverrides = {}): PreparedMetrics {
  if (overrides.layout !== undefined || overrides.reporting !== undefined) return prepare(input, asOf, overrides);
  let kept = preparedOf.get(input);
  if (!kept) preparedOf.set(input, (kept = new Map()));
  let prepared = kept.get(asOf);
  if (!prepared) kept.set(asOf, (prepared = prepare(input, asOf, overrides)));
  return prepared;
}

const preparedOf = new WeakMap<LedgerSnapshot, Map<string, PreparedMetrics>>();

function prepare(input: LedgerSnapshot, asOf: string, overrides: ScenarioOverrides) {
  const asOfDay = dayIndex(asOf);
  const reportMonth = reportMonthOf(asOfDay);
  const onReportKey = `onReport:${reportMonth}`;
  const accounts = reportAccounts(input, reportMonth, overrides).filter((a) => keptOn<boolean>(a, onReportKey) ?? keepOn(a, onReportKey, onReport(a, reportMonth)));
  return { ctx: { reportMonth, asOfDay, input }, ...scenarios(accounts) };
}
export type PreparedMetrics = ReturnType<typeof prepare>;

/** A metric of prepared accounts, kept with them (the accounts fix the snapshot and day; the report month is in the key). */
function valueOf(metric: LenderMetricId, window: number | null, prepared: PreparedMetrics): LenderMetricValue {
  const key = `${metric}:${window}:${prepared.ctx.reportMonth}`;
  let kept = valuesOf.get(prepared.possible);
  if (!kept) valuesOf.set(prepared.possible, (kept = new Map()));
  let value = kept.get(key);
  if (!value) {
    const certain = compute(metric, window, prepared.certain, prepared.ctx);
    const possible = compute(metric, window, prepared.possible, prepared.ctx);
    kept.set(key, (value = { ...merge(certain, possible), metric, windowMonths: window }));
  }
  return value;
}

const valuesOf = new WeakMap<readonly ReportAccount[], Map<string, LenderMetricValue>>();

/**
 * A metric of the same accounts read at a later report month, as it would be if nothing new were
 * reported meanwhile (the months after the as-of day are simply absent): when a window rule clears.
 */
export function metricOf(prepared: PreparedMetrics, metric: LenderMetricId, window: number | null, reportMonth: number): LenderMetricValue {
  return valueOf(metric, window, { ...prepared, ctx: { ...prepared.ctx, reportMonth } });
}

/** One metric over one window, as of `asOf` (YYYY-MM-DD). */
export function computeLenderMetric(
  input: LedgerSnapshot,
  asOf: string,
  metric: LenderMetricId,
  windowMonths: number | null,
  overrides: ScenarioOverrides = {},
): LenderMetricValue {
  return valueOf(metric, windowMonths, prepareLenderMetrics(input, asOf, overrides));
}

/** Every rule's metric, as of `asOf` (YYYY-MM-DD), keyed by rule id. */
export function computeLenderMetrics(
  input: LedgerSnapshot,
  asOf: string,
  rules: readonly LenderRule[] = LENDER_RULES,
  overrides: ScenarioOverrides = {},
): LenderMetrics {
  const prepared = prepareLenderMetrics(input, asOf, overrides);
  return Object.fromEntries(rules.map((rule) => [rule.id, valueOf(rule.metric, rule.windowMonths, prepared)]));
}
