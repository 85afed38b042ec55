// Instalment plans on a revolving account (分期): a purchase or a statement converted into
// periods, each billed one part a month with its fee (history/obligations-revolving.ts). Saved
// or removed by the user, audited, and the histories recomputed in the same transaction.

import { CredenceError } from '../../shared/errors.ts';
import { today, toUtc8Iso } from '../../shared/calendar.ts';
import { appendAudit, type Db } from '../../storage/database.ts';
import { requireAccount } from '../account-values.ts';
import { ledgerEdit, recomputeAfterEdit } from '../freshness.ts';
import { installmentSchema, parseInput } from '../validation.ts';
import type { EditOptions } from './commands.ts';
import type { AccountDetail } from '../account-schema.ts';
import { accountDetail } from './views.ts';

export function saveInstallment(db: Db, accountId: number, installmentId: number | null, input: unknown, options: EditOptions = {}): AccountDetail {
  const plan = parseInput(installmentSchema, input);
  const asOfDay = options.asOfDay ?? today();
  ledgerEdit(db, asOfDay, () => {
    requireAccount(db, accountId);
    const now = toUtc8Iso();
    let id = installmentId;
    if (id === null) {
      id = Number(
        db
          .prepare(
            `INSERT INTO credit_installments (account_id, label, principal_fen, fee_fen, periods, first_month, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(accountId, plan.label ?? null, plan.principalFen, plan.feeFen ?? 0, plan.periods, plan.firstMonth, now, now).lastInsertRowid,
      );
    } else {
      const changes = db
        .prepare(
          `UPDATE credit_installments SET label = ?, principal_fen = ?, fee_fen = ?, periods = ?, first_month = ?, updated_at = ?
            WHERE id = ? AND account_id = ?`,
        )
        .run(plan.label ?? null, plan.principalFen, plan.feeFen ?? 0, plan.periods, plan.firstMonth, now, id, accountId).changes;
      if (changes === 0) throw new CredenceError('ledger.installment_not_found', { id });
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: installmentId === null ? 'ledger.installment.create' : 'ledger.installment.update',
      subject: `account:${accountId}`,
      details: { installment: id, values: plan },
    });
    recomputeAfterEdit(db, asOfDay);
  });
  return accountDetail(db, accountId, options);
}

export function deleteInstallment(db: Db, accountId: number, installmentId: number, options: EditOptions = {}): AccountDetail {
  const asOfDay = options.asOfDay ?? today();
  ledgerEdit(db, asOfDay, () => {
    const row = db.prepare('SELECT * FROM credit_installments WHERE id = ? AND account_id = ?').get(installmentId, accountId);
    if (!row) throw new CredenceError('ledger.installment_not_found', { id: installmentId });
    db.prepare('DELETE FROM credit_installments WHERE id = ?').run(installmentId);
    appendAudit(db, { actor: options.actor ?? 'user', action: 'ledger.installment.delete', subject: `account:${accountId}`, details: { installment: row } });
    recomputeAfterEdit(db, asOfDay);
  });
  return accountDetail(db, accountId, options);
}
