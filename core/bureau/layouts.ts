// Which ledger accounts are accounts on the report, under which type, and in which layout.
//
// Report note 10 [A]: for small-amount, high-frequency self-service loans the lender may merge
// the accounts into one, shown as 不区分还款方式 with monthly frequency; the folklore
// (docs/domain/platform-products.md#weilidai [C]) says every Jiebei or Weilidai draw is its own
// account. Both are legitimate, so the layout is chosen per line (the ledger's `bureauLayout`, a
// default the user confirms):
//   per_draw        each draw under the line is an account; the line itself is not.
//   merged_monthly  the line is one account whose history is its draws merged month by month
//                   (the ledger's line history is exactly that); the draws are not accounts.
//   revolving_line  the account is one revolving line (cards, Huabei).
// Reporting comes from the ledger too: `no` accounts are not on the report, `unknown` ones are
// carried as "may be on it" (report.ts shows the figures both ways), and months before the
// account's `bureauSinceMonth` are not on it (the 2020 Huabei upgrade, huabei-authorisation.ts).

import type { MonthRow } from '../ledger/account-schema.ts';
import type { BureauLayout, BureauType, Product, RepaymentMethod, ReportsToBureau, AccountKind } from '../shared/ledger-vocabulary.ts';
import type { RecordRef, ReportAccountView } from './report-schema.ts';
import type { LedgerAccountSnapshot, LedgerSnapshot } from '../ledger/snapshot.ts';
import { formatMonth, monthIndex, monthOfDate } from './windows.ts';
import { worstStatus } from '../ledger/repayment-status.ts';
import { keptFromLike, likeOf, replacements, type Replacement } from './replaced.ts';
import { isNegative } from '../shared/status-alphabet.ts';

/** An account as it appears on the simulated report: the view's identity fields, plus what builds it. */
export interface ReportAccount
  extends Pick<
    ReportAccountView,
    'id' | 'name' | 'product' | 'lineId' | 'reporting' | 'sinceMonth' | 'type' | 'typeAssumed' | 'layout' | 'layoutAssumed'
  > {
  kind: AccountKind;
  source: LedgerAccountSnapshot;
  /** Months on the report: from the reporting start on, up to the report month. */
  months: MonthRow[];
  /** Merged lines: the draws whose history the account carries. */
  drawIds: number[];
  /** Merged lines: the draws' principal together (null when one is unknown). */
  drawPrincipalFen: number | null;
  /**
   * What functions of this account compute (keptWith, keptOn): a field, made with the account,
   * rather than a weak map from accounts, since every fold over the month's accounts reads one
   * part of each.
   */
  parts: AccountParts;
}

/**
 * A report account's kept parts: the two that nearly every fold of a month reads of every account
 * (its plain record, figures.ts; the month it is on the report from, summary-counters.ts) as
 * fields, set on first use; any other by its key (a text naming the function and its month,
 * window, …).
 */
export interface AccountParts {
  ref: RecordRef | null;
  openedMonth: number | null;
  byKey: Map<string, unknown>;
}

// ---------------------------------------------------------------- tables

interface TypeRule {
  id: string;
  when: Partial<{ product: readonly Product[]; kind: readonly AccountKind[]; method: readonly RepaymentMethod[] }>;
  type: BureauType;
  source: string;
}

/**
 * The account type the report files an account under when the ledger has none (the user has
 * not read it off their own report). First match wins. Every account so filed is labelled
 * "type assumed" on the report.
 */
export const ASSUMED_TYPES: readonly TypeRule[] = [
  { id: 'card', when: { product: ['credit_card'] }, type: 'R2', source: 'docs/domain/pboc-report.md#account-types: R2 贷记卡账户' },
  { id: 'draw', when: { kind: ['draw'] }, type: 'R4', source: 'docs/domain/pboc-report.md#account-types: R4 循环额度下分账户, a draw under a revolving line (its 授信协议)' },
  { id: 'loan', when: { kind: ['loan'] }, type: 'D1', source: 'docs/domain/pboc-report.md#account-types: D1 非循环贷账户, one-off drawdown' },
  { id: 'bullet', when: { method: ['bullet'] }, type: 'D1', source: 'docs/domain/pboc-report.md#classifying-a-loan-without-a-type: 到期一次还本付息 → 非循环' },
  { id: 'instalments', when: { method: ['equal_installment'] }, type: 'R4', source: 'docs/domain/pboc-report.md#classifying-a-loan-without-a-type: 分期等额本息 → 循环额度下分' },
  { id: 'otherwise', when: {}, type: 'R1', source: 'docs/domain/pboc-report.md#classifying-a-loan-without-a-type: else 循环贷 (R1)' },
];

