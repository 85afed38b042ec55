// The packed events of an account (credit_account_events.events) read back as they were written:
// unpackEvents keeps whole numbers as small integers to save memory, which must not change a
// value, -0 and fractions included, nor depend on where the blob's bytes lie. PackedEvents (what
// a recompute reads: one event made at a time from the blob) reads the same events as
// unpackEvents, and a line's merge of packed parts is the array merge's order, ties included.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';
import { eventPacker, packedEvents, PackedEvents, unpackEvents } from '../../../core/ledger/codecs/packed-events.ts';
import type { EventList, LedgerEvent } from '../../../core/ledger/history/history-input.ts';
import { mergeLineEvents } from '../../../core/ledger/recompute/history-inputs.ts';

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

function expectSame(actual: EventList, expected: readonly LedgerEvent[]): void {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const event = actual.at(i)!;
    expect(event).toEqual(expected[i]);
    expect(Object.is(event.fen, expected[i].fen)).toBe(true);
    expect(Object.is(event.day, expected[i].day)).toBe(true);
  }
}

function misaligned(bytes: Buffer): Buffer {
  const shifted = Buffer.alloc(bytes.length + 3);
  bytes.copy(shifted, 3);
  return shifted.subarray(3);
}

describe('packed events', () => {
  it('read back every value as written', () => {
    expectSame(unpackEvents(packed(EVENTS)), EVENTS);
  });

  it('read the same from a blob that does not start on an 8-byte boundary', () => {
    const blob = misaligned(packed(EVENTS));
    expect(blob.byteOffset % 8).not.toBe(0);
    expectSame(unpackEvents(blob), EVENTS);
  });

  it('reads no event from an empty blob', () => {
    expect(unpackEvents(Buffer.alloc(0))).toEqual([]);
  });

  it('keep a stored blob whole when the packer is released after its insert (the addon binds a copy)', () => {
    const db = openDatabase(join(tempDir('credence-packed-events-'), 'profile.sqlite'));
    db.exec('CREATE TABLE t (events BLOB)');
    const packer = eventPacker(EVENTS.length);
    for (const e of EVENTS) packer.add(e.day, e.role, e.fen, e.unconfirmed);
    const blob = packer.bytes();
    db.prepare('INSERT INTO t (events) VALUES (?)').run(blob);
    packer.release();
    // Released: the packer's memory is gone (the view over it reads nothing), the stored copy is not.
    expect(blob.length).toBe(0);
    expectSame(unpackEvents(db.prepare('SELECT events FROM t').pluck().get() as Buffer), EVENTS);
    db.close();
  });
});

describe('packed events read in place', () => {
  it('read every value as written, from an aligned blob and a misaligned one', () => {
    expectSame(packedEvents(packed(EVENTS)), EVENTS);
    expectSame(packedEvents(misaligned(packed(EVENTS))), EVENTS);
  });

  it('read in place where the blob lies, and a misaligned blob from a copy that does not follow it', () => {
    const bytes = packed(EVENTS);
    const events = packedEvents(bytes);
    // Day 20000 becomes 19999 in the first float64 (little-endian): the view reads the blob's own bytes.
    bytes.writeDoubleLE(19_999, 0);
    expect(events.at(0)!.day).toBe(19_999);
    const blob = misaligned(packed(EVENTS));
    const copied = packedEvents(blob);
    blob.writeDoubleLE(19_999, 0);
    expect(copied.at(0)!.day).toBe(20_000);
  });

  it('read each event afresh, as an array of the same events reads (at: from the end when negative, none outside)', () => {
    const events = packedEvents(packed(EVENTS));
    const array = unpackEvents(packed(EVENTS));
    // EVENTS has 8 events: indexes 0..7, and -8..-1 from the end; 8 and -9 are outside.
    for (const index of [0, 7, -1, -8, 8, -9, 100]) expect(events.at(index)).toEqual(array.at(index));
    expect(events.at(8)).toBeUndefined();
    expect(events.at(-9)).toBeUndefined();
    expect(events.at(-1)).toEqual(EVENTS[7]);
    // Made at each read: nothing is kept per event between reads.
    expect(events.at(0)).not.toBe(events.at(0));
  });

  it('read no event from an empty blob', () => {
    const events = packedEvents(Buffer.alloc(0));
    expect(events.length).toBe(0);
    expect(events.at(0)).toBeUndefined();
  });

  it('merge a line’s parts in the order the array merge gives: by day, a day’s events in the order of the parts', () => {
    const line: LedgerEvent[] = [
      { day: 100, role: 'payment', fen: 1, unconfirmed: false },
      { day: 102, role: 'payment', fen: 2, unconfirmed: true },
      { day: 102, role: 'payment', fen: 3, unconfirmed: false },
    ];
    const draw1: LedgerEvent[] = [
      { day: 101, role: 'disbursement', fen: 10, unconfirmed: false },
      { day: 102, role: 'charge', fen: 11, unconfirmed: false },
    ];
    const draw2: LedgerEvent[] = [
      { day: 99, role: 'disbursement', fen: 20, unconfirmed: false },
      { day: 102, role: 'credit', fen: -0, unconfirmed: false },
      { day: 103, role: 'charge', fen: 0.5, unconfirmed: true },
    ];
    // Day 99 (draw 2), 100 (line), 101 (draw 1); day 102: the line's two (fen 2, 3), draw 1's (11),
    // draw 2's (-0), as written within each part; then 103.
    const expected = [draw2[0], line[0], draw1[0], line[1], line[2], draw1[1], draw2[1], draw2[2]];
    const merged = PackedEvents.merged([packedEvents(packed(line)), packedEvents(misaligned(packed(draw1))), packedEvents(packed(draw2))]);
    expectSame(merged, expected);
    // The array merge (the what-if's, and the recompute's before stop 30) of the same three parts.
    const accounts = [
      { id: 1, values: { kind: 'line', parentId: null } },
      { id: 2, values: { kind: 'draw', parentId: 1 } },
      { id: 3, values: { kind: 'draw', parentId: 1 } },
    ] as unknown as Parameters<typeof mergeLineEvents>[0];
    const perAccount = new Map([line, draw1, draw2].map((events, i) => [i + 1, { events, batches: new Set<number>(), unassigned: [] }]));
    expectSame(merged, mergeLineEvents(accounts, new Map(accounts.map((a) => [a.id, a])), perAccount).get(1)!);
    expect(PackedEvents.merged([]).length).toBe(0);
  });

  it('read back 400,000 events of every role as written, one after another', () => {
    // A card's worth after a 4M-row import (stop 28): days in order, amounts across every size.
    const many: LedgerEvent[] = [];
    const roles = ['charge', 'payment', 'credit', 'disbursement'] as const;
    for (let i = 0; i < 400_000; i++) many.push({ day: 18_000 + (i >> 7), role: roles[i % 4], fen: i % 3 === 0 ? i * 7919 : -i * 104_729, unconfirmed: i % 5 === 0 });
    const events = packedEvents(packed(many));
    expect(events.length).toBe(many.length);
    const differing = many.filter((e, i) => {
      const read = events.at(i)!;
      return read.day !== e.day || read.role !== e.role || !Object.is(read.fen, e.fen) || read.unconfirmed !== e.unconfirmed;
    });
    expect(differing).toEqual([]);
  });
});
