// From the in-memory ledger to the models' inputs, each with the bounds its uncertain inputs allow.
//
// Bureau-style card (bureau-features.ts defines the features; the fitting code computes them
// there too). The latest month is the report month (core/bureau/windows.ts reportMonthOf: the last
// month that has ended). Per month, across the accounts the simulated report may carry (the
// bureau's sight of them, core/rules/scorer-visibility.ts):
//   - an account not on the report (reportsToBureau 'no', a per-draw line whose draws are reported
//     instead, core/bureau/layouts.ts), or not yet reported (before its since month), is left out;
//   - one whose reporting is unknown counts in the point estimate (the ledger is what we know) and
//     may be absent in the bounds (it adds 0 at the low end);
//   - lateness: the worst account that month (lateLow for the point; lateHigh at the top, so a `#`
//     month or one resting on unconfirmed rules may have been one step later, scoring-ledger.ts);
//   - amounts over revolving accounts: statement balance, credit line, and the payments towards
//     the previous month's statement, read from the month that bill fell due in (a card due
//     after its statement day in the same month, Huabei's 10th after the 1st, is paid in its
//     statement month; otherwise in the next), as the fitted feature aligns PAY_AMTm with
//     BILL_AMT(m+1). A balance the data cannot tell makes the month's point balance unknown
//     (NaN, which the features skip) and spans 0 … the line (or unbounded) in the bounds; a line
//     not known spans the balance … unbounded (a line is at least the balance on it); payments
//     of a month not fully observed may have been larger, and are unknown at the point when none
//     was seen; payments resting on unconfirmed rules may not have been payments;
//   - a month before the first row of an account whose open date is not known may have been in
//     use: unknown at the point when no other revolving account has a row, open to any balance,
//     payment and one step of lateness in the bounds. A month with no revolving account on the
//     report at all is no month for the use features, at the point and in the bounds.
// Each feature is monotone in each of those inputs (FEATURE_MONOTONICITY, checked by a test), so its
// bounds are the feature of the month sequence pushed to the inputs' ends in its directions.

import type { BureauFeatureName, BureauFeatureVector } from './bureau-scorecard.ts';
import type { BureauBounds } from './bureau-range.ts';
import { computeBureauFeatures, FEATURE_FUNCTIONS, HISTORY_MONTHS, type CardMonth } from './bureau-features.ts';
import { exact, type ValueBounds } from './bins.ts';
import { activityAt, monthIndex, seenBy, type ScoringAccount, type ScoringLedger } from './scoring-ledger.ts';
import type { SesameInputs } from './sesame-estimate.ts';
import type { Interval } from './report-schema.ts';
import { likeOf, replacements, type Replacement } from '../bureau/replaced.ts';

// ---------------------------------------------------------------- bureau months

export interface BureauMonth {
  month: number;
  /** The point estimate's month, as the fitting code reads it (NaN = unknown). */
  point: CardMonth;
  balance: Interval;
  limit: Interval;
  paid: Interval;
  late: Interval;
  /**
   * What the ledger knows of the month's revolving credit: 'known' (an account's row),
   * 'unknown' (an account whose open date is not known may have been in use before its first
   * row), or 'none' (no revolving account on the report that month). The card's use features
   * skip the months they cannot read, 'none' months in their bounds too.
   */
  revolving: 'known' | 'unknown' | 'none';
  /** Accounts on the report that may have existed this month although the ledger has no row for them. */
  beforeHistory: number;
}

type Inclusion = 'certain' | 'maybe' | 'out';

export function bureauInclusion(account: ScoringAccount, month: number): Inclusion {
  if (!seenBy('bureau', account)) return 'out';
  if (account.bureauSinceMonth !== null && month < account.bureauSinceMonth) return 'out';
  return account.onReport === 'yes' ? 'certain' : 'maybe';
}

function emptyMonth(month: number): BureauMonth {
  return {
    month,
    point: { balance: 0, limit: 0, paid: 0, monthsLate: 0 },
    balance: { low: 0, high: 0 },
    limit: { low: 0, high: 0 },
    paid: { low: 0, high: 0 },
    late: { low: 0, high: 0 },
    revolving: 'none',
    beforeHistory: 0,
  };
}

