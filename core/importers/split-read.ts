// A large text bill read on two threads: this one reads the file up to a record boundary near
// its middle, a second (split-worker.ts) reads from there to the end at the same time. What the
// second sends is applied here in the file's order, after this thread's own rows, so that the
// report, every warning and everything stored are what one thread reading the whole file gives:
// a row the second thread found stored is counted from the few values it sent (the figures, the
// tally, the span); every other record (a new row, one that raised a warning or was rejected,
// the footer) is read here as if this thread had tokenised it. Where anything does not fit —
// the boundary falls inside a quoted field, an order id of that part was seen in this one, the
// second thread stopped (its rows are new) or failed — this thread reads on from the first
// record not applied, itself. The file is hashed here, every byte in order, and the second
// thread's bytes are checked to be those hashed.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CredenceError } from '../shared/errors.ts';
import type { BatchWriter, CountedRow } from './batch-writer.ts';
import type { BillReader } from './bill-reader.ts';
import { CsvTokenizer } from './csv.ts';
import { decodeStream, type TextEncoding } from './encoding.ts';
import { DIRECTIONS, STATUS_CLASSES, type CreditEvent, type TableRecord } from './types.ts';

/**
 * Smaller files are read on one thread: the second thread's start (its isolate and the importer's
 * modules, about 0.2 CPU s) is paid back from about this size (docs/engineering/performance.md,
 * stop 29). A file whose encoding is not yet sniffed at the boundary (encoding.ts) is read by one thread.
 */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;
/** The share of the file this thread reads: it also applies the second thread's part, and that thread starts later. */
const THIS_THREAD_SHARE = 0.55;
/**
 * The second thread's part at most: what it sends waits here until this thread reaches its part
 * (about 60 bytes a stored row), so a larger file gives this thread the larger share, and the
 * memory held stays about the same whatever the file's size.
 */
const SECOND_PART_MAX_BYTES = 32 * 1024 * 1024;
/** How long to wait for the second thread between two looks at a cancel. */
const WAIT_MS = 50;

/** The second thread's young generation, as the app's import worker holds its own (core/ipc/young-generation.ts: three 16 MB semi-spaces). */
const SEMI_SPACE_MB = 8;
const YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './split-worker.ts' : './split-worker.js', import.meta.url);

export interface SplitWorkerData {
  path: string;
  file: string;
  /** The byte the second thread reads from: just after a line break. */
  start: number;
  dbFile: string;
  key: Uint8Array | null;
  /** Where its parts go (SecondThread). */
  parts: MessagePort;
}

/** A part of what the second thread read, in the file's order: rows found stored (as columns) and records sent whole. */
export interface SplitPart {
  /** The index (from `start`) of the part's first record. */
  firstRecord: number;
  /** Per record: 0 a row found stored (the next of the columns), 1 a record sent whole (the next of `records`). */
  order: Uint8Array;
  records: TableRecord[];
  /** The stored rows' order ids, joined by line breaks (no id holding one is sent so). */
  ids: string;
  /** Source lines counted from `start`'s line as 1. */
  lines: Int32Array;
  direction: Uint8Array;
  fen: Int32Array | Float64Array;
  status: Uint8Array;
  /** Index into `credits`, 0 for none. */
  credit: Uint16Array;
  credits: Array<CreditEvent | null>;
  tallyLine: Uint8Array;
  tallyFen: Int32Array | Float64Array;
  epoch: Int32Array | Float64Array;
  /** The row of the part's earliest and of its latest time (the first of equal ones), and those times. */
  minAt: number;
  maxAt: number;
  minIso: string;
  maxIso: string;
  /** Bytes read by the second thread so far. */
  bytes: number;
  end: null | { encoding: TextEncoding } | { takeOver: number } | { sha256: string; bytes: number };
}

type Message = SplitPart | { failed: string };

/** What the second thread tells on its own port: a part was sent; the last, with its end; it stopped (a take-over). */
export type SplitNote = 'part' | 'done' | 'stopped';

export interface SplitTarget {
  reader: BillReader;
  writer: BatchWriter;
}

/** Where the second thread starts, for a file worth two: just after the first line break past this thread's share. */
export async function splitStart(path: string, size: number, minBytes = SPLIT_MIN_BYTES): Promise<number | null> {
  if (size < minBytes || size === 0) return null;
  const from = Math.max(Math.floor(size * THIS_THREAD_SHARE), size - SECOND_PART_MAX_BYTES);
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(window, 0, window.length, from);
    const at = window.subarray(0, bytesRead).indexOf(0x0a);
    return at < 0 ? null : from + at + 1;
  } finally {
    await handle.close();
  }
}

/**
 * The second thread's parts, and its end. The parts wait on a port of their own, copied out of
 * it only as this thread applies them: received as they came, every part would be an object on
 * this thread's heap until then (about 40 MB at 1M rows). The worker's own port carries only a
 * note of each part sent, to wake a wait, and whether the second thread stopped.
 */
