// 信息概要 (docs/domain/pboc-report.md#summary-counters): the overview of credit accounts (PC02A),
// the default summary (PC02C bad debt, PC02D overdue per account type), and the credit-line and
// debt summary of the open accounts (report note 7). Each function takes one scenario's accounts
// (report.ts runs it for the accounts known to report and again with the unknown ones) and returns
// Figures.

import type { LocalizedText } from '../shared/localized-text.ts';
import type { BureauType } from '../shared/ledger-vocabulary.ts';
import type { MonthRow } from '../ledger/account-schema.ts';
import { accountRef, accountRefs, count, extreme, figure, monthRef, sum, swappedRecords } from './figures.ts';
import { creditLineKey, creditLines, institutionOf, type CreditLine } from './credit-lines.ts';
import { issuerOf } from '../rules/repayment-grace.ts';
import { keepOn, keptOn, ownAccountBefore, partKeys, type ReportAccount } from './layouts.ts';
import { average6m, gridWindow, isOpen, overdueHigh } from './repayment-grid.ts';
import { retainedNegativeMonths } from './retention.ts';
import { fromLike, type Answered } from './replaced.ts';
import type { BusinessCount, DebtRow, Figure, OverdueRow, RecordRef, TypeCount } from './report-schema.ts';
import { monthIndex, monthOfDate } from './windows.ts';
import { isLenderOverdue, isNegative, statusInfo } from '../shared/status-alphabet.ts';

/** The report's order of account types (docs/domain/pboc-report.md#account-types sort key; 三 (二)–(六) of the layout). */
export const TYPE_ORDER: readonly BureauType[] = ['D1', 'R4', 'R1', 'R2', 'R3'];

export const TYPE_NAMES: Record<BureauType, LocalizedText> = {
  D1: { 'zh-CN': '非循环贷账户', en: 'Non-revolving loan' },
  R4: { 'zh-CN': '循环额度下分账户', en: 'Sub-account under a revolving line' },
  R1: { 'zh-CN': '循环贷账户', en: 'Revolving loan' },
  R2: { 'zh-CN': '贷记卡账户', en: 'Credit card' },
  R3: { 'zh-CN': '准贷记卡账户', en: 'Semi-credit card' },
};

/** PC02A's business categories (docs/domain/pboc-report.md#summary-counters) and which accounts fall in each. */
export const BUSINESS_CATEGORIES: readonly { id: string; name: LocalizedText; of: (a: ReportAccount) => boolean }[] = [
  { id: 'housing', name: { 'zh-CN': '个人住房贷款', en: 'Personal housing loans' }, of: (a) => a.product === 'mortgage' },
  { id: 'other_loan', name: { 'zh-CN': '其他类贷款', en: 'Other loans' }, of: (a) => a.product !== 'mortgage' && a.type !== 'R2' && a.type !== 'R3' },
  { id: 'credit_card', name: { 'zh-CN': '贷记卡', en: 'Credit cards' }, of: (a) => a.type === 'R2' },
  { id: 'semi_credit_card', name: { 'zh-CN': '准贷记卡', en: 'Semi-credit cards' }, of: (a) => a.type === 'R3' },
];

/** 业务种类 PD01AD03 (docs/domain/pboc-report.md#business-types, pboc_conf.py biz_cat). */
export function businessType(a: ReportAccount): { code: string; name: LocalizedText } {
  if (a.type === 'R2') return { code: '81', name: { 'zh-CN': '贷记卡', en: 'Credit card' } };
  if (a.type === 'R3') return { code: '71', name: { 'zh-CN': '准贷记卡', en: 'Semi-credit card' } };
  if (a.product === 'mortgage') return { code: '11', name: { 'zh-CN': '个人住房商业贷款', en: 'Commercial mortgage' } };
  if (a.product === 'car_loan') return { code: '21', name: { 'zh-CN': '个人汽车消费贷款', en: 'Car loan' } };
  return { code: '91', name: { 'zh-CN': '其他个人消费贷款', en: 'Other consumer loan' } };
}

/** 账户状态 PD01BD01 by account type (docs/domain/pboc-report.md#account-status). */
export const ACCOUNT_STATES: Record<string, { loan: string | null; card: string | null; name: LocalizedText }> = {
  normal: { loan: '1', card: '1', name: { 'zh-CN': '正常', en: 'Normal' } },
  overdue: { loan: '2', card: null, name: { 'zh-CN': '逾期', en: 'Overdue' } },
  settled: { loan: '3', card: null, name: { 'zh-CN': '结清', en: 'Settled' } },
  closed: { loan: null, card: '4', name: { 'zh-CN': '销户', en: 'Closed' } },
  bad_debt: { loan: '4', card: '5', name: { 'zh-CN': '呆账', en: 'Bad debt' } },
};

