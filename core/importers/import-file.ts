// Importing one bill file into a profile database: the file is read as a stream (CSV) or
// whole (XLSX/XLS/ZIP, which need random access), and written in one database transaction
// per bill. Anything that goes wrong — not a bill, cut off, wrong password, cancelled — rolls
// back: the database is exactly as before.
//
// The connection must not be used by anyone else while an import runs: the transaction stays
// open across awaits (reading, progress, cancellation). Run imports on their own connection.

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CredenceError, type ErrorCode } from '../shared/errors.ts';
import { appendAudit, type Db } from '../storage/database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { BatchWriter } from './batch-writer.ts';
import { BulkWrite, suspendForeignKeys } from './bulk-write.ts';
import { BillReader, PREAMBLE_LIMIT } from './bill-reader.ts';
import { CsvTokenizer, RecordTooLong, UnterminatedQuote } from './csv.ts';
import { cellText, isBlankRecord } from './cells.ts';
import { markerPlatform, matchHeader, sniffContainer } from './detect.ts';
import { decodeStream, EncodingError } from './encoding.ts';
import { makeWarning } from './messages.ts';
import type { SourceKind } from './platform.ts';
import { reconcile, StatedTally } from './reconcile.ts';
import { TempTableChunks } from './tally-chunks.ts';
import { totalsRuleFor } from './stated-totals.ts';
import type { Sheet, TableRecord } from './types.ts';
import type { ImportReport, ImportWarning } from './report-schema.ts';
import { readXls, XlsEncrypted, XlsError } from './xls-biff8.ts';
import type { ZipFileEntry } from './zip.ts';

/** The ZIP reader, loaded for the first archive or workbook (its library is a fifth of the modules a CSV import would load). */
type ZipModule = typeof import('./zip.ts');

export interface ImportProgress {
  file: string;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number | null;
  /** 0–100, or null when the size is unknown. */
  percent: number | null;
}

export interface ImportOptions {
  /** For password-protected ZIPs (Alipay, WeChat). */
  password?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting rolls the import back. */
  signal?: AbortSignal;
  /** Recorded in the audit log. */
  actor?: string;
  /**
   * The duplicate prefilter (batch-writer.ts), on unless false. Off, every row is serialised as
   * it is read and sent to the insert, which skips the stored ones: the plain path its tests compare against.
   */
  duplicatePrefilter?: boolean;
}

/**
 * Small reads keep each decoded chunk and its records in V8's young generation: at 1M rows,
 * 1 MiB reads peaked at ~290 MB RSS, 64 KiB reads at ~200 MB, at the same speed.
 */
const CHUNK_BYTES = 64 * 1024;
/**
 * A file is read in larger pieces, and handed on cut into CHUNK_BYTES: each read of a stream is a
 * round trip through libuv's thread pool and the stream's promises (at 64 KiB, 4,400 of them for
 * a 139 MB export, read twice: to hash it, then to parse it). 1 MiB reads saved no more CPU and
 * peaked 30 MB higher.
 */
const READ_BYTES = 4 * CHUNK_BYTES;
/** Progress at most this often: a UI repaints no faster, and IPC events are not free. */
const PROGRESS_INTERVAL_MS = 100;
const SHEET_ROWS_PER_TURN = 2000;

interface ByteSource {
  name: string;
  size: number | null;
  chunks(): AsyncIterable<Uint8Array>;
}

/** Hashes the file for the batch's file_sha256 and counts how far reading has got. */
class Meter {
  bytes = 0;
  /** The bytes hashed (import_file_bytes, migration 0023). */
  hashed = 0;
  private readonly sha256: Hash = createHash('sha256');

  hash(chunk: Uint8Array): void {
    this.sha256.update(chunk);
    this.hashed += chunk.length;
  }

  async *pass(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of chunks) {
      this.hash(chunk);
      this.bytes += chunk.length;
      yield chunk;
    }
  }

  digest(): string {
    return this.sha256.digest('hex');
  }
}

/**
 * Feeds the table's records to `onRecord` one chunk at a time, yielding between chunks. Each
 * record is handled as soon as it is parsed, so it dies young instead of being promoted to the
 * old generation with thousands of others: that keeps a 1M-row import's heap small.
 */
