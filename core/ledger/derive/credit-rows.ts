// What a derivation reads: the transactions that can be credit events (and the bank income and
// refunds that may answer one), and the accounts already in the database.

import type { CreditEventKind } from '../../shared/credit-events.ts';
import { parseDay, SECONDS_PER_DAY, UTC8_OFFSET_SECONDS } from '../../shared/calendar.ts';
import { BANK_PLATFORMS } from '../../shared/platforms.ts';
import type { Db } from '../../storage/database.ts';
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

// In the order a derivation takes them up (derive-accounts.ts deriveInOrder): by day, then id.
const CREDIT_ROWS_SQL = `
  SELECT id, platform, iif(credit_event IN (${DISBURSEMENTS.map((k) => `'${k}'`).join(', ')}), platform_order_id, NULL), ${DAY_OF_ROW_SQL('occurred_epoch')} AS day, amount_fen, direction, status_class,
         credit_event, credit_account_key, needs_review, counterparty, payment_method, funding_account, refund_of, batch_id
    FROM transactions
   WHERE ${CREDIT_ROW_FILTER}
   ORDER BY day, id`;

type RawCreditRow = [number, string, string | null, number, number, CreditRow['direction'], string, CreditEventKind | null, string | null, number, string | null, string | null, string | null, number | null, number];

/**
 * Every credit row, one at a time in day order (SQLite sorts them, spilling to disk past its
 * cache): the derivation keeps nothing per row but the link it makes, so memory does not grow
 * with the profile beyond those links. Nothing else may run on the connection until the
 * iteration ends.
 */
export function* creditRows(db: Db): Generator<CreditRow> {
  for (const r of db.prepare(CREDIT_ROWS_SQL).raw().iterate() as IterableIterator<RawCreditRow>) {
    yield {
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
}

/** The distinct account keys the credit rows name (the derivation tells a card from its bank by them). */
export function namedKeys(db: Db): string[] {
  return db.prepare(`SELECT DISTINCT credit_account_key FROM transactions WHERE credit_account_key IS NOT NULL AND ${CREDIT_ROW_FILTER}`).pluck().all() as string[];
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
