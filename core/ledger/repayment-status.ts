// The rules that pick a month's code of the PBOC 60-month repayment-status alphabet
// (docs/domain/pboc-report.md#repayment-status-codes; the alphabet itself is
// core/shared/status-alphabet.ts), as data. The month close (history/month-close.ts) computes
// the facts of a month (is anything overdue, was something due, is the month observed…); the
// first rule whose conditions all hold names the code. Codes the ledger never derives by itself (B, D, G, Z, A, /) can still
// be entered by hand from the user's own report.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { StatusReason } from '../shared/ledger-vocabulary.ts';
import { statusInfo, type StatusCode } from '../shared/status-alphabet.ts';

/** Days past due at the month's end → code (docs/domain/pboc-report.md#repayment-status-codes: 1 = 1–30 days … 7 = over 180). */
export const DPD_BUCKETS: readonly { from: number; to: number; code: StatusCode }[] = [
  { from: 1, to: 30, code: '1' },
  { from: 31, to: 60, code: '2' },
  { from: 61, to: 90, code: '3' },
  { from: 91, to: 120, code: '4' },
  { from: 121, to: 150, code: '5' },
  { from: 151, to: 180, code: '6' },
  { from: 181, to: Number.POSITIVE_INFINITY, code: '7' },
];

export function codeForDaysPastDue(days: number): StatusCode {
  for (const bucket of DPD_BUCKETS) if (days >= bucket.from && days <= bucket.to) return bucket.code;
  return 'N';
}

/**
 * What the month close knows about a month when it picks the code. `null` in a fact means "the
 * data cannot tell".
 */
export interface MonthFacts {
  /** The user closed the account, or the last instalment was paid, this month. */
  closedThisMonth: boolean;
  /** First month of the account. */
  openedThisMonth: boolean;
  /** Statement and due day (revolving) or the loan's terms are known. */
  scheduleKnown: boolean;
  /** Everything up to this month's end was observed (continuous complete exports, known balance). */
  observed: boolean;
  /** Something remains unpaid past its due date at month end. */
  overdue: boolean | null;
  /** A payment due this month arrived after the due date but before the month ended. */
  paidLate: boolean | null;
  /** A non-zero amount fell due this month. */
  dueThisMonth: boolean | null;
  /** What fell due this month was on time only by the lender's grace days or tolerance (容时/容差). */
  inGrace: boolean;
  /** A repayment after the grace days but before the month is judged is an overdue, not M (a card's cycle: core/rules/billing-cycle.ts). */
  lateRepaidIsOverdue: boolean;
}

type Condition = Partial<{ [K in keyof MonthFacts]: MonthFacts[K] }>;

export interface StatusRule {
  id: string;
  when: Condition;
  /** A code, or `dpd`: the bucket of the days past due at month end. */
  code: StatusCode | 'dpd';
  /** For `#`: the reason given when no more specific one is known. */
  reason: StatusReason;
  explain: LocalizedText;
}

