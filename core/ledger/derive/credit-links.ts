// The links a derivation makes (and the stored ones a derive packs again), in columns: one small
// typed array per field instead of an object per link, a third of a million of them at 1M
// imported rows. Sized once when the count is known (`new CreditLinks(count)`, `reserve`), grown
// by doubling otherwise; the text fields are codes into short tables.

import type { EventRole } from '../../shared/ledger-vocabulary.ts';
import { release, resized } from '../../shared/typed-arrays.ts';

export const ROLES: readonly EventRole[] = ['charge', 'payment', 'credit', 'disbursement'];

/** Why a derived link goes to its account (derive-accounts.ts). */
export type LinkBasis =
  | 'account_key'
  | 'same_bank_single_card'
  | 'disbursement'
  | 'only_open_draw'
  | 'line'
  | 'refund_of_original'
  | 'card_statement_credit';

/** A link's basis; 'manual' stands for every link the user made (stored with their own basis). */
export type StoredBasis = LinkBasis | 'manual';

/**
 * Bases in the order a derivation makes links (derive-accounts.ts): the events of one day keep
 * that order in an account's packed events, the user's links last; `PHASE` is that order.
 */
export const BASES: readonly StoredBasis[] = [
  'account_key',
  'same_bank_single_card',
  'disbursement',
  'only_open_draw',
  'line',
  'refund_of_original',
  'card_statement_credit',
  'manual',
];
const PHASE: readonly number[] = [0, 0, 0, 1, 1, 2, 2, 3];

/** One link's fields, as push() takes them. */
export interface LinkFields {
  transaction: number;
  /** A key index while deriving (derive-accounts.ts), an account id once stored (write-links.ts). */
  account: number;
  role: EventRole;
  basis: StoredBasis;
  day: number;
  fen: number;
  batch: number;
  platform: string;
  unconfirmed: boolean;
}

export class CreditLinks {
  length = 0;
  transaction: Int32Array;
  account: Int32Array;
  day: Int32Array;
  fen: Float64Array;
  batch: Int32Array;
  /** Codes into ROLES, BASES and `platforms`. */
  role: Uint8Array;
  basis: Uint8Array;
  platform: Uint16Array;
  unconfirmed: Uint8Array;
  readonly platforms: string[] = [];

  /**
   * Room for `capacity` links before the first growth: given the count of rows that can make a
   * link, the columns are made once at their size. A doubling near the end of a big derivation
   * left up to half of each column unused, and made the grown copies while the old ones were
   * held (16M imported rows: +64 MB at once, stop 31, docs/engineering/performance.md).
   */
  constructor(capacity = 64) {
    this.transaction = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.fen = new Float64Array(capacity);
    this.batch = new Int32Array(capacity);
    this.role = new Uint8Array(capacity);
    this.basis = new Uint8Array(capacity);
    this.platform = new Uint16Array(capacity);
    this.unconfirmed = new Uint8Array(capacity);
  }

  push(link: LinkFields): number {
    if (this.length === this.transaction.length) this.grow();
    const i = this.length++;
    this.transaction[i] = link.transaction;
    this.account[i] = link.account;
    this.day[i] = link.day;
    this.fen[i] = link.fen;
    this.batch[i] = link.batch;
    this.role[i] = ROLES.indexOf(link.role);
    this.basis[i] = BASES.indexOf(link.basis);
    this.platform[i] = codeOf(this.platforms, link.platform);
    this.unconfirmed[i] = link.unconfirmed ? 1 : 0;
    return i;
  }

  /** Appends link `i` of `from`, with its account replaced. */
  copy(from: CreditLinks, i: number, account: number): void {
    if (this.length === this.transaction.length) this.grow();
    const j = this.length++;
    this.transaction[j] = from.transaction[i];
    this.account[j] = account;
    this.day[j] = from.day[i];
    this.fen[j] = from.fen[i];
    this.batch[j] = from.batch[i];
    this.role[j] = from.role[i];
    this.basis[j] = from.basis[i];
    this.platform[j] = codeOf(this.platforms, from.platforms[from.platform[i]]);
    this.unconfirmed[j] = from.unconfirmed[i];
  }

