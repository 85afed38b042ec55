// What an import answers with, declared once: main checks every import report against this zod
// schema before it leaves (core/ipc/channels/imports.ts), and the importers, the CLI and the
// renderer read its types off it. Objects are strict, so a field the importer adds without adding
// it here fails that check instead of vanishing. Amounts are integer fen, times carry +08:00.

import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../shared/credit-events.ts';
import { PLATFORMS, type Platform } from '../shared/platforms.ts';
import { fen, localizedText } from '../wire/vocabulary.ts';
import { DIRECTIONS, STATED_LINES, STATUS_CLASSES } from './types.ts';

const count = z.number().int();
const creditEventKind = z.enum(CREDIT_EVENT_KINDS);
const details = z.record(z.string(), z.unknown());

const importWarning = z.strictObject({ code: z.string(), line: count.nullable(), details, message: localizedText });
export type ImportWarning = z.output<typeof importWarning>;

const rejectedRow = z.strictObject({ line: count, reason: z.string(), details, message: localizedText });
export type RejectedRow = z.output<typeof rejectedRow>;

const directionTotal = z.strictObject({ count, fen });
export type DirectionTotal = z.output<typeof directionTotal>;

const byDirection = z.record(z.enum(DIRECTIONS), directionTotal);
export type ByDirection = z.output<typeof byDirection>;

const reconciliationCheck = z.strictObject({
  /** `count`, `income.count`, `income.fen`, `expense_pending.count`, … (StatedLine.count / .fen) */
  field: z.string(),
  stated: z.number(),
  actual: z.number(),
  /** actual − stated */
  difference: z.number(),
});
export type ReconciliationCheck = z.output<typeof reconciliationCheck>;

/** A row that accounts for (part of) a difference: its line in the file and what it adds to the total. */
const differenceRow = z.strictObject({
  line: count,
  fen,
  /** The line the rule counted it in; null: in none (Alipay web rows with an empty 收/支). */
  countedIn: z.enum(STATED_LINES).nullable(),
  /**
   * outside_period: the row's time is outside the period the export states, so the export cannot
   * have counted it; accounts_for_difference: one row of exactly the difference; counted_elsewhere:
   * the row is in another line by the rule, which has it one too many.
   */
  why: z.enum(['outside_period', 'accounts_for_difference', 'counted_elsewhere']),
});
export type DifferenceRow = z.output<typeof differenceRow>;

/** One stated total that differs, and the rows that account for it where the rows can tell. */
const reconciliationDifference = z.strictObject({
  /** `count` (共N笔记录) or the stated line. */
  total: z.enum(['count', ...STATED_LINES]),
  /** actual − stated rows; null where the export states no count for the line. */
  rowsDifference: count.nullable(),
  /** actual − stated fen; null for `count` and where the export states no amount. */
  fenDifference: fen.nullable(),
  rows: z.array(differenceRow),
  rowsOmitted: count,
  /** The named rows make up the whole difference. */
  explained: z.boolean(),
});
export type ReconciliationDifference = z.output<typeof reconciliationDifference>;

const reconciliation = z.strictObject({
  /** null when the export states no totals (bank CSVs, Meituan without summary…). */
  agrees: z.boolean().nullable(),
  /** The rule (core/importers/stated-totals.ts) the rows were added up by; null where no rule applies. */
  rule: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
  checks: z.array(reconciliationCheck),
  differences: z.array(reconciliationDifference),
});
export type Reconciliation = z.output<typeof reconciliation>;

const needsReviewEntry = z.strictObject({ line: count, kind: creditEventKind, rule: z.string(), confidence: z.number() });
export type NeedsReviewEntry = z.output<typeof needsReviewEntry>;

/** An instant of an export's period: UTC+8 wall-clock text (`YYYY-MM-DDTHH:MM:SS+08:00`) and epoch seconds. */
const periodBound = z.strictObject({ iso: z.string(), epoch: count });
export type PeriodBound = z.output<typeof periodBound>;

/**
 * The span of time an export shows, both ends inclusive. `stated`: the period the export's own
 * preamble or footer names (`起始时间：[…] 终止时间：[…]`, `日期区间：… 至 …`), which contains every
 * row. `rows`: from the first row's time to the last's, when the export states no period or
 * states one that leaves rows out (import.warn.period_mismatch).
 */
const exportPeriod = z.strictObject({ start: periodBound, end: periodBound, source: z.enum(['stated', 'rows']) });
export type ExportPeriod = z.output<typeof exportPeriod>;

export const importReportSchema = z.strictObject({
  file: z.string(),
  platform: z.enum(PLATFORMS.map((p) => p.id) as [Platform, ...Platform[]]),
  variant: z.string(),
  batchId: count.nullable(),
  rowsRead: count,
  imported: count,
  duplicates: count,
  rejected: z.array(rejectedRow),
  rejectedOmitted: count,
  warnings: z.array(importWarning),
  /** Warnings beyond the kept ones (the list is capped so a bad 1M-row file stays readable). */
  warningsOmitted: count,
  byDirection,
  /** Expense rows that are real spending: not closed/failed/refund, not a repayment. */
  spending: directionTotal,
  statusClasses: z.record(z.enum(STATUS_CLASSES), count),
  refundsPaired: count,
  reconciled: reconciliation,
  /** null only when the export states no period and has no row with a time. */
  period: exportPeriod.nullable(),
  creditEvents: z.partialRecord(creditEventKind, count),
  needsReview: z.array(needsReviewEntry),
  needsReviewOmitted: count,
});
export type ImportReport = z.output<typeof importReportSchema>;