/**
 * The row whose payments settle the statement issued in the month before `month` (the fitted
 * feature's alignment, bureau-features.ts): a bill is due in its statement month when the due
 * day comes after the statement day (Huabei's 1st and 10th, a card's 5th and 25th), else in the
 * month after; a bill's payments are the repayments of the month it falls due in.
 */
function settlingIndex(a: ScoringAccount, month: number): number {
  const sameMonth = a.statementDay !== null && a.dueDay !== null && a.dueDay > a.statementDay;
  return monthIndex(a, sameMonth ? month - 1 : month);
}

interface MonthTally {
  limitUnknownWithBalance: boolean;
  paidUnknown: boolean;
  revolvingRows: number;
  /** The shared credit lines whose limit the month already counts. */
  lines: Set<string>;
}

/** Whether the month already counts the account's shared line (and counts it from now on); a line of its own never is. */
function sharedLineCounted(tally: MonthTally, a: ScoringAccount): boolean {
  if (a.creditLine === null) return false;
  const counted = tally.lines.has(a.creditLine);
  tally.lines.add(a.creditLine);
  return counted;
}

function addAccountMonth(m: BureauMonth, a: ScoringAccount, i: number, inclusion: Inclusion, tally: MonthTally): void {
  const certain = inclusion === 'certain';
  m.point.monthsLate = Math.max(m.point.monthsLate, a.lateLow[i]!);
  if (certain) m.late.low = Math.max(m.late.low, a.lateLow[i]!);
  m.late.high = Math.max(m.late.high, a.lateHigh[i]!);
  if (a.kind !== 'revolving') return;

  tally.revolvingRows++;
  const balance = a.statementFen[i]!;
  const known = !Number.isNaN(balance);
  // A shared line (共享额度) is one limit however many of its cards are on the report.
  const line = sharedLineCounted(tally, a) ? (a.limitFen === null ? null : 0) : a.limitFen;
  m.point.balance += balance; // NaN makes the month's total unknown
  if (line !== null) m.point.limit += line;
  else if (!known || balance > 0) tally.limitUnknownWithBalance = true;

  m.balance.low += known ? (certain ? balance : Math.min(balance, 0)) : 0;
  m.balance.high += known ? (certain ? balance : Math.max(balance, 0)) : (line ?? Number.POSITIVE_INFINITY);
  m.limit.low += certain ? (line ?? (known ? Math.max(balance, 0) : 0)) : 0;
  m.limit.high += line ?? Number.POSITIVE_INFINITY;

  // Payments towards the previous month's statement, from the row of the month it fell due in.
  const j = settlingIndex(a, m.month);
  if (j < 0) {
    // No row: before the account opened (nothing to settle), or before a history whose start is not known.
    if (a.openedMonth === null) {
      tally.paidUnknown = true;
      m.paid.high = Number.POSITIVE_INFINITY;
    }
    return;
  }
  const paid = a.paidFen[j]!;
  const observed = a.observed[j] === 1;
  if (!observed && paid === 0) tally.paidUnknown = true;
  m.point.paid += paid;
  m.paid.low += certain && a.unconfirmed[j] === 0 ? paid : 0;
  m.paid.high += observed ? paid : Number.POSITIVE_INFINITY;
}

/**
 * A month before the ledger's first row of an account whose open date is not known: it may have
 * been open and in use, at any balance up to its line, paid or not, and one step late (the `#`
 * reading of scoring-ledger.ts).
 */
function addMonthBeforeHistory(m: BureauMonth, a: ScoringAccount, tally: MonthTally): void {
  m.beforeHistory++;
  m.late.high = Math.max(m.late.high, 1);
  if (a.kind !== 'revolving') return;
  const line = sharedLineCounted(tally, a) && a.limitFen !== null ? 0 : (a.limitFen ?? Number.POSITIVE_INFINITY);
  m.balance.high += line;
  m.limit.high += line;
  m.paid.high = Number.POSITIVE_INFINITY;
}

function mayPrecedeHistory(a: ScoringAccount, month: number): boolean {
  return a.openedMonth === null && a.codes.length > 0 && month < a.firstMonth;
}

const NOT_A_MONTH: Interval = { low: Number.NaN, high: Number.NaN };

/** A month as added up over the accounts, before what the sums say is read off them (finish): what a like list's month starts from. */
interface MonthSums {
  m: BureauMonth;
  tally: MonthTally;
  revolvingBefore: number;
}

