// The packed events of an account (credit_account_events.events) read back as they were written:
// unpackEvents keeps whole numbers as small integers to save memory, which must not change a
// value, -0 and fractions included, nor depend on where the blob's bytes lie.

import { describe, expect, it } from 'vitest';
import { eventPacker, unpackEvents } from '../../../core/ledger/codecs/packed-events.ts';
import type { LedgerEvent } from '../../../core/ledger/history/history-input.ts';

const EVENTS: LedgerEvent[] = [
  { day: 20000, role: 'charge', fen: 12_345, unconfirmed: false },
  { day: 20000, role: 'payment', fen: 0, unconfirmed: true },
  // -0 stays -0 (Object.is tells it from 0, as the checkpoints' deep equality does).
  { day: 20001, role: 'credit', fen: -0, unconfirmed: false },
  // Past 31 bits (¥21,474,836.48 and more) and a fraction: kept as doubles.
  { day: 20002, role: 'disbursement', fen: 2 ** 31, unconfirmed: false },
  { day: 20003, role: 'charge', fen: 300_000_000_000, unconfirmed: true },
  { day: 20004, role: 'payment', fen: 0.5, unconfirmed: false },
  { day: 20005, role: 'charge', fen: -(2 ** 31), unconfirmed: false },
  { day: 20006, role: 'credit', fen: -(2 ** 31) - 1, unconfirmed: false },
];

function packed(events: readonly LedgerEvent[]): Buffer {
  const packer = eventPacker(events.length);
  for (const e of events) packer.add(e.day, e.role, e.fen, e.unconfirmed);
  return packer.bytes();
}

function expectSame(actual: readonly LedgerEvent[], expected: readonly LedgerEvent[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((event, i) => {
    expect(event).toEqual(expected[i]);
    expect(Object.is(event.fen, expected[i].fen)).toBe(true);
    expect(Object.is(event.day, expected[i].day)).toBe(true);
  });
}

describe('packed events', () => {
  it('read back every value as written', () => {
    expectSame(unpackEvents(packed(EVENTS)), EVENTS);
  });

  it('read the same from a blob that does not start on an 8-byte boundary', () => {
    const bytes = packed(EVENTS);
    const shifted = Buffer.alloc(bytes.length + 3);
    bytes.copy(shifted, 3);
    const blob = shifted.subarray(3);
    expect(blob.byteOffset % 8).not.toBe(0);
    expectSame(unpackEvents(blob), EVENTS);
  });

  it('reads no event from an empty blob', () => {
    expect(unpackEvents(Buffer.alloc(0))).toEqual([]);
  });
});
