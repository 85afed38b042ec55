// The derived links (which account each credit event belongs to, in which role) in the database,
// beside the user's own links, which always win and are kept across re-imports.

import type { Db } from '../../storage/database.ts';
import { setTriggersAside } from '../../storage/triggers.ts';
import { DAY_OF_ROW_SQL } from './credit-rows.ts';
import { BASES, CreditLinks, ROLES } from './credit-links.ts';

/** Upserts go out this many rows per statement: the first derive after a big import writes them all. */
const CHUNK = 100;
const LINK_COLUMNS = 9;

// A stored link is rewritten only when something in it differs (a re-derive after a small import
// touches few): the copies of the transaction's fields included, which every derive refreshes.
const upsertSql = (rows: number) =>
  `INSERT INTO credit_links (transaction_id, account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed, source)
   VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, 'derived')").join(', ')}
   ON CONFLICT(transaction_id) DO UPDATE SET account_id = excluded.account_id, role = excluded.role, basis = excluded.basis,
     day = excluded.day, amount_fen = excluded.amount_fen, batch_id = excluded.batch_id, platform = excluded.platform,
     unconfirmed = excluded.unconfirmed
   WHERE (account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed)
     IS NOT (excluded.account_id, excluded.role, excluded.basis, excluded.day, excluded.amount_fen, excluded.batch_id, excluded.platform, excluded.unconfirmed)`;

/** Collects link upserts and writes them CHUNK rows per statement; flush() writes the rest. */
function chunkedUpsert(db: Db): { add(links: CreditLinks, i: number): void; flush(): void } {
  const upsertChunk = db.prepare(upsertSql(CHUNK));
  const upsertOne = db.prepare(upsertSql(1));
  const pending: unknown[] = [];
  return {
    add(links, i) {
      pending.push(
        links.transaction[i],
        links.account[i],
        ROLES[links.role[i]],
        BASES[links.basis[i]],
        links.day[i],
        links.fen[i],
        links.batch[i],
        links.platforms[links.platform[i]],
        links.unconfirmed[i],
      );
      if (pending.length === CHUNK * LINK_COLUMNS) upsertChunk.run(pending.splice(0));
    },
    flush() {
      while (pending.length > 0) upsertOne.run(pending.splice(0, LINK_COLUMNS));
    },
  };
}

type ManualRow = [number, number | null, string, number, number, number, string, number];

/**
 * The user's links added to `into` (those with an account), their copies of the transaction's
 * fields refreshed first when `refresh` (a derivation of every row: a row may have been edited;
 * one of an import's rows follows no edit, so the copies stand).
 */
function addManualLinks(db: Db, into: CreditLinks, refresh: boolean): Set<number> {
  if (refresh) {
    db.prepare(
      `UPDATE credit_links SET (day, amount_fen, batch_id, platform, unconfirmed) =
         (SELECT ${DAY_OF_ROW_SQL('t.occurred_epoch')}, t.amount_fen, t.batch_id, t.platform, t.needs_review FROM transactions t WHERE t.id = credit_links.transaction_id)
       WHERE source = 'manual'`,
    ).run();
  }
  const ids = new Set<number>();
  for (const [id, account, role, day, fen, batch, platform, unconfirmed] of db
    .prepare("SELECT transaction_id, account_id, role, day, amount_fen, batch_id, platform, unconfirmed FROM credit_links WHERE source = 'manual'")
    .raw()
    .all() as ManualRow[]) {
    ids.add(id);
    if (account !== null) into.push({ transaction: id, account, role: role as (typeof ROLES)[number], basis: 'manual', day, fen, batch, platform, unconfirmed: unconfirmed === 1 });
  }
  return ids;
}

/**
 * Runs the link writes with credit_links' data-version triggers set aside (each would update the
 * counters' row once per link: a third of a million times after a first import of a million
 * rows), then moves the counters once if any link changed, as the triggers would have. Inside
 * the derivation's transaction: the dropped triggers come back with a rollback too, and no
 * other connection ever sees the table without them.
 */
