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

/** A family's first characters: Alipay's date, WeChat's type code and month (duplicate-probe.ts). */
const FAMILY_CHARS = 16;
/** Shards of the ids seen, each a table of its own that grows alone. */
const SHARD_BITS = 12;
/** A family's ids spread over this many neighbouring shards (a power of two). */
const FAMILY_SPREAD = 16;
const SPREAD_BITS = 4;
const FIRST_CAPACITY = 16;

/**
 * The ids this file has shown so far, as 64-bit hashes (two FNV seeds in one pass) side by side in
 * typed arrays: 12–13 bytes an id, where a Set of strings takes ~100. Two ids match falsely only
 * within one shard (under 1e-7 for a whole file of 4M ids of one family), which costs one extra
 * database lookup. Only an import into rows of the platform keeps them: into none, the unique
 * index tells a repeat (batch-writer.ts).
 *
 * Sharded by the id's family (its first characters, spread over FAMILY_SPREAD shards): an export
 * lists one family's ids together, so the rows of a stretch of the file look into a few small
 * tables the cache holds, where in one table of every id (16 MB at 1M ids) each row's slot was as
 * good as random (half the time per id, docs/engineering/performance.md); and a shard grows
 * alone, so growing never holds a second copy of every id (one table doubling at 2.1M ids held
 * 96 MB for a moment). Each shard fills to 7/8 before it doubles.
 */
export class SeenIds {
  /** [a, b] per slot, by shard (null until its first id); a is never 0, so 0 marks an empty slot. */
  private readonly shards: Array<Uint32Array | null> = new Array<Uint32Array | null>(1 << SHARD_BITS).fill(null);
  private readonly sizes = new Uint32Array(1 << SHARD_BITS);

  /** True if the id was added before; adds it otherwise. */
  check(id: string): boolean {
    let a = FNV_OFFSET;
    let b = 0x9747b28c;
    const length = id.length;
    const familyEnd = length < FAMILY_CHARS ? length : FAMILY_CHARS;
    let i = 0;
    for (; i < familyEnd; i++) {
      const code = id.charCodeAt(i);
      a = Math.imul(a ^ code, FNV_PRIME);
      b = Math.imul(b ^ code, FNV_PRIME);
    }
    const family = mix(a);
    for (; i < length; i++) {
      const code = id.charCodeAt(i);
      a = Math.imul(a ^ code, FNV_PRIME);
      b = Math.imul(b ^ code, FNV_PRIME);
    }
    a = mix(a) | 1;
    b >>>= 0;
    const shard = ((family >>> SPREAD_BITS) + (a & (FAMILY_SPREAD - 1))) & ((1 << SHARD_BITS) - 1);
    const slots = this.shards[shard] ?? this.grow(shard);
    const mask = (slots.length >>> 1) - 1;
    for (let slot = (a >>> SPREAD_BITS) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 2;
      const stored = slots[at];
      if (stored === 0) {
        slots[at] = a;
        slots[at + 1] = b;
        const size = ++this.sizes[shard];
        if (size * 8 > (mask + 1) * 7) this.grow(shard);
        return false;
      }
      if (stored === a >>> 0 && slots[at + 1] === b) return true;
    }
  }

  /** Frees the tables now (shared/typed-arrays.ts): the file is read. */
  release(): void {
    for (let shard = 0; shard < this.shards.length; shard++) {
      const slots = this.shards[shard];
      if (slots !== null) release(slots);
      this.shards[shard] = null;
    }
    this.sizes.fill(0);
  }

  /** The shard's table at twice its capacity (the first one if it has none), its ids moved over. */
  private grow(shard: number): Uint32Array {
    const old = this.shards[shard];
    const capacity = old === null ? FIRST_CAPACITY : old.length;
    const slots = new Uint32Array(capacity * 2);
    const mask = capacity - 1;
    if (old !== null) {
      for (let at = 0; at < old.length; at += 2) {
        const a = old[at];
        if (a === 0) continue;
        let slot = (a >>> SPREAD_BITS) & mask;
        while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
        slots[slot * 2] = a;
        slots[slot * 2 + 1] = old[at + 1];
      }
      release(old);
    }
    this.shards[shard] = slots;
    return slots;
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
