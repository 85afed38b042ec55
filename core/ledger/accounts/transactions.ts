// The credit events behind the accounts, as the app and CLI list them: an account's linked
// transactions, and the events no account could take, which the user assigns (event-links.ts).

import type { LedgerTransaction } from '../account-schema.ts';
import type { Db } from '../../storage/database.ts';
import { ROLE_OF_KIND } from '../derive/derive-accounts.ts';

const TX_COLUMNS = `t.id, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction, t.platform, t.counterparty, t.item,
  t.credit_event AS kind, t.needs_review AS needsReview, l.role, l.source AS linkSource, l.basis, l.account_id AS accountId`;

/** The events linked to the given accounts, newest first. */
export function transactionsOf(db: Db, ids: readonly number[], limit = 1000): LedgerTransaction[] {
  const rows = db
    .prepare(
      `SELECT ${TX_COLUMNS} FROM credit_links l JOIN transactions t ON t.id = l.transaction_id
        WHERE l.account_id IN (SELECT value FROM json_each(?))
        ORDER BY t.occurred_epoch DESC, t.id DESC LIMIT ?`,
    )
    .all(JSON.stringify(ids), limit) as (Omit<LedgerTransaction, 'needsReview'> & { needsReview: number })[];
  return rows.map((r) => ({ ...r, needsReview: r.needsReview === 1 }));
}

/** Credit events no account could take (a card repayment naming no card, …): the user assigns them. */
export function unassignedTransactions(db: Db, limit = 200): { items: LedgerTransaction[]; total: number } {
  const where = `FROM transactions t LEFT JOIN credit_links l ON l.transaction_id = t.id
     WHERE t.credit_event IS NOT NULL AND t.amount_fen > 0 AND l.transaction_id IS NULL`;
  const total = db.prepare(`SELECT count(*) ${where}`).pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT t.id, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction, t.platform, t.counterparty, t.item,
              t.credit_event AS kind, t.needs_review AS needsReview ${where}
        ORDER BY t.occurred_epoch DESC LIMIT ?`,
    )
    .all(limit) as (Omit<LedgerTransaction, 'needsReview' | 'role' | 'linkSource' | 'basis' | 'accountId'> & { needsReview: number })[];
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      needsReview: r.needsReview === 1,
      role: ROLE_OF_KIND[r.kind!],
      linkSource: 'derived' as const,
      basis: 'none',
      accountId: null,
    })),
  };
}
