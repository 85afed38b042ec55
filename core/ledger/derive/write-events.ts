// Every account's linked events, packed in day order into credit_account_events with the import
// batches they came from: the end of a derive, so that recomputes read one row per account.

import { isBankPlatform } from '../../shared/platforms.ts';
import type { Db } from '../../storage/database.ts';
import { eventPacker } from '../codecs/packed-events.ts';
import type { LinkTuple } from './write-links.ts';

export function writeAccountEvents(db: Db, links: LinkTuple[]): void {
  const products = new Map(
    (db.prepare('SELECT id, product FROM credit_accounts').raw().all() as [number, string][]).map(([id, product]) => [id, product]),
  );
  links.sort((a, b) => a[0] - b[0] || a[3] - b[3]);
  db.prepare('DELETE FROM credit_account_events').run();
  const insert = db.prepare('INSERT INTO credit_account_events (account_id, events, batches) VALUES (?, ?, ?)');
  let i = 0;
  while (i < links.length) {
    const accountId = links[i][0];
    let j = i;
    while (j < links.length && links[j][0] === accountId) j++;
    const packer = eventPacker(j - i);
    const batches = new Set<number>();
    // A card's own bank statement covers it; its purchases seen in Alipay or WeChat bills do not.
    const card = products.get(accountId) === 'credit_card';
    for (let k = i; k < j; k++) {
      const [, role, , day, fen, batch, platform, unconfirmed] = links[k];
      if (fen <= 0) continue;
      packer.add(day, role, fen, unconfirmed === 1);
      if (!card || isBankPlatform(platform)) batches.add(batch);
    }
    insert.run(accountId, packer.bytes(), JSON.stringify([...batches]));
    i = j;
  }
}
