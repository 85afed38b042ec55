// The report's computed core for one scenario of layouts and reporting: the accounts on the
// report, the summary counters (each figure both ways: known reporting, and with the unknown
// accounts), each account's detail view, and the lender view. report.ts assembles the full
// report from it; the layout comparison and the Huabei switch run it again with overrides.

import { LENDER_RULES } from '../rules/lender-heuristics.ts';
import { figure, merge } from './figures.ts';
import { reportAccounts, scenarios, type ReportAccount, type ScenarioOverrides, LAYOUT_FIELDS } from './layouts.ts';
import { lenderView } from './lender-view.ts';
import { likeOf, replacements } from './replaced.ts';
import { querySummary } from './query-summary.ts';
import { closedMonth, gridMonths, inGrid, onReport } from './repayment-grid.ts';
import { retainedNegatives } from './retention.ts';
import type { EffectiveRule } from '../settings/bureau-settings.ts';
import {
  ACCOUNT_STATES,
  accountState,
  amountOf,
  average6mOf,
  badDebt,
  balanceOf,
  businessType,
  debtSummary,
  openedMonthOnReport,
  overdueSummary,
  overview,
  TYPE_ORDER,
} from './summary-counters.ts';
import type { Figure, GraceApplied, KeyFigure, ReportAccountView, ReportSummary, RuleEvaluation } from './report-schema.ts';
import { graceRuleOf, issuerOf, type GraceRule } from '../rules/repayment-grace.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { dayIndex, formatMonth, reportMonthOf } from './windows.ts';

export interface ReportCore {
  asOfDay: number;
  reportMonth: number;
  accounts: ReportAccount[];
  summary: ReportSummary;
  lenderView: RuleEvaluation[];
  /** The profile's 容时 and 容差 by issuer, to say which rule judged each account. */
  graceRules: Readonly<Record<string, GraceRule>>;
}

export function defaultRules(): EffectiveRule[] {
  return LENDER_RULES.map((rule) => ({ rule, defaults: rule, edited: false }));
}

/**
 * One reading's summary. Beside a like snapshot's list (replaced.ts), each counter starts from the
 * like list's answer, kept with that list.
 */
function summarize(accounts: readonly ReportAccount[], snapshot: LedgerSnapshot, reportMonth: number, asOfDay: number, like: readonly ReportAccount[] | null): ReportSummary {
  const before = like && summaries.get(like);
  const beside = <T>(pick: (s: ReportSummary) => T) => (before ? { accounts: like, answer: pick(before) } : null);
  const out: ReportSummary = {
    overview: overview(accounts, beside((s) => s.overview)),
    defaults: { badDebt: badDebt(accounts, beside((s) => s.defaults.badDebt)), overdue: overdueSummary(accounts, reportMonth, beside((s) => s.defaults.overdue)) },
    debt: debtSummary(accounts, reportMonth, beside((s) => s.debt)),
    queries: querySummary(snapshot.queries, asOfDay),
  };
  summaries.set(accounts, out);
  return out;
}

/** Each reading's summary, kept with its list of accounts: what a like list's summary starts from. */
const summaries = new WeakMap<readonly ReportAccount[], ReportSummary>();

/**
 * A snapshot's core on a day (no overrides), kept with the snapshot: the accounts it was built
 * from (every account reportAccounts gives), those on the report in the report's order, and the
 * two readings' lists; where a like snapshot's start from.
 */
interface Readings {
  all: readonly ReportAccount[];
  accounts: readonly ReportAccount[];
  certain: ReportAccount[];
  possible: ReportAccount[];
}

const readings = new WeakMap<LedgerSnapshot, Map<string, Readings>>();

function likeReadings(snapshot: LedgerSnapshot, asOf: string): Readings | null {
  const like = likeOf(snapshot);
  return (like && readings.get(like)?.get(asOf)) ?? null;
}

/** An account's place in the report: by type, then the month it is on the report from, then id. */
const orderOf = (a: ReportAccount) => ({ a, type: TYPE_ORDER.indexOf(a.type), opened: openedMonthOnReport(a) });
const byReportOrder = (x: ReturnType<typeof orderOf>, y: ReturnType<typeof orderOf>) => x.type - y.type || x.opened - y.opened || x.a.id - y.a.id;

