// The scoring engine's in-memory form of a ledger snapshot (scoring-ledger.ts): the snapshot's
// monthly histories as typed arrays, with whether the simulated report carries each account taken
// from the bureau view (core/bureau/view.ts), so the score consumes what the report decided. Pure:
// the one database read is loadLedgerSnapshot's (core/ledger/snapshot.ts), at the edge.

import { creditLineKey } from '../bureau/credit-lines.ts';
import { buildBureauView, type BureauView } from '../bureau/view.ts';
import { likeOf, replacements } from '../bureau/replaced.ts';
import { loadLedgerSnapshot, type LedgerSnapshot } from '../ledger/snapshot.ts';
import { monthOfDay, parseDay, parseMonth } from '../shared/calendar.ts';
import type { MonthRow } from '../ledger/account-schema.ts';
import { statusInfo, type StatusCode } from '../shared/status-alphabet.ts';
import type { Db } from '../storage/database.ts';
import { seesBillsOf, sight } from '../rules/scorer-visibility.ts';
import type { ActivityByMonth, ScoringAccount, ScoringLedger } from './scoring-ledger.ts';

const MAX_LATE = 7;

/**
 * Lateness of each month read two ways (scoring-ledger.ts): as shown (`#` not late) and the worst
 * it can have been (`#`, or resting on unconfirmed rules: one step later than the last known month).
 */
export function latenessReadings(rows: readonly Pick<MonthRow, 'status' | 'unconfirmed'>[]): { low: Int8Array; high: Int8Array } {
  const low = new Int8Array(rows.length);
  const high = new Int8Array(rows.length);
  let lastKnown = 0;
  rows.forEach((row, i) => {
    const unknown = row.status === '#';
    const shown = unknown ? 0 : statusInfo(row.status).severity;
    const worstCase = Math.min(MAX_LATE, lastKnown + 1);
    low[i] = shown;
    high[i] = unknown || row.unconfirmed > 0 ? Math.max(shown, worstCase) : shown;
    if (!unknown) lastKnown = shown;
  });
  return { low, high };
}

type AccountBase = Omit<ScoringAccount, 'firstMonth' | 'codes' | 'lateLow' | 'lateHigh' | 'statementFen' | 'paidFen' | 'dueFen' | 'observed' | 'unconfirmed' | 'lenderOverdueAt'>;

type TypedRows = Omit<ScoringAccount, keyof AccountBase>;

/** The typed form of an account's month rows, kept with the rows (never edited once in a snapshot: a what-if's months share them). */
const typedRows = new WeakMap<readonly MonthRow[], TypedRows>();

function toAccount(base: AccountBase, rows: readonly MonthRow[]): ScoringAccount {
  let typed = typedRows.get(rows);
  if (!typed) typedRows.set(rows, (typed = typedOf(rows)));
  return { ...base, ...typed };
}

/**
 * The rows' status codes, pushed onto a literal so that every account's array has one elements
 * kind (packed): `rows.map` gives a packed array from the interpreter and a holey one once the
 * optimising compiler inlines it, and the loops over every account (monthIndex, …) then meet a
 * second array map and are deoptimised.
 */
function statusCodes(rows: readonly MonthRow[]): StatusCode[] {
  const codes: StatusCode[] = [];
  for (const r of rows) codes.push(r.status);
  return codes;
}

function typedOf(rows: readonly MonthRow[]): TypedRows {
  const n = rows.length;
  const nan = (value: number | null) => (value === null ? Number.NaN : value);
  const { low, high } = latenessReadings(rows);
  const account: TypedRows = {
    firstMonth: n > 0 ? parseMonth(rows[0]!.month)! : 0,
    codes: statusCodes(rows),
    lateLow: low,
    lateHigh: high,
    statementFen: new Float64Array(n),
    paidFen: new Float64Array(n),
    dueFen: new Float64Array(n),
    observed: new Uint8Array(n),
    unconfirmed: new Uint16Array(n),
    // Pushed onto a literal, as statusCodes: one elements kind for every account.
    lenderOverdueAt: [],
  };
  rows.forEach((r, i) => {
    account.statementFen[i] = r.statementBalanceFen ?? nan(r.creditUsedFen);
    account.paidFen[i] = r.amountPaidFen;
    account.dueFen[i] = nan(r.amountDueFen);
    account.observed[i] = r.status === '#' ? 0 : 1;
    account.unconfirmed[i] = r.unconfirmed;
    if (statusInfo(r.status).lenderOverdue) account.lenderOverdueAt.push(i);
  });
  return account;
}

/**
 * Every visible account, with whether the simulated report carries it as of the view's report
 * month. The list made last for the same ledger accounts when it has the same accounts (a
 * what-if's months whose readings did not change): what is kept with the list (the bureau months,
 * ledger-features.ts) then holds from one month to the next.
 */