type RecordPump = (onRecord: (record: TableRecord) => void) => AsyncIterable<void>;

interface TableInput {
  file: string;
  source: SourceKind;
  pump: RecordPump;
  meter: Meter;
  totalBytes: number | null;
  notices: ImportWarning[];
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** `name` is what the report calls the file: the name the user knows, where the path is a copy's (an upload). */
export async function importFile(db: Db, path: string, options: ImportOptions = {}, name = basename(path)): Promise<ImportReport[]> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new CredenceError('import.file_unreadable', { file: name, reason: reasonOf(error) });
  }
  return importSource(db, { name, size, chunks: () => fileChunks(path, name) }, options);
}

export async function importBytes(db: Db, name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportReport[]> {
  return importSource(db, { name, size: bytes.length, chunks: () => sliceChunks(bytes) }, options);
}

// ---------------------------------------------------------------------------------------------
// Byte sources and containers

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

async function* fileChunks(path: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const read of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
      for (let at = 0; at < read.length; at += CHUNK_BYTES) yield read.subarray(at, at + CHUNK_BYTES);
    }
  } catch (error) {
    throw new CredenceError('import.file_unreadable', { file: name, reason: reasonOf(error) });
  }
}

async function* sliceChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** The first chunk (to sniff the container) and the whole stream, that chunk included. */
async function peek(chunks: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The whole file hashed before its first row (mayRepeatEarlierImport): a cancel is heard between two chunks of it too. */
async function sha256Of(chunks: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined, file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) {
    checkCancelled(signal, file);
    hash.update(chunk);
  }
  return hash.digest('hex');
}

/**
 * Whether an earlier import may have read these very bytes: one of the same size, or one whose
 * size was not recorded (before migration 0023). If none, the file is not hashed before its first
 * row: a second read of every byte, about 0.1 CPU s per 1M-row export.
 */
function mayRepeatEarlierImport(db: Db, size: number | null): boolean {
  if (size === null) return true;
  const earlier = db
    .prepare(
      `SELECT 1 FROM import_batches b LEFT JOIN import_file_bytes f ON f.batch_id = b.id
        WHERE b.finished_at IS NOT NULL AND b.report_json IS NOT NULL AND (f.bytes = ? OR f.bytes IS NULL) LIMIT 1`,
    )
    .get(size);
  return earlier !== undefined;
}

/**
 * The same bytes imported before (loose, or as a ZIP entry): nothing can be new, so answer from
 * the recorded report at hashing speed instead of parsing and probing every row again.
 */
function repeatOfEarlierImport(db: Db, name: string, sha256: string, actor: string): ImportReport | null {
  const earlier = db
    .prepare(
      `SELECT id, finished_at AS finishedAt, report_json AS reportJson FROM import_batches
        WHERE file_sha256 = ? AND finished_at IS NOT NULL AND report_json IS NOT NULL ORDER BY id DESC LIMIT 1`,
    )
    .get(sha256) as { id: number; finishedAt: string; reportJson: string } | undefined;
  if (!earlier) return null;
  const report = JSON.parse(earlier.reportJson) as ImportReport;
  const repeat: ImportReport = {
    ...report,
    // Reports recorded before export periods were (migration 0006) have none.
    period: report.period ?? null,
    file: name,
    batchId: null,
    imported: 0,
    duplicates: report.imported + report.duplicates,
    warnings: [makeWarning('import.warn.same_file', null, { file: name, batchId: earlier.id, importedAt: earlier.finishedAt }), ...report.warnings],
  };
  appendAudit(db, { actor, action: 'import.repeat', subject: name, details: { sha256, sameAsBatch: earlier.id, rowsRead: report.rowsRead } });
  return repeat;
}