class SecondThread {
  private readonly worker: Worker;
  private readonly parts: MessagePort;
  private failure: Message | null = null;
  private stopped = false;
  /** The part with its end was sent: an exit after it is no failure. */
  private done = false;
  private noted = false;
  private wake: (() => void) | null = null;
  private readonly exited: Promise<void>;

  constructor(data: Omit<SplitWorkerData, 'parts'>) {
    const { port1, port2 } = new MessageChannel();
    this.parts = port1;
    // A thread's semi-spaces start at the flag's size (read as its heap is made), and the CLI holds
    // their growth for the whole process (core/ipc/young-generation.ts): set, or they stay at 1 MB.
    setFlagsFromString(`--min-semi-space-size=${SEMI_SPACE_MB}`);
    this.worker = new Worker(WORKER_URL, {
      workerData: { ...data, parts: port2 } satisfies SplitWorkerData,
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (note: SplitNote) => {
      if (note === 'stopped') this.stopped = true;
      if (note === 'done') this.done = true;
      this.noted = true;
      this.wake?.();
    });
    this.worker.on('error', (error) => this.fail(String(error)));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail('exited');
        resolve();
      }),
    );
  }

  private fail(reason: string): void {
    this.failure ??= { failed: reason };
    this.noted = true;
    this.wake?.();
  }

  /** The next part, or the failure once no part is left; undefined while none has come. */
  take(): Message | undefined {
    const received = receiveMessageOnPort(this.parts);
    if (received !== undefined) return received.message as SplitPart;
    return this.failure ?? undefined;
  }

  /**
   * Whether it stopped before this thread reached its part (its rows are new: a first import), or
   * failed: this thread then reads the whole file itself.
   */
  get gaveUp(): boolean {
    return this.stopped || (this.failure !== null && !this.done);
  }

  /** Until a part is noted (at once if one was since the last wait), or WAIT_MS. */
  async wait(): Promise<void> {
    if (this.noted) {
      this.noted = false;
      return;
    }
    await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), sleep(WAIT_MS)]);
    this.wake = null;
  }

  /** Asks it to stop and waits for its end (never terminated from outside: it may be inside SQLite). */
  async close(): Promise<void> {
    this.worker.postMessage('stop');
    await this.exited;
    this.parts.close();
  }
}

/** Hashes what passes, and counts it for progress. */
export interface SplitMeter {
  bytes: number;
  hash(chunk: Uint8Array): void;
}

export interface SplitInput {
  file: string;
  path: string;
  start: number;
  profile: { file: string; key: Uint8Array | null };
  meter: SplitMeter;
  chunks: AsyncIterable<Uint8Array>;
  /** A decoding or tokenising error as the import reports it, at `line`. */
  textError: (error: unknown, line: number) => unknown;
}

