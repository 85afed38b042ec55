// What a derivation reads: the transactions that can be credit events (and the bank income and
// refunds that may answer one), and the accounts already in the database.

import type { CreditEventKind } from '../../shared/credit-events.ts';
import { parseDay, SECONDS_PER_DAY, UTC8_OFFSET_SECONDS } from '../../shared/calendar.ts';
import { BANK_PLATFORMS } from '../../shared/platforms.ts';
import type { Db } from '../../storage/database.ts';
import { smallCache } from '../../storage/page-cache.ts';
import type { AccountRecord } from '../account-values.ts';
import { ROLE_OF_KIND, type CreditRow, type KnownAccount } from './derive-accounts.ts';

// A row's day is its UTC+8 calendar day, (epoch + 8 h) ÷ 1 day, computed in SQL (the stored
// wall-clock text carries +08:00 and says the same): dayOfEpoch of core/shared/calendar.ts.
export const DAY_OF_ROW_SQL = (epoch: string) => `(${epoch} + ${UTC8_OFFSET_SECONDS}) / ${SECONDS_PER_DAY}`;

// The order id only where it names a draw (derive-accounts.ts): one more unique string per row
// otherwise, a third of a million at 1M imported rows, that nothing reads.
const DISBURSEMENTS = (Object.keys(ROLE_OF_KIND) as CreditEventKind[]).filter((kind) => ROLE_OF_KIND[kind] === 'disbursement');

const CREDIT_ROW_FILTER = `(credit_event IS NOT NULL
      OR status_class = 'refund'
      OR (direction = 'income' AND platform IN (${BANK_PLATFORMS.map((p) => `'${p}'`).join(', ')})))`;

const CREDIT_ROW_COLUMNS = `id, platform, iif(credit_event IN (${DISBURSEMENTS.map((k) => `'${k}'`).join(', ')}), platform_order_id, NULL), ${DAY_OF_ROW_SQL('occurred_epoch')} AS day, amount_fen, direction, status_class,
         credit_event, credit_account_key, needs_review, counterparty, payment_method, funding_account, refund_of, batch_id`;

type RawCreditRow = [number, string, string | null, number, number, CreditRow['direction'], string, CreditEventKind | null, string | null, number, string | null, string | null, string | null, number | null, number];

function creditRow(r: RawCreditRow): CreditRow {
  return {
    id: r[0],
    platform: r[1],
    orderId: r[2],
    day: r[3],
    fen: r[4],
    direction: r[5],
    statusClass: r[6],
    kind: r[7],
    key: r[8],
    needsReview: r[9] === 1,
    counterparty: r[10],
    paymentMethod: r[11],
    fundingAccount: r[12],
    refundOf: r[13],
    batchId: r[14],
  };
}

/** Which credit rows a derivation takes up: every one, or those after a transaction id and every row of some lines. */
export type RowScope = { after: number; lines: readonly string[] } | null;

/**
 * The credit rows, one at a time in the order a derivation takes them up (derive-accounts.ts
 * deriveInOrder: by day, then id; SQLite sorts them, spilling to disk past its cache): the
 * derivation keeps nothing per row but the link it makes, so memory does not grow with the
 * profile beyond those links. Rows after `scope.after` are a range of the table's ids: an
 * import's rows are read, not the whole table. Nothing else may run on the connection until
 * the iteration ends.
 */
export function* creditRows(db: Db, scope: RowScope = null): Generator<CreditRow> {
  const statement = db.prepare(`SELECT ${CREDIT_ROW_COLUMNS} FROM transactions WHERE ${inScope(scope)} ORDER BY day, id`).raw();
  // The sort's records in place of the page cache's (storage/page-cache.ts), until the last row.
  const restore = smallCache(db);
  try {
    for (const r of statement.iterate(...scopeParams(scope)) as IterableIterator<RawCreditRow>) yield creditRow(r);
  } finally {
    restore();
  }
}

/**
 * How many of the rows creditRows(db, scope) gives can make a link: those of an amount, but the
 * refunds that name no purchase, which deriveInOrder passes over (an 8M-row Alipay file has 2.9M
 * credit rows, 1.3M of them such refunds, and 1.6M links). The most links a derivation of them
 * makes, one per row at most, so that its columns are made once at their size (credit-links.ts):
 * a count off either way costs memory only.
 */
export function countLinkableRows(db: Db, scope: RowScope = null): number {
  const linkable = `amount_fen > 0 AND (credit_event IS NOT NULL OR status_class IS NOT 'refund' OR refund_of IS NOT NULL)`;
  return db.prepare(`SELECT count(*) FROM transactions WHERE ${inScope(scope)} AND ${linkable}`).pluck().get(...scopeParams(scope)) as number;
}

function inScope(scope: RowScope): string {
  if (scope === null) return CREDIT_ROW_FILTER;
  if (scope.lines.length === 0) return `${CREDIT_ROW_FILTER} AND id > @after`;
  return `${CREDIT_ROW_FILTER} AND (id > @after OR credit_account_key IN (SELECT value FROM json_each(@lines)))`;
}

function scopeParams(scope: RowScope): object[] {
  if (scope === null) return [];
  return [scope.lines.length === 0 ? { after: scope.after } : { after: scope.after, lines: JSON.stringify(scope.lines) }];
}

/** Credit rows by id (the purchases that refunds of a later import name). */
export function creditRowsById(db: Db, ids: readonly number[]): CreditRow[] {
  if (ids.length === 0) return [];
  const sql = `SELECT ${CREDIT_ROW_COLUMNS} FROM transactions WHERE id IN (SELECT value FROM json_each(?)) AND ${CREDIT_ROW_FILTER} ORDER BY day, id`;
  return (db.prepare(sql).raw().all(JSON.stringify(ids)) as RawCreditRow[]).map(creditRow);
}

/** The distinct account keys the credit rows after a transaction id name (an import's rows). */
export function keysNamedAfter(db: Db, after: number): string[] {
  return db
    .prepare(`SELECT DISTINCT credit_account_key FROM transactions WHERE id > ? AND credit_account_key IS NOT NULL AND ${CREDIT_ROW_FILTER}`)
    .pluck()
    .all(after) as string[];
}

export function knownAccounts(accounts: readonly AccountRecord[]): KnownAccount[] {
  const keyOf = new Map(accounts.map((a) => [a.id, a.matchKey]));
  return accounts.map((a) => ({
    id: a.id,
    matchKey: a.matchKey,
    product: a.values.product,
    kind: a.values.kind,
    bank: a.values.bank,
    last4: a.values.cardLast4,
    closedDay: a.values.closedOn ? parseDay(a.values.closedOn) : null,
    openedDay: a.values.openedOn ? parseDay(a.values.openedOn) : null,
    parentKey: a.values.parentId !== null ? (keyOf.get(a.values.parentId) ?? null) : null,
    dismissed: a.values.dismissed,
    manual: a.source === 'manual',
  }));
}
