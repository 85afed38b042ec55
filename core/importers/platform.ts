// What each platform module declares (layouts, markers, quirks) and the helpers its row mapper
// shares with the others. Columns are always found by name, never by position (columns.ts).

import { fenFromNumber, parseAmountText } from './amount.ts';
import { cellText } from './cells.ts';
import { makeWarning, RowRejected, type WarningSink } from './messages.ts';
import { fromExcelSerial, fromWallDate, parseTimeText, type WallTime } from './time.ts';
import type { Cell, Direction, NormalizedTransaction, Platform, StatedTotals, StatusClass, TableRecord } from './types.ts';
import type { LocalizedText } from '../shared/localized-text.ts';

export type SourceKind = 'csv' | 'xlsx' | 'xls';

/** One header layout a platform has used; matched against the normalised header cells. */
export interface Layout {
  variant: string;
  required: readonly string[];
  /** The header's first cell, when it tells layouts with the same columns apart. */
  first?: string;
}

export interface HeaderInfo {
  line: number;
  /** Normalised names, one per cell (empty for the trailing empty field). */
  names: readonly string[];
  /** Count of cells up to the last named one: rows shorter than this are broken. */
  width: number;
  index(name: string): number;
}

export interface MapStats {
  numericAmounts: number;
}

export interface MapContext {
  readonly file: string;
  readonly header: HeaderInfo;
  readonly layout: Layout;
  /** Text of the records before the header, one string per record (cells joined by `,`). */
  readonly preamble: readonly string[];
  readonly source: SourceKind;
  readonly warnings: WarningSink;
  readonly stats: MapStats;
  readonly spec: PlatformSpec;
}

/** What a platform mapper fills in; the reader adds the platform, raw row, line and credit event. */
export type MappedRow = Omit<NormalizedTransaction, 'platform' | 'rawRow' | 'sourceLine' | 'credit'>;

export type RowMapper = (cells: readonly Cell[], line: number) => MappedRow;

export interface PlatformSpec {
  platform: Platform;
  label: LocalizedText;
  layouts: readonly Layout[];
  /** Preamble text that names this platform's document even if its header is damaged. */
  markers: readonly RegExp[];
  /** Thousands separators are part of the original format (banks), not an Excel trace. */
  nativeThousands?: boolean;
  /** The original writes TABs inside quotes (ICBC, Meituan); elsewhere that means Excel re-saved. */
  nativeQuotedTabs?: boolean;
  /** Dates without a time are the original format (bank statements). */
  dateOnly?: boolean;
  /** Extra fields in a row come from an unquoted comma in this column (WeChat 交易对方). */
  mergeColumn?: string;
  createMapper(ctx: MapContext): RowMapper;
  /** The final variant label, once the whole file has been read. */
  variant?(ctx: MapContext): string;
  /** Notices that apply to the whole file (e.g. a layout without a payment-method column). */
  fileNotices?(ctx: MapContext): void;
  /** Totals the export states, when not in the usual `共N笔记录` / `支出：N笔 X元` lines. */
  statedTotals?(ctx: MapContext, footer: readonly TableRecord[]): StatedTotals | null;
}

/** Header cells compare equal across full-width/half-width parentheses and padding. */
export function normaliseHeaderName(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}

export function textAt(cells: readonly Cell[], index: number): string {
  return index < 0 ? '' : cellText(cells[index]);
}

/** The exports write `/` or nothing for "none". */
export function optionalAt(cells: readonly Cell[], index: number): string | null {
  const text = textAt(cells, index);
  return text === '' || text === '/' ? null : text;
}

function resavedWarning(ctx: MapContext, line: number, value: string): void {
  ctx.warnings.add(makeWarning('import.warn.excel_resaved', line, { evidence: value }));
}

/** A time from text, a spreadsheet date cell, or an Excel serial number. */
export function timeAt(ctx: MapContext, cells: readonly Cell[], index: number, line: number): WallTime {
  const cell = cells[index] ?? null;
  let time: WallTime | null;
  if (cell instanceof Date) time = fromWallDate(cell);
  else if (typeof cell === 'number') time = fromExcelSerial(cell);
  else {
    const text = cell ?? '';
    time = parseTimeText(text);
    if (time?.resaved && !(ctx.spec.dateOnly && /^\d{4}-\d{2}-\d{2}$/.test(text))) resavedWarning(ctx, line, text);
  }
  if (!time) throw new RowRejected('import.reject.bad_time', { value: cellText(cell) });
  return time;
}

/** Signed fen from a text or number cell. */
export function amountAt(ctx: MapContext, cells: readonly Cell[], index: number, line: number, text?: string): number {
  const cell = cells[index] ?? null;
  if (typeof cell === 'number') {
    ctx.stats.numericAmounts++;
    const fen = fenFromNumber(cell);
    if (fen === null) throw new RowRejected('import.reject.bad_amount', { value: String(cell) });
    return fen;
  }
  const value = text ?? cellText(cell);
  const parsed = parseAmountText(value);
  if (!parsed) throw new RowRejected('import.reject.bad_amount', { value });
  if (parsed.thousands && !ctx.spec.nativeThousands) {
    ctx.warnings.add(makeWarning('import.warn.thousands_separator', line, { value, fen: parsed.fen }));
  }
  return parsed.fen;
}

