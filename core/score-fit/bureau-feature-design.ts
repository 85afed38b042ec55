// How the bureau features (core/score/bureau-features.ts, which the runtime scores with) are
// fitted and documented: each feature's fine-classing resolution, its documentation for the model
// card and the model file, the two segments' designs, and the features measured and left out.

import type { LocalizedText } from '../shared/localized-text.ts';
import { checkHistory, HISTORY_MONTHS, utilisation, window6, type CardMonth } from '../score/bureau-features.ts';
import type { BureauFeatureName, FeatureDoc, RiskDirection } from '../score/bureau-scorecard.ts';

/** Fine-classing resolution: cut points are multiples of this. */
export const FEATURE_RESOLUTION: Record<BureauFeatureName, number> = {
  worst_months_late_6m: 1,
  current_months_late: 1,
  months_late_6m: 1,
  months_no_payment_5m: 1,
  avg_payment_to_limit_6m: 0.001,
  max_utilisation_6m: 0.01,
  months_high_utilisation_6m: 1,
  months_light_use_6m: 1,
  months_no_balance_6m: 1,
};

const STATUS_NOTE_EN = '0 = not late (PBOC N, *, C, M, #, /), 1 = 1–30 days overdue, 2 = 31–60 days, … 7 = over 180 days (B and G count as 7, D and Z as 1)';
const STATUS_NOTE_ZH = '0 = 未逾期（征信 N、*、C、M、#、/），1 = 逾期 1–30 天，2 = 逾期 31–60 天……7 = 逾期 180 天以上（B、G 记 7，D、Z 记 1）';
const PAY_MAP = 'PAY_x read as months late: −2 (no use), −1 (paid in full) and 0 (revolving) → 0; 1..8 → 1..7 (8 capped)';
const AGGREGATE_LATE = 'Each month: the worst status over all credit accounts (cards, Huabei, Baitiao, Jiebei, Weilidai, loans).';
const AGGREGATE_REVOLVING = 'Each month: balances, credit lines and payments summed over revolving accounts (credit cards, Huabei, Baitiao, Meituan 月付).';

