// When it is safe to apply again: for each lender rule, the first day from which it is under its
// warn and its fail level (core/rules/safe-to-apply.ts says what moves each one), and one date
// for the whole view, the first day no rule fails, with the rule that sets it and what it assumes
// the user does. Every date assumes nothing new is reported after the as-of day (no new late,
// query or account), and counts the accounts of unknown reporting as reported: the prudent end.

import { CLEARING_RULES, SAFE_TO_APPLY_VERSION, type ClearingBasis } from '../rules/safe-to-apply.ts';
import type { LenderRule } from '../rules/lender-heuristics.ts';
import { dayOfMonth, lastDay, monthOfDay } from '../shared/calendar.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { formatFen } from '../shared/money.ts';
import type { ReportAccount } from './layouts.ts';
import { isOnlineLoan, isWindowMetric, metricOf, windowSeries, type PreparedMetrics, type LenderMetricValue } from './lender-metrics.ts';
import { queriesOnReport, safeToApplyFrom } from './query-summary.ts';
import { isOpen } from './repayment-grid.ts';
import { retainedNegatives } from './retention.ts';
import type { RuleEvaluation, RuleSafeToApply, SafeToApply } from './report-schema.ts';
import { formatDay, monthIndex, monthOfDate } from './windows.ts';

type Level = 'warn' | 'fail';

interface LevelDate {
  on: string | null;
  action: LocalizedText | null;
}

/** Whether a value reaches one level of the rule (the rule's own comparison). */
function reaches(value: number, limit: number, comparison: LenderRule['threshold']['comparison']): boolean {
  return comparison === 'at_least' ? value >= limit : value > limit;
}

/** The value a date is judged on: with the accounts of unknown reporting, and an unknown amount counted as more than 0. */
function prudent(metric: LenderMetricValue, rule: LenderRule): number | null {
  return prudentOf(metric.value, metric.ifUnknownReported ?? null, rule.unit === 'fen' && metric.missing > 0 && metric.records.length > 0);
}

/** The higher of the two readings (null when neither is known), at least 1 when an amount is named but not known. */
function prudentOf(value: number | null, ifUnknown: number | null, unknownAmount: boolean): number | null {
  const high = value === null ? ifUnknown : ifUnknown === null ? value : Math.max(value, ifUnknown);
  return high !== null && unknownAmount ? Math.max(high, 1) : high;
}

/** How many of `n` must go for the count to be under the level: `n` − the most allowed. */
function mustGo(n: number, limit: number, comparison: LenderRule['threshold']['comparison']): number {
  return n - (comparison === 'more_than' ? limit : limit - 1);
}

/** The k-th (1-based) earliest of the days things leave on (`now` when none must); null when fewer than k ever leave. */
function kthLeaving(days: readonly number[], k: number, now: number): number | null {
  if (k <= 0) return now;
  const finite = days.filter(Number.isFinite).sort((a, b) => a - b);
  return k <= finite.length ? finite[k - 1] : null;
}

/**
 * The rule's metric read at the k-th later report month from `from` to `to` (nothing new
 * reported), as a date is judged on it (prudent): a window metric from its kept per-account
 * series, any other through metricOf. Read month by month, as far as the walk goes.
 */
function laterValues(prepared: PreparedMetrics, rule: LenderRule, window: number, from: number, to: number): (k: number) => number | null {
  const metric = rule.metric;
  if (!isWindowMetric(metric)) return (k) => prudent(metricOf(prepared, metric, window, from + k), rule);
  const { certain, possible } = windowSeries(prepared, metric, window, from, to);
  // The month's figure would read the two series' values, a count of months with nothing unknown: no object built for it.
  return (k) => prudentOf(certain[k]!, possible[k]!, false);
}

const yuan = (fen: number) => formatFen(fen, { dropZeroCents: true });

interface Ctx {
  prepared: PreparedMetrics;
  asOfDay: number;
  reportMonth: number;
  rule: LenderRule;
  metric: LenderMetricValue;
  value: number;
  limit: number;
}

