// The read model: one profile's ledger as plain data, read once per data version (migration
// 0008) and day. The simulated report, both scores and their explanations are pure functions of
// a snapshot and a date (core/bureau/view.ts, core/bureau/report.ts, core/score/engine.ts);
// nothing after loadLedgerSnapshot() touches the database. A what-if edits a structuredClone of
// a snapshot and asks for the report and scores again; a snapshot that has been scored is never
// edited in place (the engine memoises per loaded object).
//
// Shape (every amount integer fen, every date `YYYY-MM-DD` and month `YYYY-MM`, UTC+8):
//   asOfDay       day number the monthly histories were computed for; reports and scores may be
//                 asked for this day or earlier
//   accounts[]    every visible account: its resolved values (user over import over product
//                 default, account-values.ts) and its whole monthly history `months` (MonthRow)
//   queries[]     credit-report query records, each `hard` by settings.hardQueryReasons
//   observations  platform scores the user recorded (observations.ts)
//   profileFacts  what the user says about themselves (core/settings/profile-facts-schema.ts)
//   settings      rule thresholds by rule id, the hard-query reason set and the band caps (core/settings)
//   activity      per-month counts of imported platform rows the Sesame-style estimate reads
//   needsReview   credit events linked to accounts that rest on rules nobody confirmed yet

import type { QueryRecord } from './queries.ts';
import { queryRecords } from './queries.ts';
import { observationRecords, type Observation } from './observations.ts';
import { loadAccounts, type AccountRecord, type AccountValues } from './account-values.ts';
import { parseMonthsJson } from './codecs/stored-months.ts';
import { ensureLedger } from './freshness.ts';
import { readActivity, type Activity } from './activity.ts';
import { keptIfSame, ledgerCounters, readAtCounters, stampRead } from './reread.ts';

export type { Activity, ActivityMonth } from './activity.ts';
import { today } from '../shared/calendar.ts';
import type { MonthRow } from './account-schema.ts';
import type { HardQueryReasons } from '../rules/hard-queries.ts';
import { readBandCaps, readHardQueryReasons, readRuleSettings, type RuleSetting } from '../settings/bureau-settings.ts';
import type { ProfileFacts } from '../settings/profile-facts-schema.ts';
import { readDebtToIncomeSetting, readIssuerGraceRules, type DebtToIncomeSetting } from '../settings/conventions.ts';
import type { GraceRule } from '../rules/repayment-grace.ts';
import { readProfileFacts } from '../settings/profile-facts.ts';
import type { Db } from '../storage/database.ts';

/** The account values the report and the scores read (account-values.ts resolves them). */
const SNAPSHOT_VALUES = [
  'name',
  'product',
  'kind',
  'parentId',
  'lender',
  // A card entered with its bank only: the issuer its grace rule is looked up by (repayment-grace.ts issuerOf), and its shared line's (core/bureau/credit-lines.ts).
  'bank',
  'institutionType',
  'reportsToBureau',
  'bureauSinceMonth',
  'bureauType',
  'bureauLayout',
  'limitFen',
  'sharedLine',
  'principalFen',
  'openedOn',
  'closedOn',
  'termMonths',
  'repaymentMethod',
  // For the next steps that name a statement or due day.
  'statementDay',
  'dueDay',
] as const satisfies readonly (keyof AccountValues)[];

/** One ledger account as the report and the scores read it: resolved values and its whole monthly history. */
export interface LedgerAccountSnapshot extends Pick<AccountValues, (typeof SNAPSHOT_VALUES)[number]> {
  id: number;
  /** The user said so (not the product default): a draw then reports on its own terms. */
  reportsToBureauSet: boolean;
  /** A loan whose instalments were all paid: the day (from the ledger's recompute). */
  settledOn: string | null;
  months: MonthRow[];
}

export interface LedgerSnapshot {
  asOfDay: number;
  accounts: LedgerAccountSnapshot[];
  queries: QueryRecord[];
  observations: Observation[];
  profileFacts: ProfileFacts;
  settings: {
    /** The user's thresholds by rule id (core/settings/bureau-settings.ts); a rule without one keeps the table's. */
    rules: Record<string, RuleSetting>;
    hardQueryReasons: HardQueryReasons;
    /** The user's band caps by rule id (core/settings/bureau-settings.ts readBandCaps); a rule without one keeps the convention's. */
    bandCaps: Record<string, string | null>;
    /** The user's 容时 and 容差 by issuer (core/settings/conventions.ts); an issuer without one keeps the table's (core/rules/repayment-grace.ts). */
    graceRules: Record<string, GraceRule>;
    /** The share of a revolving line's balance in use the debt-to-income rule counts (core/settings/conventions.ts). */
    debtToIncome: DebtToIncomeSetting;
  };
  activity: Activity;
  needsReview: number;
}

