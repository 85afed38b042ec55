// The user's word on which account a credit event belongs to: a manual link, which wins over
// the import rules (derive/write-links.ts) and is kept across re-imports; a re-derive follows in
// the same transaction, since a moved event can change which accounts exist.

import type { CreditEventKind } from '../../shared/credit-events.ts';
import { CredenceError } from '../../shared/errors.ts';
import { dayOfStoredTime, today } from '../../shared/calendar.ts';
import { appendAudit, type Db } from '../../storage/database.ts';
import { requireAccount } from '../account-values.ts';
import { ROLE_OF_KIND } from '../derive/derive-accounts.ts';
import { ledgerEdit, refreshLedger } from '../freshness.ts';
import type { EditOptions } from './commands.ts';

interface LinkedTransaction {
  id: number;
  credit_event: CreditEventKind | null;
  occurred_at: string;
  occurred_epoch: number;
  amount_fen: number;
  batch_id: number;
  platform: string;
  needs_review: number;
}

/**
 * Assigns a credit event to an account (null: to none); `reset` returns it to what the import
 * rules derive.
 */
export function assignTransaction(db: Db, transactionId: number, accountId: number | null | 'reset', options: EditOptions = {}): { accountId: number | null } {
  const asOfDay = options.asOfDay ?? today();
  const result = ledgerEdit(db, asOfDay, () => {
    const tx = db
      .prepare('SELECT id, credit_event, occurred_at, occurred_epoch, amount_fen, batch_id, platform, needs_review FROM transactions WHERE id = ?')
      .get(transactionId) as LinkedTransaction | undefined;
    const link = db.prepare('SELECT account_id, role, source FROM credit_links WHERE transaction_id = ?').get(transactionId) as
      | { account_id: number | null; role: string; source: string }
      | undefined;
    if (!tx || (!tx.credit_event && !link)) throw new CredenceError('ledger.transaction_not_found', { id: transactionId });
    if (accountId !== null && accountId !== 'reset') requireAccount(db, accountId);
    if (accountId === 'reset') {
      db.prepare("DELETE FROM credit_links WHERE transaction_id = ? AND source = 'manual'").run(transactionId);
    } else {
      const role = link?.role ?? ROLE_OF_KIND[tx.credit_event!];
      db.prepare(
        `INSERT INTO credit_links (transaction_id, account_id, role, source, basis, day, amount_fen, batch_id, platform, unconfirmed)
         VALUES (?, ?, ?, 'manual', 'user', ?, ?, ?, ?, ?)
         ON CONFLICT(transaction_id) DO UPDATE SET account_id = excluded.account_id, source = 'manual', basis = 'user'`,
      ).run(transactionId, accountId, role, dayOfStoredTime(tx.occurred_at, tx.occurred_epoch), tx.amount_fen, tx.batch_id, tx.platform, tx.needs_review);
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: accountId === 'reset' ? 'ledger.link.reset' : 'ledger.link.set',
      subject: `transaction:${transactionId}`,
      details: { from: link?.account_id ?? null, to: accountId },
    });
    refreshLedger(db, asOfDay);
    return (db.prepare('SELECT account_id FROM credit_links WHERE transaction_id = ?').pluck().get(transactionId) as number | null | undefined) ?? null;
  });
  return { accountId: result };
}