const BY_BASIS: Record<ClearingBasis, (c: Ctx) => LevelDate> = {
  window(c) {
    const window = c.rule.windowMonths ?? 24;
    const later = laterValues(c.prepared, c.rule, window, c.reportMonth + 1, c.reportMonth + window);
    for (let k = 0; k < window; k++) {
      const value = later(k);
      if (value !== null && !reaches(value, c.limit, c.rule.threshold.comparison)) return { on: formatDay(lastDay(c.reportMonth + 1 + k)), action: null };
    }
    return { on: null, action: null };
  },
  repay(c) {
    // The amount as the figure has it: unknown amounts make it a lower bound, or nothing to name.
    const known = c.metric.value ?? 0;
    const action: LocalizedText =
      c.metric.missing === 0
        ? { 'zh-CN': `现在还清逾期的 ${yuan(known)}`, en: `repay the ${yuan(known)} overdue now` }
        : known > 0
          ? { 'zh-CN': `现在还清全部逾期（至少 ${yuan(known)}）`, en: `repay everything overdue now (at least ${yuan(known)})` }
          : { 'zh-CN': '现在还清全部逾期（金额未知）', en: 'repay everything overdue now (the amount is not known)' };
    return { on: formatDay(lastDay(c.reportMonth + 1)), action };
  },
  retention(c) {
    const leaving = c.prepared.possible.map((a) => {
      const bad = retainedNegatives(a, c.reportMonth).filter((item) => a.months.some((m) => m.status === 'B' && m.month >= item.from && m.month <= item.to));
      if (bad.length === 0) return Number.NEGATIVE_INFINITY;
      if (bad.some((item) => item.fallsOffMonth === null)) return Number.POSITIVE_INFINITY;
      return lastDay(Math.max(...bad.map((item) => monthIndex(item.fallsOffMonth!))));
    });
    const still = leaving.filter((d) => d !== Number.NEGATIVE_INFINITY);
    const day = kthLeaving(still, mustGo(still.length, c.limit, c.rule.threshold.comparison), c.asOfDay);
    return day === null
      ? { on: null, action: { 'zh-CN': '先结清呆账：结清之日起算 5 年后删除', en: 'settle the bad debt first: it is deleted 5 years after it is settled' } }
      : { on: formatDay(day), action: null };
  },
  queries(c) {
    const hard = queriesOnReport(c.prepared.ctx.input.queries, c.asOfDay).filter((q) => q.hard);
    return { on: safeToApplyFrom(hard, c.asOfDay, c.rule.windowMonths ?? 1, c.limit, c.rule.threshold.comparison), action: null };
  },
  maturity(c) {
    const open = c.prepared.possible.filter((a) => isOpen(a, c.reportMonth) && isOnlineLoan(a));
    const k = mustGo(open.length, c.limit, c.rule.threshold.comparison);
    const day = kthLeaving(open.map(maturityDay), k, c.asOfDay);
    return day === null
      ? {
          on: null,
          action: {
            'zh-CN': `结清并关闭 ${k} 个网贷账户（额度类产品不会自行到期）`,
            en: `settle and close ${k} of the online-loan accounts (a line never ends on its own)`,
          },
        }
      : { on: formatDay(day), action: null };
  },
  statement(c) {
    const cards = c.prepared.possible.filter((a) => isOpen(a, c.reportMonth) && (a.type === 'R2' || a.type === 'R3'));
    let used = 0;
    let line = 0;
    for (const card of cards) {
      const balance = card.months.at(-1)?.creditUsedFen ?? null;
      if (balance !== null && card.source.limitFen !== null) {
        used += balance;
        line += card.source.limitFen;
      }
    }
    // The most that may stay in use: at or under the level ('more_than'), under it ('at_least').
    const allowed = c.rule.threshold.comparison === 'more_than' ? Math.floor(c.limit * line) : Math.ceil(c.limit * line) - 1;
    const repay = Math.max(0, used - allowed);
    // Paid before each card's next statement, the lower balance is in that month's report, at its end.
    const statements = cards.filter((a) => (a.months.at(-1)?.creditUsedFen ?? 0) > 0).map((a) => nextStatementDay(a, c.asOfDay));
    const by = statements.length > 0 ? Math.max(...statements) : lastDay(c.reportMonth + 1);
    return {
      on: formatDay(lastDay(monthOfDay(by))),
      action: {
        'zh-CN': `在各卡下一个账单日前（最晚 ${formatDay(by)}）共还款 ${yuan(repay)}`,
        en: `repay ${yuan(repay)} across the cards before their next statement days (by ${formatDay(by)})`,
      },
    };
  },
  action(c) {
    const income = c.prepared.ctx.input.profileFacts.monthlyIncomeFen ?? 0;
    const over = Math.max(0, Math.ceil((c.value - c.limit) * income));
    return {
      on: null,
      action: { 'zh-CN': `月负债减少 ${yuan(over)}，或提供更高的收入证明`, en: `lower the monthly debt by ${yuan(over)}, or document more income` },
    };
  },
};

/** The end of the month a loan's last instalment falls in (open month + term), or never for a line or a loan without a term. */
function maturityDay(a: ReportAccount): number {
  const { openedOn, termMonths } = a.source;
  if ((a.kind !== 'loan' && a.kind !== 'draw') || openedOn === null || termMonths === null) return Number.POSITIVE_INFINITY;
  return lastDay(monthOfDate(openedOn) + termMonths);
}