/** One account as the snapshot carries it: its resolved values, its history and the day it was settled. */
export function snapshotAccount(record: AccountRecord, months: MonthRow[], settledOn: string | null): LedgerAccountSnapshot {
  const values = Object.fromEntries(SNAPSHOT_VALUES.map((field) => [field, record.values[field]])) as Pick<AccountValues, (typeof SNAPSHOT_VALUES)[number]>;
  return {
    id: record.id,
    ...values,
    reportsToBureauSet: record.origin.reportsToBureau.provenance === 'manual',
    settledOn,
    months,
  };
}

/** The text an account's history was parsed from: the same text read again gives the kept months. */
const monthsSource = new WeakMap<readonly MonthRow[], string>();

function monthsOf(json: string, kept: LedgerAccountSnapshot | undefined): MonthRow[] {
  if (kept && monthsSource.get(kept.months) === json) return kept.months;
  const months = json ? parseMonthsJson(json) : [];
  monthsSource.set(months, json);
  return months;
}

/** The kept account when every value, the settled day and the months (by identity) are the same. */
function keptAccount(kept: LedgerAccountSnapshot | undefined, read: LedgerAccountSnapshot): LedgerAccountSnapshot {
  if (!kept) return read;
  for (const key of Object.keys(read) as (keyof LedgerAccountSnapshot)[]) if (kept[key] !== read[key]) return read;
  return kept;
}

function readAccounts(db: Db, previous: LedgerSnapshot | undefined): LedgerAccountSnapshot[] {
  const histories = new Map(db.prepare('SELECT account_id, months_json FROM credit_account_histories').raw().all() as [number, string][]);
  const settled = new Map(db.prepare('SELECT account_id, settled_on FROM credit_account_summaries').raw().all() as [number, string | null][]);
  const kept = new Map(previous?.accounts.map((a) => [a.id, a]));
  return loadAccounts(db)
    .filter((record) => !record.values.dismissed)
    .map((record) => {
      const before = kept.get(record.id);
      return keptAccount(before, snapshotAccount(record, monthsOf(histories.get(record.id) ?? '', before), settled.get(record.id) ?? null));
    });
}

/**
 * Brings the derived ledger up to date for `asOfDay` (day number; default today) and reads the
 * whole read model in one pass: the one place report and scores read the database. Given the
 * snapshot read before (`previous`), every part that reads back the same is the previous object
 * (reread.ts): an account an edit left alone is the same account object; while the derived
 * ledger's counters did not move, the accounts and activity are not read at all.
 */
export function loadLedgerSnapshot(db: Db, asOfDay: number = today(), previous?: LedgerSnapshot): LedgerSnapshot {
  ensureLedger(db, asOfDay);
  const counters = ledgerCounters(db);
  const ledgerKept = previous !== undefined && readAtCounters(previous, counters);
  const settings = { rules: Object.fromEntries(readRuleSettings(db)), hardQueryReasons: readHardQueryReasons(db), bandCaps: readBandCaps(db), graceRules: readIssuerGraceRules(db), debtToIncome: readDebtToIncomeSetting(db) };
  const snapshot: LedgerSnapshot = {
    asOfDay,
    accounts: ledgerKept ? previous.accounts : readAccounts(db, previous),
    queries: keptIfSame(previous?.queries, queryRecords.list(db)),
    observations: keptIfSame(previous?.observations, observationRecords.list(db)),
    profileFacts: keptIfSame(previous?.profileFacts, readProfileFacts(db)),
    settings: keptIfSame(previous?.settings, settings),
    activity: ledgerKept ? previous.activity : readActivity(db, previous?.activity),
    needsReview: ledgerKept ? previous.needsReview : (db.prepare('SELECT count(*) FROM credit_links WHERE unconfirmed = 1 AND account_id IS NOT NULL').pluck().get() as number),
  };
  stampRead(snapshot, counters);
  return snapshot;
}
