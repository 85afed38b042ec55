// The thread that reads the second part of a large text bill beside the import's own thread
// (split-read.ts starts it and applies what it sends). It reads the file's header for itself,
// then from the record boundary it is given: it decodes, tokenises and maps the rows, and asks
// its own read-only connection (the state before this import) which order ids are stored. A row
// found stored, whose mapping raised nothing, is sent as the few values the report counts; every
// other record as it was tokenised, for the import's thread to read as if it had tokenised it.
// It writes nothing. Where its rows are mostly new (a first import) it stops, and the import's
// thread reads the rest itself.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../storage/encryption/cipher.ts';
import { BillReader } from './bill-reader.ts';
import { cellText, isBlankRecord } from './cells.ts';
import { CsvTokenizer } from './csv.ts';
import { DuplicateProbe } from './duplicate-probe.ts';
import { decodeStream, type TextEncoding } from './encoding.ts';
import { tallyPlace } from './reconcile.ts';
import type { SplitNote, SplitPart, SplitWorkerData } from './split-read.ts';
import { totalsRuleFor, type TotalsRule } from './stated-totals.ts';
import { DIRECTIONS, STATUS_CLASSES, type CreditEvent, type NormalizedTransaction, type TableRecord } from './types.ts';

/** Rows one probe asks about, as the writer's statements hold them. */
const PROBE_ROWS = 50;
/** Records a part holds before it is sent. */
const PART_RECORDS = 4096;
/** A probe of at least this many rows finding fewer than half stored: the rows are new, the import's thread reads them. */
const GIVE_UP_ROWS = 25;
/** Records sent whole at most: beyond, the import's thread reads the rest itself (their copies would pile up there). */
const RECORDS_SENT_LIMIT = 20_000;
/** The tally's line for a file whose export states no totals. */
const NO_TALLY = 254;
const READ_BYTES = 256 * 1024;
/** SQLite's page cache for the probe's connection, KiB (the addon's default is 16 MB). */
const PAGE_CACHE_KIB = 2000;

interface Candidate {
  record: TableRecord;
  tx: NormalizedTransaction | null;
}

class PartBuilder {
  order: number[] = [];
  records: TableRecord[] = [];
  ids: string[] = [];
  lines: number[] = [];
  direction: number[] = [];
  fen: number[] = [];
  status: number[] = [];
  credit: number[] = [];
  tallyLine: number[] = [];
  tallyFen: number[] = [];
  epoch: number[] = [];
  credits: Array<CreditEvent | null> = [null];
  private readonly creditsByRule = new Map<string, number[]>();
  minAt = -1;
  maxAt = -1;
  minIso = '';
  maxIso = '';
  firstRecord: number;

  constructor(firstRecord: number) {
    this.firstRecord = firstRecord;
  }

  get size(): number {
    return this.order.length;
  }

  record(record: TableRecord): void {
    this.order.push(1);
    this.records.push(record);
  }

  row(tx: NormalizedTransaction, rule: TotalsRule | null): void {
    const at = this.ids.length;
    this.order.push(0);
    this.ids.push(tx.orderId!);
    this.lines.push(tx.sourceLine);
    this.direction.push(DIRECTIONS.indexOf(tx.direction));
    this.fen.push(tx.amountFen);
    this.status.push(STATUS_CLASSES.indexOf(tx.statusClass));
    this.credit.push(this.creditOf(tx.credit));
    const placed = rule === null ? { lineIndex: NO_TALLY, fen: 0 } : tallyPlace(rule, tx);
    this.tallyLine.push(placed.lineIndex);
    this.tallyFen.push(placed.fen);
    this.epoch.push(tx.occurredEpoch);
    // The first of the earliest and of the latest time: the reader's span keeps the first of equal times.
    if (this.minAt < 0 || tx.occurredEpoch < this.epoch[this.minAt]!) {
      this.minAt = at;
      this.minIso = tx.occurredAt;
    }
    if (this.maxAt < 0 || tx.occurredEpoch > this.epoch[this.maxAt]!) {
      this.maxAt = at;
      this.maxIso = tx.occurredAt;
    }
  }

  /** One credit event per kind, rule, confidence and review flag (what the report counts of it), by rule. */
  private creditOf(credit: CreditEvent | null): number {
    if (credit === null) return 0;
    let known = this.creditsByRule.get(credit.rule);
    if (known === undefined) this.creditsByRule.set(credit.rule, (known = []));
    for (const index of known) {
      const other = this.credits[index]!;
      if (other.kind === credit.kind && other.confidence === credit.confidence && other.needsReview === credit.needsReview) return index;
    }
    known.push(this.credits.length);
    this.credits.push(credit);
    return this.credits.length - 1;
  }

  build(bytes: number): SplitPart {
    return {
      firstRecord: this.firstRecord,
      order: Uint8Array.from(this.order),
      records: this.records,
      ids: this.ids.join('\n'),
      lines: Int32Array.from(this.lines),
      direction: Uint8Array.from(this.direction),
      fen: column(this.fen),
      status: Uint8Array.from(this.status),
      credit: Uint16Array.from(this.credit),
      credits: this.credits,
      tallyLine: Uint8Array.from(this.tallyLine),
      tallyFen: column(this.tallyFen),
      epoch: column(this.epoch),
      minAt: this.minAt,
      maxAt: this.maxAt,
      minIso: this.minIso,
      maxIso: this.maxIso,
      bytes,
      end: null,
    };
  }
}

/** Int32 where every value is one (amounts to ¥21M, times to 2038): half the bytes waiting in the import's thread. */
function column(values: readonly number[]): Int32Array | Float64Array {
  return values.every((value) => value === (value | 0) && !Object.is(value, -0)) ? Int32Array.from(values) : Float64Array.from(values);
}