function emptySums(month: number): MonthSums {
  return { m: emptyMonth(month), tally: { limitUnknownWithBalance: false, paidUnknown: false, revolvingRows: 0, lines: new Set() }, revolvingBefore: 0 };
}

/** What one account adds to the month's sums. */
function addAccount(sums: MonthSums, a: ScoringAccount, month: number): void {
  const inclusion = bureauInclusion(a, month);
  if (inclusion === 'out') return;
  const i = monthIndex(a, month);
  if (i >= 0) addAccountMonth(sums.m, a, i, inclusion, sums.tally);
  else if (mayPrecedeHistory(a, month)) {
    addMonthBeforeHistory(sums.m, a, sums.tally);
    if (a.kind === 'revolving') sums.revolvingBefore++;
  }
}

/** The month's sums and its view kept with a list of accounts. */
interface KeptMonth {
  sums: MonthSums;
  month: BureauMonth;
}

/**
 * The bureau's view of each month, latest first: `count` months ending with `latestMonth`. A month
 * is a function of the accounts (in their order) and the month alone, so each is kept with the
 * ledger's list of accounts: the months a later report month shares with an earlier one (23 of 24)
 * are read, not added up again, where the two ledgers share their list (load-ledger.ts). A ledger
 * of a snapshot evaluated beside a like one (core/bureau/replaced.ts: a what-if's month beside the
 * baseline's) starts each month from the like list's sums, the accounts that differ taken out and
 * put in (replacedSums).
 */
export function bureauMonths(ledger: ScoringLedger, latestMonth: number, count: number = HISTORY_MONTHS): BureauMonth[] {
  let kept = monthsOf.get(ledger.accounts);
  if (!kept) monthsOf.set(ledger.accounts, (kept = new Map()));
  listOfSnapshot.set(ledger.lenderInput, ledger.accounts);
  const like = likeMonths(ledger);
  const out: BureauMonth[] = [];
  for (let k = 0; k < count; k++) {
    const month = latestMonth - k;
    let m = kept.get(month);
    if (!m) {
      const likeMonth = like?.kept.get(month);
      const sums = (likeMonth && replacedSums(likeMonth.sums, like!.changes, month)) ?? monthSums(ledger.accounts, month);
      kept.set(month, (m = { sums, month: finish(sums) }));
    }
    out.push(m.month);
  }
  return out;
}

const monthsOf = new WeakMap<readonly ScoringAccount[], Map<number, KeptMonth>>();

/** Each scored snapshot's list of accounts: where a snapshot evaluated beside it finds the like list's months. */
const listOfSnapshot = new WeakMap<ScoringLedger['lenderInput'], readonly ScoringAccount[]>();

/** The months kept with the like snapshot's list and how this ledger's list differs from it (null: no like, or they differ much). */
function likeMonths(ledger: ScoringLedger): { kept: Map<number, KeptMonth>; changes: Replacement<ScoringAccount>[] } | null {
  const like = likeOf(ledger.lenderInput);
  const list = like && listOfSnapshot.get(like);
  const kept = list && list !== ledger.accounts ? monthsOf.get(list) : undefined;
  if (!kept) return null;
  const changes = replacements(ledger.accounts, list!);
  return changes && { kept, changes };
}

function monthSums(accounts: readonly ScoringAccount[], month: number): MonthSums {
  const sums = emptySums(month);
  for (const a of accounts) addAccount(sums, a, month);
  return sums;
}

const isFiniteSum = (x: Interval) => Number.isFinite(x.low) && Number.isFinite(x.high);

/**
 * The sums with the replaced accounts taken out and put in: each sum less the leaving account's
 * part plus the coming one's (the amounts are whole fen: exact), each highest lateness the higher
 * of it and the coming one's. Null, to add the month up whole, when a leaving account's part is
 * not one that can be taken out: an amount not a number (NaN or unbounded), a flag it raises (each
 * comes with an unbounded high end too), a lateness as high as the month's (another may or may not
 * hold it), a month before its history; or when either is on a shared line (which card of a line
 * counts its limit is the list's order).
 */
function replacedSums(like: MonthSums, changes: readonly Replacement<ScoringAccount>[], month: number): MonthSums | null {
  const sums: MonthSums = {
    m: copyMonth(like.m),
    tally: { ...like.tally },
    revolvingBefore: like.revolvingBefore,
  };
  for (const { old, next } of changes) {
    if ((old !== null && old.creditLine !== null) || (next !== null && next.creditLine !== null)) return null;
    if (old !== null && !takenOut(sums, old, month)) return null;
    if (next !== null) addAccount(sums, next, month);
  }
  return sums;
}