const isCard = (type: BureauType) => type === 'R2' || type === 'R3';

export function accountState(a: ReportAccount, reportMonth: number): string {
  const last = a.months.at(-1);
  if (last?.status === 'B') return 'bad_debt';
  if (!isOpen(a, reportMonth)) return isCard(a.type) ? 'closed' : 'settled';
  // Cards have no "overdue" state: an overdue card is 正常 with overdue months.
  if (!isCard(a.type) && last && isLenderOverdue(last.status)) return 'overdue';
  return 'normal';
}

/** The month the account is on the report from: its open month, or the month reporting started. */
/** Kept with the report account (never edited), without a closure per call: the sort and the first months read it for every account. */
export function openedMonthOnReport(a: ReportAccount): number {
  return (a.parts.openedMonth ??= openedMonth(a));
}

function openedMonth(a: ReportAccount): number {
  const first = monthIndex(a.months[0].month);
  const opened = a.source.openedOn ? monthOfDate(a.source.openedOn) : first;
  return a.sinceMonth ? Math.max(opened, monthIndex(a.sinceMonth)) : opened;
}

/** D1/R4: 借款金额; R1/R2/R3: 授信额度 (docs/domain/pboc-report.md#account-types). A merged D1/R4 line: its draws together. */
export function amountOf(a: ReportAccount): number | null {
  if (a.type === 'D1' || a.type === 'R4') return a.source.principalFen ?? a.drawPrincipalFen;
  return a.source.limitFen;
}

export function balanceOf(a: ReportAccount): number | null {
  return a.months.at(-1)?.creditUsedFen ?? null;
}

/**
 * Loans: 最近6个月平均应还款; cards: 最近6个月平均使用额度 / 平均透支余额. Kept with the report
 * account for its month: both readings' debt rows and the scenarios' replaced rows read it.
 */
export function average6mOf(a: ReportAccount, reportMonth: number): number | null {
  const key = average6mKey(reportMonth);
  const kept = keptOn<number | null>(a, key);
  return kept !== undefined ? kept : keepOn(a, key, average6m(a, isCard(a.type) ? usedOf : dueOf, reportMonth));
}

const average6mKey = partKeys('average6m');
const usedOf = (row: MonthRow) => row.creditUsedFen;
const dueOf = (row: MonthRow) => row.amountDueFen;

function firstMonth(accounts: readonly ReportAccount[]): Figure {
  return extreme(accounts, openedMonthOnReport, 'min', 'month');
}

// ---------------------------------------------------------------- PC02A overview

/** The accounts of each type, in their order. */
function accountsByType(accounts: readonly ReportAccount[]): Map<BureauType, ReportAccount[]> {
  const byType = new Map<BureauType, ReportAccount[]>(TYPE_ORDER.map((type) => [type, []]));
  for (const a of accounts) byType.get(a.type)!.push(a);
  return byType;
}

type Overview = { totalAccounts: Figure; byType: TypeCount[]; byBusiness: BusinessCount[] };

/**
 * The answer of a like list (replaced.ts) for a list in which `old` became `next`: the same, the
 * record swapped, when what the counters read of them is the same (type, product, opening month).
 */
function overviewSwap(answer: Overview, old: ReportAccount | null, next: ReportAccount | null): Overview | null {
  if (old === null || next === null) return null;
  if (old.type !== next.type || old.product !== next.product || openedMonthOnReport(old) !== openedMonthOnReport(next)) return null;
  return swappedRecords(answer, accountRef(old), accountRef(next));
}

export function overview(accounts: readonly ReportAccount[], like: Answered<ReportAccount, Overview> | null = null): Overview {
  const replaced = fromLike(accounts, like, overviewSwap);
  if (replaced) return replaced;
  const byType = accountsByType(accounts);
  return {
    totalAccounts: count(accounts),
    byType: TYPE_ORDER.map((type) => {
      const of = byType.get(type)!;
      return { type, accounts: count(of), firstMonth: firstMonth(of) };
    }),
    byBusiness: BUSINESS_CATEGORIES.map((category) => {
      const of = accounts.filter(category.of);
      return { category: category.id, name: category.name, accounts: count(of), firstMonth: firstMonth(of) };
    }),
  };
}

