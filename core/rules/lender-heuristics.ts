import type { LocalizedText } from '../shared/localized-text.ts';

/**
 * Commonly cited Chinese lender heuristics (docs/domain/lender-heuristics.md), as a versioned
 * table. None is regulation: every rule is shown as "commonly cited lender heuristic (source)", and
 * its thresholds are defaults the user may edit. The bureau report's lender view evaluates them;
 * the scoring engine's expert adjustments cite them by id.
 */
export const LENDER_HEURISTICS_VERSION = '2026-12-03.1';

export type LenderMetricId =
  | 'consecutive_overdue_months'
  | 'overdue_months_in_window'
  | 'current_overdue_fen'
  | 'bad_debt_accounts'
  | 'hard_queries_in_window'
  | 'open_online_loan_accounts'
  | 'card_utilisation'
  | 'debt_to_income';

export type Comparison = 'at_least' | 'more_than';

export interface Threshold {
  /** Warn when the metric reaches this (see `comparison`); null: no warning level. */
  warn: number | null;
  /** Fail when the metric reaches this; null: no failing level. */
  fail: number | null;
  comparison: Comparison;
}

export interface LenderRule {
  id: string;
  metric: LenderMetricId;
  /** Look-back window in months, where the metric has one. */
  windowMonths: number | null;
  unit: 'months' | 'fen' | 'count' | 'ratio';
  threshold: Threshold;
  label: LocalizedText;
  explanation: LocalizedText;
  /** Other windows or numbers the sources cite, for the user who edits the threshold. */
  alternatives: LocalizedText | null;
  sources: readonly string[];
}

