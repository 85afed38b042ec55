// The dedupe key stored in transactions.platform_order_id. Normally the export's own id, so a
// re-import (or the same file from a ZIP and loose) adds nothing. Two exceptions:
// * an id repeated in one file with different content (sanitised samples; also JD refunds,
//   which reuse their order's id) gets `id#<content hash>`, so neither row is lost;
// * bank statements have no ids: `~<date>/<fen>/<hash>#<n>`, n counting identical rows
//   (two equal coffees on one day are two transactions).
// Keys depend only on the file's content, never on the import, so they are stable.

import type { NormalizedTransaction } from './types.ts';

/** FNV-1a, 32-bit. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

export function contentHash(tx: NormalizedTransaction): number {
  return fnv1a(
    `${tx.occurredAt}|${tx.amountFen}|${tx.direction}|${tx.status}|${tx.category}|${tx.counterparty}|${tx.item}|${tx.fundingAccount}`,
  );
}

/**
 * Which ids this file has shown so far, by a 64-bit hash (two FNV seeds) in typed arrays:
 * 1M ids cost ~24 MB instead of ~100 MB as a Set of strings. A false match (≈1e-7 at 1M ids)
 * would only give one row the `id#hash` form.
 */
class IdTable {
  private capacity = 1 << 12;
  private size = 0;
  private a = new Uint32Array(this.capacity);
  private b = new Uint32Array(this.capacity);
  private content = new Uint32Array(this.capacity);
  private used = new Uint8Array(this.capacity);

  /** The content hash of the id's first occurrence, or undefined (and remembers this one). */
  firstContent(id: string, content: number): number | undefined {
    const a = fnv1a(id);
    const b = fnv1a(id, 0x9747b28c);
    let slot = a & (this.capacity - 1);
    while (this.used[slot]) {
      if (this.a[slot] === a && this.b[slot] === b) return this.content[slot];
      slot = (slot + 1) & (this.capacity - 1);
    }
    this.used[slot] = 1;
    this.a[slot] = a;
    this.b[slot] = b;
    this.content[slot] = content;
    if (++this.size * 2 > this.capacity) this.grow();
    return undefined;
  }

  private grow(): void {
    const { a, b, content, used } = this;
    this.capacity *= 2;
    this.a = new Uint32Array(this.capacity);
    this.b = new Uint32Array(this.capacity);
    this.content = new Uint32Array(this.capacity);
    this.used = new Uint8Array(this.capacity);
    for (let i = 0; i < used.length; i++) {
      if (!used[i]) continue;
      let slot = a[i] & (this.capacity - 1);
      while (this.used[slot]) slot = (slot + 1) & (this.capacity - 1);
      this.used[slot] = 1;
      this.a[slot] = a[i];
      this.b[slot] = b[i];
      this.content[slot] = content[i];
    }
  }
}

export type KeyOutcome = 'first' | 'repeat_same' | 'repeat_different';

export class DedupeKeys {
  private readonly ids = new IdTable();
  private readonly statementRows = new Map<string, number>();

  keyFor(tx: NormalizedTransaction): { key: string; outcome: KeyOutcome } {
    const content = contentHash(tx);
    if (tx.orderId === null) {
      const base = `~${tx.occurredAt.slice(0, 10)}/${tx.amountFen}/${hex(content)}`;
      const n = (this.statementRows.get(base) ?? 0) + 1;
      this.statementRows.set(base, n);
      return { key: `${base}#${n}`, outcome: 'first' };
    }
    const first = this.ids.firstContent(tx.orderId, content);
    if (first === undefined) return { key: tx.orderId, outcome: 'first' };
    if (first === content) return { key: tx.orderId, outcome: 'repeat_same' };
    return { key: `${tx.orderId}#${hex(content)}`, outcome: 'repeat_different' };
  }
}
