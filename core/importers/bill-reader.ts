// Turns the records of one table (CSV, XLSX or XLS sheet) into normalised transactions:
// preamble → header (found by column names) → rows → the end marker (`---…` or a blank line)
// → footer. Bad rows are rejected with a reason and the reading goes on; only a file that is
// not a bill at all, or is cut off mid-row, stops the import.

import { cellText, isBlankRecord } from './cells.ts';
import { classifyCredit, rulesFor, type CreditRule } from './credit-rules.ts';
import { EXPECTED_HEADERS, isAlipayCashbookHeader, markerPlatform, matchHeader, partialHeader, type HeaderMatch } from './detect.ts';
import { CredenceError } from '../shared/errors.ts';
import { rawCellsText, type RawValue } from '../storage/raw-rows.ts';
import { makeRejection, makeWarning, RowRejected, WarningSink } from './messages.ts';
import type { HeaderInfo, MapContext, PlatformSpec, RowMapper, SourceKind } from './platform.ts';
import type { StatedSpan } from './reconcile.ts';
import { exportPeriod, parseStatedSummary, recordText, statedSpan, type RowSpan } from './summary.ts';
import { formatWallDate } from './time.ts';
import type { Cell, NormalizedTransaction, StatedTotals, TableRecord } from './types.ts';
import type { ExportPeriod, RejectedRow } from './report-schema.ts';

/** The longest preamble seen is 24 lines; a header further down means this is not a bill. */
export const PREAMBLE_LIMIT = 100;
/** Summary lines sit right after the table (Alipay 2021: 20 lines); more is not needed. */
const FOOTER_LIMIT = 64;
const REJECTED_KEPT = 1000;

export interface BillResult {
  platform: NormalizedTransaction['platform'];
  variant: string;
  headerLine: number;
  stated: StatedTotals | null;
  /** The period the export states, whether or not its rows keep to it. */
  statedSpan: StatedSpan | null;
  period: ExportPeriod | null;
}

function makeHeader(match: HeaderMatch, line: number): HeaderInfo {
  const positions = new Map<string, number>();
  match.names.forEach((name, index) => {
    if (name !== '' && !positions.has(name)) positions.set(name, index);
  });
  let width = match.names.length;
  while (width > 0 && match.names[width - 1] === '') width--;
  return { line, names: match.names, width, index: (name) => positions.get(name) ?? -1 };
}

function rawValue(cell: Cell | undefined): RawValue {
  if (cell instanceof Date) return formatWallDate(cell);
  return cell ?? null;
}

export class BillReader {
  readonly warnings = new WarningSink();
  readonly rejected: RejectedRow[] = [];
  rejectedOmitted = 0;
  rowsRead = 0;

  /**
   * With `deferRawRow`, rows come back with an empty `rawRow`: the cells of the row just fed are
   * in `lastCells`, for `rawRowOf` once the writer knows the row is new (a duplicate never needs
   * it). Without, always null.
   */
  lastCells: readonly Cell[] | null = null;

  private readonly file: string;
  private readonly source: SourceKind;
  private readonly deferRawRow: boolean;
  private state: 'preamble' | 'rows' | 'footer' = 'preamble';
  private readonly preamble: TableRecord[] = [];
  private readonly footer: TableRecord[] = [];
  private partial: { line: number; match: NonNullable<ReturnType<typeof partialHeader>> } | null = null;
  private lastLine = 0;
  private ctx: MapContext | null = null;
  private mapRow: RowMapper | null = null;
  private rules: readonly CreditRule[] = [];
  private mergeIndex = -1;
  /** Named header cells (first of each name), for the raw rows. */
  private rawColumns: Array<{ name: string; index: number }> = [];
  /** Earliest and latest time of the rows read (duplicates included, rejected rows not). */
  private span: RowSpan | null = null;

  constructor(file: string, source: SourceKind, options: { deferRawRow?: boolean } = {}) {
    this.file = file;
    this.source = source;
    this.deferRawRow = options.deferRawRow ?? false;
  }

  /** The detected platform, once the header has been found. */
  get spec(): PlatformSpec | null {
    return this.ctx?.spec ?? null;
  }

  /** The header layout matched (PlatformSpec.layouts[].variant), once the header is found. */
  get layoutVariant(): string | null {
    return this.ctx?.layout.variant ?? null;
  }

  /** Feeds one record; returns a transaction for a data row, null otherwise. */
  feed(record: TableRecord): NormalizedTransaction | null {
    this.lastLine = record.line;
    if (this.state === 'rows') return this.row(record);
    if (this.state === 'preamble') this.preambleRecord(record);
    else this.footerRecord(record);
    return null;
  }

  private preambleRecord(record: TableRecord): void {
    const match = matchHeader(record.cells);
    if (match) {
      this.start(match, record.line);
      return;
    }
    if (isAlipayCashbookHeader(record.cells)) {
      throw new CredenceError('import.alipay_cashbook', { file: this.file, line: record.line });
    }
    if (!this.partial) {
      const found = partialHeader(record.cells);
      if (found) this.partial = { line: record.line, match: found };
    }
    this.preamble.push(record);
    if (this.preamble.length >= PREAMBLE_LIMIT) this.notABill();
  }

  private start(match: HeaderMatch, line: number): void {
    const header = makeHeader(match, line);
    const ctx: MapContext = {
      file: this.file,
      header,
      layout: match.layout,
      preamble: this.preamble.map(recordText),
      source: this.source,
      warnings: this.warnings,
      stats: { numericAmounts: 0 },
      spec: match.spec,
    };
    this.ctx = ctx;
    this.mapRow = match.spec.createMapper(ctx);
    this.rules = rulesFor(match.spec.platform);
    this.mergeIndex = match.spec.mergeColumn ? header.index(match.spec.mergeColumn) : -1;
    this.rawColumns = [...new Set(header.names)].filter((name) => name !== '').map((name) => ({ name, index: header.index(name) }));
    match.spec.fileNotices?.(ctx);
    this.state = 'rows';
  }

