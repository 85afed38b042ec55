// The value each missing fact is measured with: a plausible answer, never stored, only used to ask
// the engine how much narrower its ranges and how much fuller the report would be with the fact
// known (core/checklist/checklist.ts). Where the engine's range already spans every answer (an
// unknown reporting status counts both ways), any answer narrows it alike, and the value is the
// likelier one; where it does not, the value is what the data itself suggests. Rules as data.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { LedgerAccountSnapshot } from '../ledger/snapshot.ts';
import type { InferredBillDays } from '../ledger/bill-day-inference.ts';

export interface Assumed {
  values: Record<string, string | number | boolean | null>;
  why: LocalizedText;
}

/** A line is seldom run past 70% of its limit (docs/domain/lender-heuristics.md: high use starts there), so the peak balance seen is at most 70% of it. */
const PEAK_USE_SHARE = 0.7;
const LIMIT_STEP_FEN = 100_000;

export function assumedLimit(account: LedgerAccountSnapshot): Assumed {
  const peak = Math.max(0, ...account.months.map((m) => m.creditUsedFen ?? m.statementBalanceFen ?? 0), ...account.months.map((m) => m.amountPaidFen));
  const limitFen = Math.max(LIMIT_STEP_FEN, Math.ceil(peak / PEAK_USE_SHARE / LIMIT_STEP_FEN) * LIMIT_STEP_FEN);
  return {
    values: { limitFen },
    why: {
      'zh-CN': '按账本里见到的最高欠款或还款额不超过额度的 70% 估算（高使用率从 70% 算起）。',
      en: 'Measured with the highest balance or repayment the ledger shows at 70% of the limit (high use starts at 70%).',
    },
  };
}

/** The bill days each product usually has, for an account whose repayments show no pattern. */
const USUAL_BILL_DAYS: Record<string, { statementDay: number; dueDay: number }> = {
  huabei: { statementDay: 1, dueDay: 10 },
  baitiao: { statementDay: 1, dueDay: 10 },
  meituan_yuefu: { statementDay: 1, dueDay: 10 },
  credit_card: { statementDay: 5, dueDay: 25 },
};

export function assumedBillDays(account: LedgerAccountSnapshot, inferred: InferredBillDays | null): Assumed {
  if (inferred) {
    return {
      values: { statementDay: inferred.statementDay, dueDay: inferred.dueDay },
      why: { 'zh-CN': '按从还款记录推测的账单日和还款日计算。', en: 'Measured with the statement and due day inferred from the repayments.' },
    };
  }
  return {
    values: { ...(USUAL_BILL_DAYS[account.product] ?? USUAL_BILL_DAYS.credit_card!) },
    why: {
      'zh-CN': '按这类产品常见的账单日和还款日计算：有了这两天，每个月才能判断是否按时还款。',
      en: 'Measured with the usual days for this product: with both days known, each month can be judged on time or late.',
    },
  };
}

export const ASSUMED_REPORTING: Assumed = {
  values: { reportsToBureau: 'yes' },
  why: {
    'zh-CN': '按“上报征信”计算：区间本已覆盖上报与不上报两种情况，无论答案是哪个，区间缩小的幅度相同。',
    en: 'Measured as reported: the range already spans both answers, so either one narrows it by the same amount.',
  },
};

export function assumedOpenedOn(account: LedgerAccountSnapshot, firstDay: string): Assumed {
  void account;
  return {
    values: { openedOn: firstDay },
    why: { 'zh-CN': '按账本中最早的一条记录的日期计算（实际开户可能更早）。', en: 'Measured with the date of the earliest record in the ledger (it may have been opened earlier).' },
  };
}

/** A draw without terms: the commonest platform loan (12 monthly instalments, equal payments, 0.03% a day). */
export const ASSUMED_LOAN_TERMS: Assumed = {
  values: { termMonths: 12, repaymentMethod: 'equal_installment', annualRateBp: 1_095 },
  why: {
    'zh-CN': '按平台借款最常见的条件计算：12 期、等额本息、日利率 0.03%。',
    en: 'Measured with the commonest platform loan terms: 12 months, equal instalments, 0.03% a day.',
  },
};

/** Any income removes the debt-to-income adjustment's range; ¥10,000 a month is a round middle figure. */
export const ASSUMED_INCOME: Assumed = {
  values: { monthlyIncomeFen: 1_000_000 },
  why: {
    // No amount in the sentence: it is shown on screens an adviser may present (presentation mode hides every amount).
    'zh-CN': '按一个整数的中等月收入计算：填上任何收入，负债收入比这一项就不再是区间。',
    en: 'Measured with a round middle monthly income: any income turns the debt-to-income item from a range into a figure.',
  },
};
