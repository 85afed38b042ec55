// The imported rows' activity the Sesame-style estimate reads (LedgerSnapshot.activity): completed
// rows per month and bill platform, and the people transferred with. Grouping every row of the
// profile costs two full reads of transactions (about 2 s at a million rows), after each import
// and on each open before the first score; so the result is kept in ledger_state with the last
// row id it counts and extended with the rows added since (imports only ever add higher ids).
// An edit of a column it reads, or a deletion, moves data_version.transaction_edits (its
// migration: activity_edits): it is then read again from every row.
//
// The last activity read on a connection outside a transaction is kept with it, with the highest
// row id and the edits counter it was read at: while both are where they were, every row it counts
// is as it was, and a reader gets that object again without reading the kept state or any row (a
// what-if base read again after an edit of one charge's amount: about 100 ms of grouping at 100,000
// rows otherwise, since the what-if writes nothing, the kept state included). Only a read outside
// a transaction is of committed rows: one inside a transaction that is rolled back could be served
// later for other rows at the same counters.

import { importRunning, type Db } from '../storage/database.ts';
import { withSmallCache } from '../storage/page-cache.ts';
import { readLedgerState, writeLedgerState } from './ledger-state.ts';
import { keptIfSame } from './reread.ts';

/** Completed rows of one month and bill platform in the imported bills (each scorer reads the platforms it sees, core/rules/scorer-visibility.ts). */
export interface ActivityMonth {
  month: string;
  /** The bill's platform (core/shared/platforms.ts). */
  platform: string;
  rows: number;
  /** Utility and phone bills (充值缴费, 公共服务) and card repayments; null when no row of the month says either way (SQL's sum over nulls). */
  billPayments: number | null;
  /** Purchases on a platform credit line, by product; null as above. */
  creditPurchases: { huabei: number | null; baitiao: number | null; meituan_yuefu: number | null };
}

/** LedgerSnapshot.activity */
export interface Activity {
  /** Months with completed rows, in month order. */
  months: ActivityMonth[];
  /** Each person transferred with in a month (转账, 红包), once per month and platform. */
  contacts: { month: string; platform: string; counterparty: string }[];
}

/**
 * month, platform, rows, bill payments, huabei, baitiao and Meituan 月付 purchases; a count is
 * null where no row of the group has the column set (SQL's sum over nulls), as one read of every
 * row gives it.
 */
type Count = number | null;
type MonthTuple = [string, string, number, Count, Count, Count, Count];
type ContactTuple = [string, string, string];

interface KeptActivity {
  /** The highest transaction id counted. */
  through: number;
  /** data_version.transaction_edits when counted. */
  edits: number;
  months: MonthTuple[];
  contacts: ContactTuple[];
}

// Bills whose payment Sesame is said to reward (docs/domain/platform-scores.md#what-raises-the-score:
// utilities and card repayment through Alipay): the 充值缴费 / 公共服务 categories and card
// repayments, per platform, which core/rules/scorer-visibility.ts then says who sees.
const ACTIVITY_SQL = `
  SELECT substr(occurred_at, 1, 7) AS month, platform,
         count(*),
         sum(category IN ('充值缴费', '公共服务') OR credit_event = 'credit_card_repayment'),
         sum(credit_event = 'huabei_purchase'),
         sum(credit_event = 'baitiao_purchase'),
         sum(credit_event = 'meituan_yuefu_purchase')
    FROM transactions
   WHERE status_class = 'completed' AND id > ? AND id <= ?
   GROUP BY month, platform
   ORDER BY month, platform`;

// Person-to-person transfers: Alipay's 转账红包, WeChat's 转账 and 微信红包… types. In id order, so
// that the kept list, extended, is in the order one read of every row gives.
const CONTACTS_SQL = `
  SELECT substr(occurred_at, 1, 7), platform, counterparty
    FROM transactions
   WHERE status_class = 'completed' AND counterparty IS NOT NULL AND counterparty <> ''
     AND (category IN ('转账红包', '转账') OR category LIKE '微信红包%') AND id > ? AND id <= ?
   GROUP BY 1, 2, 3
   ORDER BY min(id)`;