/** First match wins. */
export const STATUS_RULES: readonly StatusRule[] = [
  {
    id: 'closed',
    when: { closedThisMonth: true, overdue: false },
    code: 'C',
    reason: 'settled',
    explain: { 'zh-CN': '本月结清或正常销户且无拖欠 → C', en: 'Settled or closed this month with nothing overdue → C' },
  },
  {
    id: 'opened_nothing_due',
    when: { openedThisMonth: true, dueThisMonth: false, overdue: false },
    code: '*',
    reason: 'opened',
    explain: { 'zh-CN': '开户当月，无应还款 → *', en: 'The month the account opened, nothing due → *' },
  },
  {
    id: 'schedule_unknown',
    when: { scheduleKnown: false },
    code: '#',
    reason: 'no_statement_day',
    explain: { 'zh-CN': '不知道账单日/还款日或借款期限 → #', en: 'Statement and due day, or loan terms, unknown → #' },
  },
  {
    id: 'not_observed',
    when: { observed: false },
    code: '#',
    reason: 'not_observed',
    explain: { 'zh-CN': '该月数据不完整（缺少账单导出或期初余额）→ #', en: 'The month is not fully covered by exports or a known balance → #' },
  },
  {
    id: 'overdue',
    when: { overdue: true },
    code: 'dpd',
    reason: 'overdue',
    explain: { 'zh-CN': '月末仍有逾期未还 → 按逾期天数 1–7', en: 'Something overdue at month end → 1–7 by days past due' },
  },
  {
    id: 'paid_in_grace',
    when: { overdue: false, inGrace: true },
    code: 'N',
    reason: 'paid_in_grace',
    explain: {
      'zh-CN': '在发卡机构的容时（还款日后宽限天数）内还款，或未还部分不超过容差 → 视同按时还款 N',
      en: "Repaid within the issuer's grace days after the due date, or short by no more than its tolerance → on time, N",
    },
  },
  {
    id: 'repaid_late_in_cycle',
    when: { overdue: false, paidLate: true, lateRepaidIsOverdue: true },
    code: 'dpd',
    reason: 'repaid_late',
    explain: {
      'zh-CN': '还款日及宽限期后才还上最低还款额（在账单日前已还清）→ 按逾期天数 1–7（账单周期计：docs/domain/pboc-report.md#billing-cycles）',
      en: 'The minimum repaid after the due date and its grace days, before the statement date → 1–7 by the days late (judged by statement cycle: docs/domain/pboc-report.md#billing-cycles)',
    },
  },
  {
    id: 'paid_late',
    when: { overdue: false, paidLate: true },
    code: 'M',
    reason: 'paid_late',
    explain: { 'zh-CN': '还款日后、月底前还清 → M', en: 'Paid after the due date but before month end → M' },
  },
  {
    id: 'paid_on_time',
    when: { overdue: false, paidLate: false, dueThisMonth: true },
    code: 'N',
    reason: 'paid_on_time',
    explain: { 'zh-CN': '按时足额还款 → N', en: 'Paid on time → N' },
  },
  {
    id: 'nothing_due',
    when: { overdue: false, dueThisMonth: false },
    code: '*',
    reason: 'nothing_due',
    explain: { 'zh-CN': '当月无应还款且无拖欠 → *', en: 'Nothing due and no arrears → *' },
  },
];

/**
 * Each rule's conditions as [fact, wanted] pairs, in the table's order, read out of the table
 * once: every month of every account's history is judged by them, and a `for … in` over each
 * rule's conditions cost more than the comparisons.
 */
const CONDITIONS: readonly (readonly [keyof MonthFacts, unknown])[][] = STATUS_RULES.map((rule) => Object.entries(rule.when) as [keyof MonthFacts, unknown][]);

function holds(conditions: readonly (readonly [keyof MonthFacts, unknown])[], facts: MonthFacts): boolean {
  for (const [key, wanted] of conditions) if (facts[key] !== wanted) return false;
  return true;
}

/** The month's code and the rule that gave it; `#` when no rule applies (some fact is unknown). `daysPastDue`: at the month's end, or the days late of a repayment in it. */
export function pickStatus(facts: MonthFacts, daysPastDue: number | null): { code: StatusCode; rule: StatusRule | null } {
  for (let i = 0; i < STATUS_RULES.length; i++) {
    const rule = STATUS_RULES[i]!;
    if (!holds(CONDITIONS[i]!, facts)) continue;
    if (rule.code !== 'dpd') return { code: rule.code, rule };
    if (daysPastDue !== null && daysPastDue > 0) return { code: codeForDaysPastDue(daysPastDue), rule };
  }
  return { code: '#', rule: null };
}

/** For "worst in 24 months": severity first, then overdue digits over other codes of equal rank. */
const TIE_ORDER: readonly StatusCode[] = ['7', 'B', 'G', '6', '5', '4', '3', '2', '1', 'D', 'Z', 'M', 'N', 'C', '*', 'A', '/', '#'];

export function worstStatus(codes: Iterable<StatusCode>): StatusCode | null {
  let worst: StatusCode | null = null;
  for (const code of codes) {
    if (worst === null) {
      worst = code;
      continue;
    }
    const a = statusInfo(code).severity;
    const b = statusInfo(worst).severity;
    if (a > b || (a === b && TIE_ORDER.indexOf(code) < TIE_ORDER.indexOf(worst))) worst = code;
  }
  return worst;
}