class Stop extends Error {}

async function* fileBytes(path: string, start: number, onChunk: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  for await (const read of createReadStream(path, { start, highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    onChunk(read);
    yield read;
  }
}

/** The header's reader (the same spec, layout and mapper the import's thread found) and the file's encoding. */
async function readHeader(data: SplitWorkerData): Promise<{ reader: BillReader; encoding: TextEncoding } | null> {
  const reader = new BillReader(data.file, 'csv', { deferRawRow: true });
  const tokenizer = new CsvTokenizer();
  let encoding: TextEncoding | null = null;
  for await (const text of decodeStream(fileBytes(data.path, 0, () => {}), (found) => (encoding = found))) {
    tokenizer.push(text, (record) => {
      if (reader.spec === null) reader.feed(record);
    });
    if (reader.spec !== null) break;
  }
  return reader.spec !== null && encoding !== null ? { reader, encoding } : null;
}

async function run(data: SplitWorkerData, post: (part: SplitPart) => void, stopped: () => boolean): Promise<void> {
  let delivered = 0;
  let bytes = 0;
  let part = new PartBuilder(0);
  const send = (end: SplitPart['end']): void => {
    const built = part.build(bytes);
    built.end = end;
    delivered += part.size;
    post(built);
    part = new PartBuilder(delivered);
  };
  let header: Awaited<ReturnType<typeof readHeader>>;
  try {
    header = await readHeader(data);
  } catch {
    header = null;
  }
  if (header === null) return send({ takeOver: 0 });
  send({ encoding: header.encoding });
  const { reader, encoding } = header;
  const db = new Database(data.dbFile, { readonly: true, fileMustExist: true });
  try {
    if (data.key) applyKey(db, Buffer.from(data.key));
    // The probe reads the index once, in order: the system's file cache serves it as well.
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    const spec = reader.spec!;
    const rule = totalsRuleFor(spec.platform, reader.layoutVariant!);
    const probe = new DuplicateProbe(db, true);
    const hash = createHash('sha256');
    const tokenizer = new CsvTokenizer();
    let footer = false;
    let sentWhole = 0;
    let pending: Candidate[] = [];
    let candidates = 0;
    const whole = (record: TableRecord): void => {
      part.record(record);
      sentWhole++;
    };
    /** Resolves the rows waiting for their probe; throws Stop where the import's thread should read on. */
    const resolve = (): void => {
      if (pending.length === 0) return;
      const rows = pending.filter((item) => item.tx !== null);
      const stored = rows.length === 0 ? [] : probe.stored(spec.platform, rows.map((item) => item.tx!.orderId!));
      const found = stored === null ? 0 : stored.filter(Boolean).length;
      if (sentWhole > RECORDS_SENT_LIMIT || (rows.length >= GIVE_UP_ROWS && found * 2 < rows.length)) throw new Stop();
      let at = 0;
      for (const item of pending) {
        if (item.tx === null) whole(item.record);
        else if (stored !== null && stored[at++]) part.row(item.tx, rule);
        else whole(item.record);
      }
      pending = [];
      candidates = 0;
      if (part.size >= PART_RECORDS) send(null);
    };
    const onRecord = (record: TableRecord): void => {
      if (footer) return void pending.push({ record, tx: null });
      if (isBlankRecord(record.cells) || cellText(record.cells[0]).startsWith('---')) {
        footer = true;
        return void pending.push({ record, tx: null });
      }
      const warned = reader.warnings.kept.length + reader.warnings.omitted;
      const rejected = reader.rejected.length + reader.rejectedOmitted;
      const tx = record.unterminated ? null : reader.feed(record);
      const plain =
        tx !== null &&
        tx.orderId !== null &&
        reader.warnings.kept.length + reader.warnings.omitted === warned &&
        reader.rejected.length + reader.rejectedOmitted === rejected &&
        tx.pairKey === null &&
        tx.refundLink?.by !== 'pair_key' &&
        !tx.orderId.includes('\n');
      pending.push({ record, tx: plain ? tx : null });
      if (plain && ++candidates === PROBE_ROWS) resolve();
    };
    try {
      for await (const text of decodeStream(fileBytes(data.path, data.start, (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
      }), undefined, encoding)) {
        tokenizer.push(text, onRecord);
        if (stopped()) return;
      }
      tokenizer.end(onRecord);
      resolve();
    } catch (error) {
      // A Stop, or the text is broken (the import's thread meets the same error as it reads on from the last record sent).
      void error;
      return send({ takeOver: delivered + part.size });
    }
    send({ sha256: hash.digest('hex'), bytes });
  } finally {
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as SplitWorkerData;
  const flags = { stopped: false };
  port.on('message', () => (flags.stopped = true));
  const post = (part: SplitPart): void => {
    // The columns moved, not copied into the message (whose buffer grows by doubling).
    const columns = [part.order, part.lines, part.direction, part.fen, part.status, part.credit, part.tallyLine, part.tallyFen, part.epoch];
    data.parts.postMessage(part, columns.map((column) => column.buffer as ArrayBuffer));
    const end = part.end;
    const note: SplitNote = end === null || 'encoding' in end ? 'part' : 'takeOver' in end ? 'stopped' : 'done';
    port.postMessage(note);
  };
  try {
    await run(data, post, () => flags.stopped);
  } catch {
    // Nothing sent says where it stopped: the import's thread reads on from the last part it applied.
    port.postMessage('stopped' satisfies SplitNote);
  }
  data.parts.close();
  port.close();
}