export function sortAccounts(accounts: readonly ReportAccount[]): ReportAccount[] {
  // Each account's key read once, not once per comparison.
  const keyed = accounts.map(orderOf);
  keyed.sort(byReportOrder);
  return keyed.map((k) => k.a);
}

/**
 * The like snapshot's accounts on the report (in the report's order) with the replaced accounts
 * (replaced.ts) taken out and put in at their places: what sorting the list on the report gives,
 * the order being total. Null when the lists differ much, or an account put in ties with one in
 * place (the sort's order between them would be their order in the list).
 */
function sortedFromLike(all: readonly ReportAccount[], like: Readings, reportMonth: number): ReportAccount[] | null {
  const changes = replacements(all, like.all);
  if (changes === null) return null;
  const out = like.accounts.slice();
  for (const { old, next } of changes) {
    if (old !== null && onReport(old, reportMonth)) {
      const at = out.indexOf(old);
      if (at < 0) return null;
      out.splice(at, 1);
    }
    if (next === null || !onReport(next, reportMonth)) continue;
    const key = orderOf(next);
    let [low, high] = [0, out.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      const order = byReportOrder(orderOf(out[mid]!), key);
      if (order === 0) return null;
      if (order < 0) low = mid + 1;
      else high = mid;
    }
    out.splice(low, 0, next);
  }
  return out;
}

export function computeCore(snapshot: LedgerSnapshot, asOf: string, rules: readonly EffectiveRule[], overrides: ScenarioOverrides = {}): ReportCore {
  const asOfDay = dayIndex(asOf);
  const reportMonth = reportMonthOf(asOfDay);
  const all = reportAccounts(snapshot, reportMonth, overrides);
  const plain = overrides.layout === undefined && overrides.reporting === undefined;
  const like = plain ? likeReadings(snapshot, asOf) : null;
  const accounts = (like && sortedFromLike(all, like, reportMonth)) || sortAccounts(all.filter((a) => onReport(a, reportMonth)));
  const lists = scenarios(accounts);
  if (plain) {
    let kept = readings.get(snapshot);
    if (!kept) readings.set(snapshot, (kept = new Map()));
    kept.set(asOf, { all, accounts, ...lists });
  }
  // One list for both readings when every account is known to report (layouts.ts readings): one summary.
  const certain = summarize(lists.certain, snapshot, reportMonth, asOfDay, like?.certain ?? null);
  return {
    asOfDay,
    reportMonth,
    accounts,
    summary: merge(certain, lists.possible === lists.certain ? certain : summarize(lists.possible, snapshot, reportMonth, asOfDay, like?.possible ?? null)),
    lenderView: lenderView(snapshot, asOf, rules, overrides),
    graceRules: snapshot.settings.graceRules,
  };
}

// ---------------------------------------------------------------- account detail

function instalments(a: ReportAccount, reportMonth: number): number | null {
  const how = LAYOUT_FIELDS[a.layout].instalments;
  if (how === 'term') return a.source.termMonths;
  if (how === 'none') return null;
  // Merged accounts count their instalments in months (report note 10).
  const end = closedMonth(a, reportMonth) ?? reportMonth;
  return end - openedMonthOnReport(a) + 1;
}

/** The rule the ledger judged the account's months with (core/ledger/recompute/history-inputs.ts reads the same). */
function graceApplied(a: ReportAccount, graceRules: Readonly<Record<string, GraceRule>>): GraceApplied {
  const { rule, origin } = graceRuleOf(issuerOf(a.source), a.kind === 'revolving', graceRules);
  return { graceDays: rule.graceDays, toleranceFen: rule.toleranceFen, origin, source: rule.source };
}