  private row(record: TableRecord): NormalizedTransaction | null {
    const ctx = this.ctx!;
    const first = cellText(record.cells[0]);
    if (isBlankRecord(record.cells) || first.startsWith('---')) {
      this.state = 'footer';
      return null;
    }
    this.rowsRead++;
    try {
      const cells = this.fitCells(record);
      if (record.quotedTab && !ctx.spec.nativeQuotedTabs) {
        this.warnings.add(makeWarning('import.warn.excel_resaved', record.line, { evidence: '"…⇥"' }));
      }
      const tx = this.mapRow!(cells, record.line) as NormalizedTransaction;
      tx.platform = ctx.spec.platform;
      if (this.deferRawRow) {
        tx.rawRow = '';
        this.lastCells = cells;
      } else {
        tx.rawRow = this.rawRowOf(cells);
      }
      tx.sourceLine = record.line;
      tx.credit = classifyCredit(this.rules, tx);
      this.extendSpan(tx);
      return tx;
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      if (this.rejected.length < REJECTED_KEPT) this.rejected.push(makeRejection(error.code, record.line, error.details));
      else this.rejectedOmitted++;
      return null;
    }
  }

  private extendSpan(tx: NormalizedTransaction): void {
    const span = this.span;
    if (span === null) {
      const at = { iso: tx.occurredAt, epoch: tx.occurredEpoch };
      this.span = { first: at, last: at };
    } else if (tx.occurredEpoch < span.first.epoch) span.first = { iso: tx.occurredAt, epoch: tx.occurredEpoch };
    else if (tx.occurredEpoch > span.last.epoch) span.last = { iso: tx.occurredAt, epoch: tx.occurredEpoch };
  }

  /**
   * CSV rows must have the header's fields. A short final row without a line break is a cut-off
   * file; extra fields come from an unquoted comma and are merged back where the format allows.
   */
  private fitCells(record: TableRecord): readonly Cell[] {
    const cells = record.cells;
    if (this.source !== 'csv') return cells;
    const { width, names } = this.ctx!.header;
    if (cells.length < width) {
      if (record.unterminated) {
        throw new CredenceError('import.truncated', { file: this.file, line: record.line, found: cells.length, expected: width });
      }
      throw new RowRejected('import.reject.field_count', { found: cells.length, expected: width });
    }
    let used = cells.length;
    while (used > names.length && cells[used - 1] === '') used--;
    const extra = used - names.length;
    if (extra <= 0) return cells;
    if (this.mergeIndex < 0) throw new RowRejected('import.reject.field_count', { found: used, expected: names.length });
    const at = this.mergeIndex;
    this.warnings.add(makeWarning('import.warn.merged_cells', record.line, { extra, column: names[at] }));
    const merged = cells.slice(at, at + extra + 1).map(cellText).join(',');
    return [...cells.slice(0, at), merged, ...cells.slice(at + extra + 1)];
  }

  /** The header names of the raw rows, in the order of their values (core/storage/raw-rows.ts). */
  get rawNames(): string[] {
    return this.rawColumns.map((column) => column.name);
  }

  /** The row's values under the named header cells, as raw_row stores them. */
  rawRowOf(cells: readonly Cell[]): string {
    const columns = this.rawColumns;
    const values = new Array<RawValue>(columns.length);
    for (let i = 0; i < columns.length; i++) values[i] = rawValue(cells[columns[i]!.index]);
    return rawCellsText(values);
  }

  private footerRecord(record: TableRecord): void {
    if (this.footer.length < FOOTER_LIMIT) this.footer.push(record);
    const { width } = this.ctx!.header;
    const filled = record.cells.filter((cell) => cellText(cell) !== '').length;
    if (record.cells.length >= width && filled * 2 >= width) {
      this.warnings.add(makeWarning('import.warn.rows_after_end', record.line));
    }
  }

  private notABill(): never {
    if (this.partial) {
      const { spec, missing } = this.partial.match;
      throw new CredenceError('import.missing_columns', {
        file: this.file,
        line: this.partial.line,
        platformZh: spec.label['zh-CN'],
        platformEn: spec.label.en,
        missing: missing.join(', '),
      });
    }
    const marked = this.preamble.map((record) => markerPlatform(recordText(record))).find(Boolean);
    if (marked) {
      throw new CredenceError('import.missing_columns', {
        file: this.file,
        line: this.lastLine,
        platformZh: marked.label['zh-CN'],
        platformEn: marked.label.en,
        missing: marked.layouts[0].required.join(', '),
      });
    }
    throw new CredenceError('import.not_a_bill', { file: this.file, line: this.lastLine, expected: EXPECTED_HEADERS });
  }

  /** After the last record: the platform, final variant, the totals the export states and its period. */
  finish(): BillResult {
    if (!this.ctx) this.notABill();
    const ctx = this.ctx;
    const summary = parseStatedSummary([...this.preamble, ...this.footer], this.warnings, { totals: !ctx.spec.statedTotals });
    const stated = ctx.spec.statedTotals ? ctx.spec.statedTotals(ctx, this.footer) : summary.totals;
    return {
      platform: ctx.spec.platform,
      variant: ctx.spec.variant?.(ctx) ?? ctx.layout.variant,
      headerLine: ctx.header.line,
      stated,
      statedSpan: statedSpan(summary.period),
      period: exportPeriod(summary.period, this.span, this.warnings),
    };
  }
}
