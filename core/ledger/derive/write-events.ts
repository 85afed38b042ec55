// Accounts' linked events, packed in day order into credit_account_events with the import
// batches they came from: the end of a derive, so that recomputes read one row per account.

import { isBankPlatform } from '../../shared/platforms.ts';
import type { Db } from '../../storage/database.ts';
import { eventPacker } from '../codecs/packed-events.ts';
import { ROLES, type CreditLinks } from './credit-links.ts';

/**
 * Packs the accounts' events from their links: every account's when `only` is null (the links
 * are all there are), else the accounts in `only` (the links are every link of those).
 */
export function writeAccountEvents(db: Db, links: CreditLinks, only: ReadonlySet<number> | null): void {
  const products = new Map(
    (db.prepare('SELECT id, product FROM credit_accounts').raw().all() as [number, string][]).map(([id, product]) => [id, product]),
  );
  const { account, day } = links;
  const order = links.eventOrder();
  if (only === null) db.prepare('DELETE FROM credit_account_events').run();
  else {
    const remove = db.prepare('DELETE FROM credit_account_events WHERE account_id = ?');
    for (const id of only) remove.run(id);
  }
  const insert = db.prepare('INSERT INTO credit_account_events (account_id, events, batches) VALUES (?, ?, ?)');
  let i = 0;
  while (i < order.length) {
    const accountId = account[order[i]];
    let j = i;
    while (j < order.length && account[order[j]] === accountId) j++;
    const packer = eventPacker(j - i);
    const batches = new Set<number>();
    // A card's own bank statement covers it; its purchases seen in Alipay or WeChat bills do not.
    const card = products.get(accountId) === 'credit_card';
    for (let k = i; k < j; k++) {
      const at = order[k];
      const fen = links.fen[at];
      if (fen <= 0) continue;
      packer.add(day[at], ROLES[links.role[at]], fen, links.unconfirmed[at] === 1);
      if (!card || isBankPlatform(links.platforms[links.platform[at]])) batches.add(links.batch[at]);
    }
    insert.run(accountId, packer.bytes(), JSON.stringify([...batches]));
    // The addon binds a copy, freed once the insert ran: without this the account's 24 bytes an
    // event would wait for V8 to collect them, beside the next account's (a card's 400,000
    // events: 10 MB) and SQLite's copies of its blob (stop 30, docs/engineering/performance.md).
    packer.release();
    i = j;
  }
}