/** The layout when the ledger has none (a product the defaults table does not know). */
export const ASSUMED_LAYOUTS: Record<AccountKind, { layout: BureauLayout; source: string }> = {
  revolving: { layout: 'revolving_line', source: 'docs/domain/pboc-report.md#account-types: a revolving account is one account' },
  line: { layout: 'merged_monthly', source: 'report note 10 [A]: small high-frequency loans may be merged into one monthly account' },
  draw: { layout: 'per_draw', source: 'docs/domain/platform-products.md#ledger-data-model: a draw reported on its own' },
  loan: { layout: 'per_draw', source: 'docs/domain/pboc-report.md#account-types: one account per loan' },
};

/** How each layout fills the account's fields (report notes 10 and 12). */
export const LAYOUT_FIELDS: Record<BureauLayout, { method: 'own' | 'flexible' | 'none'; instalments: 'term' | 'months_run' | 'none'; source: string }> = {
  per_draw: { method: 'own', instalments: 'term', source: 'docs/domain/pboc-report.md#account-fields: AD05 还款方式, AS01 还款期数 from the contract' },
  merged_monthly: {
    method: 'flexible',
    instalments: 'months_run',
    source: 'report note 10: 还款方式 不区分还款方式, 还款频率 月, 还款期数 counted in months',
  },
  revolving_line: { method: 'none', instalments: 'none', source: 'report note 12: 还款期数 "--" means non-instalment' },
};

function matches(rule: TypeRule, account: LedgerAccountSnapshot): boolean {
  const { product, kind, method } = rule.when;
  if (product && !product.includes(account.product)) return false;
  if (kind && !kind.includes(account.kind)) return false;
  if (method && (account.repaymentMethod === null || !method.includes(account.repaymentMethod))) return false;
  return true;
}

export function assumedType(account: LedgerAccountSnapshot): TypeRule {
  return ASSUMED_TYPES.find((rule) => matches(rule, account))!;
}

// ---------------------------------------------------------------- building the accounts

export interface ScenarioOverrides {
  /** Line id → layout (the side-by-side comparison shows each line both ways). */
  layout?: ReadonlyMap<number, BureauLayout>;
  /** Account id → reporting (the Huabei switch turns one account on or off). */
  reporting?: ReadonlyMap<number, { reports: ReportsToBureau; since: string | null }>;
}

interface Reporter {
  reports: ReportsToBureau;
  since: string | null;
}

function reporterOf(account: LedgerAccountSnapshot, line: LedgerAccountSnapshot | null, overrides: ScenarioOverrides): Reporter {
  const own = overrides.reporting?.get(account.id);
  if (own) return own;
  // A draw reports as its line does unless the user said otherwise for the draw itself.
  if (line && !account.reportsToBureauSet) {
    const lineOverride = overrides.reporting?.get(line.id);
    if (lineOverride) return lineOverride;
    return { reports: line.reportsToBureau, since: line.bureauSinceMonth };
  }
  return { reports: account.reportsToBureau, since: account.bureauSinceMonth };
}

function layoutOf(account: LedgerAccountSnapshot, overrides: ScenarioOverrides): { layout: BureauLayout; assumed: boolean } {
  const chosen = overrides.layout?.get(account.id) ?? account.bureauLayout;
  if (chosen !== null) return { layout: chosen, assumed: false };
  return { layout: ASSUMED_LAYOUTS[account.kind].layout, assumed: true };
}

/** A draw is lent under its line's agreement: it carries the line's lender and institution type unless it has its own. */
function underLine(draw: LedgerAccountSnapshot, line: LedgerAccountSnapshot): LedgerAccountSnapshot {
  if (draw.lender !== null && draw.institutionType !== null) return draw;
  return { ...draw, lender: draw.lender ?? line.lender, institutionType: draw.institutionType ?? line.institutionType };
}

