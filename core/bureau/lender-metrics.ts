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
import { keepOn, keptOn, keptWith, ownAccountBefore, partKeys, readings, reportAccounts, scenarios, type ReportAccount, type ScenarioOverrides } from './layouts.ts';
import { queriesInWindow, queriesOnReport, queryRef } from './query-summary.ts';
import { isOpen, onReport } from './repayment-grid.ts';
import { creditLines } from './credit-lines.ts';
import { retainedNegativeMonths } from './retention.ts';
import { keptFromLike, likeOf, replacedRecords, replacedTotal, replacements, type Combine } from './replaced.ts';
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

/** No months named: what a window metric gives when only its value is asked for (a later month's series). */
const UNNAMED: readonly string[] = [];

/**
 * The longest overdue run in the account's months from `start` (连三): its value and, when
 * `named`, its months (the run held by index, its months written out once at the end).
 */
function longestRunFrom(account: ReportAccount, start: number, named: boolean): { value: number; months: readonly string[] } {
  const rows = account.months;
  const statuses = statusesOf(account);
  let longestValue = 0;
  let longestFrom = 0;
  let longestTo = -1;
  let runFrom = -1;
  let runDepth = 0;
  for (let i = start; i < rows.length; i++) {
    const cls = statuses[i];
    if (!cls.lenderOverdue) {
      runFrom = -1;
      runDepth = 0;
      continue;
    }
    if (runFrom < 0) runFrom = i;
    runDepth = Math.max(runDepth, cls.overdueMonths ?? 0);
    const value = Math.max(i - runFrom + 1, runDepth);
    if (value > longestValue) {
      longestValue = value;
      longestFrom = runFrom;
      longestTo = i;
    }
  }
  if (!named) return { value: longestValue, months: UNNAMED };
  const months: string[] = [];
  for (let i = longestFrom; i <= longestTo; i++) months.push(rows[i].month);
  return { value: longestValue, months };
}

/** The overdue months in the account's months from `start` (累六): how many and, when `named`, which. */
function overdueFrom(account: ReportAccount, start: number, named: boolean): { value: number; months: readonly string[] } {
  const rows = account.months;
  const statuses = statusesOf(account);
  const months: string[] = [];
  let value = 0;
  for (let i = start; i < rows.length; i++) {
    if (!statuses[i].lenderOverdue) continue;
    value++;
    if (named) months.push(rows[i].month);
  }
  return { value, months: named ? months : UNNAMED };
}

/**
 * The metrics a window clears (safe-to-apply.ts, basis `window`): each account's value in the
 * window ending at a report month, and how the accounts' values combine (from 0). The one home of
 * 连三 (the longest run, at least the highest digit in it) and 累六 (overdue months in total).
 */
const WINDOW_METRICS: Record<'consecutive_overdue_months' | 'overdue_months_in_window', { perAccount: typeof longestRunFrom; combine: Combine }> = {
  consecutive_overdue_months: { perAccount: longestRunFrom, combine: 'max' },
  overdue_months_in_window: { perAccount: overdueFrom, combine: 'sum' },
};
type WindowMetricId = keyof typeof WINDOW_METRICS;

export function isWindowMetric(metric: LenderMetricId): metric is WindowMetricId {
  return metric in WINDOW_METRICS;
}

/** How a fold adds one value to its total (the one home of each combine: the fold and its replacement read it). */
function combined(combine: Combine, total: number, value: number): number {
  return combine === 'sum' ? total + value : Math.max(total, value);
}

/**
 * What one account adds to a metric folded from per-account parts: a value (and a high end, for
 * a range), the amounts it cannot tell, and its record; null when it adds nothing.
 */
interface Part {
  value: number;
  high: number;
  missing: number;
  ref: RecordRef;
}

/** A fold of the parts of a list: the values combined, the missing counted, the records in the list's order. */
interface Folded {
  value: number;
  high: number;
  missing: number;
  records: RecordRef[];
}

/**
 * A metric that is a fold of per-account parts: how the values combine, each account's part (kept
 * with the report account under `key` where it is a function of the account and the key alone),
 * and the figure of the fold.
 */