async function importSource(db: Db, source: ByteSource, options: ImportOptions): Promise<ImportReport[]> {
  const repeat = mayRepeatEarlierImport(db, source.size)
    ? repeatOfEarlierImport(db, source.name, await sha256Of(source.chunks(), options.signal, source.name), options.actor ?? 'user')
    : null;
  if (repeat) {
    options.onProgress?.({ file: source.name, rowsRead: repeat.rowsRead, bytesRead: source.size ?? 0, totalBytes: source.size, percent: 100 });
    return [repeat];
  }
  const { head, all } = await peek(source.chunks());
  if (head.length === 0) throw new CredenceError('import.empty_file', { file: source.name });
  switch (sniffContainer(head)) {
    case 'pdf':
      throw new CredenceError('import.pdf_statement', { file: source.name });
    case 'text': {
      const meter = new Meter();
      const input: TableInput = {
        file: source.name,
        source: 'csv',
        pump: csvPump(source.name, meter.pass(all)),
        meter,
        totalBytes: source.size,
        notices: [],
      };
      return [await importTable(db, input, options)];
    }
    case 'cfb': {
      const bytes = await collect(all);
      return [await importTable(db, sheetInput(source.name, 'xls', readXlsSheets(source.name, bytes), bytes), options)];
    }
    case 'zip':
      return importZip(db, source.name, await collect(all), options);
  }
}

function zipError(zip: ZipModule, error: unknown, file: string): unknown {
  const { ZipCorrupt, ZipPasswordRequired, ZipPasswordWrong } = zip;
  if (error instanceof ZipPasswordRequired) return new CredenceError('import.zip_password_required', { file });
  if (error instanceof ZipPasswordWrong) return new CredenceError('import.zip_password_wrong', { file });
  if (error instanceof ZipCorrupt) return new CredenceError('import.archive_corrupt', { file, reason: error.message });
  return error;
}

async function* zipChunks(zip: ZipModule, entry: ZipFileEntry, zipName: string): AsyncGenerator<Uint8Array> {
  try {
    yield* entry.chunks();
  } catch (error) {
    throw zipError(zip, error, zipName);
  }
}

/** Codes that mean "this entry is not a bill": skipped when the archive holds other files. */
const NOT_A_BILL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['import.not_a_bill', 'import.empty_file', 'import.pdf_statement', 'import.alipay_cashbook']);

async function importZip(db: Db, name: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport[]> {
  const zip = await import('./zip.ts');
  let entries: ZipFileEntry[];
  try {
    entries = await zip.openZip(bytes, options.password);
  } catch (error) {
    throw zipError(zip, error, name);
  }
  const names = entries.map((entry) => entry.name);
  if (names.includes('[Content_Types].xml') && names.some((entry) => entry.startsWith('xl/'))) {
    const sheets = await readXlsxSheets(name, bytes);
    return [await importTable(db, sheetInput(name, 'xlsx', sheets, bytes), options)];
  }
  const reports: ImportReport[] = [];
  const skipped: Array<{ entry: string; error: CredenceError }> = [];
  for (const entry of entries) {
    const source = { name: `${name}!/${entry.name}`, size: entry.size, chunks: () => zipChunks(zip, entry, name) };
    try {
      reports.push(...(await importSource(db, source, options)));
    } catch (error) {
      if (!(error instanceof CredenceError) || !NOT_A_BILL.has(error.code)) throw error;
      skipped.push({ entry: entry.name, error });
    }
  }
  if (reports.length === 0) {
    if (skipped.length === 1) throw skipped[0].error;
    throw new CredenceError('import.archive_empty', { file: name });
  }
  for (const report of reports) {
    for (const { entry } of skipped) report.warnings.push(makeWarning('import.warn.entry_skipped', null, { entry }));
  }
  return reports;
}

// ---------------------------------------------------------------------------------------------
// Tables: CSV records as they are parsed, or the rows of one spreadsheet sheet

function textError(error: unknown, file: string, line: number): unknown {
  if (error instanceof EncodingError) return new CredenceError('import.encoding_invalid', { file, line });
  if (error instanceof RecordTooLong) return new CredenceError('import.line_too_long', { file, line: error.line, limit: error.limit });
  if (error instanceof UnterminatedQuote) return new CredenceError('import.unterminated_quote', { file, line: error.line });
  return error;
}

function csvPump(file: string, bytes: AsyncIterable<Uint8Array>): RecordPump {
  return async function* (onRecord) {
    const tokenizer = new CsvTokenizer();
    // Errors from onRecord (a bill-level CredenceError) pass through textError untouched.
    try {
      for await (const text of decodeStream(bytes)) {
        tokenizer.push(text, onRecord);
        yield;
      }
      tokenizer.end(onRecord);
    } catch (error) {
      throw textError(error, file, tokenizer.currentLine);
    }
  };
}

function readXlsSheets(file: string, bytes: Uint8Array): Sheet[] {
  try {
    return readXls(bytes);
  } catch (error) {
    if (error instanceof XlsEncrypted) throw new CredenceError('import.xls_encrypted', { file });
    if (error instanceof XlsError) throw new CredenceError('import.archive_corrupt', { file, reason: error.message });
    throw error;
  }
}

async function readXlsxSheets(file: string, bytes: Uint8Array): Promise<Sheet[]> {
  // Loaded for the first workbook, as the ZIP reader is.
  const { readXlsx, XlsxCorrupt } = await import('./xlsx.ts');
  try {
    return await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxCorrupt) throw new CredenceError('import.archive_corrupt', { file, reason: error.message });
    throw error;
  }
}

