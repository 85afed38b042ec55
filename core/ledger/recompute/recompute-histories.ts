// Accounts' monthly histories computed again from the stored derivation and the user's facts, in
// memory, one pass per account (history/monthly-history.ts); an account's stored months are
// written only when they changed (after an edit: that account's), its summary always. After an
// import, only the accounts it moved (accountsMoved): the others' inputs are as they were.

import { formatDay, today } from '../../shared/calendar.ts';
import type { Db } from '../../storage/database.ts';
import { loadAccounts, type AccountRecord } from '../account-values.ts';
import { monthsJson } from '../codecs/stored-months.ts';
import type { CoverageEntry } from '../export-coverage.ts';
import type { EventList, HistoryInput, HistoryResult } from '../history/history-input.ts';
import { computeHistory } from '../history/monthly-history.ts';
import { coverageMoved } from './account-coverage.ts';
import { DayCheckpoints, type AccountHistory, type CheckpointUse } from './day-checkpoints.ts';
import { familyOf, historyInputOf, readLedgerInputs, withEventsOf } from './history-inputs.ts';

/** Where the results go: the months of the accounts whose months changed, and the summaries afresh. */
function historyWriter(
  db: Db,
  only: ReadonlySet<number> | null,
): { stored(accountId: number): string | undefined; months(accountId: number, json: string, stored: string | undefined): boolean; summary(accountId: number, result: Omit<HistoryResult, 'rows'>): void } {
  const insertSummary = db.prepare(
    'INSERT INTO credit_account_summaries (account_id, balance_fen, next_due_on, next_due_fen, settled_on) VALUES (?, ?, ?, ?, ?)',
  );
  const storedMonths = db.prepare('SELECT months_json FROM credit_account_histories WHERE account_id = ?').pluck();
  const writeHistory = db.prepare(
    'INSERT INTO credit_account_histories (account_id, months_json) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET months_json = excluded.months_json',
  );
  if (only === null) db.prepare('DELETE FROM credit_account_summaries').run();
  else {
    const remove = db.prepare('DELETE FROM credit_account_summaries WHERE account_id = ?');
    for (const id of only) remove.run(id);
  }
  return {
    stored: (accountId) => storedMonths.get(accountId) as string | undefined,
    months(accountId, json, stored) {
      if (stored === json) return false;
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

function fromFirstMonth(input: HistoryInput<EventList>): AccountHistory {
  const result = computeHistory(input);
  return { result, json: monthsJson(result.rows), months: result.rows.length };
}

/** The accounts with a line and its draws, whose histories are computed together (a line's carries its draws' events). */
function withFamilies(accounts: readonly AccountRecord[], ids: Iterable<number>): Set<number> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const out = new Set<number>();
  for (const id of ids) {
    out.add(id);
    const parent = byId.get(id)?.values.parentId;
    if (parent != null) out.add(parent);
  }
  for (const account of accounts) if (account.values.parentId !== null && out.has(account.values.parentId)) out.add(account.id);
  return out;
}

/**
 * After an import derived on the same day: the accounts whose events it packed again, and those
 * whose coverage its period moved (the exports before it against the exports now).
 */
export function accountsMoved(db: Db, touched: ReadonlySet<number>, exportsBefore: readonly CoverageEntry[], exportsNow: readonly CoverageEntry[]): Set<number> {
  const accounts = loadAccounts(db);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const batches = db.prepare('SELECT batches FROM credit_account_events WHERE account_id = ?').pluck();
  const batchesOf = (id: number) => new Set(JSON.parse((batches.get(id) as string | undefined) ?? '[]') as number[]);
  const moved = new Set(touched);
  for (const account of accounts) {
    if (!moved.has(account.id) && coverageMoved(exportsBefore, exportsNow, account, byId, batchesOf)) moved.add(account.id);
  }
  return withFamilies(accounts, moved);
}

/**
 * Recomputes every account's history, or those in `only` (closed over lines and their draws:
 * accountsMoved), one family at a time (a line with its draws, or an account on its own). With
 * `checkpoints`, an account's pass starts from the one kept for the same inputs on an earlier
 * day where it serves (day-checkpoints.ts), and keeps one for a later day.
 */
export function recomputeHistories(
  db: Db,
  asOfDay: number = today(),
  only: ReadonlySet<number> | null = null,
  checkpoints: CheckpointUse | null = null,
): { accounts: number; months: number; rewritten: number } {
  const base = readLedgerInputs(db, undefined, new Set());
  const write = historyWriter(db, only);
  const kept = checkpoints === null ? null : new DayCheckpoints(db, checkpoints);
  const families = new Map<number, AccountRecord[]>();
  for (const account of base.accounts) {
    if (only !== null && !only.has(account.id)) continue;
    const family = familyOf(account, base.byId);
    if (!families.has(family)) families.set(family, []);
    families.get(family)!.push(account);
  }
  let accounts = 0;
  let months = 0;
  let rewritten = 0;
  for (const members of families.values()) {
    const inputs = withEventsOf(db, base, new Set(members.map((a) => a.id)));
    for (const account of members) {
      const input = historyInputOf(inputs, account, asOfDay);
      const stored = write.stored(account.id);
      const history = kept === null ? fromFirstMonth(input) : kept.history(account.id, input, stored);
      if (write.months(account.id, history.json, stored)) rewritten++;
      months += history.months;
      write.summary(account.id, history.result);
      accounts++;
    }
  }
  return { accounts, months, rewritten };
}
