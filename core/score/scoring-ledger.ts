// The ledger as the scoring engine reads it: a ledger snapshot (core/ledger/snapshot.ts) turned
// once into typed arrays (load-ledger.ts), then scored as often as needed without touching the
// database (docs/engineering/performance.md#what-if-recompute: what-if sliders call the engine on
// every move; SQL per call misses the budget 2–5×).
//
// Each account's months run from `firstMonth` (a month index, year × 12 + month − 1) in order.
// Lateness is the PBOC status read as months past due (the severity of repayment-status.ts:
// N * C M / A → 0, 1–7 → 1–7, B G → 7, D Z → 1), with two readings for what the data cannot tell:
//   lateLow   the month as the ledger shows it, `#` read as not late;
//   lateHigh  the worst the month can have been: a `#` month, or a month resting on import rules
//             the user has not confirmed, may have been one step later than the last month the
//             data knew (1 after a clean month; k + 1 after a month k late).

import type { AccountKind, BureauLayout, InstitutionType, ObservationKind, Product, ReportsToBureau } from '../shared/ledger-vocabulary.ts';
import type { LedgerSnapshot } from '../ledger/snapshot.ts';
import type { LenderRule } from '../rules/lender-heuristics.ts';
import { sight, type Scorer } from '../rules/scorer-visibility.ts';
import type { ProfileFacts } from '../settings/profile-facts-schema.ts';
import type { StatusCode } from '../shared/status-alphabet.ts';

export interface ScoringAccount {
  id: number;
  name: string;
  product: Product;
  kind: AccountKind;
  parentId: number | null;
  /** The user's word (or the product default): whether the lender reports the account. */
  reportsToBureau: ReportsToBureau;
  /**
   * Whether the simulated report carries it (core/bureau/layouts.ts reportAccounts: a draw
   * reports as its line unless the user said otherwise; a per-draw line is its draws, a merged
   * line itself): 'yes', 'unknown' (may be on it), or 'out'.
   */
  onReport: 'yes' | 'unknown' | 'out';
  /** Month index from which it is on the report, or null. */
  bureauSinceMonth: number | null;
  bureauLayout: BureauLayout | null;
  institutionType: InstitutionType | null;
  limitFen: number | null;
  /** The shared line the limit belongs to (core/bureau/credit-lines.ts): cards sharing one line (共享额度) count its limit once; null when the account's line is its own. */
  creditLine: string | null;
  statementDay: number | null;
  dueDay: number | null;
  openedMonth: number | null;
  /**
   * How many of its months before each row have unknown status (`#`): entry i counts rows [0, i),
   * so a window's count is one difference (uncertainty.ts unknownMonths). Filled on first use
   * (null until then): a field made with the account, read for every account of every scored month.
   */
  unknownBefore: Int32Array | null;
  firstMonth: number;
  codes: StatusCode[];
  lateLow: Int8Array;
  lateHigh: Int8Array;
  /** Statement balance (revolving; else the balance owed at month end); NaN = unknown. */
  statementFen: Float64Array;
  paidFen: Float64Array;
  /** 本月应还款; NaN = unknown. */
  dueFen: Float64Array;
  /** Whether the month's repayments are all seen (else more may have been paid). */
  observed: Uint8Array;
  unconfirmed: Uint16Array;
  /**
   * The rows whose status counts as an overdue month for the lender rules (连三累六:
   * core/shared/status-alphabet.ts lenderOverdue), ascending: whether a window has one is a
   * bisection, for every account of every scored month (lender-inputs.ts windowSnapshot).
   */
  lenderOverdueAt: number[];
}

export interface ScoringQuery {
  day: number;
  hard: boolean;
  reasonCode: string;
}

export interface ScoringObservation {
  kind: ObservationKind;
  value: number;
  day: number;
}

/**
 * Per-month counts from the imported bills the Sesame-style estimate reads (行为偏好 and 人脉关系),
 * of the bill platforms and credit products Ant sees (core/rules/scorer-visibility.ts).
 */
export interface ActivityByMonth {
  firstMonth: number;
  /** Completed rows of the bills Ant sees (Alipay's). */
  platformRows: Int32Array;
  /** Utility and phone bills (充值缴费, 公共服务) and card repayments paid through them. */
  billPayments: Int32Array;
  /** Purchases on the credit lines Ant sees in full (Huabei). */
  platformCredit: Int32Array;
  /** Distinct people transferred with: [month, counterparty number] pairs, each pair once. */
  contacts: Int32Array;
}

export interface ScoringLedger {
  /** The day the histories were computed as of (day number): scores may be asked for this day or earlier. */
  loadedAsOf: number;
  accounts: ScoringAccount[];
  queries: ScoringQuery[];
  observations: ScoringObservation[];
  profile: ProfileFacts;
  activity: ActivityByMonth;
  /** Credit events resting on rules the user has not confirmed (review queue). */
  needsReview: number;
  /** The snapshot this was built from, which the lender metrics read (core/bureau/lender-metrics.ts), and the rules with the user's thresholds. */
  lenderInput: LedgerSnapshot;
  rules: readonly LenderRule[];
  /** The user's band caps by rule id (a rule without one keeps the convention's, models/bureau-bands-v1.ts). */
  bandCaps: Readonly<Record<string, string | null>>;
}

/**
 * Whether `scorer` sees the account's figures (core/rules/scorer-visibility.ts): in full, or as
 * the simulated report carries it. A card's repayments through Alipay reach Sesame only as
 * Alipay rows (the activity series), never as the card's own figures.
 */
export function seenBy(scorer: Scorer, account: ScoringAccount): boolean {
  const how = sight(scorer, account.product);
  return how === 'full' || (how === 'as_reported' && account.onReport !== 'out');
}

/** Index of `month` in an account's arrays, or −1 when the account has no row that month. */
export function monthIndex(account: ScoringAccount, month: number): number {
  const i = month - account.firstMonth;
  return i >= 0 && i < account.codes.length ? i : -1;
}

export function activityAt(activity: ActivityByMonth, series: Int32Array, month: number): number {
  const i = month - activity.firstMonth;
  return i >= 0 && i < series.length ? series[i]! : 0;
}
