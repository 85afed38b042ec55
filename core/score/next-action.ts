// The smallest single action that reaches the next band or benefit threshold: OptBinning's
// counterfactual explanations (docs/domain/explainable-scoring.md#counterfactual-explanations),
// "the smallest change that moves the score into the next band"
// (docs/product/user-expectations.md#scores-that-explain-themselves). Each candidate is applied
// to the model's inputs and scored by the same engine; the state-dependent result is what
// docs/domain/explainable-scoring.md#credit-karma asks for (the same action moves different
// profiles differently).
//
// Candidates:
//   bureau  repay part of a revolving balance before its next statement day (amounts on a ¥10
//           grid up to the whole balance: the card rewards light but not zero use, so more is
//           not always better); keep paying on time with no new applications for k months
//           (late months leave the 6-month window, hard queries leave theirs), or pay what is
//           overdue first when something is.
//   sesame  add a missing profile fact; pay bills through Alipay; repay before a statement day;
//           keep paying on time for k months (late months leave the 24-month window).
// Each names only accounts its scorer sees (core/rules/scorer-visibility.ts): the bureau-style
// step an account the simulated report carries, the Sesame-style step one Ant sees (Huabei, not a
// bank card, whose statement Ant never sees). No candidate ever adds spending: where the fitted
// card rewards use (models/bureau-caveats-v1.ts), Credence does not advise it.
// "Smallest": the soonest to take effect, then the least money, then the least effort (the
// order of ACTION_ORDER). When no single action reaches the target, the one that gets closest.

import type { LocalizedText } from '../shared/localized-text.ts';
import { dayOfMonth, formatDay, lastDay, monthOfDay } from '../shared/calendar.ts';
import { formatFen } from '../shared/money.ts';
import { exact, type ValueBounds } from './bins.ts';
import { nextBandAbove } from './explain.ts';
import { historyMonths, lateMonths, overdueNow, projectMonths, revolvingUtilisation, type BureauMonth } from './ledger-features.ts';
import { ADJUSTMENTS } from './adjustments.ts';
import { agingInputs, type AdjustmentInputs } from './lender-inputs.ts';
import { bureauPointScore, type EngineModels } from './models.ts';
import { BUREAU_BANDS } from './models/bureau-bands-v1.ts';
import { monthIndex, seenBy, type ScoringAccount, type ScoringLedger } from './scoring-ledger.ts';
import { sesamePoints, type SesameFactorKey, type SesameInputs, type SesameModel } from './sesame-estimate.ts';
import type { ActionKind, NextAction } from './report-schema.ts';

const ACTION_ORDER: readonly ActionKind[] = ['complete_profile', 'pay_bills_on_platform', 'keep_on_time', 'pay_overdue', 'repay_before_statement'];
/** Months ahead the waiting actions look: the bureau card reads 6 months, the estimate 24. */
const BUREAU_WAIT = [1, 2, 3, 4, 5, 6];
const SESAME_WAIT = [1, 2, 3, 6, 9, 12, 18, 24];
/** Repayment amounts tried per account: this many steps up to the whole balance, each rounded up to ¥10. */
const REPAY_STEPS = 20;
const REPAY_ROUND_FEN = 1000;
/** Accounts tried for a repayment: the largest balances (the card reads balances summed over accounts). */
const REPAY_ACCOUNTS = 3;

interface Target {
  score: number;
  label: LocalizedText;
}

interface Candidate {
  kind: ActionKind;
  score: number;
  effectiveDay: number;
  amountFen: number | null;
  account: ScoringAccount | null;
  /** Months waited, bills to pay, or the profile fact. */
  detail: { months?: number; bills?: number; fact?: LocalizedText; statementDay?: number };
}

// ---------------------------------------------------------------- words