/**
 * How likely a sheet is the export itself, lower is better: the export starts with its title
 * (`微信支付账单明细`) on row 1, then its header; a Power Query copy starts with `Column1…`.
 */
function sheetRank(sheet: Sheet): [number, number] {
  const firstRow = sheet.rows.find((row) => !isBlankRecord(row));
  const titled = firstRow && markerPlatform(firstRow.map(cellText).join(',')) ? 0 : 1;
  const header = sheet.rows.slice(0, PREAMBLE_LIMIT).findIndex((row) => matchHeader(row) !== null);
  return [header < 0 ? 2 : titled, header < 0 ? Infinity : header];
}

/** Workbooks may carry more than the bill (WeChat samples have a Power Query copy). */
function sheetInput(file: string, source: SourceKind, sheets: Sheet[], bytes: Uint8Array): TableInput {
  const ranked = sheets.map((sheet) => ({ sheet, rank: sheetRank(sheet) }));
  const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    b.rank[0] < a.rank[0] || (b.rank[0] === a.rank[0] && b.rank[1] < a.rank[1]) ? b : a;
  const best = ranked.reduce(better, ranked[0] ?? { sheet: { name: '', rows: [] }, rank: [2, Infinity] });
  const others = sheets.filter((sheet) => sheet !== best.sheet && sheet.rows.length > 0).map((sheet) => sheet.name);
  const meter = new Meter();
  const rows = best.sheet.rows;
  async function* pump(onRecord: (record: TableRecord) => void): AsyncGenerator<void> {
    meter.hash(bytes);
    // In slices, so that progress and cancellation work on big sheets too.
    for (let from = 0; from < rows.length; from += SHEET_ROWS_PER_TURN) {
      const to = Math.min(rows.length, from + SHEET_ROWS_PER_TURN);
      for (let index = from; index < to; index++) onRecord({ line: index + 1, cells: rows[index] });
      meter.bytes = Math.round((bytes.length * to) / rows.length);
      yield;
    }
  }
  const notices = others.length
    ? [makeWarning('import.warn.extra_sheets_ignored', null, { sheets: others.join(', '), sheet: best.sheet.name })]
    : [];
  return { file, source, pump, meter, totalBytes: bytes.length, notices };
}

// ---------------------------------------------------------------------------------------------
// The database transaction

/** Begins the import's transaction; the returned function puts back, after its end, what was set for it. */
function begin(db: Db, file: string): () => void {
  if (db.inTransaction) throw new CredenceError('import.busy', { file });
  const restoreForeignKeys = suspendForeignKeys(db);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    restoreForeignKeys();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new CredenceError('import.busy', { file });
    throw error;
  }
  return restoreForeignKeys;
}

function checkCancelled(signal: AbortSignal | undefined, file: string): void {
  if (signal?.aborted) throw new CredenceError('import.cancelled', { file });
}