interface PartMetric {
  combine: Combine;
  /** Undefined when the account's share cannot be told alone (a card on a shared line): the list is then folded whole. */
  part(account: ReportAccount, ctx: Context, window: number): Part | null | undefined;
  finish(folded: Folded, ctx: Context): Figure;
  /** The fold of a whole list, where it is not the parts combined (accounts sharing a line). */
  whole?(accounts: readonly ReportAccount[], ctx: Context): Folded;
}

/** A part kept with the account under `key` (null kept too: most accounts add nothing to most metrics). */
function keptPart(account: ReportAccount, key: string, compute: () => Part | null): Part | null {
  const found = keptOn<Part | null>(account, key);
  return found !== undefined ? found : keepOn(account, key, compute());
}

function windowPartMetric(metric: WindowMetricId): PartMetric {
  const { perAccount, combine } = WINDOW_METRICS[metric];
  const keyOf = partKeys(metric);
  return {
    combine,
    part: (account, ctx, window) =>
      keptPart(account, keyOf(ctx.reportMonth, window), () => {
        const carried = carriedWindowPart(account, ctx.reportMonth, window, keyOf(ctx.reportMonth - 1, window));
        if (carried !== undefined) return carried;
        // None in any window of the month before (seriesBefore), the row added not overdue: none in this month's either.
        if (seriesBefore(account, ctx.reportMonth, seriesKey(metric, window, ctx.reportMonth, ctx.reportMonth + window - 1))?.values === null) return null;
        const own = perAccount(account, windowStart(account.months, ctx.reportMonth, window), true);
        return own.value > 0 ? { value: own.value, high: own.value, missing: 0, ref: accountRef(account, own.months) } : null;
      }),
    finish: (f) => figure('months', f.value, f.records),
  };
}

/**
 * The part of the account's report account of the month before (a baseline's next month: the
 * same ledger account, one row more, layouts.ts ownAccountBefore), kept under `keyBefore`, when it
 * is this month's too: the row added is not overdue, and neither is the row that has left the
 * window (the month `window` months back), so the window holds the same overdue rows in the same
 * runs, and 连三 and 累六 read the same months. None the month before and no overdue row added:
 * none now. Undefined when it cannot be told so.
 */
function carriedWindowPart(account: ReportAccount, reportMonth: number, window: number, keyBefore: string): Part | null | undefined {
  const before = ownAccountBefore(account, reportMonth);
  if (before === null || (before.added !== null && statusInfo(before.added.status).lenderOverdue)) return undefined;
  const part = keptOn<Part | null>(before.earlier, keyBefore);
  if (part === undefined || part === null) return part;
  const rows = before.earlier.months;
  const leaving = rows[windowStart(rows, reportMonth - 1, window)];
  if (leaving !== undefined && leaving.month === formatMonth(reportMonth - window) && statusInfo(leaving.status).lenderOverdue) return undefined;
  return part;
}

/**
 * A window metric's value at each report month from `from` to `to` on the same accounts, nothing
 * new reported meanwhile (as metricOf reads a later month), for both sets of accounts: what
 * safe-to-apply walks month by month. Each account's values are kept with it, so the months and
 * scenarios that share the account read them once.
 */
export function windowSeries(prepared: PreparedMetrics, metric: WindowMetricId, window: number, from: number, to: number): { certain: number[]; possible: number[] } {
  const key = seriesKey(metric, window, from, to);
  const keyBefore = seriesKey(metric, window, from - 1, to - 1);
  let kept = seriesOf.get(prepared.possible);
  if (!kept) seriesOf.set(prepared.possible, (kept = new Map()));
  const found = kept.get(key);
  if (found) return found;
  const { perAccount, combine } = WINDOW_METRICS[metric];
  // An account with no overdue month in any of the windows (most) is kept as null: 0 changes neither max nor sum.
  const valuesOf = (account: ReportAccount): number[] | null => {
    const values = keptOn<number[] | null>(account, key);
    if (values !== undefined) return values;
    const carried = carriedSeries(account, from, keyBefore);
    if (carried !== undefined) return keepOn(account, key, carried);
    const own: number[] = [];
    for (let k = 0; k <= to - from; k++) own.push(perAccount(account, windowStart(account.months, from + k, window), false).value);
    return keepOn(account, key, own.some((v) => v !== 0) ? own : null);
  };
  const series = (accounts: readonly ReportAccount[]) => {
    const out = new Array<number>(to - from + 1).fill(0);
    for (const account of accounts) {
      const values = valuesOf(account);
      if (values !== null) for (let k = 0; k < out.length; k++) out[k] = combined(combine, out[k], values[k]);
    }
    return out;
  };
  // Beside a like snapshot's series of the same window: its totals with the replaced accounts' values replaced.
  const like = likePrepared(prepared);
  const before = like && seriesOf.get(like.possible)?.get(key);
  const replaced = (accounts: readonly ReportAccount[], likeAccounts: readonly ReportAccount[], totals: readonly number[]): number[] | null => {
    const changes = replacements(accounts, likeAccounts);
    if (changes === null) return null;
    let out: number[] | null = null;
    for (const change of changes) {
      const old = change.old && valuesOf(change.old);
      const next = change.next && valuesOf(change.next);
      if (old === null && next === null) continue;
      out ??= totals.slice();
      for (let k = 0; k < out.length; k++) {
        const total = replacedTotal(combine, out[k], old?.[k] ?? 0, next?.[k] ?? 0);
        if (total === null) return null;
        out[k] = total;
      }
    }
    return out ?? (totals as number[]);
  };
  const out = {
    certain: (before && replaced(prepared.certain, like.certain, before.certain)) || series(prepared.certain),
    possible: (before && replaced(prepared.possible, like.possible, before.possible)) || series(prepared.possible),
  };
  kept.set(key, out);
  return out;
}