/**
 * A merged line's months (report note 10: the draws merged month by month). The line's own month
 * stands unless the ledger could not tell it (`#`, derived): then, when every draw running that
 * month has a known month, the draws' months merged: repayments the user entered on the draws
 * count. An overdue or other negative code of any draw is the month's (the worst, by
 * repayment-status.ts); a draw settled (C) while the line goes on is a month repaid (N).
 */
function withDrawMonths(line: LedgerAccountSnapshot, draws: readonly LedgerAccountSnapshot[]): LedgerAccountSnapshot {
  if (draws.length === 0) return line;
  const byMonth = new Map<string, MonthRow[]>();
  for (const draw of draws) for (const row of draw.months) byMonth.set(row.month, [...(byMonth.get(row.month) ?? []), row]);
  const months = line.months.map((row) => {
    const rows = byMonth.get(row.month);
    if (row.status !== '#' || row.statusSource !== 'derived' || !rows || rows.some((r) => r.status === '#')) return row;
    return mergeDrawRows(row, rows);
  });
  return { ...line, months };
}

function mergeDrawRows(line: MonthRow, rows: readonly MonthRow[]): MonthRow {
  const codes = rows.map((r) => r.status);
  const worst = worstStatus(codes)!;
  const status = isNegative(worst) ? worst : codes.some((c) => c === 'N' || c === 'C' || c === 'M') ? (codes.includes('M') ? 'M' : 'N') : '*';
  const add = (pick: (r: MonthRow) => number | null) => rows.reduce<number | null>((t, r) => (t === null || pick(r) === null ? null : t + pick(r)!), 0);
  return {
    ...line,
    status,
    reason: 'merged_draws',
    amountDueFen: add((r) => r.amountDueFen),
    amountPaidFen: add((r) => r.amountPaidFen) ?? 0,
    creditUsedFen: add((r) => r.creditUsedFen),
    daysPastDue: rows.reduce<number | null>((m, r) => (m === null || r.daysPastDue === null ? null : Math.max(m, r.daysPastDue)), 0),
    overdueFen: add((r) => r.overdueFen),
    overdueRangeFen: null,
  };
}

/** Months on the report: from the reporting start, up to the report month. */
function reportedMonths(account: LedgerAccountSnapshot, since: string | null, reportMonth: number): MonthRow[] {
  const last = formatMonth(reportMonth);
  const rows = account.months;
  if (!inMonthOrder(rows)) return rows.filter((row) => row.month <= last && (since === null || row.month >= since));
  // In month order the rows kept are one run of them: from the first not before `since` to the last not after `last`.
  const from = since === null ? 0 : rowsBefore(rows, since, false);
  const to = rowsBefore(rows, last, true);
  return from < to ? rows.slice(from, to) : [];
}

/** How many of the rows (in month order) are before `month`, or with `month` itself when `through`: by bisection. */
function rowsBefore(rows: readonly MonthRow[], month: string, through: boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = rows[mid]!.month;
    if (at < month || (through && at === month)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether a history's rows run in month order (a derived history's do: one row per month, in
 * turn), checked once per array: a snapshot is never edited, so a later answer is the same.
 */
function inMonthOrder(rows: readonly MonthRow[]): boolean {
  let known = ordered.get(rows);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < rows.length && known; i++) known = rows[i - 1]!.month <= rows[i]!.month;
    ordered.set(rows, known);
  }
  return known;
}

const ordered = new WeakMap<readonly MonthRow[], boolean>();

/**
 * Report accounts already built, per ledger account object and what else they are built from. A
 * snapshot is never edited (ARCHITECTURE.md, the read model), so an account object shared by
 * several snapshots (a what-if's months and scenarios share every account their actions leave
 * alone) is one report account for a report month: built once, and the same object each time,
 * which lets the grid's per-account work be kept with it (repayment-grid.ts, retention.ts).
 */
const built = new WeakMap<LedgerAccountSnapshot, Map<string, ReportAccount | null>>();

