// An account's packed events as a derivation stores them (write-events.ts): its links with an
// amount, in day order, then in the order a derivation makes links (account_key, then a draw's,
// then a refund's), then by transaction; the role's code + 8 for an unconfirmed event; the
// batches a card's own bank statements gave (every batch for any other account), in that order.
// The links are taken apart before the blobs are made, and an account of no event keeps its row.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreditLinks, type LinkFields } from '../../../core/ledger/derive/credit-links.ts';
import { writeAccountEvents } from '../../../core/ledger/derive/write-events.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import type { Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';

const T = '2026-01-01T00:00:00+08:00';

function profile(): Db {
  const db = openDatabase(join(tempDir('credence-write-events-'), 'profile.sqlite'));
  const account = db.prepare('INSERT INTO credit_accounts (id, product, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  account.run(1, 'credit_card', '招行信用卡', T, T);
  account.run(2, 'huabei', '花呗', T, T);
  account.run(3, 'jiebei', '借呗', T, T);
  db.prepare("INSERT INTO credit_account_events (account_id, events, batches) VALUES (1, x'', '[98]'), (3, x'', '[99]')").run();
  return db;
}

const link = (fields: Partial<LinkFields> & Pick<LinkFields, 'transaction' | 'account' | 'day' | 'fen' | 'batch' | 'platform'>): LinkFields => ({
  role: 'charge',
  basis: 'account_key',
  unconfirmed: false,
  ...fields,
});

/** Pushed out of order and accounts interleaved: the packing sorts them. */
const LINKS: LinkFields[] = [
  link({ transaction: 10, account: 1, day: 20010, fen: 500, batch: 7, platform: 'alipay' }),
  link({ transaction: 20, account: 2, day: 20003, fen: 1000, batch: 7, platform: 'alipay' }),
  link({ transaction: 11, account: 1, day: 20005, fen: 300, batch: 8, platform: 'cmb', role: 'payment', unconfirmed: true }),
  link({ transaction: 30, account: 3, day: 20002, fen: 0, batch: 4, platform: 'alipay' }),
  link({ transaction: 12, account: 1, day: 20005, fen: 0, batch: 9, platform: 'cmb', role: 'credit' }),
  link({ transaction: 21, account: 2, day: 20001, fen: 50, batch: 5, platform: 'alipay', role: 'payment', unconfirmed: true }),
  link({ transaction: 13, account: 1, day: 20005, fen: 200, batch: 8, platform: 'cmb', basis: 'refund_of_original' }),
  link({ transaction: 9, account: 1, day: 20005, fen: 100, batch: 6, platform: 'cmb', basis: 'only_open_draw' }),
];

function linksOf(fields: readonly LinkFields[]): CreditLinks {
  const links = new CreditLinks();
  for (const f of fields) links.push(f);
  return links;
}

function stored(db: Db): [number, number[], string][] {
  return (db.prepare('SELECT account_id, events, batches FROM credit_account_events ORDER BY account_id').raw().all() as [number, Buffer, string][]).map(
    ([id, blob, batches]) => [id, [...new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength))], batches],
  );
}

// The card (1): day 20005 first, there tx 11 (account_key, phase 0; payment 1 + 8 unconfirmed),
// tx 9 (only_open_draw, phase 1) before tx 13 (refund, phase 2) though its id is lower; tx 12 has
// no amount (no event, its batch 9 not named); then day 20010. Its batches: the bank's (cmb) only,
// in event order: 8, 6, 8; tx 10's Alipay batch 7 is not. Huabei (2): day 20001's unconfirmed
// payment (9) then 20003's charge, both Alipay batches, 5 then 7. Jiebei (3): no event with an
// amount, so an empty blob and no batch.
const CARD: [number, number[], string] = [1, [20005, 9, 300, 20005, 0, 100, 20005, 0, 200, 20010, 0, 500], '[8,6]'];
const HUABEI: [number, number[], string] = [2, [20001, 9, 50, 20003, 0, 1000], '[5,7]'];
const JIEBEI: [number, number[], string] = [3, [], '[]'];