function scoringAccounts(snapshot: LedgerSnapshot, view: BureauView): ScoringAccount[] {
  const out = fromLikeScoring(snapshot, view) ?? wholeScoring(snapshot, view);
  scoredWith.set(snapshot, { reportMonth: view.reportMonth, reported: view.accounts, list: out });
  const last = lastList.get(snapshot.accounts);
  if (last && last.length === out.length && last.every((a, i) => a === out[i])) return last;
  lastList.set(snapshot.accounts, out);
  return out;
}

const lastList = new WeakMap<LedgerSnapshot['accounts'], ScoringAccount[]>();

function readingOf(a: LedgerSnapshot['accounts'][number], reported: BureauView['accounts'][number] | undefined): ScoringAccount {
  return scoringAccount(a, reported ? reported.reporting : 'out', reported?.sinceMonth ?? null);
}

function wholeScoring(snapshot: LedgerSnapshot, view: BureauView): ScoringAccount[] {
  // Set one by one: no pair array and iterator step per account of every scored month.
  const onReport = new Map<number, BureauView['accounts'][number]>();
  for (const a of view.accounts) onReport.set(a.id, a);
  return snapshot.accounts.map((a) => readingOf(a, onReport.get(a.id)));
}

/** Each scored snapshot's list, with the view's accounts it was read from: where a snapshot evaluated beside it starts. */
const scoredWith = new WeakMap<LedgerSnapshot, { reportMonth: number; reported: BureauView['accounts']; list: ScoringAccount[] }>();

/**
 * Beside a like snapshot scored on the same report month (core/bureau/replaced.ts): its list with
 * the ledger accounts that differ read again. An account the two share has the like one's scoring
 * account when its report account is the same too: so every report account that differs must be
 * one of a ledger account that differs, and none of those a line or a draw (whose report accounts
 * are made from each other's). Null otherwise, or when the lists differ much.
 */
function fromLikeScoring(snapshot: LedgerSnapshot, view: BureauView): ScoringAccount[] | null {
  const like = likeOf(snapshot);
  const before = like && scoredWith.get(like);
  if (!before || before.reportMonth !== view.reportMonth) return null;
  const ledgerChanges = replacements(snapshot.accounts, like.accounts);
  const reportChanges = ledgerChanges && replacements(view.accounts, before.reported);
  if (!reportChanges) return null;
  const changed = new Set<number>();
  for (const { old, next } of ledgerChanges) {
    for (const a of [old, next]) {
      if (a === null) continue;
      if (a.kind === 'line' || a.kind === 'draw') return null;
      changed.add(a.id);
    }
  }
  for (const { old, next } of reportChanges) if ((old !== null && !changed.has(old.id)) || (next !== null && !changed.has(next.id))) return null;
  const out: ScoringAccount[] = [];
  let j = 0;
  for (const a of snapshot.accounts) {
    if (changed.has(a.id)) {
      out.push(readingOf(a, view.accounts.findLast((r) => r.id === a.id)));
      continue;
    }
    while (j < like.accounts.length && like.accounts[j] !== a) j++;
    if (j === like.accounts.length) return null;
    out.push(before.list[j++]!);
  }
  return out;
}

/**
 * The engine's form of one account as the report carries it, kept with the ledger account (never
 * edited once in a snapshot: a what-if's months and scenarios share every account their actions
 * leave alone) and what the report decided of it.
 */
function scoringAccount(a: LedgerSnapshot['accounts'][number], onReport: ScoringAccount['onReport'], since: string | null): ScoringAccount {
  let kept = scored.get(a);
  if (!kept) scored.set(a, (kept = new Map()));
  // Most accounts report from their first month: the reading alone is the key, with no string built.
  const key = since === null ? onReport : `${onReport}|${since}`;
  let out = kept.get(key);
  if (!out) kept.set(key, (out = buildScoringAccount(a, onReport, since)));
  return out;
}

const scored = new WeakMap<LedgerSnapshot['accounts'][number], Map<string, ScoringAccount>>();

function buildScoringAccount(a: LedgerSnapshot['accounts'][number], onReport: ScoringAccount['onReport'], since: string | null): ScoringAccount {
  const opened = a.openedOn ? parseDay(a.openedOn) : null;
  return toAccount(
    {
      id: a.id,
      name: a.name,
      product: a.product,
      kind: a.kind,
      parentId: a.parentId,
      reportsToBureau: a.reportsToBureau,
      onReport,
      bureauSinceMonth: since === null ? null : parseMonth(since),
      bureauLayout: a.bureauLayout,
      institutionType: a.institutionType,
      limitFen: a.limitFen,
      creditLine: a.sharedLine === null ? null : creditLineKey(a),
      statementDay: a.statementDay,
      dueDay: a.dueDay,
      openedMonth: opened === null ? null : monthOfDay(opened),
      unknownBefore: null,
    },
    a.months,
  );
}

