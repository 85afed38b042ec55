// Shared vocabulary of the bill importers. Amounts are integer fen, times carry +08:00.

/** The platform registry is core/shared/platforms.ts. */
import type { Platform } from '../shared/platforms.ts';
export type { Platform };

export const DIRECTIONS = ['income', 'expense', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const STATUS_CLASSES = ['completed', 'closed', 'refund', 'pending', 'failed'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Defined in core/shared so the IPC contract and the renderer use the same list. */
import type { CreditEventKind } from '../shared/credit-events.ts';
export type { CreditEventKind };

/** One spreadsheet or CSV cell: CSV gives text only; XLSX/XLS may give numbers and dates. */
export type Cell = string | number | Date | null;

/** One sheet of a workbook, cells by row then column. */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A record of the source table, with the 1-based line (CSV) or row (XLSX/XLS) it starts on. */
export interface TableRecord {
  line: number;
  cells: Cell[];
  /** CSV only: the record ended at end of file without a line break. */
  unterminated?: boolean;
  /** CSV only: a quoted field ends with a TAB inside its quotes (`"id<TAB>"`). */
  quotedTab?: boolean;
}

export interface CreditEvent {
  kind: CreditEventKind;
  confidence: number;
  needsReview: boolean;
  /** Which rule matched: lets the UI explain "why is this a Huabei repayment". */
  rule: string;
  /** e.g. `credit_card:交通银行:7449`; groups events of one credit account. */
  accountKey: string | null;
}

/** How to find the original of a refund row. */
export type RefundLink =
  | { by: 'order_id'; orderId: string }
  | { by: 'pair_key'; key: string };

export interface NormalizedTransaction {
  platform: Platform;
  /** The export's own id; null for bank statements, which have none (a fingerprint is used). */
  orderId: string | null;
  merchantOrderId: string | null;
  occurredAt: string;
  occurredEpoch: number;
  amountFen: number;
  direction: Direction;
  status: string;
  statusClass: StatusClass;
  category: string | null;
  counterparty: string | null;
  item: string | null;
  paymentMethod: string | null;
  fundingAccount: string | null;
  credit: CreditEvent | null;
  rawRow: string;
  sourceLine: number;
  refundLink: RefundLink | null;
  /** Set on rows that can be the original of a refund matched by `pair_key`. */
  pairKey: string | null;
  /**
   * What the row itself says was refunded of it, in a column of its own (Alipay web 成功退款（元）);
   * the export's stated totals may count the row net of it (stated-totals.ts).
   */
  refundedFen?: number;
}

/**
 * The totals an export states of itself (`共66笔记录`, `支出：63笔 16.54元`, `待支出:0笔,0.00元`), by
 * the line that states them, read by summary.ts. Pending lines (Alipay web 待收入/待支出) are
 * their own totals: the export counts a row in one or the other, never both.
 */
export const STATED_LINES = ['income', 'income_pending', 'expense', 'expense_pending', 'neutral'] as const;
export type StatedLine = (typeof STATED_LINES)[number];

export interface StatedTotals {
  count?: number;
  lines: Partial<Record<StatedLine, { count?: number; fen?: number }>>;
}