  /**
   * Keeps, in place and in order, the links `account` gives an account for, with that account
   * in place of the old value; drops the rest.
   */
  remap(account: (i: number) => number | undefined): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const to = account(i);
      if (to === undefined) continue;
      this.transaction[kept] = this.transaction[i];
      this.account[kept] = to;
      this.day[kept] = this.day[i];
      this.fen[kept] = this.fen[i];
      this.batch[kept] = this.batch[i];
      this.role[kept] = this.role[i];
      this.basis[kept] = this.basis[i];
      this.platform[kept] = this.platform[i];
      this.unconfirmed[kept] = this.unconfirmed[i];
      kept++;
    }
    this.length = kept;
  }

  at(i: number): LinkFields {
    return {
      transaction: this.transaction[i],
      account: this.account[i],
      role: ROLES[this.role[i]],
      basis: BASES[this.basis[i]],
      day: this.day[i],
      fen: this.fen[i],
      batch: this.batch[i],
      platform: this.platforms[this.platform[i]],
      unconfirmed: this.unconfirmed[i] === 1,
    };
  }

  /**
   * Link indexes by account, day, phase and transaction: the packed events' order (write-events.ts).
   * Sorted a digit at a time from the last key to the first, each pass a stable counting sort
   * into a second array: 8 bytes a link with the order, where a comparator's sort copied the
   * indexes into two arrays of 8 bytes a link of its own beside it (20 in all), while every
   * column is held (stop 30, docs/engineering/performance.md). Ties keep the links' order, as
   * that stable sort did.
   */
  eventOrder(): Uint32Array {
    const { account, day, transaction, basis } = this;
    let order = new Uint32Array(this.length);
    for (let k = 0; k < order.length; k++) order[k] = k;
    let spare = new Uint32Array(this.length);
    const byDigit = (digit: (i: number) => number, radix: number) => {
      const starts = new Uint32Array(radix + 1);
      for (let k = 0; k < order.length; k++) starts[digit(order[k]) + 1]++;
      for (let d = 1; d <= radix; d++) starts[d] += starts[d - 1];
      for (let k = 0; k < order.length; k++) spare[starts[digit(order[k])]++] = order[k];
      [order, spare] = [spare, order];
    };
    const byKey = (key: Int32Array) => {
      let min = 0;
      let max = 0;
      for (let i = 0; i < this.length; i++) {
        if (i === 0 || key[i] < min) min = key[i];
        if (i === 0 || key[i] > max) max = key[i];
      }
      // Offsets from the least, below 2^32: 16 bits a pass, the high pass only when needed.
      byDigit((i) => (key[i] - min) & 0xffff, 0x10000);
      if (max - min > 0xffff) byDigit((i) => Math.floor((key[i] - min) / 0x10000), 0x10000);
    };
    byKey(transaction);
    byDigit((i) => PHASE[basis[i]], 4);
    byKey(day);
    byKey(account);
    release(spare);
    return order;
  }

  /** Frees the columns now (typed-arrays.ts): the links are of no further use. */
  release(): void {
    for (const column of [this.transaction, this.account, this.day, this.fen, this.batch, this.role, this.basis, this.platform, this.unconfirmed]) release(column);
    this.length = 0;
  }

  /**
   * Cuts the columns to the links there are, once no more will be pushed: the last doubling
   * left up to half of each unused, held through the packing's peak otherwise (write-events.ts).
   */
  trim(): void {
    if (this.transaction.length !== this.length) this.resize(this.length);
  }

  /** Room for `size` links in all, made in one step when there is less (no doubling's slack). */
  reserve(size: number): void {
    if (size > this.transaction.length) this.resize(size);
  }

  private grow(): void {
    this.resize(Math.max(64, this.transaction.length * 2));
  }

  private resize(size: number): void {
    this.transaction = resized(this.transaction, size);
    this.account = resized(this.account, size);
    this.day = resized(this.day, size);
    this.fen = resized(this.fen, size);
    this.batch = resized(this.batch, size);
    this.role = resized(this.role, size);
    this.basis = resized(this.basis, size);
    this.platform = resized(this.platform, size);
    this.unconfirmed = resized(this.unconfirmed, size);
  }
}

function codeOf(values: string[], value: string): number {
  const at = values.indexOf(value);
  return at >= 0 ? at : values.push(value) - 1;
}