export function accountView(a: ReportAccount, reportMonth: number, graceRules: Readonly<Record<string, GraceRule>>): ReportAccountView {
  const all = gridMonths(a);
  const grid = inGrid(all, reportMonth);
  const closed = closedMonth(a, reportMonth);
  const state = accountState(a, reportMonth);
  const method = LAYOUT_FIELDS[a.layout].method;
  const business = businessType(a);
  return {
    id: a.id,
    name: a.name,
    product: a.product,
    reporting: a.reporting,
    sinceMonth: a.sinceMonth,
    type: a.type,
    typeAssumed: a.typeAssumed,
    layout: a.layout,
    layoutAssumed: a.layoutAssumed,
    lineId: a.lineId,
    lender: a.source.lender,
    institutionType: a.source.institutionType,
    businessType: business.code,
    businessName: business.name,
    openedMonth: formatMonth(openedMonthOnReport(a)),
    closedMonth: closed === null ? null : formatMonth(closed),
    open: closed === null,
    state,
    stateName: ACCOUNT_STATES[state].name,
    amountFen: amountOf(a),
    balanceFen: balanceOf(a),
    repaymentMethod: method === 'own' ? a.source.repaymentMethod : method === 'flexible' ? 'flexible' : null,
    instalments: instalments(a, reportMonth),
    latest: all.at(-1) ?? null,
    average6mFen: average6mOf(a, reportMonth),
    gridFrom: grid[0]?.month ?? null,
    gridTo: grid.at(-1)?.month ?? null,
    grid,
    negative: retainedNegatives(a, reportMonth),
    grace: graceApplied(a, graceRules),
  };
}

// ---------------------------------------------------------------- key figures

/** Figures added up (both scenarios' ends, the missing amounts and the records behind them). */
export function total(figures: readonly Figure[], unit: Figure['unit']): Figure {
  const merged = figures.reduce<Figure>(
    (acc, f) => ({
      ...acc,
      value: (acc.value ?? 0) + (f.value ?? 0),
      missing: acc.missing + f.missing,
      records: [...acc.records, ...f.records],
    }),
    figure(unit, 0),
  );
  const ifUnknown = figures.some((f) => 'ifUnknownReported' in f);
  if (ifUnknown) merged.ifUnknownReported = figures.reduce((s, f) => s + (('ifUnknownReported' in f ? f.ifUnknownReported : f.value) ?? 0), 0);
  return merged;
}

const ruleFigure = (core: ReportCore, ruleId: string): Figure => core.lenderView.find((r) => r.ruleId === ruleId)?.figure ?? figure('count', null);

/** The figures the side-by-side views compare, by key (the UI names each key). */
export const KEY_FIGURES: readonly { key: string; pick: (core: ReportCore) => Figure }[] = [
  { key: 'accounts.total', pick: (c) => c.summary.overview.totalAccounts },
  ...TYPE_ORDER.map((type) => ({ key: `accounts.${type}`, pick: (c: ReportCore) => c.summary.overview.byType.find((t) => t.type === type)!.accounts })),
  ...TYPE_ORDER.map((type) => ({ key: `debt.${type}.accounts`, pick: (c: ReportCore) => c.summary.debt.find((d) => d.type === type)!.accounts })),
  ...TYPE_ORDER.map((type) => ({ key: `debt.${type}.total`, pick: (c: ReportCore) => c.summary.debt.find((d) => d.type === type)!.totalFen })),
  ...TYPE_ORDER.map((type) => ({ key: `debt.${type}.balance`, pick: (c: ReportCore) => c.summary.debt.find((d) => d.type === type)!.balanceFen })),
  { key: 'overdue.accounts', pick: (c) => total(c.summary.defaults.overdue.map((o) => o.accounts), 'count') },
  { key: 'overdue.months', pick: (c) => total(c.summary.defaults.overdue.map((o) => o.months), 'months') },
  { key: 'online_loans', pick: (c) => ruleFigure(c, 'online_loans') },
  { key: 'card_utilisation', pick: (c) => ruleFigure(c, 'card_utilisation') },
  { key: 'current_overdue', pick: (c) => ruleFigure(c, 'current_overdue') },
  { key: 'debt_to_income', pick: (c) => ruleFigure(c, 'debt_to_income') },
];

export function keyFigures(core: ReportCore): KeyFigure[] {
  return KEY_FIGURES.map(({ key, pick }) => ({ key, figure: pick(core) }));
}