/** The card's first statement day after the as-of day; the month's end when the card has none. */
function nextStatementDay(a: ReportAccount, asOfDay: number): number {
  const statementDay = a.source.statementDay;
  const month = monthOfDay(asOfDay);
  if (statementDay === null) return lastDay(month + (asOfDay === lastDay(month) ? 1 : 0));
  const thisMonth = dayOfMonth(month, statementDay);
  return thisMonth > asOfDay ? thisMonth : dayOfMonth(month + 1, statementDay);
}

function levelDate(prepared: PreparedMetrics, rule: LenderRule, metric: LenderMetricValue, level: Level): LevelDate {
  const limit = rule.threshold[level];
  const asOfDay = prepared.ctx.asOfDay;
  const value = prudent(metric, rule);
  if (limit === null || value === null) return { on: null, action: null };
  const basis = CLEARING_RULES[rule.metric].basis;
  // The query rule's date counts the application itself, so it is asked even when the rule passes now.
  if (basis !== 'queries' && !reaches(value, limit, rule.threshold.comparison)) return { on: formatDay(asOfDay), action: null };
  return BY_BASIS[basis]({ prepared, asOfDay, reportMonth: prepared.ctx.reportMonth, rule, metric, value, limit });
}

/** One rule's dates: under its warn level, under its fail level, and what they assume. */
export function ruleSafeToApply(prepared: PreparedMetrics, rule: LenderRule, metric: LenderMetricValue): RuleSafeToApply | null {
  if (prudent(metric, rule) === null) return null;
  const clearing = CLEARING_RULES[rule.metric];
  const warn = levelDate(prepared, rule, metric, 'warn');
  const fail = levelDate(prepared, rule, metric, 'fail');
  return { warn: warn.on, fail: fail.on, basis: clearing.basis, action: fail.action ?? warn.action, explanation: clearing.explanation, source: clearing.source };
}

/**
 * The one date of the lender view: the latest of the rules' fail dates (the first day no rule
 * fails), the rule that sets it, and the actions it assumes; no date while a rule has none
 * (time alone does not clear it). The day every rule passes its warn level too, beside it.
 */
export function combinedSafeToApply(rules: readonly RuleEvaluation[], asOf: string): SafeToApply {
  const judged = rules.filter((r) => r.safeToApply !== null && r.threshold.fail !== null);
  const unknown = rules.filter((r) => r.safeToApply === null).map((r) => r.ruleId);
  const assumes = judged
    .filter((r) => r.safeToApply!.action !== null && r.safeToApply!.fail !== null && r.safeToApply!.fail !== asOf)
    .map((r) => ({ ruleId: r.ruleId, action: r.safeToApply!.action! }));
  const blocked = judged.find((r) => r.safeToApply!.fail === null);
  const clearOn = latest(rules.filter((r) => r.safeToApply !== null && r.threshold.warn !== null).map((r) => r.safeToApply!.warn), asOf);
  const base = { clearOn, assumes, unknownRules: unknown, version: SAFE_TO_APPLY_VERSION };
  if (blocked) {
    const action = blocked.safeToApply!.action;
    return {
      ...base,
      on: null,
      ruleId: blocked.ruleId,
      reason: {
        'zh-CN': `「${blocked.label['zh-CN']}」不会随时间自行通过${action ? `：需${action['zh-CN']}` : ''}`,
        en: `${blocked.label.en} does not pass with time alone${action ? `: ${action.en}` : ''}`,
      },
    };
  }
  const last = judged.reduce<RuleEvaluation | null>((best, r) => (best === null || r.safeToApply!.fail! > best.safeToApply!.fail! ? r : best), null);
  if (last === null || last.safeToApply!.fail! <= asOf) {
    return { ...base, on: asOf, ruleId: null, reason: { 'zh-CN': '现在申请，没有放贷规则不通过', en: 'No lender rule fails if you apply now' } };
  }
  const on = last.safeToApply!.fail!;
  const how = last.safeToApply!.action;
  return {
    ...base,
    on,
    ruleId: last.ruleId,
    reason: {
      'zh-CN': `自 ${on} 起没有放贷规则不通过；最晚通过的是「${last.label['zh-CN']}」${how ? `（前提：${how['zh-CN']}）` : ''}：${last.safeToApply!.explanation['zh-CN']}`,
      en: `From ${on} no lender rule fails; the last to pass is ${last.label.en}${how ? ` (if you ${how.en})` : ''}: ${last.safeToApply!.explanation.en}`,
    },
  };
}

/** The latest of the dates, or null when one is null (no date by time alone). */
function latest(dates: readonly (string | null)[], asOf: string): string | null {
  if (dates.some((d) => d === null)) return null;
  return dates.reduce<string>((a, d) => (d! > a ? d! : a), asOf);
}
