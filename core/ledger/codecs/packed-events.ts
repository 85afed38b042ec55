// An account's linked events as one blob (credit_account_events.events, migration 0003): three
// float64s per event, in day order: the day, the role's code (+ 8 when the event rests on an
// import rule the user has not confirmed), the amount in fen. Written by every derive, so that a
// recompute after any edit reads one small row per account instead of every link.

import { release } from '../../shared/typed-arrays.ts';
import type { EventList, EventRole, LedgerEvent } from '../history/history-input.ts';

const ROLE_CODES: readonly EventRole[] = ['charge', 'payment', 'credit', 'disbursement'];
const UNCONFIRMED = 8;
const VALUES_PER_EVENT = 3;

export interface EventPacker {
  add(day: number, role: EventRole, fen: number, unconfirmed: boolean): void;
  /** The blob of the events added so far. */
  bytes(): Buffer;
  /** Frees the events' memory now (the blob is empty afterwards): a stored blob was copied by its insert. */
  release(): void;
}

/** Packs up to `capacity` events, added in day order. */
export function eventPacker(capacity: number): EventPacker {
  const values = new Float64Array(capacity * VALUES_PER_EVENT);
  let n = 0;
  return {
    add(day, role, fen, unconfirmed) {
      values[n++] = day;
      values[n++] = ROLE_CODES.indexOf(role) + (unconfirmed ? UNCONFIRMED : 0);
      values[n++] = fen;
    },
    bytes: () => Buffer.from(values.buffer, 0, n * 8),
    release: () => release(values),
  };
}

/**
 * A whole number as a small integer, every other value (a fraction, -0, beyond 31 bits) as it is.
 * Read from a Float64Array, a number is a double, and an object whose field first held a double
 * keeps every value of that field in a heap number of its own: 96 bytes an event on this 64-bit
 * Node instead of 64, 38 MB against 26 MB for one card's 400,000 events after a 4M-row import.
 */
function compact(value: number): number {
  const small = value | 0;
  return small === value && (small !== 0 || Object.is(value, 0)) ? small : value;
}

/** The blob's values where they lie when aligned (the addon's own buffer), a copy otherwise. */
function valuesOf(blob: Buffer): Float64Array {
  if (blob.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / Float64Array.BYTES_PER_ELEMENT);
  return new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

function eventAt(values: Float64Array, k: number): LedgerEvent {
  const code = values[k + 1];
  return { day: compact(values[k]), role: ROLE_CODES[code & 7], fen: compact(values[k + 2]), unconfirmed: code >= UNCONFIRMED };
}

export function unpackEvents(blob: Buffer): LedgerEvent[] {
  const values = valuesOf(blob);
  const events: LedgerEvent[] = new Array(values.length / VALUES_PER_EVENT);
  for (let k = 0, e = 0; k < values.length; k += VALUES_PER_EVENT, e++) events[e] = eventAt(values, k);
  return events;
}

/**
 * An account's events read where the blob lies, each made when it is read (`at`, as an array's)
 * and dropped after: a recompute walks one card's hundreds of thousands of events holding 24
 * bytes each (the blob), not an object of 64 that lives as long as the pass (stop 30,
 * docs/engineering/performance.md).
 */
export class PackedEvents implements EventList {
  readonly length: number;
  private readonly values: Float64Array;

  constructor(values: Float64Array) {
    this.values = values;
    this.length = values.length / VALUES_PER_EVENT;
  }

  at(index: number): LedgerEvent | undefined {
    const i = index < 0 ? index + this.length : index;
    return i >= 0 && i < this.length ? eventAt(this.values, i * VALUES_PER_EVENT) : undefined;
  }

  /** The events of `parts` in day order, a day's in the order of the parts (a stable sort of them one after another). */
  static merged(parts: readonly PackedEvents[]): PackedEvents {
    const all = new Float64Array(parts.reduce((n, p) => n + p.values.length, 0));
    let at = 0;
    for (const part of parts) {
      all.set(part.values, at);
      at += part.values.length;
    }
    const order = Array.from({ length: all.length / VALUES_PER_EVENT }, (_, i) => i);
    order.sort((a, b) => all[a * VALUES_PER_EVENT] - all[b * VALUES_PER_EVENT]);
    const values = new Float64Array(all.length);
    order.forEach((from, to) => values.set(all.subarray(from * VALUES_PER_EVENT, (from + 1) * VALUES_PER_EVENT), to * VALUES_PER_EVENT));
    return new PackedEvents(values);
  }
}

export function packedEvents(blob: Buffer): PackedEvents {
  return new PackedEvents(valuesOf(blob));
}
