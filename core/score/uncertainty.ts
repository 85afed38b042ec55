// Why a score is a range, counted and said in both languages. The counts come from the months
// the model reads (six for the bureau card, twenty-four for the estimate's history).

import { monthIndex, type ScoringAccount, type ScoringLedger } from './scoring-ledger.ts';
import type { UncertaintyNote } from './report-schema.ts';

type Key = UncertaintyNote['key'];

const TEXT: Record<Key, (n: number) => UncertaintyNote['text']> = {
  reporting_unknown: (n) => ({
    'zh-CN': `${n} 个账户不确定是否上报征信：按上报计算，区间也考虑了不上报的情况。可在账户页确认。`,
    en: `${n} account(s) may or may not be on the credit report: counted as reported, and the range allows for them not being. Confirm on the Accounts page.`,
  }),
  status_unknown: (n) => ({
    'zh-CN': `${n} 个账户月份的还款状态为 #（数据不足）：按未逾期计算，区间下限假设它们各晚还了一期。导入更多账单或填写月份信息可缩小区间。`,
    en: `${n} account-month(s) have status # (the data cannot tell): counted as not late, and the low end assumes each was one step late. Import more bills or enter the month to narrow the range.`,
  }),
  needs_review: (n) => ({
    'zh-CN': `${n} 个账户月份含有待确认的交易：区间考虑了这些交易识别有误的情况。到导入页确认即可。`,
    en: `${n} account-month(s) hold events waiting for your review: the range allows for them being misread. Confirm them on the Import page.`,
  }),
  limit_unknown: (n) => ({
    'zh-CN': `${n} 个额度账户不知道额度：额度使用率无法准确计算。在账户页填写额度可缩小区间。`,
    en: `${n} credit line(s) have no known limit, so use of the lines cannot be computed exactly. Enter the limit on the Accounts page to narrow the range.`,
  }),
  layout_unknown: (n) => ({
    'zh-CN': `${n} 个借款额度（借呗、微粒贷等）不确定是逐笔上报还是合并上报：两种情况都已计入区间。`,
    en: `${n} loan line(s) (Jiebei, Weilidai…) may be reported draw by draw or merged: the range covers both.`,
  }),
  unobservable: () => ({
    'zh-CN': '“好友的信用状况”在本机无从得知：按中间值计入，区间覆盖其全部可能。',
    en: '“Friends’ credit” cannot be known on this computer: counted at the middle, and the range covers all of it.',
  }),
  history_short: (n) => ({
    'zh-CN': `评分读取的 6 个月中有 ${n} 个月早于账本里某个账户的第一条记录，而它的开户日期未知：按账本已有的月份计算，区间考虑了这些月份的各种可能。在账户页填写开户日期或导入更早的账单可缩小区间。`,
    en: `${n} of the 6 months the score reads come before the first record of an account whose open date is not known: scored on the months the ledger has, and the range allows for anything in the others. Enter the open date on the Accounts page, or import older bills, to narrow it.`,
  }),
  scorable_if_reported: () => ({
    'zh-CN': '只有在上报情况未知的账户确实上报征信时，这份记录才能评分：请在账户页确认。',
    en: 'The file can be scored only if the accounts whose reporting is not known do report: confirm them on the Accounts page.',
  }),
  adjustments_missing: () => ({
    'zh-CN': '银行经验规则的指标暂时无法计算，未计入调整项。',
    en: 'The lender-rule metrics could not be computed, so no adjustments were applied.',
  }),
};

export function note(key: Key, count: number): UncertaintyNote {
  return { key, count, text: TEXT[key](count) };
}

/** Account-months in [from, to] (month indices) that satisfy `test`, over `accounts`. */
export function countMonths(accounts: readonly ScoringAccount[], from: number, to: number, test: (a: ScoringAccount, i: number) => boolean): number {
  let n = 0;
  for (const a of accounts) {
    for (let month = from; month <= to; month++) {
      const i = monthIndex(a, month);
      if (i >= 0 && test(a, i)) n++;
    }
  }
  return n;
}

function hasRows(a: ScoringAccount, from: number, to: number): boolean {
  return Math.max(from, a.firstMonth) <= Math.min(to, a.firstMonth + a.codes.length - 1);
}

/** The account's running count of `#` months (ScoringAccount.unknownBefore), made once. */
function unknownBefore(a: ScoringAccount): Int32Array {
  let before = a.unknownBefore;
  if (before === null) {
    before = new Int32Array(a.codes.length + 1);
    for (let i = 0; i < a.codes.length; i++) before[i + 1] = before[i]! + (a.codes[i] === '#' ? 1 : 0);
    a.unknownBefore = before;
  }
  return before;
}

/**
 * Account-months in [from, to] whose status is `#` (the data cannot tell): per account, the rows
 * of the window counted by one difference of its running count (one pass over its months, then
 * every window of every scored month reads two numbers; a what-if's months and scenarios share
 * the accounts they leave alone).
 */
export function unknownMonths(accounts: readonly ScoringAccount[], from: number, to: number): number {
  let n = 0;
  for (const a of accounts) {
    const start = Math.max(from, a.firstMonth) - a.firstMonth;
    const end = Math.min(to, a.firstMonth + a.codes.length - 1) - a.firstMonth;
    if (start > end) continue;
    const before = unknownBefore(a);
    n += before[end + 1]! - before[start]!;
  }
  return n;
}

export interface NoteOptions {
  accounts: readonly ScoringAccount[];
  from: number;
  to: number;
  /** Bureau card: accounts whose reporting is unknown widen it. */
  reporting: boolean;
  layoutUnknown: number;
  unobservable: boolean;
  /** Months of the window before the first row of an account whose open date is not known. */
  historyShort?: number;
  scorableIfReported?: boolean;
}

export function uncertaintyNotes(ledger: ScoringLedger, o: NoteOptions): UncertaintyNote[] {
  const { accounts, from, to } = o;
  const counts: [Key, number][] = [
    ['reporting_unknown', o.reporting ? accounts.filter((a) => a.onReport === 'unknown' && hasRows(a, from, to)).length : 0],
    ['status_unknown', unknownMonths(accounts, from, to)],
    ['needs_review', ledger.needsReview > 0 ? countMonths(accounts, from, to, (a, i) => a.unconfirmed[i]! > 0) : 0],
    ['limit_unknown', accounts.filter((a) => a.kind === 'revolving' && a.limitFen === null && hasRows(a, from, to)).length],
    ['layout_unknown', o.layoutUnknown],
    ['unobservable', o.unobservable ? 1 : 0],
    ['history_short', o.historyShort ?? 0],
    ['scorable_if_reported', o.scorableIfReported ? 1 : 0],
  ];
  return counts.filter(([, n]) => n > 0).map(([key, n]) => note(key, n));
}