// ---------------------------------------------------------------- PC02C, PC02D defaults

/** PC02C 呆账: accounts in bad debt at the report month, and their balance. */
type BadDebt = { accounts: Figure; balanceFen: Figure };

const inBadDebt = (a: ReportAccount | null) => a !== null && a.months.at(-1)?.status === 'B';

export function badDebt(accounts: readonly ReportAccount[], like: Answered<ReportAccount, BadDebt> | null = null): BadDebt {
  // From a like list's: the same when neither account is in bad debt, the record swapped when both are with one balance.
  const replaced = fromLike(accounts, like, (answer, old, next) => {
    if (inBadDebt(old) !== inBadDebt(next)) return null;
    if (!inBadDebt(old)) return answer;
    return balanceOf(old!) === balanceOf(next!) ? swappedRecords(answer, accountRef(old!), accountRef(next!)) : null;
  });
  if (replaced) return replaced;
  const bad = accounts.filter((a) => inBadDebt(a));
  return { accounts: count(bad), balanceFen: sum(bad, balanceOf) };
}

/**
 * PC02D per account type, over the overdue months still on the report (retention.ts): accounts
 * with any, the months, the highest single month's overdue amount, and the longest overdue in
 * months (the highest digit: a 3 is 61–90 days, the third month).
 */
/** One account's part of PC02D: its overdue months still on the report and what the counters read of them. */
interface OverduePart {
  /** The account's record naming those months; null when it has none. */
  ref: RecordRef | null;
  months: number;
  longest: number;
  /** Months whose amount is unknown. */
  missing: number;
  /** The first of its highest known amounts, and the record naming that month. */
  highest: { amount: number; ref: RecordRef } | null;
}

/** The months a record names. */
const namedMonths = (ref: RecordRef): readonly string[] => (ref.kind === 'account' ? ref.months : []);

const overdueKey = partKeys('overdue');

/** An account's part, kept with the report account (built once per month, layouts.ts) under `key` (the report month's). */
function overduePartOf(a: ReportAccount, reportMonth: number, key: string): OverduePart {
  return keptOn<OverduePart>(a, key) ?? keepOn(a, key, carriedOverduePart(a, reportMonth) ?? overduePart(a, reportMonth));
}

/**
 * The part of the account's report account of the month before (a baseline's next month: the
 * same ledger account, one row more, layouts.ts ownAccountBefore) when it is this month's too: no
 * negative month was added, and none of its months is the one that has left the grid. A negative
 * run leaves the report with its last month's leaving the 60-month grid (retention.ts: the law's
 * five years from its end are never earlier), so with no negative month added the overdue months
 * on the report are the month before's, less those now out of the grid.
 */
function carriedOverduePart(a: ReportAccount, reportMonth: number): OverduePart | null {
  const before = ownAccountBefore(a, reportMonth);
  if (before === null) return null;
  if (before.added !== null && (isNegative(before.added.status) || statusInfo(before.added.status).overdueMonths !== null)) return null;
  const part = keptOn<OverduePart>(before.earlier, overdueKey(reportMonth - 1));
  if (part === undefined) return null;
  if (part.ref === null) return part;
  const { from } = gridWindow(reportMonth);
  return namedMonths(part.ref).every((month) => month >= from) ? part : null;
}

function overduePart(a: ReportAccount, reportMonth: number): OverduePart {
  const retained = retainedNegativeMonths(a, reportMonth);
  const rows: MonthRow[] = [];
  const months: string[] = [];
  for (const row of a.months) {
    if (!retained.has(row.month) || statusInfo(row.status).overdueMonths === null) continue;
    rows.push(row);
    months.push(row.month);
  }
  const part: OverduePart = { ref: rows.length > 0 ? accountRef(a, months) : null, months: rows.length, longest: 0, missing: 0, highest: null };
  for (const row of rows) {
    part.longest = Math.max(part.longest, statusInfo(row.status).overdueMonths!);
    const amount = overdueHigh(row);
    if (amount === null) part.missing++;
    else if (part.highest === null || amount > part.highest.amount) part.highest = { amount, ref: monthRef(a, row.month) };
  }
  return part;
}

const sameMonths = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);