/**
 * The series of the account's report account of the month before (the next month of a baseline's
 * timeline: the same ledger account, one row more), when it was computed and the row added is not
 * overdue (or none was added): each of its windows then reads what the window ending a month later
 * reads here, both starting on the same row. Undefined otherwise. `from` and `to` are this
 * account's series' (its report month + 1, + the window).
 */
function seriesBefore(account: ReportAccount, from: number, keyBefore: string): { values: number[] | null } | undefined {
  const before = ownAccountBefore(account, from - 1);
  if (before === null || (before.added !== null && statusInfo(before.added.status).lenderOverdue)) return undefined;
  const values = keptOn<number[] | null>(before.earlier, keyBefore);
  return values === undefined ? undefined : { values };
}

/** The key of a window metric's series from `from` to `to` (windowSeries), kept with each account. */
function seriesKey(metric: WindowMetricId, window: number, from: number, to: number): string {
  return `series:${metric}:${window}:${from}:${to}`;
}

/** The account's series carried on from the month before's (seriesBefore): one window on, the last starting after the report month and holding no row. */
function carriedSeries(account: ReportAccount, from: number, keyBefore: string): number[] | null | undefined {
  const before = seriesBefore(account, from, keyBefore);
  if (before === undefined) return undefined;
  if (before.values === null) return null;
  const out = [...before.values.slice(1), 0];
  return out.some((v) => v !== 0) ? out : null;
}

/** The series of one set of prepared accounts (warn and fail levels, the report and the scores ask alike). */
const seriesOf = new WeakMap<readonly ReportAccount[], Map<string, { certain: number[]; possible: number[] }>>();

const currentOverdueKey = partKeys('currentOverdue');

/**
 * 当前逾期总额: what is overdue in the report month, a card's unpaid minimum (never its whole
 * bill). A card whose minimum is unknown adds its range: the value is the low end (surely
 * overdue), `range` both ends.
 */
const CURRENT_OVERDUE: PartMetric = {
  combine: 'sum',
  part: (account, ctx) =>
    keptPart(account, currentOverdueKey(ctx.reportMonth), () => {
      const month = formatMonth(ctx.reportMonth);
      const last = account.months.at(-1);
      if (!last || last.month !== month || !statusInfo(last.status).lenderOverdue) return null;
      const [from, to] = last.overdueRangeFen ?? [last.overdueFen, last.overdueFen];
      const known = from !== null && to !== null;
      return { value: known ? from : 0, high: known ? to : 0, missing: known ? 0 : 1, ref: monthRef(account, month) };
    }),
  finish(f) {
    const out = figure('fen', f.value, f.records, f.missing);
    if (f.high !== f.value) out.range = [f.value, f.high];
    return out;
  },
};

function badDebtRef(account: ReportAccount, reportMonth: number): RecordRef | null {
  // Its months of bad debt still on the report are among its B months: an account without one
  // (most) has none, and its negative runs need not be found for this.
  if (!hasBadDebtMonth(account, reportMonth)) return null;
  const retained = retainedNegativeMonths(account, reportMonth);
  const months: string[] = [];
  for (const m of account.months) if (m.status === 'B' && retained.has(m.month)) months.push(m.month);
  return months.length > 0 ? accountRef(account, months) : null;
}

