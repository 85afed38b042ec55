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
 * What the packing needs of the links, in packing order: each event's day, role (with its
 * unconfirmed flag) and amount, 13 bytes an event, and each account's end and batches. Taken
 * before any blob is made, so that the links' columns (29 bytes a link, their order 4) are
 * freed before the blobs are stored: storing one costs three copies of it for a moment (stop 30,
 * docs/engineering/performance.md).
 */
interface AccountEvents {
  accounts: { id: number; end: number; batches: string }[];
  day: Int32Array;
  code: Uint8Array;
  fen: Float64Array;
}

function eventsInOrder(db: Db, links: CreditLinks): AccountEvents {
  const products = new Map(
    (db.prepare('SELECT id, product FROM credit_accounts').raw().all() as [number, string][]).map(([id, product]) => [id, product]),
  );
  const { account, fen } = links;
  // A link of no amount (a zero-fen row) adds no event.
  const isEvent = (at: number) => fen[at] > 0;
  const order = links.eventOrder();
  let events = 0;
  for (let k = 0; k < order.length; k++) if (isEvent(order[k])) events++;
  const out: AccountEvents = { accounts: [], day: new Int32Array(events), code: new Uint8Array(events), fen: new Float64Array(events) };
  let e = 0;
  for (let i = 0; i < order.length; ) {
    const accountId = account[order[i]];
    const batches = new Set<number>();
    // A card's own bank statement covers it; its purchases seen in Alipay or WeChat bills do not.
    const card = products.get(accountId) === 'credit_card';
    for (; i < order.length && account[order[i]] === accountId; i++) {
      const at = order[i];
      if (!isEvent(at)) continue;
      out.day[e] = links.day[at];
      out.code[e] = links.role[at] + (links.unconfirmed[at] === 1 ? UNCONFIRMED : 0);
      out.fen[e] = fen[at];
      e++;
      if (!card || isBankPlatform(links.platforms[links.platform[at]])) batches.add(links.batch[at]);
    }
    out.accounts.push({ id: accountId, end: e, batches: JSON.stringify([...batches]) });
  }
  release(order);
  return out;
}

/**
 * Packs the accounts' events from their links: every account's when `only` is null (the links
 * are all there are), else the accounts in `only` (the links are every link of those). The
 * links are released: their columns go before the first blob is made.
 */
export function writeAccountEvents(db: Db, links: CreditLinks, only: ReadonlySet<number> | null): void {
  const events = eventsInOrder(db, links);
  links.release();
  if (only === null) db.prepare('DELETE FROM credit_account_events').run();
  else {
    const remove = db.prepare('DELETE FROM credit_account_events WHERE account_id = ?');
    for (const id of only) remove.run(id);
  }
  const insert = db.prepare('INSERT INTO credit_account_events (account_id, events, batches) VALUES (?, ?, ?)');
  let start = 0;
  for (const { id, end, batches } of events.accounts) {
    const packer = eventPacker(end - start);
    for (let k = start; k < end; k++) {
      const code = events.code[k];
      packer.add(events.day[k], ROLES[code % UNCONFIRMED], events.fen[k], code >= UNCONFIRMED);
    }
    insert.run(id, packer.bytes(), batches);
    // The addon binds a copy, freed once the insert ran: without this the account's 24 bytes an
    // event would wait for V8 to collect them, beside the next account's (a card's 400,000
    // events: 10 MB) and SQLite's copies of its blob (stop 30, docs/engineering/performance.md).
    packer.release();
    start = end;
  }
  for (const column of [events.day, events.code, events.fen]) release(column);
}