function toReportAccount(
  account: LedgerAccountSnapshot,
  reporter: Reporter,
  layout: { layout: BureauLayout; assumed: boolean },
  lineId: number | null,
  reportMonth: number,
  draws: readonly LedgerAccountSnapshot[] = [],
): ReportAccount | null {
  const key = `${reportMonth}|${reporter.reports}|${reporter.since}|${layout.layout}|${layout.assumed}|${lineId}|${drawsKey(draws)}`;
  let kept = built.get(account);
  if (!kept) built.set(account, (kept = new Map()));
  if (kept.has(key)) return kept.get(key)!;
  const out = buildReportAccount(account, reporter, layout, lineId, reportMonth, draws);
  kept.set(key, out);
  return out;
}

/** The draws a merged line carries, as a key: a loop, not map and join (whose arrays' kinds vary as they are compiled). */
function drawsKey(draws: readonly LedgerAccountSnapshot[]): string {
  let key = '';
  for (const d of draws) key += `${key === '' ? '' : ','}${d.id}:${d.principalFen}`;
  return key;
}

/**
 * An account under no line and without overrides: its reporting and layout are its own, so its
 * report account for a month is looked up by the month alone, with no key built (every account
 * of every month of a what-if's timeline asks); an account the overrides leave alone is the same.
 */
function ownReportAccount(account: LedgerAccountSnapshot, reportMonth: number): ReportAccount | null {
  let kept = own.get(account);
  if (!kept) own.set(account, (kept = new Map()));
  let out = kept.get(reportMonth);
  if (out === undefined) kept.set(reportMonth, (out = buildReportAccount(account, reporterOf(account, null, NO_OVERRIDES), layoutOf(account, NO_OVERRIDES), null, reportMonth, [])));
  return out;
}

const NO_OVERRIDES: ScenarioOverrides = {};

/** Whether the overrides set this account's reporting or layout (its own line's, for a line). */
function overridden(account: LedgerAccountSnapshot, overrides: ScenarioOverrides): boolean {
  return overrides.reporting?.has(account.id) === true || overrides.layout?.has(account.id) === true;
}

const own = new WeakMap<LedgerAccountSnapshot, Map<number, ReportAccount | null>>();

/**
 * The report account of the month before `reportMonth` built from the same ledger account on its
 * own (no line, no override), when `account` is that ledger account's own for `reportMonth` and
 * the one before was built, with the row `account` has more (null: none; the months before it are
 * the same rows). What a part kept with it carries on from (lender-metrics.ts seriesBefore,
 * summary-counters.ts overduePartOf).
 */
export function ownAccountBefore(account: ReportAccount, reportMonth: number): { earlier: ReportAccount; added: MonthRow | null } | null {
  const kept = own.get(account.source);
  if (kept === undefined || kept.get(reportMonth) !== account) return null;
  const earlier = kept.get(reportMonth - 1);
  if (!earlier) return null;
  const n = earlier.months.length;
  const rows = account.months;
  // Both are the ledger account's months filtered to their report month, in order: the earlier a prefix.
  if (n === 0 || rows.length > n + 1 || rows[0] !== earlier.months[0] || rows[n - 1] !== earlier.months[n - 1]) return null;
  return { earlier, added: rows.length > n ? rows[n] : null };
}

function buildReportAccount(
  account: LedgerAccountSnapshot,
  reporter: Reporter,
  layout: { layout: BureauLayout; assumed: boolean },
  lineId: number | null,
  reportMonth: number,
  draws: readonly LedgerAccountSnapshot[],
): ReportAccount | null {
  if (reporter.reports === 'no') return null;
  if (reporter.since !== null && monthIndex(reporter.since) > reportMonth) return null; // not reporting yet
  if (account.openedOn !== null && monthOfDate(account.openedOn) > reportMonth) return null;
  const months = reportedMonths(account, reporter.since, reportMonth);
  if (months.length === 0) return null;
  const type = account.bureauType ?? assumedType(account).type;
  return {
    id: account.id,
    name: account.name,
    product: account.product,
    kind: account.kind,
    lineId,
    reporting: reporter.reports,
    sinceMonth: reporter.since,
    type,
    typeAssumed: account.bureauType === null,
    layout: layout.layout,
    layoutAssumed: layout.assumed,
    source: account,
    months,
    drawIds: draws.map((d) => d.id),
    drawPrincipalFen: draws.length === 0 || draws.some((d) => d.principalFen === null) ? null : draws.reduce((total, d) => total + d.principalFen!, 0),
    parts: { ref: null, openedMonth: null, byKey: new Map() },
  };
}

