// The bureau view of a ledger snapshot on a day: which accounts the simulated report carries,
// under which type, layout and reporting, as of the report month, and the lender rules with the
// profile's thresholds. Computed once from the snapshot (core/ledger/snapshot.ts); the report
// (report.ts) and the scores (core/score/scoring-ledger.ts) read the accounts on the report from
// it rather than deciding again. Pure: no database.

import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import { effectiveRules, type EffectiveRule } from '../settings/bureau-settings.ts';
import { reportAccounts, type ReportAccount } from './layouts.ts';
import { formatDay } from '../shared/calendar.ts';
import { reportMonthOf } from './windows.ts';

export interface BureauView {
  asOf: string;
  asOfDay: number;
  /** Month index of the last month that has ended by the as-of day (lenders report monthly). */
  reportMonth: number;
  /** Every account the report files, as it files it (a per-draw line is its draws, a merged line itself). */
  accounts: readonly ReportAccount[];
  /** The lender rules with the profile's thresholds and windows. */
  rules: EffectiveRule[];
}

/** The rules with the thresholds the snapshot's settings hold. */
export function snapshotRules(snapshot: LedgerSnapshot): EffectiveRule[] {
  // Kept with the settings' object, which every snapshot of a what-if shares (and never edits).
  let out = rulesOf.get(snapshot.settings.rules);
  if (!out) rulesOf.set(snapshot.settings.rules, (out = effectiveRules(new Map(Object.entries(snapshot.settings.rules)))));
  return out;
}

const rulesOf = new WeakMap<LedgerSnapshot['settings']['rules'], EffectiveRule[]>();

/** The view as of `asOfDay` (default: the day the snapshot was read for). */
export function buildBureauView(snapshot: LedgerSnapshot, asOfDay: number = snapshot.asOfDay): BureauView {
  const reportMonth = reportMonthOf(asOfDay);
  return { asOf: formatDay(asOfDay), asOfDay, reportMonth, accounts: reportAccounts(snapshot, reportMonth), rules: snapshotRules(snapshot) };
}
