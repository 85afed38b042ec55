// The derived links (which account each credit event belongs to, in which role) in the database,
// beside the user's own links, which always win and are kept across re-imports.

import type { Db } from '../../storage/database.ts';
import type { EventRole } from '../history/history-input.ts';
import { DAY_OF_ROW_SQL } from './credit-rows.ts';
import type { DerivedLink } from './derive-accounts.ts';

/** account, role, basis, day, amount, batch, platform, unconfirmed */
export type LinkTuple = [number, EventRole, string, number, number, number, string, number];

/** Upserts go out this many rows per statement: the first derive after a big import writes them all. */
const CHUNK = 100;
const LINK_COLUMNS = 9;

const upsertSql = (rows: number) =>
  `INSERT INTO credit_links (transaction_id, account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed, source)
   VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, 'derived')").join(', ')}
   ON CONFLICT(transaction_id) DO UPDATE SET account_id = excluded.account_id, role = excluded.role, basis = excluded.basis,
     day = excluded.day, amount_fen = excluded.amount_fen, batch_id = excluded.batch_id, platform = excluded.platform,
     unconfirmed = excluded.unconfirmed`;

/** Collects link upserts and writes them CHUNK rows per statement; flush() writes the rest. */
function chunkedUpsert(db: Db): { add(transactionId: number, tuple: LinkTuple): void; flush(): void } {
  const upsertChunk = db.prepare(upsertSql(CHUNK));
  const upsertOne = db.prepare(upsertSql(1));
  const pending: unknown[] = [];
  return {
    add(transactionId, tuple) {
      pending.push(transactionId, ...tuple);
      if (pending.length >= CHUNK * LINK_COLUMNS) upsertChunk.run(pending.splice(0, CHUNK * LINK_COLUMNS));
    },
    flush() {
      while (pending.length > 0) upsertOne.run(pending.splice(0, LINK_COLUMNS));
    },
  };
}

/** The user's links, with their copies of the transaction's fields refreshed. */
function manualLinks(db: Db): [number, ...LinkTuple][] {
  db.prepare(
    `UPDATE credit_links SET (day, amount_fen, batch_id, platform, unconfirmed) =
       (SELECT ${DAY_OF_ROW_SQL('t.occurred_epoch')}, t.amount_fen, t.batch_id, t.platform, t.needs_review FROM transactions t WHERE t.id = credit_links.transaction_id)
     WHERE source = 'manual'`,
  ).run();
  return db
    .prepare("SELECT transaction_id, account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed FROM credit_links WHERE source = 'manual'")
    .raw()
    .all() as [number, ...LinkTuple][];
}

/**
 * Rewrites only the derived links that changed (a re-derive after a small import touches few),
 * and refreshes the copies of transaction fields on the user's own links. Returns every link
 * with an account, for the packed events.
 */
export function writeLinks(db: Db, links: readonly DerivedLink[], idByKey: ReadonlyMap<string, number>): LinkTuple[] {
  // What a derived link can change: the transaction's own fields (day, amount, batch) never do.
  const existing = new Map<number, [number, EventRole, string, number]>();
  for (const [id, ...rest] of db
    .prepare("SELECT transaction_id, account_id, role, basis, unconfirmed FROM credit_links WHERE source = 'derived'")
    .raw()
    .all() as [number, number, EventRole, string, number][]) {
    existing.set(id, rest);
  }
  const manual = manualLinks(db);
  const manualIds = new Set(manual.map((m) => m[0]));
  const upsert = chunkedUpsert(db);
  const all: LinkTuple[] = [];
  for (const link of links) {
    const accountId = idByKey.get(link.accountKey);
    const row = link.row;
    if (accountId === undefined || manualIds.has(link.transactionId)) continue;
    const tuple: LinkTuple = [accountId, link.role, link.basis, row.day, row.fen, row.batchId, row.platform, row.needsReview ? 1 : 0];
    all.push(tuple);
    const before = existing.get(link.transactionId);
    existing.delete(link.transactionId);
    if (before && before[0] === tuple[0] && before[1] === tuple[1] && before[2] === tuple[2] && before[3] === tuple[7]) continue;
    upsert.add(link.transactionId, tuple);
  }
  upsert.flush();
  const remove = db.prepare("DELETE FROM credit_links WHERE transaction_id = ? AND source = 'derived'");
  for (const id of existing.keys()) remove.run(id);
  for (const [, ...tuple] of manual) if (tuple[0] !== null) all.push(tuple);
  return all;
}