/** The record pump of a split read (import-file.ts): this thread's records, then the second thread's, in order. */
export async function* splitRecords(input: SplitInput, onRecord: (record: TableRecord) => void, target: SplitTarget): AsyncGenerator<void> {
  const { meter, start } = input;
  const second = new SecondThread({ path: input.path, file: input.file, start, dbFile: input.profile.file, key: input.profile.key });
  const iterator = input.chunks[Symbol.asyncIterator]();
  const half = createHash('sha256');
  const state = { position: 0, rest: null as Uint8Array | null, headEnded: false, split: true };
  let encoding: TextEncoding | null = null;
  const nextChunk = async (): Promise<Uint8Array | null> => {
    const next = await iterator.next();
    if (next.done) return null;
    meter.hash(next.value);
    return next.value;
  };
  async function* head(): AsyncGenerator<Uint8Array> {
    try {
      for (let chunk = await nextChunk(); chunk !== null; chunk = await nextChunk()) {
        // A first import: the second thread found its rows new and stopped, so this one reads them all.
        if (state.split && second.gaveUp) state.split = false;
        const end = state.position + chunk.length;
        meter.bytes = end;
        if (!state.split || end <= start) {
          state.position = end;
          yield chunk;
          if (state.split && end === start) return;
          continue;
        }
        const cut = start - state.position;
        state.position = end;
        meter.bytes = start;
        state.rest = chunk.subarray(cut);
        half.update(state.rest);
        if (cut > 0) yield chunk.subarray(0, cut);
        return;
      }
    } finally {
      state.headEnded = true;
    }
  }
  const tokenizer = new CsvTokenizer();
  let applying: CsvTokenizer = tokenizer;
  try {
    try {
      for await (const text of decodeStream(head(), (found) => (encoding = state.headEnded ? null : found))) {
        tokenizer.push(text, onRecord);
        yield;
      }
      if (!state.split) {
        tokenizer.end(onRecord);
        return;
      }
    } catch (error) {
      throw input.textError(error, tokenizer.currentLine);
    }
    const base = tokenizer.currentLine;
    // Read by this thread to the end: the boundary is inside a record (a quoted line break), no
    // row came before it, or the table ended before it. The encoding is always sniffed by then (SPLIT_MIN_BYTES).
    if (encoding === null || !tokenizer.atRecordStart || !target.reader.amidRows) {
      await second.close();
      try {
        for await (const text of decodeStream(rest(), undefined, encoding ?? 'utf-8')) {
          tokenizer.push(text, onRecord);
          yield;
        }
        tokenizer.end(onRecord);
      } catch (error) {
        throw input.textError(error, tokenizer.currentLine);
      }
      return;
    }
    let takeOver: number | null = null;
    let done: { sha256: string; bytes: number } | null = null;
    let applied = 0;
    let restDone = false;
    while (takeOver === null && done === null) {
      for (let message = second.take(); message !== undefined && takeOver === null && done === null; message = second.take()) {
        if ('failed' in message) {
          takeOver = applied;
          break;
        }
        const end = message.end;
        if (end !== null && 'encoding' in end) {
          if (end.encoding !== encoding) takeOver = 0;
          continue;
        }
        const stopped = applyPart(message, base - 1, onRecord, target);
        applied = message.firstRecord + message.order.length;
        if (stopped !== null) takeOver = stopped;
        else if (end !== null && 'takeOver' in end) takeOver = end.takeOver;
        else if (end !== null && 'sha256' in end) done = end;
        meter.bytes = start + message.bytes;
      }
      if (takeOver !== null || done !== null) break;
      if (!restDone) restDone = (await hashRest()) === null;
      else await second.wait();
      yield;
    }
    await second.close();
    while ((await hashRest()) !== null) yield;
    const expected = half.digest('hex');
    if (done !== null) {
      if (done.sha256 !== expected) throw changed(input.file);
      return;
    }
    // Read on from the first record not applied: the same bytes, tokenised from the same boundary.
    const again = createHash('sha256');
    let skip = takeOver!;
    const onRest = (record: TableRecord): void => {
      if (skip > 0) skip--;
      else onRecord(record);
    };
    applying = new CsvTokenizer(undefined, base);
    try {
      for await (const text of decodeStream(reread(input.path, start, again), undefined, encoding)) {
        applying.push(text, onRest);
        yield;
      }
      applying.end(onRest);
    } catch (error) {
      throw input.textError(error, applying.currentLine);
    }
    if (again.digest('hex') !== expected) throw changed(input.file);
  } finally {
    await second.close();
  }

  /** The next chunk past the boundary, hashed; null at the end. */
  async function hashRest(): Promise<Uint8Array | null> {
    if (state.rest !== null) {
      const chunk = state.rest;
      state.rest = null;
      return chunk;
    }
    const chunk = await nextChunk();
    if (chunk !== null) half.update(chunk);
    return chunk;
  }

  async function* rest(): AsyncGenerator<Uint8Array> {
    for (let chunk = await hashRest(); chunk !== null; chunk = await hashRest()) {
      meter.bytes += chunk.length;
      yield chunk;
    }
  }
}

function changed(file: string): CredenceError {
  return new CredenceError('import.file_unreadable', { file, reason: 'the file changed while it was read' });
}

async function* reread(path: string, start: number, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const read of createReadStream(path, { start, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(read);
    yield read;
  }
}

/**
 * Applies one part in order; the index (from the boundary) of the record this thread must read
 * on from, when a stored row's id was seen before in this file (its key is another), else null.
 */
function applyPart(part: SplitPart, shift: number, onRecord: (record: TableRecord) => void, target: SplitTarget): number | null {
  const ids = part.ids.length === 0 ? [] : part.ids.split('\n');
  const row: CountedRow = { direction: 'income', amountFen: 0, statusClass: 'completed', credit: null, sourceLine: 0 };
  const { reader, writer } = target;
  let stored = 0;
  let whole = 0;
  for (let k = 0; k < part.order.length; k++) {
    if (part.order[k] === 1) {
      const record = part.records[whole++]!;
      record.line += shift;
      onRecord(record);
      continue;
    }
    const r = stored++;
    row.direction = DIRECTIONS[part.direction[r]!]!;
    row.amountFen = part.fen[r]!;
    row.statusClass = STATUS_CLASSES[part.status[r]!]!;
    row.credit = part.credits[part.credit[r]!]!;
    row.sourceLine = part.lines[r]! + shift;
    const epoch = part.epoch[r]!;
    if (!writer.addStored(ids[r]!, row, part.tallyLine[r]!, part.tallyFen[r]!, epoch)) return part.firstRecord + k;
    reader.acceptStored(row.sourceLine, epoch, r === part.minAt ? part.minIso : r === part.maxAt ? part.maxIso : null);
  }
  return null;
}
