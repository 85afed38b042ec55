// What the user knows of one month of an account, from a bill or their report: balance, amount
// due, minimum, amount paid, status. It wins over what the imports imply for that month
// (history/month-close.ts and the obligations), and the histories are recomputed in the same
// transaction.

import { z } from 'zod';
import { today, toUtc8Iso } from '../../shared/calendar.ts';
import { appendAudit, type Db } from '../../storage/database.ts';
import { requireAccount } from '../account-values.ts';
import { ledgerEdit, recomputeAfterEdit } from '../freshness.ts';
import { invalid, monthFactSchema, monthSchema, parseInput, problem } from '../validation.ts';
import type { EditOptions } from './commands.ts';
import type { AccountDetail } from '../account-schema.ts';
import { accountDetail } from './views.ts';

/** Sets what the user knows of one month (null clears it). */
export function setMonthFact(db: Db, accountId: number, month: unknown, input: unknown, options: EditOptions = {}): AccountDetail {
  const parsedMonth = parseInput(z.strictObject({ month: monthSchema }), { month }).month;
  const fact = input === null ? null : parseInput(monthFactSchema, input);
  if (fact && fact.minimumDueFen != null && fact.amountDueFen != null && fact.minimumDueFen > fact.amountDueFen) {
    throw invalid([problem('minimumDueFen', 'minimum_above_due')]);
  }
  const asOfDay = options.asOfDay ?? today();
  ledgerEdit(db, asOfDay, () => {
    requireAccount(db, accountId);
    const before = db.prepare('SELECT * FROM credit_month_facts WHERE account_id = ? AND month = ?').get(accountId, parsedMonth) ?? null;
    const empty = fact === null || Object.values(fact).every((value) => value === null || value === undefined);
    if (empty) db.prepare('DELETE FROM credit_month_facts WHERE account_id = ? AND month = ?').run(accountId, parsedMonth);
    else {
      db.prepare(
        `INSERT INTO credit_month_facts (account_id, month, balance_fen, amount_due_fen, minimum_due_fen, amount_paid_fen, status, note, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(account_id, month) DO UPDATE SET balance_fen = excluded.balance_fen, amount_due_fen = excluded.amount_due_fen,
           minimum_due_fen = excluded.minimum_due_fen, amount_paid_fen = excluded.amount_paid_fen, status = excluded.status,
           note = excluded.note, updated_at = excluded.updated_at`,
      ).run(
        accountId,
        parsedMonth,
        fact!.balanceFen ?? null,
        fact!.amountDueFen ?? null,
        fact!.minimumDueFen ?? null,
        fact!.amountPaidFen ?? null,
        fact!.status ?? null,
        fact!.note ?? null,
        toUtc8Iso(),
      );
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: empty ? 'ledger.month.clear' : 'ledger.month.set',
      subject: `account:${accountId}`,
      details: { month: parsedMonth, before, after: empty ? null : fact },
    });
    recomputeAfterEdit(db, asOfDay);
  });
  return accountDetail(db, accountId, options);
}