/** A month's figures as new objects, so taking parts out or reading them off leaves the kept month as it was. */
function copyMonth(m: BureauMonth): BureauMonth {
  return { ...m, point: { ...m.point }, balance: { ...m.balance }, limit: { ...m.limit }, paid: { ...m.paid }, late: { ...m.late } };
}

/** The month's sums less one account's part; false when that part cannot be taken out (replacedSums). */
function takenOut(sums: MonthSums, a: ScoringAccount, month: number): boolean {
  const part = emptySums(month);
  addAccount(part, a, month);
  const [p, m] = [part.m, sums.m];
  if (part.tally.limitUnknownWithBalance || part.tally.paidUnknown || part.revolvingBefore > 0 || p.beforeHistory > 0) return false;
  if (!Number.isFinite(p.point.balance) || !Number.isFinite(p.point.limit) || !Number.isFinite(p.point.paid)) return false;
  if (!isFiniteSum(p.balance) || !isFiniteSum(p.limit) || !isFiniteSum(p.paid)) return false;
  const below = (own: number, highest: number) => own === 0 || own < highest;
  if (!below(p.point.monthsLate, m.point.monthsLate) || !below(p.late.low, m.late.low) || !below(p.late.high, m.late.high)) return false;
  m.point.balance -= p.point.balance;
  m.point.limit -= p.point.limit;
  m.point.paid -= p.point.paid;
  for (const key of ['balance', 'limit', 'paid'] as const) {
    m[key].low -= p[key].low;
    m[key].high -= p[key].high;
  }
  sums.tally.revolvingRows -= part.tally.revolvingRows;
  return true;
}

/** What the month's sums say (bureauMonth): an unknown line or payment read off the tally, and what the revolving accounts allow. */
function finish(sums: MonthSums): BureauMonth {
  const { tally, revolvingBefore } = sums;
  const m = copyMonth(sums.m);
  // A line nobody knows while money is owed on it: the month's use cannot be computed.
  if (tally.limitUnknownWithBalance) m.point.limit = 0;
  // Nothing paid that the ledger saw, in a month it did not see in full: not known.
  if (tally.paidUnknown && m.point.paid === 0) m.point.paid = Number.NaN;
  if (tally.revolvingRows > 0) m.revolving = 'known';
  else if (revolvingBefore > 0) {
    m.revolving = 'unknown';
    m.point.balance = Number.NaN;
    m.point.paid = Number.NaN;
  } else {
    // No revolving account on the report: the use features have nothing to read, at either end.
    m.point.balance = Number.NaN;
    m.point.paid = Number.NaN;
    m.balance = { ...NOT_A_MONTH };
    m.limit = { ...NOT_A_MONTH };
    m.paid = { ...NOT_A_MONTH };
  }
  return m;
}

/**
 * The window `steps` months on (latest first), assuming every bill is paid in full and on time,
 * no new credit, and statements steady at the latest month's; `cutFen` repaid before the
 * statement of projected month `cutFrom` (1 = the next) lowers that statement and the later ones.
 */
export function projectMonths(months: readonly BureauMonth[], steps: number, cutFen = 0, cutFrom = 1): BureauMonth[] {
  const latest = months[0]!;
  const projected: BureauMonth[] = [];
  let previous = latest;
  for (let s = 1; s <= steps; s++) {
    const cut = s >= cutFrom ? cutFen : 0;
    const paidExtra = s === cutFrom ? cutFen : 0;
    const paidPoint = Number.isNaN(previous.point.balance) ? latest.point.paid : Math.max(previous.point.balance, 0);
    const month: BureauMonth = {
      month: latest.month + s,
      point: { balance: latest.point.balance - cut, limit: latest.point.limit, paid: paidPoint + paidExtra, monthsLate: 0 },
      balance: { low: latest.balance.low - cut, high: latest.balance.high - cut },
      limit: { ...latest.limit },
      paid: { low: Math.max(previous.balance.low, 0) + paidExtra, high: Math.max(previous.balance.high, 0) + paidExtra },
      late: { low: 0, high: 0 },
      revolving: latest.revolving === 'none' ? 'none' : 'known',
      beforeHistory: 0,
    };
    projected.unshift(month);
    previous = month;
  }
  return [...projected, ...months].slice(0, months.length);
}