export const LENDER_RULES: readonly LenderRule[] = [
  {
    id: 'lian_san',
    metric: 'consecutive_overdue_months',
    windowMonths: 24,
    unit: 'months',
    threshold: { warn: 2, fail: 3, comparison: 'at_least' },
    label: { 'zh-CN': '连三：连续 3 个月逾期', en: '“Three in a row”: 3 consecutive months overdue' },
    explanation: {
      'zh-CN': '近 2 年内任一账户连续 3 个月逾期，银行通常视为近乎自动拒贷。',
      en: 'Any account overdue 3 months in a row within 2 years is widely cited as a near-automatic decline.',
    },
    alternatives: { 'zh-CN': '少数来源只看近 1 年。', en: 'A minority of sources look back 1 year only.' },
    sources: ['https://www.10100.com/article/17320473', 'http://www.ptssm.com/post/13876.html', 'https://www.51kanong.com/xyk-12070103-1.htm', 'https://m.129a.com/flrd/57010.html'],
  },
  {
    id: 'lei_liu',
    metric: 'overdue_months_in_window',
    windowMonths: 24,
    unit: 'months',
    threshold: { warn: 4, fail: 6, comparison: 'at_least' },
    label: { 'zh-CN': '累六：累计 6 个月逾期', en: '“Six in total”: 6 overdue months in total' },
    explanation: {
      'zh-CN': '近 2 年内各账户逾期月份累计达到 6 个月，银行通常视为近乎自动拒贷。',
      en: '6 overdue months in total across accounts within 2 years is widely cited as a near-automatic decline.',
    },
    alternatives: {
      'zh-CN': '部分来源的窗口为近 1 年；少数来源认为 30 天内的“1”不计入。',
      en: 'Some sources use a 1-year window; a minority does not count 30-day “1” months.',
    },
    sources: ['https://www.10100.com/article/17320473', 'http://www.ptssm.com/post/13876.html', 'https://www.shuahuang.com/63633.html'],
  },
  {
    id: 'current_overdue',
    metric: 'current_overdue_fen',
    windowMonths: null,
    unit: 'fen',
    threshold: { warn: null, fail: 0, comparison: 'more_than' },
    label: { 'zh-CN': '当前逾期', en: 'Currently overdue' },
    explanation: {
      'zh-CN': '只要有当前逾期，哪怕只有几十元，通常也会被直接拒绝。',
      en: 'Any amount currently overdue, even a few dozen yuan, is cited as an automatic rejection.',
    },
    alternatives: null,
    sources: ['https://www.10100.com/article/17320473', 'https://www.jmqbip.com/p/11104.html'],
  },
  {
    id: 'bad_debt',
    metric: 'bad_debt_accounts',
    windowMonths: null,
    unit: 'count',
    threshold: { warn: null, fail: 0, comparison: 'more_than' },
    label: { 'zh-CN': '呆账', en: 'Bad debt' },
    explanation: {
      'zh-CN': '逾期超过 180 天形成呆账；结清后通常仍需等待约 2 年。',
      en: 'More than 180 days unpaid is bad debt; after settling, lenders are cited as wanting about 2 years.',
    },
    alternatives: null,
    sources: ['https://www.10100.com/article/17320473'],
  },
  {
    id: 'hard_queries_1m',
    metric: 'hard_queries_in_window',
    windowMonths: 1,
    unit: 'count',
    threshold: { warn: 3, fail: null, comparison: 'more_than' },
    label: { 'zh-CN': '近 1 个月硬查询', en: 'Hard queries, last month' },
    explanation: {
      'zh-CN': '近 1 个月贷款审批、信用卡审批等硬查询超过 3 次会引起警觉。',
      en: 'More than 3 hard queries (loan and card approvals) in a month is cited as an alert.',
    },
    alternatives: null,
    sources: ['https://www.10100.com/article/17320473', 'https://www.jmqbip.com/p/11104.html', 'http://m.789yingshi.cn/xindaizhishi/5048.html'],
  },
  {
    id: 'hard_queries_3m',
    metric: 'hard_queries_in_window',
    windowMonths: 3,
    unit: 'count',
    threshold: { warn: 4, fail: 6, comparison: 'more_than' },
    label: { 'zh-CN': '近 3 个月硬查询', en: 'Hard queries, last 3 months' },
    explanation: {
      'zh-CN': '近 3 个月硬查询超过 6 次，通过率常被说成减半。',
      en: 'More than 6 hard queries in 3 months is cited as halving the pass rate.',
    },
    alternatives: { 'zh-CN': '其他来源的界限为 4、5 或 8 次。', en: 'Other sources put the line at 4, 5 or 8.' },
    sources: ['https://www.10100.com/article/17320473', 'https://www.zuowenti.com/news/228057.html', 'https://sundama66.net/cj/15397.html', 'https://www.mianjianghao.com/zhudai/3970.html'],
  },
  {
    id: 'hard_queries_6m',
    metric: 'hard_queries_in_window',
    windowMonths: 6,
    unit: 'count',
    threshold: { warn: 6, fail: 10, comparison: 'more_than' },
    label: { 'zh-CN': '近 6 个月硬查询', en: 'Hard queries, last 6 months' },
    explanation: {
      'zh-CN': '近半年硬查询超过 10 次常被认为“征信花”，很可能被拒。',
      en: 'More than 10 hard queries in 6 months is cited as a cluttered report and a likely decline.',
    },
    alternatives: { 'zh-CN': '也有来源说半年内超过 6 次审批即会被质疑。', en: 'Another source doubts applicants with more than 6 approvals in half a year.' },
    sources: ['https://www.10100.com/article/17320473', 'http://www.gzshszh.com/2025-06-29/219880233.html', 'http://m.789yingshi.cn/xindaizhishi/5048.html'],
  },
  {
    id: 'online_loans',
    metric: 'open_online_loan_accounts',
    windowMonths: null,
    unit: 'count',
    threshold: { warn: 3, fail: 5, comparison: 'at_least' },
    label: { 'zh-CN': '未结清的网贷账户', en: 'Open online-loan accounts' },
    explanation: {
      'zh-CN': '未结清网贷最好不超过 2 笔；3 笔起扣分，5 笔以上是明显的风险信号。',
      en: 'Open online loans are ideally 2 or fewer; 3 or more cost points, 5 or more is a red flag.',
    },
    alternatives: { 'zh-CN': '也有来源以 8 个账户为警戒线。', en: 'Another source warns at 8 open accounts.' },
    sources: ['http://www.kaoyanzixuw.com/post/17047.html', 'http://www.restaurantenna.com/post/5543.html', 'https://www.mianjianghao.com/zhudai/3970.html', 'https://www.sundama66.net/kz/31171.html'],
  },
  {
    id: 'card_utilisation',
    metric: 'card_utilisation',
    windowMonths: null,
    unit: 'ratio',
    threshold: { warn: 0.5, fail: 0.7, comparison: 'more_than' },
    label: { 'zh-CN': '信用卡额度使用率', en: 'Card utilisation' },
    explanation: {
      'zh-CN': '所有信用卡已用额度 ÷ 总额度：50% 以下健康，50–70% 为灰色区域，70% 以上为高风险。',
      en: 'Used ÷ total line over all cards: up to 50% healthy, 50–70% grey, over 70% high risk.',
    },
    alternatives: { 'zh-CN': '申请房贷前建议低于 50%，最好低于 30%。', en: 'Before a mortgage, below 50%, ideally below 30%.' },
    sources: ['http://xiaofei.caiding5.cn/dianshang/110396.html', 'https://m.gzjll.com/3/3695630.html', 'https://www.51kanong.com/xyk-12070103-1.htm'],
  },
  {
    id: 'debt_to_income',
    metric: 'debt_to_income',
    windowMonths: null,
    unit: 'ratio',
    threshold: { warn: 0.4, fail: 0.5, comparison: 'more_than' },
    label: { 'zh-CN': '负债收入比', en: 'Debt-to-income' },
    explanation: {
      'zh-CN': '每月负债 ÷ 月收入：贷款按本月应还款，信用卡等循环额度按已用额度的 10% 计；不超过 50%，严格的银行要求 30–40%。',
      en: 'Monthly debt ÷ monthly income: loans count their instalment, cards and other revolving lines 10% of the credit in use; 50% at most, 30–40% at strict banks.',
    },
    alternatives: null,
    sources: ['https://www.51kanong.com/xyk-12070103-1.htm', 'https://drbdp.com/4-6231081.html', 'core/rules/debt-to-income.ts'],
  },
];

/** Where a metric value stands against a threshold. */
export function evaluateThreshold(value: number, threshold: Threshold): 'pass' | 'warn' | 'fail' {
  const reaches = (limit: number | null) =>
    limit !== null && (threshold.comparison === 'at_least' ? value >= limit : value > limit);
  if (reaches(threshold.fail)) return 'fail';
  if (reaches(threshold.warn)) return 'warn';
  return 'pass';
}