function yuanText(fen: number): string {
  return formatFen(fen, { dropZeroCents: true });
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateText(day: number): LocalizedText {
  const [y, m, d] = formatDay(day).split('-').map(Number) as [number, number, number];
  return { 'zh-CN': `${y}年${m}月${d}日`, en: `${MONTHS_EN[m - 1]} ${d}, ${y}` };
}

function outcome(c: Candidate, target: Target, reaches: boolean): LocalizedText {
  const short = target.score - c.score;
  return reaches
    ? { 'zh-CN': `预计 ${c.score} 分，达到「${target.label['zh-CN']}」（${target.score}）。`, en: `about ${c.score}, reaching ${target.label.en} (${target.score}).` }
    : {
        'zh-CN': `预计 ${c.score} 分，离「${target.label['zh-CN']}」（${target.score}）还差 ${short} 分：单靠这一步还不够。`,
        en: `about ${c.score}, ${short} short of ${target.label.en} (${target.score}): this step alone is not enough.`,
      };
}

function describe(c: Candidate, target: Target, reaches: boolean): LocalizedText {
  const end = outcome(c, target, reaches);
  const when = dateText(c.effectiveDay);
  switch (c.kind) {
    case 'repay_before_statement': {
      const by = dateText(c.detail.statementDay!);
      return {
        'zh-CN': `在 ${by['zh-CN']}账单日前向「${c.account!.name}」还款 ${yuanText(c.amountFen!)}，让下期账单变少：${end['zh-CN']}`,
        en: `Repay ${yuanText(c.amountFen!)} on ${c.account!.name} before its statement day, ${by.en}, so the next statement is smaller: ${end.en}`,
      };
    }
    case 'keep_on_time':
      return {
        'zh-CN': `每期账单按时全额还款、不申请新的贷款和信用卡，坚持到 ${when['zh-CN']}：${end['zh-CN']}`,
        en: `Pay every bill in full and on time and apply for no new credit until ${when.en}: ${end.en}`,
      };
    case 'pay_overdue':
      return {
        'zh-CN': `先还清目前逾期的欠款，之后每期按时还款，到 ${when['zh-CN']}：${end['zh-CN']}`,
        en: `Pay what is overdue now, then every bill on time, until ${when.en}: ${end.en}`,
      };
    case 'complete_profile':
      return {
        'zh-CN': `在芝麻信用中补充${c.detail.fact!['zh-CN']}（并在下方资料中填写，估算随之更新）：${end['zh-CN']}`,
        en: `Add your ${c.detail.fact!.en} in Sesame Credit (and in the profile below, which the estimate reads): ${end.en}`,
      };
    case 'pay_bills_on_platform':
      return {
        'zh-CN': `用支付宝缴纳 ${c.detail.bills} 笔水电、话费或信用卡还款，${when['zh-CN']}芝麻分更新后：${end['zh-CN']}`,
        en: `Pay ${c.detail.bills} utility, phone or card bill(s) through Alipay; after the update on ${when.en}: ${end.en}`,
      };
    default:
      return { 'zh-CN': end['zh-CN'], en: end.en };
  }
}

function choose(candidates: readonly Candidate[], target: Target): NextAction | null {
  if (candidates.length === 0) return null;
  const rank = (a: Candidate, b: Candidate) =>
    a.effectiveDay - b.effectiveDay || (a.amountFen ?? 0) - (b.amountFen ?? 0) || ACTION_ORDER.indexOf(a.kind) - ACTION_ORDER.indexOf(b.kind);
  const reaching = candidates.filter((c) => c.score >= target.score).sort(rank);
  const best = reaching[0] ?? [...candidates].sort((a, b) => b.score - a.score || rank(a, b))[0]!;
  const reaches = best.score >= target.score;
  return {
    kind: best.kind,
    target,
    reaches,
    scoreAfter: best.score,
    effectiveOn: formatDay(best.effectiveDay),
    amountFen: best.amountFen,
    accountId: best.account?.id ?? null,
    text: describe(best, target, reaches),
  };
}

// ---------------------------------------------------------------- shared

/** The next statement day of an account strictly after `asOfDay`. */
function nextStatementDay(account: ScoringAccount, asOfDay: number): number | null {
  if (account.statementDay === null) return null;
  const month = monthOfDay(asOfDay);
  const thisMonth = dayOfMonth(month, account.statementDay);
  return thisMonth > asOfDay ? thisMonth : dayOfMonth(month + 1, account.statementDay);
}

/**
 * Revolving accounts with a known statement balance in the latest month, largest first: the
 * projections hold statements steady, so the next statement is expected at about this much.
 */
function repayable(ledger: ScoringLedger, latest: number, test: (a: ScoringAccount) => boolean): { account: ScoringAccount; owedFen: number }[] {
  const out: { account: ScoringAccount; owedFen: number }[] = [];
  for (const account of ledger.accounts) {
    const i = monthIndex(account, latest);
    if (account.kind !== 'revolving' || i < 0 || !test(account)) continue;
    const owed = account.statementFen[i]!;
    if (Number.isFinite(owed) && owed > 0) out.push({ account, owedFen: owed });
  }
  return out.sort((a, b) => b.owedFen - a.owedFen).slice(0, REPAY_ACCOUNTS);
}

function repayAmounts(owedFen: number): number[] {
  const amounts = new Set<number>();
  for (let j = 1; j <= REPAY_STEPS; j++) amounts.add(Math.min(owedFen, Math.ceil((owedFen * j) / REPAY_STEPS / REPAY_ROUND_FEN) * REPAY_ROUND_FEN));
  return [...amounts].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- bureau

export interface BureauActionContext {
  ledger: ScoringLedger;
  models: EngineModels;
  asOfDay: number;
  latest: number;
  months: readonly BureauMonth[];
  inputs: AdjustmentInputs;
  score: number;
}

/** Adjustment inputs `steps` months on: the rules whose windows move re-read at the later date, the others as now. */
function laterInputs(ctx: BureauActionContext, steps: number): AdjustmentInputs {
  const later = agingInputs(ctx.ledger, lastDay(ctx.latest + steps));
  const out: AdjustmentInputs = { ...ctx.inputs };
  for (const row of ADJUSTMENTS) if (row.ages && later[row.ruleId]) out[row.ruleId] = later[row.ruleId]!;
  return out;
}

export function bureauNextAction(ctx: BureauActionContext): NextAction | null {
  const band = nextBandAbove(BUREAU_BANDS, ctx.score);
  if (band === null) return null;
  const target = { score: band.lower, label: band.label };
  const candidates: Candidate[] = [];
  const overdue = ctx.months[0]!.point.monthsLate > 0;
  for (const steps of BUREAU_WAIT) {
    candidates.push({
      kind: overdue ? 'pay_overdue' : 'keep_on_time',
      score: bureauPointScore(ctx.models, ctx.ledger, projectMonths(ctx.months, steps), laterInputs(ctx, steps)),
      effectiveDay: lastDay(ctx.latest + steps),
      amountFen: null,
      account: null,
      detail: { months: steps },
    });
  }
  for (const { account, owedFen } of repayable(ctx.ledger, ctx.latest, (a) => seenBy('bureau', a) && a.limitFen !== null)) {
    const statement = nextStatementDay(account, ctx.asOfDay);
    if (statement === null) continue;
    const steps = Math.max(1, monthOfDay(statement) - ctx.latest);
    const inputs = laterInputs(ctx, steps);
    for (const fen of repayAmounts(owedFen)) {
      candidates.push({
        kind: 'repay_before_statement',
        score: bureauPointScore(ctx.models, ctx.ledger, projectMonths(ctx.months, steps, fen, steps), inputs),
        effectiveDay: lastDay(ctx.latest + steps),
        amountFen: fen,
        account,
        detail: { statementDay: statement },
      });
    }
  }
  return choose(candidates, target);
}

// ---------------------------------------------------------------- Sesame-style estimate

export interface SesameActionContext {
  ledger: ScoringLedger;
  models: EngineModels;
  asOfDay: number;
  latest: number;
  inputs: SesameInputs;
  score: number;
}

function sesameTarget(model: SesameModel, score: number): Target | null {
  const band = nextBandAbove(model.bands, score);
  const thresholds = model.thresholds.filter((t) => t.score > score).sort((a, b) => a.score - b.score);
  const next = Math.min(band?.lower ?? Number.POSITIVE_INFINITY, thresholds[0]?.score ?? Number.POSITIVE_INFINITY);
  if (!Number.isFinite(next)) return null;
  const labels = [...(band && band.lower === next ? [band.label] : []), ...thresholds.filter((t) => t.score === next).map((t) => t.label)];
  return {
    score: next,
    label: { 'zh-CN': labels.map((l) => l['zh-CN']).join('、'), en: labels.map((l) => l.en).join(', ') },
  };
}

/** The first Sesame update on or after `day` (monthly, on the model's update day). */
function sesameUpdateAfter(model: SesameModel, day: number): number {
  const month = monthOfDay(day);
  const update = dayOfMonth(month, model.update.dayOfMonth);
  return update >= day ? update : dayOfMonth(month + 1, model.update.dayOfMonth);
}

/** Profile facts the user has not given, each as the factor value it would set (the reading that helps). */
const PROFILE_STEPS: readonly { key: SesameFactorKey; missing: (i: SesameInputs) => boolean; value: (i: SesameInputs) => number; fact: LocalizedText }[] = [
  { key: 'occupation_provided', missing: (i) => i.occupation_provided.value === null, value: () => 1, fact: { 'zh-CN': '职业信息', en: 'occupation' } },
  { key: 'education_provided', missing: (i) => i.education_provided.value === null, value: () => 1, fact: { 'zh-CN': '学历信息', en: 'education' } },
  { key: 'phone_years', missing: (i) => i.phone_years.value === null, value: () => 2, fact: { 'zh-CN': '手机号使用年数（如已用满 2 年）', en: 'years with your phone number (if 2 or more)' } },
  { key: 'address_years', missing: (i) => i.address_years.value === null, value: () => 2, fact: { 'zh-CN': '住址居住年数（如已满 2 年）', en: 'years at your address (if 2 or more)' } },
  {
    key: 'declared_assets',
    missing: (i) => (i.declared_assets.value ?? 0) < 4,
    value: (i) => (i.declared_assets.value ?? 0) + 1,
    fact: { 'zh-CN': '社保、公积金、房产或车辆信息（如有）', en: 'social insurance, housing fund, home or vehicle (if you have one)' },
  },
];

function withInput(inputs: SesameInputs, key: SesameFactorKey, bounds: ValueBounds): SesameInputs {
  return { ...inputs, [key]: bounds };
}

export function sesameNextAction(ctx: SesameActionContext): NextAction | null {
  const model = ctx.models.sesame;
  const target = sesameTarget(model, ctx.score);
  if (target === null) return null;
  const candidates: Candidate[] = [];
  const now = sesameUpdateAfter(model, ctx.asOfDay + 1);
  for (const step of PROFILE_STEPS) {
    if (!step.missing(ctx.inputs)) continue;
    const inputs = withInput(ctx.inputs, step.key, exact(step.value(ctx.inputs)));
    candidates.push({ kind: 'complete_profile', score: sesamePoints(model, inputs), effectiveDay: now, amountFen: null, account: null, detail: { fact: step.fact } });
  }
  const bills = model.factors.find((f) => f.key === 'bill_payments_12m')!;
  const paid = ctx.inputs.bill_payments_12m.value ?? 0;
  const nextBin = bills.bins.find((b) => b.lower !== null && b.lower > paid);
  if (nextBin) {
    const inputs = withInput(ctx.inputs, 'bill_payments_12m', exact(nextBin.lower));
    candidates.push({
      kind: 'pay_bills_on_platform',
      score: sesamePoints(model, inputs),
      effectiveDay: sesameUpdateAfter(model, lastDay(monthOfDay(ctx.asOfDay)) + 1),
      amountFen: null,
      account: null,
      detail: { bills: nextBin.lower! - paid },
    });
  }
  for (const { account, owedFen } of repayable(ctx.ledger, ctx.latest, (a) => seenBy('sesame', a))) {
    const statement = nextStatementDay(account, ctx.asOfDay);
    if (statement === null) continue;
    for (const fen of repayAmounts(owedFen)) {
      const inputs = withInput(ctx.inputs, 'revolving_utilisation', revolvingUtilisation(ctx.ledger, ctx.latest, { accountId: account.id, fen }));
      candidates.push({
        kind: 'repay_before_statement',
        score: sesamePoints(model, inputs),
        effectiveDay: sesameUpdateAfter(model, statement),
        amountFen: fen,
        account,
        detail: { statementDay: statement },
      });
    }
  }
  const overdue = (ctx.inputs.overdue_now.value ?? 0) > 0;
  const history = historyMonths(ctx.ledger, ctx.latest);
  for (const steps of SESAME_WAIT) {
    const later = ctx.latest + steps;
    let inputs = withInput(ctx.inputs, 'late_months_24m', lateMonths(ctx.ledger, later, 24));
    inputs = withInput(inputs, 'overdue_now', overdueNow(ctx.ledger, later));
    inputs = withInput(inputs, 'credit_history_months', exact(history > 0 ? history + steps : 0));
    candidates.push({
      kind: overdue ? 'pay_overdue' : 'keep_on_time',
      score: sesamePoints(model, inputs),
      effectiveDay: sesameUpdateAfter(model, lastDay(later) + 1),
      amountFen: null,
      account: null,
      detail: { months: steps },
    });
  }
  return choose(candidates, target);
}