async function importTable(db: Db, input: TableInput, options: ImportOptions): Promise<ImportReport> {
  const { file, meter } = input;
  const prefilter = options.duplicatePrefilter !== false;
  const reader = new BillReader(file, input.source, { deferRawRow: prefilter });
  input.notices.forEach((notice) => reader.warnings.add(notice));
  const tally = new StatedTally(() => {
    const spec = reader.spec;
    const layout = reader.layoutVariant;
    return spec && layout !== null ? totalsRuleFor(spec.platform, layout) : null;
  }, new TempTableChunks(db));
  const writer = new BatchWriter(db, reader.warnings, tally, reader, prefilter);
  const startedAt = toUtc8Iso();
  let lastProgress = -Infinity;
  const progress = (final = false): void => {
    const now = performance.now();
    if (!final && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    const total = input.totalBytes;
    options.onProgress?.({
      file,
      rowsRead: reader.rowsRead,
      bytesRead: meter.bytes,
      totalBytes: total,
      percent: total ? Math.min(100, (meter.bytes / total) * 100) : null,
    });
  };
  const ended = begin(db, file);
  try {
    const bulk = new BulkWrite(db);
    const onRecord = (record: TableRecord): void => {
      const tx = reader.feed(record);
      if (tx) writer.add(tx, writer.ensureBatch(file, tx.platform, startedAt), reader.lastCells);
    };
    checkCancelled(options.signal, file);
    for await (const _ of input.pump(onRecord)) {
      progress();
      // Let an abort, an IPC message or a progress repaint in between chunks.
      await nextTurn();
      checkCancelled(options.signal, file);
    }
    const report = finishImport(db, input, reader, writer, tally, startedAt, options.actor ?? 'user', bulk);
    // A cancel that came while the last rows were written and the file's figures summed (seconds at 1M rows) still rolls back.
    checkCancelled(options.signal, file);
    db.exec('COMMIT');
    ended();
    progress(true);
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    ended();
    throw error;
  } finally {
    // What was kept per row read, freed now and not at V8's next full collection, on a failure
    // too (finishImport frees it before the index builds; a second release does nothing).
    writer.release();
    tally.release();
  }
}

function finishImport(
  db: Db,
  input: TableInput,
  reader: BillReader,
  writer: BatchWriter,
  tally: StatedTally,
  startedAt: string,
  actor: string,
  bulk: BulkWrite,
): ImportReport {
  const result = reader.finish();
  writer.flush();
  // Every row is in: the stated totals are checked now and what was kept per row (the ids seen,
  // the tally) freed before the index builds and COMMIT, which would otherwise run beside it.
  const reconciled = reconcile(result.stated, result.statedSpan, reader.rowsRead, tally);
  writer.release();
  tally.release();
  // The last row is in: before pairing refunds, which reads the unpaired ones through their index.
  bulk.end();
  const batchId = writer.ensureBatch(input.file, result.platform, startedAt);
  const refundsPaired = writer.pairRefunds();
  const figures = writer.figures;
  const report: ImportReport = {
    file: input.file,
    platform: result.platform,
    variant: result.variant,
    batchId,
    rowsRead: reader.rowsRead,
    imported: figures.imported,
    duplicates: figures.duplicates,
    rejected: reader.rejected,
    rejectedOmitted: reader.rejectedOmitted,
    warnings: reader.warnings.kept,
    warningsOmitted: reader.warnings.omitted,
    byDirection: figures.byDirection,
    spending: figures.spending,
    statusClasses: figures.statusClasses,
    refundsPaired,
    reconciled,
    period: result.period,
    creditEvents: figures.creditEvents,
    needsReview: figures.needsReview,
    needsReviewOmitted: figures.needsReviewOmitted,
  };
  const sha256 = input.meter.digest();
  const period = report.period;
  db.prepare(
    `UPDATE import_batches SET file_sha256 = ?, variant = ?, finished_at = ?, rows_read = ?, rows_imported = ?,
       rows_duplicate = ?, report_json = ?, period_start = ?, period_end = ?, period_source = ? WHERE id = ?`,
  ).run(
    sha256, result.variant, toUtc8Iso(), report.rowsRead, report.imported, report.duplicates, JSON.stringify(report),
    period?.start.iso ?? null, period?.end.iso ?? null, period?.source ?? null, batchId,
  );
  db.prepare('INSERT INTO import_file_bytes (batch_id, bytes) VALUES (?, ?)').run(batchId, input.meter.hashed);
  appendAudit(db, {
    actor,
    action: 'import.file',
    subject: input.file,
    details: {
      batchId,
      sha256,
      platform: report.platform,
      variant: report.variant,
      rowsRead: report.rowsRead,
      imported: report.imported,
      duplicates: report.duplicates,
      rejected: report.rejected.length + report.rejectedOmitted,
    },
  });
  return report;
}