/** Credit products whose purchases Ant sees (core/rules/scorer-visibility.ts). */
const SESAME_CREDIT = (['huabei', 'baitiao', 'meituan_yuefu'] as const).filter((product) => sight('sesame', product) === 'full');

/**
 * The snapshot's activity as the Sesame-style estimate sees it, as series from its first month
 * (one slot per month, 0 where nothing happened): only the bill platforms and credit products Ant
 * sees (core/rules/scorer-visibility.ts).
 */
function activityOf(activity: LedgerSnapshot['activity']): ActivityByMonth {
  let kept = activities.get(activity);
  if (!kept) activities.set(activity, (kept = activitySeries(activity)));
  return kept;
}

/** The series of an activity object, kept with it: never edited once in a snapshot, and a what-if's months and scenarios share one. */
const activities = new WeakMap<LedgerSnapshot['activity'], ActivityByMonth>();

function activitySeries({ months, contacts }: LedgerSnapshot['activity']): ActivityByMonth {
  const rows = months
    .map((m) => ({ month: parseMonth(m.month), m }))
    .filter((r): r is { month: number; m: (typeof months)[number] } => r.month !== null);
  const first = rows.length > 0 ? Math.min(...rows.map((r) => r.month)) : 0;
  const last = rows.length > 0 ? Math.max(...rows.map((r) => r.month)) : -1;
  const size = last - first + 1;
  const activity: ActivityByMonth = {
    firstMonth: first,
    platformRows: new Int32Array(size),
    billPayments: new Int32Array(size),
    platformCredit: new Int32Array(size),
    contacts: new Int32Array(0),
  };
  for (const { month, m } of rows) {
    const k = month - first;
    activity.platformCredit[k] += SESAME_CREDIT.reduce((n, product) => n + (m.creditPurchases[product] ?? 0), 0);
    if (!seesBillsOf('sesame', m.platform)) continue;
    activity.platformRows[k] += m.rows;
    activity.billPayments[k] += m.billPayments ?? 0;
  }
  const names = new Map<string, number>();
  const pairs: number[] = [];
  for (const { month, platform, counterparty } of contacts) {
    const m = parseMonth(month);
    if (m === null || !seesBillsOf('sesame', platform)) continue;
    if (!names.has(counterparty)) names.set(counterparty, names.size);
    pairs.push(m, names.get(counterparty)!);
  }
  activity.contacts = Int32Array.from(pairs);
  return activity;
}

/** The queries by day, kept with the snapshot's list (never edited; a what-if's months share it). */
function scoringQueries(queries: LedgerSnapshot['queries']): ScoringLedger['queries'] {
  let out = queryDays.get(queries);
  if (!out) queryDays.set(queries, (out = queries.map((q) => ({ day: parseDay(q.queriedOn)!, hard: q.hard, reasonCode: q.reasonCode })).sort((a, b) => a.day - b.day)));
  return out;
}

const queryDays = new WeakMap<LedgerSnapshot['queries'], ScoringLedger['queries']>();

function scoringObservations(observations: LedgerSnapshot['observations']): ScoringLedger['observations'] {
  let out = observationDays.get(observations);
  if (!out) observationDays.set(observations, (out = observations.map((o) => ({ kind: o.kind, value: o.value, day: parseDay(o.observedOn)! }))));
  return out;
}

const observationDays = new WeakMap<LedgerSnapshot['observations'], ScoringLedger['observations']>();

/** The rules of a view's effective rules, kept with them (kept with the settings: every scored month of a what-if reads one list). */
function lenderRulesOf(rules: BureauView['rules']): ScoringLedger['rules'] {
  let out = lenderRules.get(rules);
  if (!out) lenderRules.set(rules, (out = rules.map((r) => r.rule)));
  return out;
}

const lenderRules = new WeakMap<BureauView['rules'], ScoringLedger['rules']>();

/** The engine's form of a snapshot through its bureau view: scores may then be asked for the snapshot's day or earlier. */
export function scoringLedgerOf(snapshot: LedgerSnapshot, view: BureauView): ScoringLedger {
  return {
    loadedAsOf: snapshot.asOfDay,
    accounts: scoringAccounts(snapshot, view),
    queries: scoringQueries(snapshot.queries),
    observations: scoringObservations(snapshot.observations),
    profile: snapshot.profileFacts,
    activity: activityOf(snapshot.activity),
    needsReview: snapshot.needsReview,
    lenderInput: snapshot,
    rules: lenderRulesOf(view.rules),
    bandCaps: snapshot.settings.bandCaps ?? {},
  };
}

/** Reads a profile's snapshot for `asOfDay` and its bureau view into the engine's form (the CLI, snapshots and the bench). */
export function loadScoringLedger(db: Db, asOfDay: number): ScoringLedger {
  const snapshot = loadLedgerSnapshot(db, asOfDay);
  return scoringLedgerOf(snapshot, buildBureauView(snapshot, asOfDay));
}
