// The dedupe key stored in transactions.platform_order_id. Normally the export's own id, so a
// re-import (or the same file from a ZIP and loose) adds nothing. Two exceptions:
// * an id repeated in one file with different content (sanitised samples; also JD refunds,
//   which reuse their order's id) gets `id#<content hash>`, so neither row is lost;
// * bank statements have no ids: `~<date>/<fen>/<hash>#<n>`, n counting identical rows
//   (two equal coffees on one day are two transactions).
// Keys depend only on the file's content, never on the import, so they are stable.

/** The fields that tell two transactions apart; also readable back from a stored row. */
export interface ContentFields {
  occurredAt: string;
  amountFen: number;
  direction: string;
  status: string;
  category: string | null;
  counterparty: string | null;
  item: string | null;
  fundingAccount: string | null;
}

import { release } from '../shared/typed-arrays.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit; `seed` chains fields without concatenating them. */
function fnv1a(text: string, seed = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** A separator between fields keeps ("ab", "c") and ("a", "bc") apart; null differs from "". */
function chain(hash: number, value: string | null): number {
  return fnv1a(value ?? '\u0000', Math.imul(hash ^ 0x1f, FNV_PRIME) >>> 0);
}

export function contentHash(row: ContentFields): number {
  let hash = fnv1a(row.occurredAt);
  hash = chain(hash, String(row.amountFen));
  hash = chain(hash, row.direction);
  hash = chain(hash, row.status);
  hash = chain(hash, row.category);
  hash = chain(hash, row.counterparty);
  hash = chain(hash, row.item);
  return chain(hash, row.fundingAccount);
}

/** murmur3's finaliser: FNV's low bits barely depend on the last characters, and the slot
 * index uses exactly those bits; without it, similar ids cluster into long probe runs. */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function repeatKey(orderId: string, row: ContentFields): string {
  return `${orderId}#${hex(contentHash(row))}`;
}

/**
 * The ids this file has shown so far, as 64-bit hashes (two FNV seeds in one pass) side by
 * side in one typed array: one cache line per lookup, ~16 MB for 1M ids where a Set of
 * strings takes ~100 MB. A false match (≈1e-7 at 1M ids) costs one extra database lookup.
 */
export class SeenIds {
  private capacity = 1 << 12;
  private size = 0;
  /** [a, b] per slot; a is never 0, so 0 marks an empty slot. */
  private slots = new Uint32Array(this.capacity * 2);

  /** True if the id was added before; adds it otherwise. */
  check(id: string): boolean {
    let a = FNV_OFFSET;
    let b = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      a = Math.imul(a ^ code, FNV_PRIME);
      b = Math.imul(b ^ code, FNV_PRIME);
    }
    a = mix(a) | 1;
    b >>>= 0;
    const mask = this.capacity - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 2;
      const stored = this.slots[at];
      if (stored === 0) {
        this.slots[at] = a;
        this.slots[at + 1] = b;
        if (++this.size * 2 > this.capacity) this.grow();
        return false;
      }
      if (stored === a >>> 0 && this.slots[at + 1] === b) return true;
    }
  }

  /** Frees the table now (shared/typed-arrays.ts): the file is read. */
  release(): void {
    release(this.slots);
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity * 2);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      let slot = old[at] & mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      this.slots[slot * 2] = old[at];
      this.slots[slot * 2 + 1] = old[at + 1];
    }
    release(old);
  }
}

/** Keys for statement rows, which have no id: identical rows are numbered in file order. */
export class StatementKeys {
  private readonly seen = new Map<string, number>();

  keyFor(row: ContentFields): string {
    const base = `~${row.occurredAt.slice(0, 10)}/${row.amountFen}/${hex(contentHash(row))}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return `${base}#${n}`;
  }
}
