// A new day costs what the day changes (migration 0022): each account's history pass keeps its
// state after the last month whose every day read (grace days and late dues included) came
// before the day it was computed for. Those months read nothing a later day changes, so while
// every input is as it was (the same code and data_version.ledger_inputs: the key the ledger's
// freshness already rests on, core/ledger/freshness.ts), the pass for a later day starts after
// them: the months since, and the stored months_json up to the checkpoint kept as it is. Any
// change to an input, a day before the checkpoint's, or a derivation of everything walks the
// account from its first month again, as before. test/unit/ledger/new-day.test.ts compares the
// result with a pass from the first month on day after day.

import type { Db } from '../../storage/database.ts';
import { checkpointJson, parseCheckpoint, type StoredCheckpoint } from '../codecs/history-checkpoint.ts';
import { monthsJson } from '../codecs/stored-months.ts';
import type { MonthRow } from '../account-schema.ts';
import type { EventList, HistoryInput, HistoryResult } from '../history/history-input.ts';
import { historyAfter, resumeHistory, type HistoryCheckpoint } from '../history/monthly-history.ts';

/** Which checkpoints a recompute may start from and keeps: those made from `inputs`; with `fresh`, it starts from none. */
export interface CheckpointUse {
  inputs: string;
  fresh: boolean;
}

/** `prefix` (an open JSON array, '[' or '[…rows') with `rows` added, still open. */
function appendRows(prefix: string, rows: readonly MonthRow[]): string {
  if (rows.length === 0) return prefix;
  return prefix + (prefix === '[' ? '' : ',') + monthsJson(rows).slice(1, -1);
}

export interface AccountHistory {
  /** The summary's figures (today's balance, the next due, the day a loan was settled). */
  result: Omit<HistoryResult, 'rows'>;
  /** Its months as stored (monthsJson of every row, byte for byte). */
  json: string;
  months: number;
}

/** The stored checkpoints made from `inputs`, as stored (parseCheckpoint revives one), by account. */
export function storedCheckpoints(db: Db, inputs: string): Map<number, string> {
  return new Map(db.prepare('SELECT account_id, state FROM credit_account_checkpoints WHERE inputs = ?').raw().all(inputs) as [number, string][]);
}

export class DayCheckpoints {
  private readonly use: CheckpointUse;
  private readonly stored: Map<number, string>;
  private readonly save;
  private readonly remove;

  constructor(db: Db, use: CheckpointUse) {
    this.use = use;
    this.stored = use.fresh ? new Map() : storedCheckpoints(db, use.inputs);
    this.save = db.prepare(
      'INSERT INTO credit_account_checkpoints (account_id, inputs, state) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET inputs = excluded.inputs, state = excluded.state',
    );
    this.remove = db.prepare('DELETE FROM credit_account_checkpoints WHERE account_id = ?');
  }

  /** The kept checkpoint that serves `input`'s day with the months stored now, or null. */
  private usable(accountId: number, input: HistoryInput<EventList>, storedMonths: string | undefined): StoredCheckpoint | null {
    const text = this.stored.get(accountId);
    if (text === undefined || storedMonths === undefined) return null;
    const kept = parseCheckpoint(text, input);
    const boundary = storedMonths[kept.prefixLength];
    if (kept.daysRead >= input.asOfDay || (boundary !== ',' && boundary !== ']')) return null;
    return kept;
  }

  private keep(accountId: number, checkpoint: HistoryCheckpoint | null, prefix: string, rowCount: number, asOfDay: number): void {
    // A checkpoint whose months read the day itself or later depends on it: none is kept.
    if (checkpoint === null || checkpoint.daysRead >= asOfDay) this.remove.run(accountId);
    else this.save.run(accountId, this.use.inputs, checkpointJson(checkpoint, prefix.length, rowCount));
  }

  /** The account's history for `input`'s day: from its kept checkpoint when one serves, else from its first month. */
  history(accountId: number, input: HistoryInput<EventList>, storedMonths: string | undefined): AccountHistory {
    const kept = this.usable(accountId, input, storedMonths);
    if (kept === null) {
      const { result, checkpoint } = resumeHistory(input, null, input.asOfDay);
      const upTo = checkpoint?.rows.length ?? 0;
      const head = appendRows('[', result.rows.slice(0, upTo));
      this.keep(accountId, checkpoint, head, upTo, input.asOfDay);
      return { result, json: appendRows(head, result.rows.slice(upTo)) + ']', months: result.rows.length };
    }
    const { result, checkpoint } = historyAfter(input, kept);
    // The rows after the kept month; the new checkpoint's are the first of them.
    const upTo = checkpoint?.rows.length ?? 0;
    const head = appendRows(storedMonths!.slice(0, kept.prefixLength), result.rows.slice(0, upTo));
    if (checkpoint !== null) this.keep(accountId, checkpoint, head, kept.rowCount + upTo, input.asOfDay);
    return { result, json: appendRows(head, result.rows.slice(upTo)) + ']', months: kept.rowCount + result.rows.length };
  }
}