/** The same months, counted alike (the records aside). */
function samePart(a: OverduePart, b: OverduePart): boolean {
  if (a.months !== b.months || a.longest !== b.longest || a.missing !== b.missing || !sameMonths(namedMonths(a.ref!), namedMonths(b.ref!))) return false;
  if (a.highest === null || b.highest === null) return a.highest === b.highest;
  return a.highest.amount === b.highest.amount && sameMonths(namedMonths(a.highest.ref), namedMonths(b.highest.ref));
}

/**
 * The answer of a like list (replaced.ts) with one account's part `old` (null: no account)
 * replaced by `next`: the same when neither has an overdue month still on the report (most), the
 * records swapped when both have the same months counted alike; else null.
 */
function overdueSwap(answer: OverdueRow[], old: OverduePart | null, next: OverduePart | null): OverdueRow[] | null {
  const none = (p: OverduePart | null) => p === null || p.ref === null;
  if (none(old) && none(next)) return answer;
  if (none(old) || none(next) || !samePart(old!, next!)) return null;
  const swapped = swappedRecords(answer, old!.ref!, next!.ref!);
  return old!.highest === null ? swapped : swappedRecords(swapped, old!.highest.ref, next!.highest!.ref);
}

/**
 * PC02D per account type, over the overdue months still on the report (retention.ts): accounts
 * with any, the months, the highest single month's overdue amount, and the longest overdue in
 * months (the highest digit: a 3 is 61–90 days, the third month). A fold of the accounts' parts.
 */
export function overdueSummary(accounts: readonly ReportAccount[], reportMonth: number, like: Answered<ReportAccount, OverdueRow[]> | null = null): OverdueRow[] {
  const key = overdueKey(reportMonth);
  const replaced = fromLike(accounts, like, (answer, old, next) => overdueSwap(answer, old && overduePartOf(old, reportMonth, key), next && overduePartOf(next, reportMonth, key)));
  if (replaced) return replaced;
  const byType = accountsByType(accounts);
  return TYPE_ORDER.map((type) => {
    const records: RecordRef[] = [];
    let months = 0;
    let highest: { amount: number; ref: RecordRef } | null = null;
    let missing = 0;
    let longest = 0;
    for (const a of byType.get(type)!) {
      const part = overduePartOf(a, reportMonth, key);
      if (part.ref === null) continue;
      records.push(part.ref);
      months += part.months;
      longest = Math.max(longest, part.longest);
      missing += part.missing;
      if (part.highest !== null && (highest === null || part.highest.amount > highest.amount)) highest = part.highest;
    }
    return {
      type,
      accounts: figure('count', records.length, records),
      months: figure('months', months, records),
      highestMonthlyFen: figure('fen', highest?.amount ?? (records.length > 0 ? null : 0), highest ? [highest.ref] : [], missing),
      longestMonths: figure('months', longest, records),
    };
  });
}

// ---------------------------------------------------------------- credit lines and debt (open accounts, note 7)

/** Accounts without a lender each count as one institution: the ledger cannot tell them apart. */
const lenderKey = (a: ReportAccount) => a.source.lender ?? `#${a.id}`;

/** The open accounts of a row per institution key (what its institutions count). */
function lenderCounts(accounts: readonly ReportAccount[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of accounts) counts.set(lenderKey(a), (counts.get(lenderKey(a)) ?? 0) + 1);
  return counts;
}

function institutions(accounts: readonly ReportAccount[], counts: ReadonlyMap<string, number>, records: RecordRef[]): Figure {
  const unknown = accounts.filter((a) => a.source.lender === null).length;
  return figure('count', counts.size, records, unknown);
}

/** Cards: 授信总额, each shared line once (credit-lines.ts); `missing` counts the lines whose limit is unknown. */
function linesTotal(lines: readonly CreditLine[], records: RecordRef[]): Figure {
  const known = lines.filter((l) => l.limitFen !== null);
  return figure('fen', known.reduce((t, l) => t + l.limitFen!, 0), records, lines.length - known.length);
}

/** An institution's lines added up (a shared line once; null when one limit is unknown) and their accounts, in the row's order. */
interface InstitutionLines {
  fen: number | null;
  accounts: ReportAccount[];
}

/** The lines at each institution, in the order each institution is first met. */
function linesByInstitution(lines: readonly CreditLine[]): Map<string, InstitutionLines> {
  const byInstitution = new Map<string, InstitutionLines>();
  for (const line of lines) {
    const key = institutionOf(line);
    const entry = byInstitution.get(key) ?? { fen: 0, accounts: [] };
    entry.fen = entry.fen === null || line.limitFen === null ? null : entry.fen + line.limitFen;
    entry.accounts.push(...line.accounts);
    byInstitution.set(key, entry);
  }
  return byInstitution;
}