// ---------------------------------------------------------------- bureau features and bounds

type Direction = -1 | 0 | 1;
interface Monotonicity {
  balance: Direction;
  limit: Direction;
  paid: Direction;
  late: Direction;
}

/** How each feature moves with each month input (+1 rises with it, −1 falls, 0 ignores it). */
export const FEATURE_MONOTONICITY: Record<BureauFeatureName, Monotonicity> = {
  worst_months_late_6m: { balance: 0, limit: 0, paid: 0, late: 1 },
  current_months_late: { balance: 0, limit: 0, paid: 0, late: 1 },
  months_late_6m: { balance: 0, limit: 0, paid: 0, late: 1 },
  months_no_payment_5m: { balance: 1, limit: 0, paid: -1, late: 0 },
  avg_payment_to_limit_6m: { balance: 0, limit: -1, paid: 1, late: 0 },
  max_utilisation_6m: { balance: 1, limit: -1, paid: 0, late: 0 },
  months_high_utilisation_6m: { balance: 1, limit: -1, paid: 0, late: 0 },
  months_light_use_6m: { balance: -1, limit: 1, paid: 0, late: 0 },
  months_no_balance_6m: { balance: -1, limit: 0, paid: 0, late: 0 },
};

function end(span: Interval, direction: Direction, high: boolean, point: number): number {
  if (direction === 0) return point;
  return direction > 0 === high ? span.high : span.low;
}

/** The month sequence that pushes a feature to its lowest (high = false) or highest value. */
export function extremeMonths(months: readonly BureauMonth[], direction: Monotonicity, high: boolean): CardMonth[] {
  return months.map((m) => {
    const balance = end(m.balance, direction.balance, high, m.point.balance);
    const limit = end(m.limit, direction.limit, high, m.point.limit);
    return {
      balance,
      // Money owed on a line of unknown size: the ratio can be anything, so the end is unbounded
      // (a 1-fen line), not "not computable".
      limit: limit <= 0 && balance > 0 ? 1 : limit,
      paid: end(m.paid, direction.paid, high, m.point.paid),
      monthsLate: end(m.late, direction.late, high, m.point.monthsLate),
    };
  });
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export function bureauFeatures(months: readonly BureauMonth[]): { point: BureauFeatureVector; bounds: BureauBounds } {
  const point = computeBureauFeatures(months.map((m) => m.point));
  const bounds = {} as BureauBounds;
  for (const name of Object.keys(FEATURE_FUNCTIONS) as BureauFeatureName[]) {
    const direction = FEATURE_MONOTONICITY[name];
    const low = FEATURE_FUNCTIONS[name](extremeMonths(months, direction, false));
    const high = FEATURE_FUNCTIONS[name](extremeMonths(months, direction, true));
    bounds[name] = { value: point[name], low: finiteOrNull(low), high: finiteOrNull(high) };
  }
  return { point, bounds };
}

// ---------------------------------------------------------------- Sesame-style inputs
//
// Only what Ant has (core/rules/scorer-visibility.ts): the accounts Sesame sees in full (Huabei,
// Jiebei), the Alipay bills (ledger.activity, already cut to them by load-ledger.ts) and the
// details the user submits. A bank card reaches it only as its repayments through Alipay.

const YEAR = 12;
const HISTORY_24 = 24;

function bounded(value: number | null, low: number | null, high: number | null): ValueBounds {
  return { value, low, high };
}

/** The accounts Ant sees, kept with the ledger's list (never edited): the estimate's inputs read it some six times a month. */
function sesameAccounts(ledger: ScoringLedger): readonly ScoringAccount[] {
  let out = seenBySesame.get(ledger.accounts);
  if (!out) seenBySesame.set(ledger.accounts, (out = ledger.accounts.filter((a) => seenBy('sesame', a))));
  return out;
}

const seenBySesame = new WeakMap<readonly ScoringAccount[], readonly ScoringAccount[]>();

/** Months from the earliest sign of credit Ant sees (an open date, a history month, an Alipay row) to `latest`, inclusive. */
export function historyMonths(ledger: ScoringLedger, latest: number): number {
  let first = Number.POSITIVE_INFINITY;
  for (const a of sesameAccounts(ledger)) {
    if (a.codes.length > 0) first = Math.min(first, a.firstMonth);
    if (a.openedMonth !== null) first = Math.min(first, a.openedMonth);
  }
  const rows = ledger.activity.platformRows;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]! > 0) {
      first = Math.min(first, ledger.activity.firstMonth + i);
      break;
    }
  }
  return Number.isFinite(first) && first <= latest ? latest - first + 1 : 0;
}