export const FEATURE_DOCS: FeatureDoc[] = [
  {
    name: 'worst_months_late_6m',
    kind: 'months-late',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 7 },
    label: { 'zh-CN': '近 6 个月最长逾期', en: 'Worst lateness, last 6 months' },
    definition: {
      en: `The highest repayment status at any of the latest 6 month-ends, in months past due: ${STATUS_NOTE_EN}. It also picks the scorecard: 0 → clean, 1 or more → delinquent.`,
      'zh-CN': `近 6 个月各月末还款状态的最高值，以逾期月数计：${STATUS_NOTE_ZH}。它同时决定使用哪张评分卡：0 用“无逾期”卡，1 及以上用“有逾期”卡。`,
    },
    ledger: `${AGGREGATE_LATE} Then the maximum over months 1–6.`,
    dataset: `max over PAY_0, PAY_2..PAY_6; ${PAY_MAP}.`,
    reason: { 'zh-CN': '近 6 个月有逾期，且逾期时间较长', en: 'A payment in the last 6 months ran late, and for a long time' },
    effect: {
      en: 'The longer a payment ran overdue, the fewer points. Once 6 months pass with no late payment, it no longer counts and the clean scorecard applies.',
      'zh-CN': '逾期时间越长，分数越低。连续 6 个月没有逾期后，这项不再计入，改用“无逾期”评分卡。',
    },
  },
  {
    name: 'current_months_late',
    kind: 'months-late',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 7 },
    label: { 'zh-CN': '当前逾期', en: 'Overdue now' },
    definition: {
      en: `The repayment status at the latest month-end, in months past due: ${STATUS_NOTE_EN}.`,
      'zh-CN': `最近一个月末的还款状态，以逾期月数计：${STATUS_NOTE_ZH}。`,
    },
    ledger: `${AGGREGATE_LATE} Month 1 only.`,
    dataset: `PAY_0; ${PAY_MAP}.`,
    reason: { 'zh-CN': '目前有账户逾期未还', en: 'An account is overdue right now' },
    effect: {
      en: 'Paying the overdue amount so that no account is past due brings this to 0, the largest single step up on the delinquent scorecard.',
      'zh-CN': '还清逾期欠款、让所有账户恢复正常，这项回到 0，是“有逾期”评分卡上提分最多的一步。',
    },
  },
  {
    name: 'months_late_6m',
    kind: 'count',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 6 },
    label: { 'zh-CN': '近 6 个月逾期月数', en: 'Late months, last 6 months' },
    definition: {
      en: 'How many of the latest 6 month-ends had any account 1 or more months past due.',
      'zh-CN': '近 6 个月末中，有任一账户逾期（1 个月及以上）的月份数。',
    },
    ledger: `${AGGREGATE_LATE} Then the number of months 1–6 with a status of 1 or more.`,
    dataset: `count of PAY_0, PAY_2..PAY_6 that are 1 or more.`,
    reason: { 'zh-CN': '近 6 个月有多个月份逾期', en: 'Several of the last 6 months had a late payment' },
    effect: {
      en: 'Each month with a late payment costs points; months paid on time push the late ones out of the 6-month window.',
      'zh-CN': '逾期的月份越多，分数越低；此后每个按时还款的月份都会把逾期月份逐步挤出 6 个月窗口。',
    },
  },
  {
    name: 'months_no_payment_5m',
    kind: 'count',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 5 },
    label: { 'zh-CN': '有账单却未还款的月数', en: 'Months with a bill and no payment' },
    definition: {
      en: 'Of the latest 5 months, how many followed a statement with a balance owing and saw no payment at all.',
      'zh-CN': '最近 5 个月中，上期账单有欠款、当月却一分未还的月份数。',
    },
    ledger: `${AGGREGATE_REVOLVING} For months m = 1..5: statement balance of month m+1 > 0 and payments in month m = 0.`,
    dataset: 'count of m = 1..5 with BILL_AMT(m+1) > 0 and PAY_AMT(m) = 0 (PAY_AMTm settles the statement BILL_AMT(m+1)).',
    reason: { 'zh-CN': '有账单的月份没有还任何款项', en: 'A month with a bill due and nothing paid' },
    effect: {
      en: 'Paying something every month a bill is due, at least the minimum, keeps this at 0; paying in full is better still.',
      'zh-CN': '每期有账单时至少还一些（不低于最低还款额），这项就不扣分；全额还款更好。',
    },
  },
  {
    name: 'avg_payment_to_limit_6m',
    kind: 'ratio',
    direction: 'higher-is-safer',
    range: { min: 0, max: null },
    label: { 'zh-CN': '近 6 个月月均还款占额度比', en: 'Monthly repayment against credit line, last 6 months' },
    definition: {
      en: 'Total repaid over the latest 6 months ÷ (6 × the credit line in the latest month): the average monthly repayment as a share of the line (0.05 = 5% of the line a month).',
      'zh-CN': '近 6 个月还款总额 ÷（6 × 最近一个月的总额度）：月均还款占额度的比例（0.05 即每月还额度的 5%）。',
    },
    ledger: `${AGGREGATE_REVOLVING} Σ payments in months 1–6 ÷ (6 × Σ credit lines in month 1); no known line → not computable.`,
    dataset: '(PAY_AMT1 + … + PAY_AMT6) ÷ (6 × LIMIT_BAL).',
    reason: { 'zh-CN': '近 6 个月还款金额相对额度偏少', en: 'Little repaid in the last 6 months for the size of the credit line' },
    effect: {
      en: 'Repaying more each month, relative to the total credit line, earns points on the delinquent scorecard.',
      'zh-CN': '每月还款越多（相对总额度），在“有逾期”评分卡上得分越高。',
    },
  },
  {
    name: 'max_utilisation_6m',
    kind: 'ratio',
    direction: 'higher-is-riskier',
    range: { min: 0, max: null },
    label: { 'zh-CN': '近 6 个月最高额度使用率', en: 'Highest credit-line use, last 6 months' },
    definition: {
      en: 'The highest statement balance ÷ credit line over the latest 6 statements (a credit balance counts as 0; 1 = the line fully used).',
      'zh-CN': '近 6 期账单中，账单余额 ÷ 额度的最高值（溢缴款记为 0；1 表示额度用满）。',
    },
    ledger: `${AGGREGATE_REVOLVING} Per month Σ balance ÷ Σ line; months with no known line are skipped; none known → not computable.`,
    dataset: 'max over m of max(BILL_AMTm, 0) ÷ LIMIT_BAL.',
    reason: { 'zh-CN': '额度使用率偏高', en: 'Credit lines used heavily' },
    effect: {
      en: 'Keeping statement balances well below the line earns points; lenders commonly treat more than 70% as high risk.',
      'zh-CN': '账单余额占额度的比例越低越好；不少银行把 70% 以上视为高风险。',
    },
  },
  {
    name: 'months_high_utilisation_6m',
    kind: 'count',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 6 },
    label: { 'zh-CN': '使用率 70% 以上的月数', en: 'Months at 70% or more of the line' },
    definition: {
      en: 'How many of the latest 6 statements had a balance of 70% of the credit line or more.',
      'zh-CN': '近 6 期账单中，账单余额达到额度 70% 及以上的期数。',
    },
    ledger: `${AGGREGATE_REVOLVING} Months with Σ balance ÷ Σ line ≥ 0.70.`,
    dataset: 'count of m with max(BILL_AMTm, 0) ÷ LIMIT_BAL ≥ 0.70.',
    reason: { 'zh-CN': '多个月份额度使用率达到 70% 以上', en: 'Several statements at 70% or more of the credit line' },
    effect: {
      en: 'Each statement at 70% of the line or more costs points, on top of the highest use.',
      'zh-CN': '每有一期账单使用率达到 70% 及以上，都会在最高使用率之外再扣分。',
    },
  },
  {
    name: 'months_light_use_6m',
    kind: 'count',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 6 },
    label: { 'zh-CN': '几乎未使用的月数', en: 'Months with almost no use' },
    definition: {
      en: 'How many of the latest 6 statements had a balance under 2% of the credit line (a zero or credit balance included).',
      'zh-CN': '近 6 期账单中，账单余额低于额度 2%（含零账单和溢缴款）的期数。',
    },
    ledger: `${AGGREGATE_REVOLVING} Months with a known line and Σ balance ÷ Σ line < 0.02.`,
    dataset: 'count of m with max(BILL_AMTm, 0) ÷ LIMIT_BAL < 0.02.',
    reason: { 'zh-CN': '信用额度长期几乎未使用', en: 'Credit lines left almost unused' },
    effect: {
      en: 'In the fitting data, lines left idle (statements under 2% of the line) went with more defaults than lines in light, regular use. Some regular spending, repaid in full each month, scores better than an idle line.',
      'zh-CN': '在建模数据中，长期闲置（账单低于额度 2%）的额度违约更多；少量、规律地使用并每月全额还款，比闲置得分更高。',
    },
  },
  {
    name: 'months_no_balance_6m',
    kind: 'count',
    direction: 'higher-is-riskier',
    range: { min: 0, max: 6 },
    label: { 'zh-CN': '零账单月数', en: 'Months with no balance' },
    definition: {
      en: 'How many of the latest 6 statements showed nothing owing (a zero or credit balance).',
      'zh-CN': '近 6 期账单中，账单余额为零或为溢缴款的期数。',
    },
    ledger: `${AGGREGATE_REVOLVING} Months with Σ balance ≤ 0.`,
    dataset: 'count of m with BILL_AMTm ≤ 0.',
    reason: { 'zh-CN': '多个月份账单为零', en: 'Several months with nothing on the statement' },
    effect: {
      en: 'Months with no balance at all cost a little more than months of light use: in the fitting data, accounts with no activity went with more defaults.',
      'zh-CN': '完全没有账单的月份比少量使用的月份扣分略多：在建模数据中，没有任何用卡记录的账户违约更多。',
    },
  },
];

