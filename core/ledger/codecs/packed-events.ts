// An account's linked events as one blob (credit_account_events.events, migration 0003): three
// float64s per event, in day order: the day, the role's code (+ 8 when the event rests on an
// import rule the user has not confirmed), the amount in fen. Written by every derive, so that a
// recompute after any edit reads one small row per account instead of every link.

import type { EventRole, LedgerEvent } from '../history/history-input.ts';

const ROLE_CODES: readonly EventRole[] = ['charge', 'payment', 'credit', 'disbursement'];
const UNCONFIRMED = 8;
const VALUES_PER_EVENT = 3;

export interface EventPacker {
  add(day: number, role: EventRole, fen: number, unconfirmed: boolean): void;
  /** The blob of the events added so far. */
  bytes(): Buffer;
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

export function unpackEvents(blob: Buffer): LedgerEvent[] {
  const values = valuesOf(blob);
  const events: LedgerEvent[] = new Array(values.length / VALUES_PER_EVENT);
  for (let k = 0, e = 0; k < values.length; k += VALUES_PER_EVENT, e++) {
    const code = values[k + 1];
    events[e] = { day: compact(values[k]), role: ROLE_CODES[code & 7], fen: compact(values[k + 2]), unconfirmed: code >= UNCONFIRMED };
  }
  return events;
}