function countedOnce(db: Db, write: () => void): void {
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  const before = changes();
  const restore = setTriggersAside(db, 'credit_links', '*_data_version');
  try {
    write();
  } finally {
    restore();
  }
  if (changes() !== before) db.prepare('UPDATE data_version SET version = version + 1, ledger_inputs = ledger_inputs + 1, ledger_edits = ledger_edits + 1 WHERE id = 1').run();
}

/** One bit per transaction id: which rows this derivation linked. */
function idSet(links: CreditLinks): { has(id: number): boolean } {
  let max = 0;
  for (let i = 0; i < links.length; i++) max = Math.max(max, links.transaction[i]);
  const bits = new Uint8Array((max >> 3) + 1);
  for (let i = 0; i < links.length; i++) bits[links.transaction[i] >> 3] |= 1 << (links.transaction[i] & 7);
  return { has: (id) => id <= max && (bits[id >> 3] & (1 << (id & 7))) !== 0 };
}

/**
 * Writes the derivation's links (`links.account` indexes `keys`) that are new or changed, and,
 * when the derivation took up every row, removes the derived links no row makes any more (a
 * derivation of an import's rows cannot take a link away: derive-and-store.ts) and refreshes the
 * copies of transaction fields on the user's own links. Returns the same links, the account ids in place of the keys
 * and the user's links added (a user's link wins over the derived one), for the packed events.
 */
export function writeLinks(db: Db, links: CreditLinks, keys: readonly string[], idByKey: ReadonlyMap<string, number>, everyRow: boolean): CreditLinks {
  const manual = new CreditLinks();
  const manualIds = addManualLinks(db, manual, everyRow);
  const idOfKey = keys.map((key) => idByKey.get(key));
  links.remap((i) => (manualIds.has(links.transaction[i]) ? undefined : idOfKey[links.account[i]]));
  // Nothing to write after an import that added no credit row: not even the triggers' DDL.
  if (links.length > 0 || everyRow) countedOnce(db, () => {
    const upsert = chunkedUpsert(db);
    for (let i = 0; i < links.length; i++) upsert.add(links, i);
    upsert.flush();
    if (everyRow) removeStale(db, links);
  });
  // The user's links after the derived ones, in one step where the columns were sized to those.
  links.reserve(links.length + manual.length);
  for (let i = 0; i < manual.length; i++) links.copy(manual, i, manual.account[i]);
  return links;
}

/** The derived links of rows this derivation linked no more. */
function removeStale(db: Db, links: CreditLinks): void {
  // Read first (no statement may run while a query is being read), then removed.
  const made = idSet(links);
  const stale: number[] = [];
  for (const id of db.prepare("SELECT transaction_id FROM credit_links WHERE source = 'derived'").pluck().iterate() as IterableIterator<number>) {
    if (!made.has(id)) stale.push(id);
  }
  const remove = db.prepare("DELETE FROM credit_links WHERE transaction_id = ? AND source = 'derived'");
  for (const id of stale) remove.run(id);
}

type StoredRow = [number, number, string, string, number, number, number, string, number];

/** Every stored link of these accounts (derived and the user's), for their packed events. */
export function linksOfAccounts(db: Db, accounts: Iterable<number>): CreditLinks {
  const links = new CreditLinks();
  const select = db.prepare(
    "SELECT transaction_id, account_id, role, iif(source = 'manual', 'manual', basis), day, amount_fen, batch_id, platform, unconfirmed FROM credit_links WHERE account_id = ?",
  );
  for (const id of accounts) {
    for (const [transaction, account, role, basis, day, fen, batch, platform, unconfirmed] of select.raw().iterate(id) as IterableIterator<StoredRow>) {
      links.push({ transaction, account, role: role as (typeof ROLES)[number], basis: basis as (typeof BASES)[number], day, fen, batch, platform, unconfirmed: unconfirmed === 1 });
    }
  }
  return links;
}
