// Loads a profile's ledger into the engine's in-memory form (scoring-ledger.ts): one read of the
// derived monthly histories, account values, queries, observed scores, profile facts and per-month
// bill counts. Everything after this runs without SQL.

import { reportAccounts } from '../bureau/layouts.ts';
import { loadAccounts } from '../ledger/account-values.ts';
import { effectiveRules, readRuleSettings } from '../bureau/settings.ts';
import { statusClassOf } from '../bureau/status-classes.ts';
import { reportMonthOf } from '../bureau/windows.ts';
import { monthOfDay, parseDay, parseMonth } from '../ledger/calendar.ts';
import { listObservations } from '../ledger/observations.ts';
import { statusInfo } from '../ledger/repayment-status.ts';
import { loadLenderMetricInput, type LenderMetricInput } from '../rules/lender-metrics.ts';
import type { MonthRow } from '../ledger/types.ts';
import type { Db } from '../storage/database.ts';
import { readProfileFacts } from './profile-facts.ts';
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

type AccountBase = Omit<ScoringAccount, 'firstMonth' | 'codes' | 'lateLow' | 'lateHigh' | 'statementFen' | 'paidFen' | 'dueFen' | 'observed' | 'unconfirmed' | 'lenderOverdue'>;

function toAccount(base: AccountBase, rows: readonly MonthRow[]): ScoringAccount {
  const n = rows.length;
  const nan = (value: number | null) => (value === null ? Number.NaN : value);
  const { low, high } = latenessReadings(rows);
  const account: ScoringAccount = {
    ...base,
    firstMonth: n > 0 ? parseMonth(rows[0]!.month)! : 0,
    codes: rows.map((r) => r.status),
    lateLow: low,
    lateHigh: high,
    statementFen: new Float64Array(n),
    paidFen: new Float64Array(n),
    dueFen: new Float64Array(n),
    observed: new Uint8Array(n),
    unconfirmed: new Uint16Array(n),
    lenderOverdue: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    account.statementFen[i] = r.statementBalanceFen ?? nan(r.creditUsedFen);
    account.paidFen[i] = r.amountPaidFen;
    account.dueFen[i] = nan(r.amountDueFen);
    account.observed[i] = r.status === '#' ? 0 : 1;
    account.unconfirmed[i] = r.unconfirmed;
    account.lenderOverdue[i] = statusClassOf(r.status).lenderOverdue ? 1 : 0;
  });
  return account;
}

/** Every visible account, with whether the simulated report carries it as of the report month. */
function scoringAccounts(db: Db, input: LenderMetricInput, asOfDay: number): ScoringAccount[] {
  const onReport = new Map(reportAccounts(input, reportMonthOf(asOfDay)).map((a) => [a.id, a]));
  // Statement and due days are not in the report's snapshot; the action texts name them.
  const days = new Map(loadAccounts(db, input.accounts.map((a) => a.id)).map((r) => [r.id, r.values]));
  return input.accounts.map((a) => {
    const reported = onReport.get(a.id);
    const opened = a.openedOn ? parseDay(a.openedOn) : null;
    const since = reported?.sinceMonth ?? null;
    return toAccount(
      {
        id: a.id,
        name: a.name,
        product: a.product,
        kind: a.kind,
        parentId: a.parentId,
        reportsToBureau: a.reportsToBureau,
        onReport: reported ? reported.reporting : 'out',
        bureauSinceMonth: since === null ? null : parseMonth(since),
        bureauLayout: a.bureauLayout,
        institutionType: a.institutionType,
        limitFen: a.limitFen,
        statementDay: days.get(a.id)?.statementDay ?? null,
        dueDay: days.get(a.id)?.dueDay ?? null,
        openedMonth: opened === null ? null : monthOfDay(opened),
      },
      a.months,
    );
  });
}

// Bills whose payment through Alipay or WeChat Sesame is said to reward
// (docs/domain/platform-scores.md#what-raises-the-score: utilities and card repayment through
// Alipay): Alipay's 充值缴费 / 公共服务 categories, and card repayments seen in Alipay or WeChat
// bills.
const ACTIVITY_SQL = `
  SELECT substr(occurred_at, 1, 7) AS month,
         sum(platform IN ('alipay', 'wechat')),
         sum(platform IN ('alipay', 'wechat') AND (category IN ('充值缴费', '公共服务') OR credit_event = 'credit_card_repayment')),
         sum(credit_event IN ('huabei_purchase', 'baitiao_purchase', 'meituan_yuefu_purchase'))
    FROM transactions
   WHERE status_class = 'completed'
   GROUP BY month`;

// Person-to-person transfers: Alipay's 转账红包, WeChat's 转账 and 微信红包… types.
const CONTACTS_SQL = `
  SELECT DISTINCT substr(occurred_at, 1, 7), counterparty
    FROM transactions
   WHERE status_class = 'completed' AND counterparty IS NOT NULL AND counterparty <> ''
     AND (category IN ('转账红包', '转账') OR category LIKE '微信红包%')`;

function loadActivity(db: Db): ActivityByMonth {
  const rows = (db.prepare(ACTIVITY_SQL).raw().all() as [string, number, number, number][])
    .map(([month, rowsN, bills, credit]) => [parseMonth(month), rowsN, bills, credit] as const)
    .filter((r): r is readonly [number, number, number, number] => r[0] !== null);
  const first = rows.length > 0 ? Math.min(...rows.map((r) => r[0])) : 0;
  const last = rows.length > 0 ? Math.max(...rows.map((r) => r[0])) : -1;
  const size = last - first + 1;
  const activity: ActivityByMonth = {
    firstMonth: first,
    platformRows: new Int32Array(size),
    billPayments: new Int32Array(size),
    platformCredit: new Int32Array(size),
    contacts: new Int32Array(0),
  };
  for (const [month, rowsN, bills, credit] of rows) {
    activity.platformRows[month - first] = rowsN;
    activity.billPayments[month - first] = bills;
    activity.platformCredit[month - first] = credit;
  }
  const names = new Map<string, number>();
  const pairs: number[] = [];
  for (const [month, who] of db.prepare(CONTACTS_SQL).raw().all() as [string, string][]) {
    const m = parseMonth(month);
    if (m === null) continue;
    if (!names.has(who)) names.set(who, names.size);
    pairs.push(m, names.get(who)!);
  }
  activity.contacts = Int32Array.from(pairs);
  return activity;
}

/**
 * Brings the derived ledger up to date for `asOfDay` and reads it into memory, through the same
 * reader as the simulated report and the lender metrics (core/bureau/snapshot.ts). Scores can
 * then be asked for `asOfDay` or any earlier day.
 */
export function loadScoringLedger(db: Db, asOfDay: number): ScoringLedger {
  const lenderInput = loadLenderMetricInput(db, asOfDay);
  const needsReview = db.prepare('SELECT count(*) FROM credit_links WHERE unconfirmed = 1 AND account_id IS NOT NULL').pluck().get() as number;
  return {
    loadedAsOf: asOfDay,
    accounts: scoringAccounts(db, lenderInput, asOfDay),
    queries: lenderInput.queries
      .map((q) => ({ day: parseDay(q.queriedOn)!, hard: q.hard, reasonCode: q.reasonCode }))
      .sort((a, b) => a.day - b.day),
    observations: listObservations(db).map((o) => ({ kind: o.kind, value: o.value, day: parseDay(o.observedOn)! })),
    profile: readProfileFacts(db),
    activity: loadActivity(db),
    needsReview,
    lenderInput,
    rules: effectiveRules(readRuleSettings(db)).map((r) => r.rule),
  };
}