describe('the packed events a derivation stores', () => {
  it('are every account’s in day order, a day’s as a derivation makes them, with their batches, the old rows gone', () => {
    const db = profile();
    const links = linksOf(LINKS);
    writeAccountEvents(db, links, null);
    expect(stored(db)).toEqual([CARD, HUABEI, JIEBEI]);
    // Released: the packing took what it needed from the links before storing any blob.
    expect(links.length).toBe(0);
    expect(links.fen.length).toBe(0);
    db.close();
  });

  it('replace only the rows of the accounts named, from those accounts’ links', () => {
    const db = profile();
    writeAccountEvents(db, linksOf(LINKS.filter((l) => l.account === 2 || l.account === 3)), new Set([2, 3]));
    // The card's old row stays as it was; Jiebei's is replaced, Huabei's added.
    expect(stored(db)).toEqual([[1, [], '[98]'], HUABEI, JIEBEI]);
    db.close();
  });
});

describe('the links’ event order', () => {
  it('is by account, day, phase and transaction, worked out by hand', () => {
    // Indexes: 0 (acct 2), 1 (acct 1, day 5, refund: phase 2), 2 (acct 1, day 5, account_key,
    // tx 40), 3 (acct 1, day 5, account_key, tx 7), 4 (acct 1, day 4, manual: phase 3), 5 (acct 1,
    // day 5, line: phase 1). Account 1 first: day 4 (4), then day 5 by phase: 3 and 2 (phase 0, tx
    // 7 before 40), 5 (phase 1), 1 (phase 2); then account 2 (0).
    const links = linksOf([
      link({ transaction: 1, account: 2, day: 1, fen: 1, batch: 1, platform: 'alipay' }),
      link({ transaction: 2, account: 1, day: 5, fen: 1, batch: 1, platform: 'alipay', basis: 'refund_of_original' }),
      link({ transaction: 40, account: 1, day: 5, fen: 1, batch: 1, platform: 'alipay' }),
      link({ transaction: 7, account: 1, day: 5, fen: 1, batch: 1, platform: 'alipay' }),
      link({ transaction: 3, account: 1, day: 4, fen: 1, batch: 1, platform: 'alipay', basis: 'manual' }),
      link({ transaction: 5, account: 1, day: 5, fen: 1, batch: 1, platform: 'alipay', basis: 'line' }),
    ]);
    expect([...links.eventOrder()]).toEqual([4, 3, 2, 5, 1, 0]);
  });

  it('is the comparator’s stable sort over keys of every width, ties in the links’ order', () => {
    // Days before 1970 and over 2^16 apart, accounts and transactions past 16 bits (two digit
    // passes), transactions near 2^31; repeats of every key, so ties are common.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n);
    const BASES = ['account_key', 'only_open_draw', 'refund_of_original', 'manual', 'line', 'disbursement'] as const;
    const fields: LinkFields[] = [];
    for (let i = 0; i < 30_000; i++) {
      fields.push(
        link({
          transaction: [next(50), 2 ** 31 - 1 - next(50), 70_000 + next(200_000)][next(3)],
          account: [1, 2, 70_000 + next(3)][next(3)],
          day: [-400 + next(20), 19_000 + next(30), 100_000 + next(5)][next(3)],
          basis: BASES[next(BASES.length)],
          fen: 1,
          batch: 1,
          platform: 'alipay',
        }),
      );
    }
    const phase = (basis: string) => ({ account_key: 0, disbursement: 0, only_open_draw: 1, line: 1, refund_of_original: 2, manual: 3 })[basis]!;
    const expected = fields
      .map((_, i) => i)
      .sort((a, b) => {
        const [x, y] = [fields[a], fields[b]];
        return x.account - y.account || x.day - y.day || phase(x.basis) - phase(y.basis) || x.transaction - y.transaction || a - b;
      });
    expect([...linksOf(fields).eventOrder()]).toEqual(expected);
  });
});

describe('the links trimmed', () => {
  it('keep every link in columns of their length, and take more after', () => {
    // 65 links: the columns grew from 64 to 128; trimmed to 65, then one more grows them again.
    const fields = Array.from({ length: 65 }, (_, i) => link({ transaction: i + 1, account: 1 + (i % 2), day: 20_000 - i, fen: i, batch: 3, platform: 'cmb' }));
    const links = linksOf(fields);
    expect(links.fen.length).toBe(128);
    links.trim();
    for (const column of [links.transaction, links.account, links.day, links.fen, links.batch, links.role, links.basis, links.platform, links.unconfirmed]) expect(column.length).toBe(65);
    expect(Array.from({ length: 65 }, (_, i) => links.at(i))).toEqual(fields);
    links.push(fields[0]);
    expect(links.at(65)).toEqual(fields[0]);
    const empty = new CreditLinks();
    empty.trim();
    empty.push(fields[1]);
    expect(empty.at(0)).toEqual(fields[1]);
  });
});