export interface SegmentDesign {
  id: string;
  label: LocalizedText;
  reason: LocalizedText | null;
  /** Segment on worst_months_late_6m in [lower, upper). */
  lower: number | null;
  upper: number | null;
  features: BureauFeatureName[];
}

export const SEGMENT_FEATURE: BureauFeatureName = 'worst_months_late_6m';

/**
 * Two scorecards, as bureau scores segment "clean" and "dirty" files: the information that ranks
 * people who have never been late (how they use their lines) is not what ranks people who have
 * (how late, how often, how much they repay). Feature sets chosen by cross-validated forward
 * selection among ledger-computable candidates; see the model card.
 */
export const SEGMENT_DESIGN: SegmentDesign[] = [
  {
    id: 'clean',
    label: { 'zh-CN': '近 6 个月无逾期', en: 'No late payment in the last 6 months' },
    reason: null,
    lower: null,
    upper: 1,
    features: ['max_utilisation_6m', 'months_high_utilisation_6m', 'months_light_use_6m', 'months_no_balance_6m', 'months_no_payment_5m'],
  },
  {
    id: 'delinquent',
    label: { 'zh-CN': '近 6 个月有逾期', en: 'A late payment in the last 6 months' },
    reason: { 'zh-CN': '过去 6 个月有逾期记录', en: 'A late payment in the last 6 months' },
    lower: 1,
    upper: null,
    features: ['current_months_late', 'months_late_6m', 'worst_months_late_6m', 'avg_payment_to_limit_6m', 'months_no_payment_5m'],
  },
];