/**
 * Every account that is, or may be, on the report at `reportMonth` (reporting `yes` or
 * `unknown`), with the layout of its line applied. Accounts whose reported months all lie
 * before the 60-month window are dropped later, by the grid (repayment-grid.ts).
 */
export function reportAccounts(snapshot: LedgerSnapshot, reportMonth: number, overrides: ScenarioOverrides = {}): readonly ReportAccount[] {
  // Without overrides the answer depends on the accounts alone: kept with their list, which the
  // snapshots of a what-if's months share (the report, the lender view and the scores each ask).
  if (overrides.layout !== undefined || overrides.reporting !== undefined) return buildReportAccounts(snapshot, reportMonth, overrides);
  let kept = listed.get(snapshot.accounts);
  if (!kept) listed.set(snapshot.accounts, (kept = new Map()));
  let out = kept.get(reportMonth);
  if (!out) kept.set(reportMonth, (out = fromLikeList(snapshot, reportMonth) ?? buildReportAccounts(snapshot, reportMonth, overrides)));
  return out;
}

/**
 * The list from the one of the snapshot this one is evaluated beside (replaced.ts), when each
 * ledger account that differs is on its own (no line, no draw: its report account is its own,
 * ownReportAccount, and no other account's depends on it): that account's report account (or
 * none) in its place, what building the whole list gives.
 */
function fromLikeList(snapshot: LedgerSnapshot, reportMonth: number): readonly ReportAccount[] | null {
  const like = likeOf(snapshot);
  const before = like && listed.get(like.accounts)?.get(reportMonth);
  const changes = before && replacements(snapshot.accounts, like.accounts);
  if (!changes) return null;
  const onOwn = (a: LedgerAccountSnapshot | null) => a === null || (a.kind !== 'line' && a.kind !== 'draw');
  const reported: Replacement<ReportAccount>[] = [];
  for (const { old, next, atEnd } of changes) {
    if (!onOwn(old) || !onOwn(next)) return null;
    reported.push({ old: old && ownReportAccount(old, reportMonth), next: next && ownReportAccount(next, reportMonth), atEnd });
  }
  return keptFromLike(reported, before, () => true);
}

/**
 * What a function of one report account (and the month, window, … in `key`) computes, kept with
 * the account: a report account is one object per ledger account and report month (above) and is
 * never edited, so every snapshot sharing it (a what-if's months and scenarios) reads it once.
 */
export function keptWith<T>(account: ReportAccount, key: string, compute: () => T): T {
  const kept = account.parts.byKey;
  const found = kept.get(key);
  if (found !== undefined || kept.has(key)) return found as T;
  const value = compute();
  kept.set(key, value);
  return value;
}

/**
 * keptWith in two steps, for the loops over every account of every month: the value kept under
 * `key` (undefined when none is: for values that are never undefined), and keeping one. No
 * closure is made when the value is found.
 */
export function keptOn<T>(account: ReportAccount, key: string): T | undefined {
  return account.parts.byKey.get(key) as T | undefined;
}

export function keepOn<T>(account: ReportAccount, key: string, value: T): T {
  account.parts.byKey.set(key, value);
  return value;
}

/**
 * The keys of one kind of kept part by month (and a second number: a window, a share), one string
 * for each, made once: a fold reads one part of each of its accounts, and a key built anew for
 * each (a string made, flattened and hashed) cost several times the lookup. `prefix:month`, or
 * `prefix:month:second`, as the key would be written out.
 */