/** Months of the window with any account Ant sees late: as shown, and as bad as the unknowns allow. */
export function lateMonths(ledger: ScoringLedger, latest: number, span: number): ValueBounds {
  const accounts = sesameAccounts(ledger);
  let low = 0;
  let high = 0;
  for (let month = latest - span + 1; month <= latest; month++) {
    let shown = 0;
    let worst = 0;
    for (const a of accounts) {
      const i = monthIndex(a, month);
      if (i < 0) continue;
      shown = Math.max(shown, a.lateLow[i]!);
      worst = Math.max(worst, a.lateHigh[i]!);
    }
    if (shown >= 1) low++;
    if (worst >= 1) high++;
  }
  return bounded(low, low, high);
}

export function overdueNow(ledger: ScoringLedger, latest: number): ValueBounds {
  const late = lateMonths(ledger, latest, 1);
  return bounded(late.value! > 0 ? 1 : 0, late.low! > 0 ? 1 : 0, late.high! > 0 ? 1 : 0);
}

/** A repayment the next-action search tries: `fen` off one account's balance. */
export interface Repayment {
  accountId: number;
  fen: number;
}

/**
 * Statement balance ÷ line over the revolving accounts Ant sees (Huabei, reported or not) in the
 * latest month, less an optional repayment before the statement. The statement balance, as the
 * bureau card and the report's 已用额度 read it: a line repaid in full after its statement still
 * used its line that month.
 */
export function revolvingUtilisation(ledger: ScoringLedger, latest: number, repayment: Repayment | null = null): ValueBounds {
  let used = 0;
  let line = 0;
  let usedHigh = 0;
  let lineLow = 0;
  let lineHigh = 0;
  let unknown = false;
  let any = false;
  for (const a of sesameAccounts(ledger)) {
    const i = monthIndex(a, latest);
    if (a.kind !== 'revolving' || i < 0) continue;
    any = true;
    const owed = a.statementFen[i]! - (repayment !== null && repayment.accountId === a.id ? repayment.fen : 0);
    const known = !Number.isNaN(owed);
    if (a.limitFen === null || !known) unknown = true;
    if (known) used += Math.max(owed, 0);
    if (a.limitFen !== null) line += a.limitFen;
    usedHigh += known ? Math.max(owed, 0) : (a.limitFen ?? Number.POSITIVE_INFINITY);
    lineLow += a.limitFen ?? (known ? Math.max(owed, 0) : 0);
    lineHigh += a.limitFen ?? Number.POSITIVE_INFINITY;
  }
  if (!any) return bounded(null, null, null);
  const low = lineHigh === Number.POSITIVE_INFINITY ? 0 : lineHigh > 0 ? used / lineHigh : 0;
  const high = lineLow > 0 ? usedHigh / lineLow : usedHigh > 0 ? Number.POSITIVE_INFINITY : 0;
  return bounded(!unknown && line > 0 ? used / line : null, low, finiteOrNull(high));
}

/** Bills of the revolving accounts Ant sees in the last 12 months repaid in full in their month: share, with unobserved months at either end. */
function fullRepaymentShare(ledger: ScoringLedger, latest: number): ValueBounds {
  let full = 0;
  let bills = 0;
  let unknown = 0;
  for (const a of sesameAccounts(ledger)) {
    if (a.kind !== 'revolving') continue;
    for (let month = latest - YEAR + 1; month <= latest; month++) {
      const i = monthIndex(a, month);
      if (i < 0) continue;
      const due = a.dueFen[i]!;
      if (!a.observed[i] || Number.isNaN(due)) {
        unknown++;
        continue;
      }
      if (due <= 0) continue;
      bills++;
      if (a.paidFen[i]! >= due) full++;
    }
  }
  const share = (paid: number, of: number) => (of > 0 ? paid / of : null);
  return bounded(share(full, bills), share(full, bills + unknown) ?? null, share(full + unknown, bills + unknown) ?? null);
}

