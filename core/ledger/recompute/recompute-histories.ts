// Every account's monthly history computed again from the stored derivation and the user's
// facts, in memory, one pass per account (history/monthly-history.ts); an account's stored
// months are written only when they changed (after an edit: that account's), its summary always.

import { formatDay, today } from '../../shared/calendar.ts';
import type { Db } from '../../storage/database.ts';
import { monthsJson } from '../codecs/stored-months.ts';
import type { HistoryResult } from '../history/history-input.ts';
import { computeHistory } from '../history/monthly-history.ts';
import { historyInputOf, readLedgerInputs } from './history-inputs.ts';

/** Where the results go: the months of the accounts whose months changed, and every summary afresh. */
function historyWriter(db: Db): { months(accountId: number, json: string): boolean; summary(accountId: number, result: HistoryResult): void } {
  const insertSummary = db.prepare(
    'INSERT INTO credit_account_summaries (account_id, balance_fen, next_due_on, next_due_fen, settled_on) VALUES (?, ?, ?, ?, ?)',
  );
  const stored = new Map(db.prepare('SELECT account_id, months_json FROM credit_account_histories').raw().all() as [number, string][]);
  const writeHistory = db.prepare(
    'INSERT INTO credit_account_histories (account_id, months_json) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET months_json = excluded.months_json',
  );
  db.prepare('DELETE FROM credit_account_summaries').run();
  return {
    months(accountId, json) {
      if (stored.get(accountId) === json) return false;
      writeHistory.run(accountId, json);
      return true;
    },
    summary(accountId, result) {
      insertSummary.run(
        accountId,
        result.balanceFen,
        result.nextDue?.on ?? null,
        result.nextDue?.amountFen ?? null,
        result.settledDay === null ? null : formatDay(result.settledDay),
      );
    },
  };
}

export function recomputeHistories(db: Db, asOfDay: number = today()): { accounts: number; months: number; rewritten: number } {
  const inputs = readLedgerInputs(db);
  const write = historyWriter(db);
  let months = 0;
  let rewritten = 0;
  for (const account of inputs.accounts) {
    const result = computeHistory(historyInputOf(inputs, account, asOfDay));
    if (write.months(account.id, monthsJson(result.rows))) rewritten++;
    months += result.rows.length;
    write.summary(account.id, result);
  }
  return { accounts: inputs.accounts.length, months, rewritten };
}
