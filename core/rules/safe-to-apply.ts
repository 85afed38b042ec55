import type { LocalizedText } from '../shared/localized-text.ts';
import type { LenderMetricId } from './lender-heuristics.ts';

/**
 * When each lender rule (lender-heuristics.ts) stops failing, as a versioned table: what moves
 * its metric with time alone, or what the user must do first. The lender view
 * (core/bureau/safe-to-apply.ts) turns each into a date, and the latest into the one date from
 * which no rule fails. Every date assumes no new late, query or account after the as-of day.
 */
export const SAFE_TO_APPLY_VERSION = 'safe-to-apply/2026-12-03';

/**
 * What moves a rule's metric: window (the counted months leave the rule's window, one reported
 * month at a time), repay (repaid now, the month is reported clear at its end), retention (5 years
 * after a bad debt ends), queries (each hard query leaves the window N months after its day),
 * maturity (a loan with a term ends with its last instalment; a line only when closed), statement
 * (repaid before the card's next statement, the lower balance is in that month's report), action (time
 * alone does not move it).
 */
export const CLEARING_BASES = ['window', 'repay', 'retention', 'queries', 'maturity', 'statement', 'action'] as const;
export type ClearingBasis = (typeof CLEARING_BASES)[number];

export interface ClearingRule {
  basis: ClearingBasis;
  explanation: LocalizedText;
  source: string;
}

const MONTHLY = 'lenders report monthly: report note 10, docs/domain/pboc-report.md#reporting-cadence';

export const CLEARING_RULES: Readonly<Record<LenderMetricId, ClearingRule>> = {
  consecutive_overdue_months: {
    basis: 'window',
    explanation: {
      'zh-CN': '连续逾期的月份随报告逐月滚出规则的时间窗口；没有新的逾期时，最后一个计入的月份滚出后即不再触发。',
      en: 'The consecutive overdue months roll out of the rule’s window one reported month at a time; with no new late, the rule stops firing once the months it needs have left.',
    },
    source: `the rule's window (docs/domain/lender-heuristics.md#consecutive-and-cumulative-overdue); ${MONTHLY}`,
  },
  overdue_months_in_window: {
    basis: 'window',
    explanation: {
      'zh-CN': '计入的逾期月份随报告逐月滚出时间窗口；没有新的逾期时，滚出到线下的那个月末起不再触发。',
      en: 'The counted overdue months roll out of the window one reported month at a time; with no new late, the rule stops firing at the end of the month the count drops under the line.',
    },
    source: `the rule's window (docs/domain/lender-heuristics.md#consecutive-and-cumulative-overdue, #lates-within-two-years); ${MONTHLY}`,
  },
  current_overdue_fen: {
    basis: 'repay',
    explanation: {
      'zh-CN': '当前逾期只有还清才会消失：现在还清，本月月末报送时显示为不逾期。已经逾期的月份仍留在还款记录里。',
      en: 'A current overdue goes only when it is repaid: repaid now, this month is reported clear at its end. The months already overdue stay in the repayment grid.',
    },
    source: `当前逾期 is the report month's overdue (docs/domain/lender-heuristics.md#current-overdue); ${MONTHLY}`,
  },
  bad_debt_accounts: {
    basis: 'retention',
    explanation: {
      'zh-CN': '呆账在结清后保留 5 年才从报告中删除；未结清的呆账不会因时间消失。',
      en: 'A bad debt leaves the report 5 years after it ends (is settled); one not settled does not go with time.',
    },
    source: '征信业管理条例 Art. 16 and report note 13 (docs/domain/pboc-report.md#retention)',
  },
  hard_queries_in_window: {
    basis: 'queries',
    explanation: {
      'zh-CN': '每条硬查询在查询日的 N 个月后滚出窗口；日期为再申请一次（新增一条查询）仍不超线的第一天。',
      en: 'Each hard query leaves the window N months after its day; the date is the first day on which one more application (one more query) stays under the line.',
    },
    source: 'docs/domain/lender-heuristics.md#hard-queries; the windows of docs/domain/pboc-report.md#summary-counters',
  },
  open_online_loan_accounts: {
    basis: 'maturity',
    explanation: {
      'zh-CN': '有期限的网贷在最后一期还完后结清，月末报送后不再算作未结清账户；额度类产品（花呗、借呗额度）只有主动关闭才会减少。',
      en: 'An online loan with a term is settled with its last instalment and stops counting as open once that month is reported; a line (Huabei, a Jiebei line) only goes when you close it.',
    },
    source: `账户状态 3 结清 (docs/domain/pboc-report.md#account-status); the open-account count of docs/domain/lender-heuristics.md#online-loan-accounts; ${MONTHLY}`,
  },
  card_utilisation: {
    basis: 'statement',
    explanation: {
      'zh-CN': '使用率按卡片报送的已用额度计算：在下一个账单日前还款，该月报送（月末）后使用率随之下降。',
      en: 'Utilisation is read from the balance each card reports: repay before the next statement day, and it falls once that month is reported, at its end.',
    },
    source: `used ÷ line of the open cards (docs/domain/lender-heuristics.md#card-utilisation); ${MONTHLY}`,
  },
  debt_to_income: {
    basis: 'action',
    explanation: {
      'zh-CN': '负债收入比不会随时间自行下降：需要减少月负债（还款、结清），或提供更高的收入证明。',
      en: 'Debt-to-income does not fall with time alone: lower the monthly debt (repay, settle) or document more income.',
    },
    source: 'docs/domain/lender-heuristics.md#debt-to-income',
  },
};