/** 单家行最高/最低授信额: the highest and the lowest institution (the first met of equal ones). */
function highestAndLowest(byInstitution: ReadonlyMap<string, InstitutionLines>): { highest: Figure; lowest: Figure } {
  const pick = (which: 'max' | 'min'): Figure => {
    let best: { fen: number; accounts: ReportAccount[] } | null = null;
    let missing = 0;
    for (const entry of byInstitution.values()) {
      if (entry.fen === null) missing++;
      else if (best === null || (which === 'max' ? entry.fen > best.fen : entry.fen < best.fen)) best = { fen: entry.fen, accounts: entry.accounts };
    }
    return figure('fen', best?.fen ?? null, best ? accountRefs(best.accounts) : [], missing);
  };
  return { highest: pick('max'), lowest: pick('min') };
}

/** A sum figure with one account's amount `old` replaced by `next` (null: unknown, counted as missing). */
function resummed(f: Figure, old: number | null, next: number | null): Figure {
  return { ...f, value: f.value! - (old ?? 0) + (next ?? 0), missing: f.missing - (old === null ? 1 : 0) + (next === null ? 1 : 0) };
}

/**
 * The answer of a like list (replaced.ts) for a list in which `old` became `next`: the same when
 * neither is open; when both are, with the same type, lender, line, limit and amount (what the
 * institutions, the totals and the lines read), the record swapped and the balance and the 6-month
 * average resummed.
 */
function debtSwap(answer: DebtRow[], old: ReportAccount | null, next: ReportAccount | null, reportMonth: number): DebtRow[] | null {
  const open = old !== null && isOpen(old, reportMonth);
  if (open !== (next !== null && isOpen(next, reportMonth))) return null;
  if (!open) return answer;
  if (old === null || next === null) return null;
  const [a, b] = [old.source, next.source];
  if (old.id !== next.id || old.type !== next.type || a.lender !== b.lender || a.bank !== b.bank || a.sharedLine !== b.sharedLine || a.limitFen !== b.limitFen || amountOf(old) !== amountOf(next)) return null;
  return swappedRecords(answer, accountRef(old), accountRef(next)).map((row) =>
    row.type !== old.type
      ? row
      : {
          ...row,
          balanceFen: resummed(row.balanceFen, balanceOf(old), balanceOf(next)),
          average6mFen: resummed(row.average6mFen, average6mOf(old, reportMonth), average6mOf(next, reportMonth)),
        },
  );
}

/** What a row's institution figures were counted from, kept with the row: where an account coming or leaving starts from (debtChange). */
interface DebtRowParts {
  lenders: ReadonlyMap<string, number>;
  /** Cards: the lines by institution. */
  byInstitution: ReadonlyMap<string, InstitutionLines> | null;
}

const rowParts = new WeakMap<DebtRow, DebtRowParts>();

/** A sum figure with one account's amount (null: unknown, counted as missing) taken out (`sign` -1) or put in (+1), over `records`. */
function withPart(f: Figure, amount: number | null, sign: 1 | -1, records: RecordRef[]): Figure {
  return { ...f, value: f.value! + sign * (amount ?? 0), missing: f.missing + (amount === null ? sign : 0), records };
}

/**
 * The lines by institution with one card on a line of its own taken out or put in at the end of
 * the row: its institution's total and accounts changed, an institution left empty dropped, one
 * met first put at the end. Null when the institution's total is unknown (which of its lines
 * made it so needs its lines).
 */
function institutionsChanged(byInstitution: ReadonlyMap<string, InstitutionLines>, card: ReportAccount, sign: 1 | -1): Map<string, InstitutionLines> | null {
  const key = issuerOf(card.source) ?? creditLineKey(card.source);
  const entry = byInstitution.get(key);
  const limit = card.source.limitFen;
  if (sign === 1) {
    const out = new Map(byInstitution);
    if (!entry) out.set(key, { fen: limit, accounts: [card] });
    else out.set(key, { fen: entry.fen === null || limit === null ? null : entry.fen + limit, accounts: [...entry.accounts, card] });
    return out;
  }
  if (!entry || entry.fen === null || !entry.accounts.includes(card)) return null;
  // An institution is where its first account is met: one whose first account leaves while
  // others stay may move among them, which needs the row's order (the whole fold).
  if (entry.accounts[0] === card && entry.accounts.length > 1) return null;
  const accounts = entry.accounts.filter((a) => a !== card);
  const out = new Map(byInstitution);
  if (accounts.length === 0) out.delete(key);
  else out.set(key, { fen: entry.fen - limit!, accounts });
  return out;
}

