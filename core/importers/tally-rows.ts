// The rows of the stated-totals tally (reconcile.ts), packed: what the tally keeps per row grows with
// the file, and at 4,000,000 rows its four typed-array columns (13 bytes a row, doubling) held
// about 52 MB to the last row (docs/engineering/performance.md, stop 29). A row is written as the
// step from the row before it: one header byte (its line, whether its source line is the next
// one), its time as the step from the last row's (an export lists its rows in time order, so a
// step of seconds to hours: one to three bytes), its amount (none for a row in no line, which adds
// nothing): about 5 bytes a row. Values an Int32 cannot hold exactly (over ¥21,474,836.47, after
// 2038-01-19, a fraction, -0) are kept whole, as two float64s. Bytes go into chunks that are never
// copied: a chunk full, it is handed to the tally's store (tally-chunks.ts) and the next one started.

import { release } from '../shared/typed-arrays.ts';
import type { TallyChunks } from './tally-chunks.ts';

/** The header's line bits for a row in no stated line. */
const NO_LINE_BITS = 7;
const LINE_MASK = 7;
const NEXT_LINE = 8;
const WHOLE = 16;
/** The most a row takes: the header, a 5-byte step of its source line and two float64s. */
const ROW_MAX = 1 + 5 + 16;
const FIRST_CHUNK = 4096;
const LAST_CHUNK = 1 << 20;

const isInt32 = (value: number): boolean => value === (value | 0) && !Object.is(value, -0);
const zigzag = (step: number): number => (step >= 0 ? step * 2 : -step * 2 - 1);
const unzigzag = (code: number): number => (code % 2 === 0 ? code / 2 : -(code + 1) / 2);

/** Two float64s through their bytes. */
const wholeValues = new Float64Array(2);
const wholeBytes = new Uint8Array(wholeValues.buffer);

/** One row as read back: its line's index (`noLine` for none), source line, time and amount. */
export interface TallyRow {
  line: number;
  sourceLine: number;
  epoch: number;
  fen: number;
}

export class TallyRows {
  /** The chunks before the one being filled, each cut to its bytes used. */
  private readonly full: TallyChunks;
  private chunk = new Uint8Array(0);
  private at = 0;
  private lastLine = 0;
  private lastEpoch = 0;
  private readonly noLine: number;

  /** `noLine` is the line index the tally names a row in no line by (read back as it); `full` keeps the full chunks. */
  constructor(noLine: number, full: TallyChunks) {
    this.noLine = noLine;
    this.full = full;
  }

  add(line: number, sourceLine: number, epoch: number, fen: number): void {
    if (this.at + ROW_MAX > this.chunk.length) this.nextChunk();
    const bytes = this.chunk;
    const source = sourceLine | 0;
    const whole = !isInt32(epoch) || !isInt32(fen);
    const lineBits = line === this.noLine ? NO_LINE_BITS : line;
    const step = source - this.lastLine;
    bytes[this.at++] = lineBits | (step === 1 ? NEXT_LINE : 0) | (whole ? WHOLE : 0);
    this.lastLine = source;
    if (step !== 1) this.varint(zigzag(step));
    if (whole) {
      wholeValues[0] = epoch;
      wholeValues[1] = fen;
      bytes.set(wholeBytes, this.at);
      this.at += 16;
      return;
    }
    this.varint(zigzag(epoch - this.lastEpoch));
    this.lastEpoch = epoch;
    if (lineBits !== NO_LINE_BITS) this.varint(zigzag(fen));
  }

  /** Calls `each` with every row in the order added; `row` is reused from one call to the next. */
  read(each: (row: TallyRow) => void): void {
    const row: TallyRow = { line: 0, sourceLine: 0, epoch: 0, fen: 0 };
    let lastEpoch = 0;
    const cursor: Cursor = { bytes: new Uint8Array(0), at: 0 };
    const readChunk = (bytes: Uint8Array, end: number): void => {
      cursor.bytes = bytes;
      cursor.at = 0;
      while (cursor.at < end) {
        const header = cursor.bytes[cursor.at++]!;
        const lineBits = header & LINE_MASK;
        row.line = lineBits === NO_LINE_BITS ? this.noLine : lineBits;
        row.sourceLine += (header & NEXT_LINE) !== 0 ? 1 : unzigzag(readVarint(cursor));
        if ((header & WHOLE) !== 0) {
          wholeBytes.set(cursor.bytes.subarray(cursor.at, cursor.at + 16));
          cursor.at += 16;
          row.epoch = wholeValues[0]!;
          row.fen = wholeValues[1]!;
        } else {
          lastEpoch += unzigzag(readVarint(cursor));
          row.epoch = lastEpoch;
          row.fen = lineBits === NO_LINE_BITS ? 0 : unzigzag(readVarint(cursor));
        }
        each(row);
      }
    };
    this.full.each((bytes) => readChunk(bytes, bytes.length));
    readChunk(this.chunk, this.at);
  }

  /** Frees the chunks now (shared/typed-arrays.ts, tally-chunks.ts); no row is left. */
  release(): void {
    this.full.clear();
    release(this.chunk);
    this.chunk = new Uint8Array(0);
    this.at = 0;
    this.lastLine = 0;
    this.lastEpoch = 0;
  }

  private nextChunk(): void {
    const size = Math.min(LAST_CHUNK, Math.max(FIRST_CHUNK, this.chunk.length * 2));
    if (this.at > 0) this.full.put(this.chunk.subarray(0, this.at));
    this.chunk = new Uint8Array(size);
    this.at = 0;
  }

  /** A non-negative safe integer, seven bits a byte, low bits first. */
  private varint(value: number): void {
    const bytes = this.chunk;
    let at = this.at;
    while (value >= 0x80) {
      bytes[at++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    bytes[at++] = value;
    this.at = at;
  }
}

interface Cursor {
  bytes: Uint8Array;
  at: number;
}

function readVarint(cursor: Cursor): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = cursor.bytes[cursor.at++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}