/** Features measured and left out; the fitting script reports what each would add. */
export interface ConsideredFeature {
  name: string;
  direction: RiskDirection;
  resolution: number;
  description: string;
  compute(months: readonly CardMonth[], ageYears: number | null): number;
}

export const CONSIDERED_FEATURES: ConsideredFeature[] = [
  {
    name: 'months_revolving_6m',
    direction: 'higher-is-riskier',
    resolution: 1,
    description: 'months in state revolving (PAY_x = 0: balance carried, not late)',
    compute: (months) => window6(months).filter((m) => m.state === 'revolving').length,
  },
  {
    name: 'months_paid_in_full_6m',
    direction: 'higher-is-safer',
    resolution: 1,
    description: 'months in state paid-in-full (PAY_x = −1)',
    compute: (months) => window6(months).filter((m) => m.state === 'paid-in-full').length,
  },
  {
    name: 'utilisation_latest',
    direction: 'higher-is-riskier',
    resolution: 0.01,
    description: 'latest statement balance ÷ credit line',
    compute: (months) => utilisation(window6(months)[0]!),
  },
  {
    name: 'payment_ratio_5m',
    direction: 'higher-is-safer',
    resolution: 0.01,
    description: 'Σ paid in months 1–5 ÷ Σ positive statement balances of months 2–6',
    compute: (months) => {
      checkHistory(months);
      let paid = 0;
      let billed = 0;
      for (let m = 0; m < HISTORY_MONTHS - 1; m++) {
        paid += Math.max(months[m]!.paid, 0);
        billed += Math.max(months[m + 1]!.balance, 0);
      }
      return billed > 0 ? paid / billed : NaN;
    },
  },
  {
    name: 'age',
    direction: 'higher-is-safer',
    resolution: 1,
    description: 'age in years, from the profile',
    compute: (_months, ageYears) => (ageYears === null ? NaN : ageYears),
  },
];