export function partKeys(prefix: string): (month: number, second?: number) => string {
  const byMonth = new Map<number, string>();
  const byPair = new Map<number, Map<number, string>>();
  return (month, second) => {
    if (second === undefined) {
      let key = byMonth.get(month);
      if (key === undefined) byMonth.set(month, (key = `${prefix}:${month}`));
      return key;
    }
    let seconds = byPair.get(month);
    if (seconds === undefined) byPair.set(month, (seconds = new Map()));
    let key = seconds.get(second);
    if (key === undefined) seconds.set(second, (key = `${prefix}:${month}:${second}`));
    return key;
  };
}

const listed = new WeakMap<readonly LedgerAccountSnapshot[], Map<number, readonly ReportAccount[]>>();

/** The draws under each line (none without a draw: the accounts by id only when there is one). */
function drawsByLine(accounts: readonly LedgerAccountSnapshot[]): Map<number, LedgerAccountSnapshot[]> {
  const drawsOf = new Map<number, LedgerAccountSnapshot[]>();
  if (!accounts.some((a) => a.kind === 'draw')) return drawsOf;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  for (const account of accounts) {
    if (account.kind !== 'draw' || account.parentId === null) continue;
    if (byId.get(account.parentId)?.kind !== 'line') continue;
    if (!drawsOf.has(account.parentId)) drawsOf.set(account.parentId, []);
    drawsOf.get(account.parentId)!.push(account);
  }
  return drawsOf;
}

function buildReportAccounts(snapshot: LedgerSnapshot, reportMonth: number, overrides: ScenarioOverrides): ReportAccount[] {
  const drawsOf = drawsByLine(snapshot.accounts);
  const plain = overrides.layout === undefined && overrides.reporting === undefined;
  const out: ReportAccount[] = [];
  for (const account of snapshot.accounts) {
    if (account.kind === 'draw' && drawsOf.get(account.parentId ?? -1)?.includes(account)) continue; // with its line below
    if (account.kind !== 'line') {
      const reported =
        plain || !overridden(account, overrides) ? ownReportAccount(account, reportMonth) : toReportAccount(account, reporterOf(account, null, overrides), layoutOf(account, overrides), null, reportMonth);
      if (reported) out.push(reported);
      continue;
    }
    const draws = drawsOf.get(account.id) ?? [];
    const layout = layoutOf(account, overrides);
    if (layout.layout === 'per_draw' && draws.length > 0) {
      for (const draw of draws) {
        const reported = toReportAccount(underLine(draw, account), reporterOf(draw, account, overrides), layout, account.id, reportMonth);
        if (reported) out.push(reported);
      }
      continue;
    }
    // Merged (or per-draw with no draw known: the line's merged history is all there is).
    const merged = layout.layout === 'per_draw' ? { layout: 'merged_monthly' as const, assumed: true } : layout;
    const drawn = draws.filter((d) => d.openedOn === null || monthOfDate(d.openedOn) <= reportMonth);
    const reported = toReportAccount(withDrawMonths(account, drawn), reporterOf(account, null, overrides), merged, account.id, reportMonth, drawn);
    if (reported) out.push(reported);
  }
  return out;
}

/** Lines with draws: the accounts the comparison of layouts is about. */
export function linesWithDraws(snapshot: LedgerSnapshot): { line: LedgerAccountSnapshot; draws: LedgerAccountSnapshot[] }[] {
  return snapshot.accounts
    .filter((a) => a.kind === 'line')
    .map((line) => ({ line, draws: snapshot.accounts.filter((d) => d.kind === 'draw' && d.parentId === line.id) }))
    .filter((entry) => entry.draws.length > 0);
}

/** The two scenarios every figure is computed in: only `yes` accounts, and `yes` with `unknown`. */
export function scenarios(accounts: readonly ReportAccount[]): { certain: ReportAccount[]; possible: ReportAccount[] } {
  return readings(accounts.filter((a) => a.reporting === 'yes'), [...accounts]);
}

/**
 * Both readings' lists (`certain` the `yes` accounts of `possible`, in its order): when every
 * account is known to report, one list for both, so that what is computed and kept with a list
 * (the folds, the summary) is computed once for the two.
 */
export function readings(certain: ReportAccount[], possible: ReportAccount[]): { certain: ReportAccount[]; possible: ReportAccount[] } {
  return certain.length === possible.length ? { certain: possible, possible } : { certain, possible };
}