/**
 * Whether any of the account's months is B, kept with it: the month before's answer (a baseline's
 * next month: the same rows and the one added, layouts.ts ownAccountBefore) or the added row's,
 * else a look at every row.
 */
function hasBadDebtMonth(account: ReportAccount, reportMonth: number): boolean {
  const kept = keptOn<boolean>(account, 'badDebtMonth');
  if (kept !== undefined) return kept;
  const before = ownAccountBefore(account, reportMonth);
  const earlier = before === null ? undefined : keptOn<boolean>(before.earlier, 'badDebtMonth');
  const found = earlier !== undefined ? earlier || before!.added?.status === 'B' : account.months.some((m) => m.status === 'B');
  return keepOn(account, 'badDebtMonth', found);
}

/** One account counted, with its record. */
function counted(ref: RecordRef): Part {
  return { value: 1, high: 1, missing: 0, ref };
}

const badDebtKey = partKeys('badDebt');

/** Accounts with 呆账 (B) still on the report: each one's record names its months of bad debt still on it. */
const BAD_DEBT: PartMetric = {
  combine: 'sum',
  part: (account, ctx) =>
    keptPart(account, badDebtKey(ctx.reportMonth), () => {
      const ref = badDebtRef(account, ctx.reportMonth);
      return ref === null ? null : counted(ref);
    }),
  finish: (f) => figure('count', f.value, f.records),
};

/** Hard queries in the window: `hard` is the profile's set, decided when the ledger read the queries (hard-queries.ts). */
function hardQueries(ctx: Context, window: number): Figure {
  const hard = queriesOnReport(ctx.input.queries, ctx.asOfDay).filter((q) => q.hard);
  const within = queriesInWindow(hard, ctx.asOfDay, window);
  return figure('count', within.length, within.map(queryRef));
}

const onlineLoanKey = partKeys('onlineLoan');

const ONLINE_LOANS: PartMetric = {
  combine: 'sum',
  part: (account, ctx) => keptPart(account, onlineLoanKey(ctx.reportMonth), () => (isOpen(account, ctx.reportMonth) && isOnlineLoan(account) ? counted(accountRef(account)) : null)),
  finish: (f) => figure('count', f.value, f.records),
};

const isCard = (a: ReportAccount) => a.type === 'R2' || a.type === 'R3';

/** A card on its own line: its used amount against its limit, or counted as missing when either is unknown. */
function ownLinePart(card: ReportAccount, limitFen: number | null, ctx: Context): Part {
  const balance = card.months.at(-1)?.creditUsedFen ?? null;
  const ref = monthRef(card, formatMonth(ctx.reportMonth));
  return limitFen === null || balance === null ? { value: 0, high: 0, missing: 1, ref } : { value: balance, high: limitFen, missing: 0, ref };
}

/**
 * Used ÷ line over open cards (R2, R3), each shared line once (credit-lines.ts): the cards on a
 * line add their used amounts against its one limit. A line missing its limit, or a card on it
 * its used amount, is left out and counted. The fold's value is the amount used, its high end the
 * lines; a card on a line of its own is a part of its own.
 */
const CARD_UTILISATION: PartMetric = {
  combine: 'sum',
  part(account, ctx) {
    if (!isCard(account) || !isOpen(account, ctx.reportMonth)) return null;
    return account.source.sharedLine === null ? ownLinePart(account, account.source.limitFen, ctx) : undefined;
  },
  whole(accounts, ctx) {
    const cards = accounts.filter((a) => isCard(a) && isOpen(a, ctx.reportMonth));
    const out: Folded = { value: 0, high: 0, missing: 0, records: cards.map((a) => monthRef(a, formatMonth(ctx.reportMonth))) };
    for (const { accounts: onLine, limitFen } of creditLines(cards)) {
      let balances: number | null = 0;
      for (const card of onLine) {
        const balance = card.months.at(-1)?.creditUsedFen ?? null;
        balances = balances === null || balance === null ? null : balances + balance;
      }
      if (limitFen === null || balances === null) {
        out.missing += onLine.length;
        continue;
      }
      out.value += balances;
      out.high += limitFen;
    }
    return out;
  },
  finish: (f) => figure('ratio', f.high > 0 ? f.value / f.high : null, f.records, f.missing),
};