/**
 * 本月应还款 of the accounts Ant sees in the latest month ÷ the monthly income the user gives (the
 * estimate's stand-in for what Ant is said to weigh, scorer-visibility.ts): a line's row carries
 * its draws, so a draw under a line in the ledger is not counted again. Null without an income.
 */
export function sesameDebtToIncome(ledger: ScoringLedger, latest: number): ValueBounds {
  const income = ledger.profile.monthlyIncomeFen;
  if (income === null || income <= 0) return bounded(null, null, null);
  const accounts = sesameAccounts(ledger);
  const lines = new Set(accounts.filter((a) => a.kind === 'line').map((a) => a.id));
  let due = 0;
  let missing = false;
  for (const a of accounts) {
    if (a.kind === 'draw' && a.parentId !== null && lines.has(a.parentId)) continue;
    const i = monthIndex(a, latest);
    if (i < 0) continue;
    const amount = a.dueFen[i]!;
    if (Number.isNaN(amount)) missing = true;
    else due += amount;
  }
  return bounded(due / income, due / income, missing ? null : due / income);
}

function countInWindow(ledger: ScoringLedger, series: Int32Array, latest: number, span: number, countMonths: boolean): number {
  let n = 0;
  for (let month = latest - span + 1; month <= latest; month++) {
    const v = activityAt(ledger.activity, series, month);
    n += countMonths ? (v > 0 ? 1 : 0) : v;
  }
  return n;
}

function transferContacts(ledger: ScoringLedger, latest: number): number {
  const seen = new Set<number>();
  const pairs = ledger.activity.contacts;
  // Counted here, not read from seen.size: the loop is compiled on the stack (OSR) before the
  // first call reaches the size getter, and that code, without feedback there, was deoptimised
  // on every later call.
  let people = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    if (pairs[k]! <= latest - YEAR || pairs[k]! > latest || seen.has(pairs[k + 1]!)) continue;
    seen.add(pairs[k + 1]!);
    people++;
  }
  return people;
}

function flag(value: unknown): number | null {
  return value === null || value === undefined ? null : 1;
}

function declaredAssets(ledger: ScoringLedger): number | null {
  const p = ledger.profile;
  const answers = [p.socialInsurance, p.providentFund, p.ownsHome, p.ownsVehicle];
  if (answers.every((x) => x === null)) return null;
  return answers.filter((x) => x === true).length;
}

/** The estimate's factor values as of `latest`, from what Ant sees. */
export function sesameInputs(ledger: ScoringLedger, latest: number): SesameInputs {
  const p = ledger.profile;
  const platformCreditMonths = new Set<number>();
  for (const a of sesameAccounts(ledger)) {
    if (a.kind !== 'revolving') continue;
    for (let month = latest - YEAR + 1; month <= latest; month++) {
      const i = monthIndex(a, month);
      if (i >= 0 && a.statementFen[i]! > 0) platformCreditMonths.add(month);
    }
  }
  for (let month = latest - YEAR + 1; month <= latest; month++) {
    if (activityAt(ledger.activity, ledger.activity.platformCredit, month) > 0) platformCreditMonths.add(month);
  }
  return {
    credit_history_months: exact(historyMonths(ledger, latest)),
    late_months_24m: lateMonths(ledger, latest, HISTORY_24),
    overdue_now: overdueNow(ledger, latest),
    revolving_utilisation: revolvingUtilisation(ledger, latest),
    full_repayment_share_12m: fullRepaymentShare(ledger, latest),
    declared_assets: exact(declaredAssets(ledger)),
    debt_to_income: sesameDebtToIncome(ledger, latest),
    education_provided: exact(flag(p.education)),
    occupation_provided: exact(flag(p.occupation)),
    phone_years: exact(p.phoneYears),
    address_years: exact(p.addressYears),
    active_months_12m: exact(countInWindow(ledger, ledger.activity.platformRows, latest, YEAR, true)),
    bill_payments_12m: exact(countInWindow(ledger, ledger.activity.billPayments, latest, YEAR, false)),
    platform_credit_months_12m: exact(platformCreditMonths.size),
    transfer_contacts_12m: exact(transferContacts(ledger, latest)),
    contacts_credit: exact(null),
  };
}
