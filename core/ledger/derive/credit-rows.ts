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

const CREDIT_ROWS_SQL = `
  SELECT id, platform, iif(credit_event IN (${DISBURSEMENTS.map((k) => `'${k}'`).join(', ')}), platform_order_id, NULL), ${DAY_OF_ROW_SQL('occurred_epoch')}, amount_fen, direction, status_class,
         credit_event, credit_account_key, needs_review, counterparty, payment_method, funding_account, refund_of, batch_id
    FROM transactions
   WHERE credit_event IS NOT NULL
      OR status_class = 'refund'
      OR (direction = 'income' AND platform IN (${BANK_PLATFORMS.map((p) => `'${p}'`).join(', ')}))`;

type RawCreditRow = [number, string, string | null, number, number, CreditRow['direction'], string, CreditEventKind | null, string | null, number, string | null, string | null, string | null, number | null, number];

/**
 * Read row by row (no second copy of every row as a raw array), with the few distinct values of
 * the repetitive text columns shared instead of one string per row: at 1M imported rows the
 * derivation holds about half a million of these at once.
 */
export function readCreditRows(db: Db): CreditRow[] {
  const shared = new Map<string, string>();
  const one = <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = shared.get(text);
    if (known !== undefined) return known as T;
    shared.set(text, text);
    return text;
  };
  const rows: CreditRow[] = [];
  for (const r of db.prepare(CREDIT_ROWS_SQL).raw().iterate() as IterableIterator<RawCreditRow>) {
    rows.push({
      id: r[0],
      platform: one(r[1]),
      orderId: r[2],
      day: r[3],
      fen: r[4],
      direction: one(r[5]),
      statusClass: one(r[6]),
      kind: one(r[7]),
      key: one(r[8]),
      needsReview: r[9] === 1,
      counterparty: one(r[10]),
      paymentMethod: one(r[11]),
      fundingAccount: one(r[12]),
      refundOf: r[13],
      batchId: r[14],
    });
  }
  return rows;
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