function edits(db: Db): number {
  return db.prepare('SELECT transaction_edits FROM data_version WHERE id = 1').pluck().get() as number;
}

function kept(db: Db, currentEdits: number): KeptActivity {
  const text = readLedgerState(db, 'activity');
  const stored = text === null ? null : (JSON.parse(text) as KeptActivity);
  return stored !== null && stored.edits === currentEdits ? stored : { through: 0, edits: currentEdits, months: [], contacts: [] };
}

/** SQL's sum of two parts: null only when both are. */
function sum(a: Count, b: Count): Count {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

/**
 * The kept activity with the rows after it up to `through` added: months summed by month and
 * platform, new contacts after the known ones. Bounded by `through` as well, since an import on
 * another connection may commit more rows between the reads: those are counted next time.
 */
function extended(db: Db, base: KeptActivity, through: number): KeptActivity {
  const byKey = new Map(base.months.map((m) => [`${m[0]}\u0000${m[1]}`, [...m] as MonthTuple]));
  for (const row of db.prepare(ACTIVITY_SQL).raw().all(base.through, through) as MonthTuple[]) {
    const known = byKey.get(`${row[0]}\u0000${row[1]}`);
    if (!known) byKey.set(`${row[0]}\u0000${row[1]}`, row);
    else {
      known[2] += row[2];
      for (const i of [3, 4, 5, 6] as const) known[i] = sum(known[i], row[i]);
    }
  }
  const months = [...byKey.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const seen = new Set(base.contacts.map((c) => c.join('\u0000')));
  const contacts = [...base.contacts];
  for (const row of db.prepare(CONTACTS_SQL).raw().all(base.through, through) as ContactTuple[]) {
    const key = row.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    contacts.push(row);
  }
  return { through, edits: base.edits, months, contacts };
}

/**
 * The last activity read on each connection outside a transaction, the row id and edits counter
 * it was read at, and whether ledger_state holds it: a read that may not write (the what-if's)
 * leaves it to the next read that may, even when that read is served from here.
 */
const lastRead = new WeakMap<Db, { through: number; edits: number; counted: KeptActivity; stored: boolean; activity: Activity }>();

/** Kept by whoever may write: not on a connection an import is writing through (or waits on). */
const mayKeep = (db: Db, write: boolean): boolean => write && !db.readonly && !importRunning(db);

/**
 * The imported rows' activity: the kept one extended with the rows added since (and kept again
 * when this connection may write and `write` is not false). Given the activity read before
 * (`previous`), the same object when it has the same content.
 */
export function readActivity(db: Db, previous?: Activity, { write = true }: { write?: boolean } = {}): Activity {
  const currentEdits = edits(db);
  const through = (db.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
  const last = lastRead.get(db);
  if (last && last.through === through && last.edits === currentEdits) {
    if (!last.stored && !db.inTransaction && mayKeep(db, write)) {
      writeLedgerState(db, 'activity', JSON.stringify(last.counted));
      last.stored = true;
    }
    return keptIfSame(previous, last.activity);
  }
  const base = kept(db, currentEdits);
  let counted = base;
  let stored = true;
  if (through !== base.through) {
    // Both reads group rows in SQLite's sorter (storage/page-cache.ts).
    counted = withSmallCache(db, () => extended(db, base, through));
    stored = mayKeep(db, write);
    if (stored) writeLedgerState(db, 'activity', JSON.stringify(counted));
  }
  const activity = keptIfSame(previous, {
    months: counted.months.map(([month, platform, rows, billPayments, huabei, baitiao, yuefu]) => ({
      month,
      platform,
      rows,
      billPayments,
      creditPurchases: { huabei, baitiao, meituan_yuefu: yuefu },
    })),
    contacts: counted.contacts.map(([month, platform, counterparty]) => ({ month, platform, counterparty })),
  });
  if (!db.inTransaction) lastRead.set(db, { through, edits: currentEdits, counted, stored, activity });
  return activity;
}