/**
 * The answer of a like list (replaced.ts) for a list in which one open account left the row of
 * its type (closed, settled or gone) or one came in at the end of the list (a scenario's new
 * account): that row's figures with the account's part taken out or put in, the other rows as
 * they were. Null when both an old and a new account are open (debtSwap's), when the row has no
 * kept parts (not a fold's), or for a card on a shared line (the line's limit is its cards').
 */
function debtChange(answer: DebtRow[], old: ReportAccount | null, next: ReportAccount | null, atEnd: boolean, reportMonth: number): DebtRow[] | null {
  const leaving = old !== null && isOpen(old, reportMonth);
  const coming = next !== null && isOpen(next, reportMonth);
  if (leaving === coming || (coming && !atEnd)) return null;
  const account = leaving ? old! : next!;
  const sign = leaving ? -1 : 1;
  if (isCard(account.type) && account.source.sharedLine !== null) return null;
  const at = answer.findIndex((row) => row.type === account.type);
  const row = answer[at];
  const parts = row && rowParts.get(row);
  if (!parts) return null;
  const ref = accountRef(account);
  let records: RecordRef[];
  if (sign === 1) records = [...row.accounts.records, ref];
  else {
    const where = row.accounts.records.indexOf(ref);
    if (where < 0) return null;
    records = row.accounts.records.slice();
    records.splice(where, 1);
  }
  const byInstitution = parts.byInstitution && institutionsChanged(parts.byInstitution, account, sign);
  if (parts.byInstitution && !byInstitution) return null;
  const key = lenderKey(account);
  const lenders = new Map(parts.lenders);
  const held = (lenders.get(key) ?? 0) + sign;
  if (held === 0) lenders.delete(key);
  else lenders.set(key, held);
  const lines = byInstitution && highestAndLowest(byInstitution);
  const unknown = row.institutions.missing + (account.source.lender === null ? sign : 0);
  const changed: DebtRow = {
    ...row,
    institutions: figure('count', lenders.size, records, unknown),
    accounts: figure('count', row.accounts.value! + sign, records),
    totalFen: withPart(row.totalFen, isCard(account.type) ? account.source.limitFen : amountOf(account), sign, records),
    balanceFen: withPart(row.balanceFen, balanceOf(account), sign, records),
    average6mFen: withPart(row.average6mFen, average6mOf(account, reportMonth), sign, records),
    highestLineFen: lines ? lines.highest : null,
    lowestLineFen: lines ? lines.lowest : null,
  };
  rowParts.set(changed, { lenders, byInstitution });
  const out = answer.slice();
  out[at] = changed;
  return out;
}

export function debtSummary(accounts: readonly ReportAccount[], reportMonth: number, like: Answered<ReportAccount, DebtRow[]> | null = null): DebtRow[] {
  const replaced = fromLike(accounts, like, (answer, old, next, atEnd) => debtSwap(answer, old, next, reportMonth) ?? debtChange(answer, old, next, atEnd, reportMonth));
  if (replaced) return replaced;
  const byType = accountsByType(accounts.filter((a) => isOpen(a, reportMonth)));
  return TYPE_ORDER.map((type) => {
    const of = byType.get(type)!;
    // Every figure of the row names the same accounts.
    const records = accountRefs(of);
    const lines = isCard(type) ? creditLines(of) : null;
    const byInstitution = lines ? linesByInstitution(lines) : null;
    const extremes = byInstitution && highestAndLowest(byInstitution);
    const lenders = lenderCounts(of);
    const row: DebtRow = {
      type,
      institutions: institutions(of, lenders, records),
      accounts: count(of, records),
      totalFen: lines ? linesTotal(lines, records) : sum(of, amountOf, records),
      balanceFen: sum(of, balanceOf, records),
      average6mFen: sum(of, (a) => average6mOf(a, reportMonth), records),
      highestLineFen: extremes ? extremes.highest : null,
      lowestLineFen: extremes ? extremes.lowest : null,
    };
    rowParts.set(row, { lenders, byInstitution });
    return row;
  });
}