/**
 * An export's 收/支 words and their directions, looked up in order by `===`: three or four words,
 * where a Map would first hash the row's word, a new string on every row (0.04 s per 1M rows in a
 * CPU-time profile). Not an object: a word such as `constructor` would find its prototype.
 */
export type DirectionWords = ReadonlyArray<readonly [string, Direction]>;

export function directionWords(words: Readonly<Record<string, Direction>>): DirectionWords {
  return Object.entries(words);
}

/** Maps the export's 收/支 word to a direction; anything else rejects the row. */
export function directionOf(value: string, vocabulary: DirectionWords): Direction {
  for (let i = 0; i < vocabulary.length; i++) {
    const [word, direction] = vocabulary[i]!;
    if (word === value) return direction;
  }
  throw new RowRejected('import.reject.bad_direction', { value, expected: vocabulary.map(([word]) => word || '∅').join(' / ') });
}

/**
 * Excel turns long numeric ids into `2.02302E+27`, destroying them; such a row cannot be
 * deduplicated, so it is rejected rather than imported under a wrong id.
 */
export function orderIdAt(cells: readonly Cell[], index: number): string {
  const id = textAt(cells, index);
  if (id === '' || id === '/') throw new RowRejected('import.reject.missing_order_id');
  // Its second character is `.` or `E` for Excel's form: the test only runs then (it is on every row).
  const second = id.charCodeAt(1);
  if ((second === 0x2e || second === 0x45 || second === 0x65) && /^\d(\.\d+)?E\+\d+$/i.test(id)) {
    throw new RowRejected('import.reject.id_mangled', { value: id });
  }
  return id;
}

/** The funding account is the method before any `&` (the rest are discounts: `花呗&红包`). */
export function fundingAccountOf(method: string | null): string | null {
  if (!method) return null;
  const cut = method.indexOf('&');
  const account = (cut < 0 ? method : method.slice(0, cut)).trim();
  return account === '' ? null : account;
}

/** Unknown types import as "other" (其他) with a warning; nothing aborts on them. */
export function knownOrOther(ctx: MapContext, line: number, value: string | null, isKnown: (value: string) => boolean): string | null {
  if (value === null || isKnown(value)) return value;
  ctx.warnings.add(makeWarning('import.warn.unknown_type', line, { type: value }));
  return '其他';
}

/** Amounts that the format always writes as positive (direction comes from 收/支). */
export function positiveAmountAt(ctx: MapContext, cells: readonly Cell[], index: number, line: number, text?: string): number {
  const fen = amountAt(ctx, cells, index, line, text);
  if (fen < 0) throw new RowRejected('import.reject.bad_amount', { value: text ?? textAt(cells, index) });
  return fen;
}

/** Status words shared by the platforms; callers decide refunds, which each format marks its own way. */
export function statusClassOf(status: string, isRefund: boolean): StatusClass {
  if (isRefund) return 'refund';
  if (/关闭|取消|撤销/.test(status)) return 'closed';
  if (status.includes('失败')) return 'failed';
  if (/等待|处理中|待付款|待发货|待收货/.test(status)) return 'pending';
  return 'completed';
}

/** The columns every order-based layout (Alipay, WeChat, JD, Meituan) reads alike; Alipay's web export has no method. */
export interface OrderColumns {
  readonly merchantOrderId: number;
  readonly method?: number;
}

/**
 * What an order-based mapper decides itself. It computes these in its own order: which check
 * rejects a bad row first (time, id, amount, direction) is part of each format's behaviour.
 */
export type OrderRow = Omit<MappedRow, 'merchantOrderId' | 'occurredAt' | 'occurredEpoch' | 'paymentMethod' | 'fundingAccount'> & { when: WallTime };

/** A row of an export with order ids: the mapper's own parts, and the ones all such exports read alike. */
export function orderRow(cells: readonly Cell[], col: OrderColumns, row: OrderRow): MappedRow {
  const paymentMethod = col.method === undefined ? null : optionalAt(cells, col.method);
  const mapped: MappedRow = {
    orderId: row.orderId,
    merchantOrderId: optionalAt(cells, col.merchantOrderId),
    occurredAt: row.when.iso,
    occurredEpoch: row.when.epoch,
    amountFen: row.amountFen,
    direction: row.direction,
    status: row.status,
    statusClass: row.statusClass,
    category: row.category,
    counterparty: row.counterparty,
    item: row.item,
    paymentMethod,
    fundingAccount: fundingAccountOf(paymentMethod),
    refundLink: row.refundLink,
    pairKey: row.pairKey,
    // What the reader sets next (BillReader.row), in the object from the start: added afterwards,
    // they would grow every row's object by four properties, past the room its literal has.
    platform: undefined,
    rawRow: '',
    sourceLine: 0,
    credit: null,
  } as MappedRow;
  // Set, not spread into the literal: a spread builds each row's object the slow way.
  if (row.refundedFen !== undefined) mapped.refundedFen = row.refundedFen;
  return mapped;
}
