// Reading the read model again after the data moved (core/ledger/snapshot.ts, recompute/history-inputs.ts
// with the parts read before): a part that reads back the same as the kept one is the kept object,
// so everything computed from it and kept with it by identity (the report's and the scores' per-account
// values in core/bureau and core/score, a what-if's projection of the account) still holds, and only
// what an edit changed is computed again. Equal means the same content, never "probably unchanged".

import { isDeepStrictEqual } from 'node:util';
import { readDataVersion } from '../storage/data-version.ts';
import type { Db } from '../storage/database.ts';

/** `kept` when it has the same content as `read`, else `read`. */
export function keptIfSame<T>(kept: T | undefined, read: T): T {
  return kept !== undefined && isDeepStrictEqual(kept, read) ? kept : read;
}

/**
 * The derived ledger's counters (migration 0008 `ledger_inputs`, 0019 `ledger_outputs`), read
 * before the parts they cover: while both are where they were, every account, its history, events,
 * facts and plans, the imports' days and the activity read back the same, and the kept parts are
 * taken as they are without reading them.
 */
export function ledgerCounters(db: Db): string {
  const { ledgerInputs, ledgerOutputs } = readDataVersion(db);
  return `${ledgerInputs}:${ledgerOutputs}`;
}

/** The counters a read model's part was read at (a snapshot, history inputs). */
const readAt = new WeakMap<object, string>();

export function stampRead(part: object, counters: string): void {
  readAt.set(part, counters);
}

/** Whether `part` was read at `counters` (so what it covers is as it was). */
export function readAtCounters(part: object | undefined, counters: string): boolean {
  return part !== undefined && readAt.get(part) === counters;
}

/** `kept` stands for `read`, read later to the same content: it is as current as `read`. */
export function restamp(kept: object, read: object): void {
  const counters = readAt.get(read);
  if (counters !== undefined) readAt.set(kept, counters);
}