const debtToIncomeKey = partKeys('debtToIncome');

/**
 * Monthly debt ÷ the monthly income: a revolving account counts its share of the credit in use
 * (debt-to-income.ts), any other account its 本月应还款 (the instalment) in the report month.
 */
const DEBT_TO_INCOME: PartMetric = {
  combine: 'sum',
  part(account, ctx) {
    const share = ctx.input.settings.debtToIncome.revolvingShareOfUsed;
    return keptPart(account, debtToIncomeKey(ctx.reportMonth, share), () => {
      const month = formatMonth(ctx.reportMonth);
      const last = account.months.at(-1);
      if (last?.month !== month || !isOpen(account, ctx.reportMonth)) return null;
      const amount = account.kind === 'revolving' ? shareOfUsed(last.creditUsedFen, share) : last.amountDueFen;
      return { value: amount ?? 0, high: amount ?? 0, missing: amount === null ? 1 : 0, ref: monthRef(account, month) };
    });
  },
  finish(f, ctx) {
    const income = ctx.input.profileFacts.monthlyIncomeFen;
    return figure('ratio', income !== null && income > 0 ? f.value / income : null, f.records, f.missing);
  },
};

/** The profile's share (core/settings/conventions.ts; Credence's default of core/rules/debt-to-income.ts unless edited). */
function shareOfUsed(usedFen: number | null, share: number): number | null {
  return usedFen === null ? null : Math.round(usedFen * share);
}

const PART_METRICS: Record<Exclude<LenderMetricId, 'hard_queries_in_window'>, PartMetric> = {
  consecutive_overdue_months: windowPartMetric('consecutive_overdue_months'),
  overdue_months_in_window: windowPartMetric('overdue_months_in_window'),
  current_overdue_fen: CURRENT_OVERDUE,
  bad_debt_accounts: BAD_DEBT,
  open_online_loan_accounts: ONLINE_LOANS,
  debt_to_income: DEBT_TO_INCOME,
  card_utilisation: CARD_UTILISATION,
};

/** Every account's part folded, in the list's order. */
function fold(m: PartMetric, accounts: readonly ReportAccount[], ctx: Context, window: number): Folded {
  if (m.whole) return m.whole(accounts, ctx);
  const out: Folded = { value: 0, high: 0, missing: 0, records: [] };
  for (const account of accounts) {
    const part = m.part(account, ctx, window);
    if (!part) continue;
    out.value = combined(m.combine, out.value, part.value);
    out.high = combined(m.combine, out.high, part.high);
    out.missing += part.missing;
    out.records.push(part.ref);
  }
  return out;
}

/**
 * The fold of `accounts` from the fold of a like list (replaced.ts): the parts of the accounts
 * at the replaced positions taken out and theirs put in; null when that cannot be exact.
 */
function replacedFold(m: PartMetric, accounts: readonly ReportAccount[], ctx: Context, like: readonly ReportAccount[], likeCtx: Context, before: Folded, window: number): Folded | null {
  const changes = replacements(accounts, like);
  if (changes === null) return null;
  let { value, high, missing, records } = before;
  for (const change of changes) {
    const old = change.old && m.part(change.old, likeCtx, window);
    const next = change.next && m.part(change.next, ctx, window);
    if (old === undefined || next === undefined) return null;
    const v = replacedTotal(m.combine, value, old?.value ?? 0, next?.value ?? 0);
    const h = replacedTotal(m.combine, high, old?.high ?? 0, next?.high ?? 0);
    const r = replacedRecords(records, old?.ref ?? null, next?.ref ?? null, change.atEnd);
    if (v === null || h === null || r === null) return null;
    value = v;
    high = h;
    missing += (next?.missing ?? 0) - (old?.missing ?? 0);
    records = r;
  }
  return { value, high, missing, records };
}

/** The fold of one list of prepared accounts under `key`, kept with the list; from a like list's where there is one. */
function foldedOn(m: PartMetric, key: string, accounts: readonly ReportAccount[], ctx: Context, like: readonly ReportAccount[] | null, likeCtx: Context | null, window: number): Folded {
  let kept = foldsOf.get(accounts);
  if (!kept) foldsOf.set(accounts, (kept = new Map()));
  let out = kept.get(key);
  if (out) return out;
  const before = like && foldsOf.get(like)?.get(key);
  out = (before && replacedFold(m, accounts, ctx, like, likeCtx!, before, window)) || fold(m, accounts, ctx, window);
  kept.set(key, out);
  return out;
}

