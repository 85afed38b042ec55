// Accounts' linked events, packed in day order into credit_account_events with the import
// batches they came from: the end of a derive, so that recomputes read one row per account.

import { isBankPlatform } from '../../shared/platforms.ts';
import { release } from '../../shared/typed-arrays.ts';
import type { Db } from '../../storage/database.ts';
import { eventPacker } from '../codecs/packed-events.ts';
import { ROLES, type CreditLinks } from './credit-links.ts';

/** A role's code in `AccountEvents.code`, plus this when the event is unconfirmed. */
const UNCONFIRMED = 4;

/**
 * What the packing needs of an account's links, in packing order: each event's day, role (with
 * its unconfirmed flag) and amount, 13 bytes an event, and its batches. Taken before any blob is
 * made, so that the links' columns (29 bytes a link, their order 4) are freed before the blobs
 * are stored, and freed account by account as each is packed: storing a blob costs three copies
 * of it for a moment (stop 30, docs/engineering/performance.md).
 */
interface AccountEvents {
  id: number;
  batches: string;
  day: Int32Array;
  code: Uint8Array;
  fen: Float64Array;
}

function eventsInOrder(db: Db, links: CreditLinks): AccountEvents[] {
  const products = new Map(
    (db.prepare('SELECT id, product FROM credit_accounts').raw().all() as [number, string][]).map(([id, product]) => [id, product]),
  );
  links.trim();
  const { account, fen } = links;
  // A link of no amount (a zero-fen row) adds no event.
  const isEvent = (at: number) => fen[at] > 0;
  const order = links.eventOrder();
  const accounts: AccountEvents[] = [];
  for (let i = 0; i < order.length; ) {
    const id = account[order[i]];
    let end = i;
    let count = 0;
    for (; end < order.length && account[order[end]] === id; end++) if (isEvent(order[end])) count++;
    const events = { id, day: new Int32Array(count), code: new Uint8Array(count), fen: new Float64Array(count) };
    const batches = new Set<number>();
    // A card's own bank statement covers it; its purchases seen in Alipay or WeChat bills do not.
    const card = products.get(id) === 'credit_card';
    for (let e = 0; i < end; i++) {
      const at = order[i];
      if (!isEvent(at)) continue;
      events.day[e] = links.day[at];
      events.code[e] = links.role[at] + (links.unconfirmed[at] === 1 ? UNCONFIRMED : 0);
      events.fen[e] = fen[at];
      e++;
      if (!card || isBankPlatform(links.platforms[links.platform[at]])) batches.add(links.batch[at]);
    }
    accounts.push({ ...events, batches: JSON.stringify([...batches]) });
  }
  release(order);
  return accounts;
}

/**
 * Packs the accounts' events from their links: every account's when `only` is null (the links
 * are all there are), else the accounts in `only` (the links are every link of those). The
 * links are released: their columns go before the first blob is made.
 */
export function writeAccountEvents(db: Db, links: CreditLinks, only: ReadonlySet<number> | null): void {
  const accounts = eventsInOrder(db, links);
  links.release();
  if (only === null) db.prepare('DELETE FROM credit_account_events').run();
  else {
    const remove = db.prepare('DELETE FROM credit_account_events WHERE account_id = ?');
    for (const id of only) remove.run(id);
  }
  const insert = db.prepare('INSERT INTO credit_account_events (account_id, events, batches) VALUES (?, ?, ?)');
  for (const { id, batches, day, code, fen } of accounts) {
    const packer = eventPacker(fen.length);
    for (let k = 0; k < fen.length; k++) packer.add(day[k], ROLES[code[k] % UNCONFIRMED], fen[k], code[k] >= UNCONFIRMED);
    for (const column of [day, code, fen]) release(column);
    insert.run(id, packer.bytes(), batches);
    // The addon binds a copy, freed once the insert ran: without this the account's 24 bytes an
    // event would wait for V8 to collect them, beside the next account's (a card's 400,000
    // events: 10 MB) and SQLite's copies of its blob (stop 30, docs/engineering/performance.md).
    packer.release();
  }
}
