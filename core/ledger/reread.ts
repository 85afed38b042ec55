// Reading the read model again after the data moved (core/ledger/snapshot.ts, recompute/history-inputs.ts
// with the parts read before): a part that reads back the same as the kept one is the kept object,
// so everything computed from it and kept with it by identity (the report's and the scores' per-account
// values in core/bureau and core/score, a what-if's projection of the account) still holds, and only
// what an edit changed is computed again. Equal means the same content, never "probably unchanged".

import { isDeepStrictEqual } from 'node:util';

/** `kept` when it has the same content as `read`, else `read`. */
export function keptIfSame<T>(kept: T | undefined, read: T): T {
  return kept !== undefined && isDeepStrictEqual(kept, read) ? kept : read;
}
