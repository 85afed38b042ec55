// Shared vocabulary of the bill importers. Amounts are integer fen, times carry +08:00.

/** The platform registry is core/shared/platforms.ts. */
import type { Platform } from '../shared/platforms.ts';
export type { Platform };

export type Direction = 'income' | 'expense' | 'neutral';

export type StatusClass = 'completed' | 'closed' | 'refund' | 'pending' | 'failed';

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
}

export interface LocalizedMessage {
  'zh-CN': string;
  en: string;
}

export interface ImportWarning {
  code: string;
  line: number | null;
  details: Record<string, unknown>;
  message: LocalizedMessage;
}

export interface RejectedRow {
  line: number;
  reason: string;
  details: Record<string, unknown>;
  message: LocalizedMessage;
}

export interface DirectionTotal {
  count: number;
  fen: number;
}

export type ByDirection = Record<Direction, DirectionTotal>;

/** The totals an export states of itself (`共66笔记录`, `支出：63笔 16.54元`), read by summary.ts. */
export interface StatedTotals {
  count?: number;
  byDirection: Partial<Record<Direction, { count?: number; fen?: number }>>;
}

export interface ReconciliationCheck {
  /** `count`, `income.count`, `income.fen`, `expense.count`, … */
  field: string;
  stated: number;
  actual: number;
  /** actual − stated */
  difference: number;
}

export interface Reconciliation {
  /** null when the export states no totals (bank CSVs, Meituan without summary…). */
  agrees: boolean | null;
  checks: ReconciliationCheck[];
}

export interface NeedsReviewEntry {
  line: number;
  kind: CreditEventKind;
  rule: string;
  confidence: number;
}

/** An instant of an export's period: UTC+8 wall-clock text and epoch seconds. */
export interface PeriodBound {
  /** `YYYY-MM-DDTHH:MM:SS+08:00` */
  iso: string;
  epoch: number;
}

/**
 * The span of time an export shows, both ends inclusive. `stated`: the period the export's own
 * preamble or footer names (`起始时间：[…] 终止时间：[…]`, `日期区间：… 至 …`), which contains every
 * row. `rows`: from the first row's time to the last's, when the export states no period or
 * states one that leaves rows out (import.warn.period_mismatch).
 */
export interface ExportPeriod {
  start: PeriodBound;
  end: PeriodBound;
  source: 'stated' | 'rows';
}

export interface ImportReport {
  file: string;
  platform: Platform;
  variant: string;
  batchId: number | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: RejectedRow[];
  rejectedOmitted: number;
  warnings: ImportWarning[];
  /** Warnings beyond the kept ones (the list is capped so a bad 1M-row file stays readable). */
  warningsOmitted: number;
  byDirection: ByDirection;
  /** Expense rows that are real spending: not closed/failed/refund, not a repayment. */
  spending: DirectionTotal;
  statusClasses: Record<StatusClass, number>;
  refundsPaired: number;
  reconciled: Reconciliation;
  /** null only when the export states no period and has no row with a time. */
  period: ExportPeriod | null;
  creditEvents: Partial<Record<CreditEventKind, number>>;
  needsReview: NeedsReviewEntry[];
  needsReviewOmitted: number;
}