const foldsOf = new WeakMap<readonly ReportAccount[], Map<string, Folded>>();

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
  const all = reportAccounts(input, reportMonth, overrides);
  const ctx = { reportMonth, asOfDay, input };
  const plain = overrides.layout === undefined && overrides.reporting === undefined;
  const onReportKey = `onReport:${reportMonth}`;
  const on = (a: ReportAccount) => keptOn<boolean>(a, onReportKey) ?? keepOn(a, onReportKey, onReport(a, reportMonth));
  return { ctx, asOf, all, ...((plain && listsFromLike(all, input, asOf, on)) || scenarios(all.filter(on))) };
}
export type PreparedMetrics = ReturnType<typeof prepare>;

/**
 * Both readings' lists of the accounts on the report, from those of the snapshot this one is
 * evaluated beside (replaced.ts) on the same day, where its accounts differ in a few: what
 * filtering every account gives (scenarios(), in the list's order).
 */
function listsFromLike(all: readonly ReportAccount[], input: LedgerSnapshot, asOf: string, on: (a: ReportAccount) => boolean): { certain: ReportAccount[]; possible: ReportAccount[] } | null {
  const like = likeOf(input);
  const before = like && preparedOf.get(like)?.get(asOf);
  const changes = before && replacements(all, before.all);
  if (!changes) return null;
  const possible = keptFromLike(changes, before.possible, on);
  const certain = possible && keptFromLike(changes, before.certain, (a) => a.reporting === 'yes' && on(a));
  return certain && readings(certain, possible!);
}

/**
 * The prepared accounts of the snapshot this one is evaluated beside (replaced.ts), on the same day
 * and with the same settings (a part reads them), when they were prepared.
 */
function likePrepared(prepared: PreparedMetrics): PreparedMetrics | null {
  const like = likeOf(prepared.ctx.input);
  if (!like || like.settings !== prepared.ctx.input.settings) return null;
  return preparedOf.get(like)?.get(prepared.asOf) ?? null;
}

/** A metric of prepared accounts, kept with them (the accounts fix the snapshot and day; the report month is in the key). */
function valueOf(metric: LenderMetricId, window: number | null, prepared: PreparedMetrics): LenderMetricValue {
  const key = `${metric}:${window}:${prepared.ctx.reportMonth}`;
  let kept = valuesOf.get(prepared.possible);
  if (!kept) valuesOf.set(prepared.possible, (kept = new Map()));
  let value = kept.get(key);
  if (!value) {
    let certain: Figure;
    let possible: Figure;
    if (metric !== 'hard_queries_in_window') {
      const m = PART_METRICS[metric];
      const like = likePrepared(prepared);
      const likeCtx = like && { ...like.ctx, reportMonth: prepared.ctx.reportMonth };
      const w = window ?? 24;
      certain = m.finish(foldedOn(m, key, prepared.certain, prepared.ctx, like?.certain ?? null, likeCtx, w), prepared.ctx);
      possible = m.finish(foldedOn(m, key, prepared.possible, prepared.ctx, like?.possible ?? null, likeCtx, w), prepared.ctx);
    } else {
      certain = hardQueries(prepared.ctx, window ?? 1);
      possible = hardQueries(prepared.ctx, window ?? 1);
    }
    const figure = merge(certain, possible);
    kept.set(key, (value = { ...figure, metric, windowMonths: window }));
    figuresOf.set(value, figure);
  }
  return value;
}

const valuesOf = new WeakMap<readonly ReportAccount[], Map<string, LenderMetricValue>>();

/**
 * Every metric value with the figure it was made of (valueOf), which the lender view shows: one
 * lookup per rule and report month instead of copying the value without its two fields, whose
 * shapes vary with the folds that made them (a scenario's replaced folds).
 */
const figuresOf = new WeakMap<LenderMetricValue, Figure>();

/** The figure a metric value was made of: the value without its metric and window. */
export function figureOf(value: LenderMetricValue): Figure {
  return figuresOf.get(value)!;
}

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
