// Warnings and row rejections are user-visible, so their texts live in the one catalogue
// (core/shared/errors.ts) beside the errors; this module only shapes them for the import report.

import { localize, type ErrorCode } from '../shared/errors.ts';
import type { ImportWarning, RejectedRow } from './report-schema.ts';

type WarningCode = Extract<ErrorCode, `import.warn.${string}`>;
type RejectCode = Extract<ErrorCode, `import.reject.${string}`>;

export function makeWarning(code: WarningCode, line: number | null, details: Record<string, unknown> = {}): ImportWarning {
  return { code, line, details, message: localize(code, { line, ...details }) };
}

export function makeRejection(code: RejectCode, line: number, details: Record<string, unknown> = {}): RejectedRow {
  return { line, reason: code, details, message: localize(code, { line, ...details }) };
}

/** Thrown by row mappers; the reader turns it into a rejected row and carries on. */
export class RowRejected extends Error {
  readonly code: RejectCode;
  readonly details: Record<string, unknown>;

  constructor(code: RejectCode, details: Record<string, unknown> = {}) {
    super(code);
    this.code = code;
    this.details = details;
  }
}

/**
 * Keeps the first few warnings per code and counts the rest, so a 1M-row file with one
 * recurring quirk yields a readable report instead of a million entries.
 */
export class WarningSink {
  readonly kept: ImportWarning[] = [];
  omitted = 0;
  private readonly perCode = new Map<string, number>();
  private readonly limitPerCode: number;

  constructor(limitPerCode = 20) {
    this.limitPerCode = limitPerCode;
  }

  add(warning: ImportWarning): void {
    this.addAt(this.kept.length, warning);
  }

  /**
   * Adds a warning where it would have been had it been added when `kept` held `position`
   * warnings (a row's warning found only after later rows were read: batch-writer.ts); whether it
   * was kept (and so moved those after it by one).
   */
  addAt(position: number, warning: ImportWarning): boolean {
    const seen = this.perCode.get(warning.code) ?? 0;
    this.perCode.set(warning.code, seen + 1);
    if (seen >= this.limitPerCode) {
      this.omitted++;
      return false;
    }
    if (position === this.kept.length) this.kept.push(warning);
    else this.kept.splice(position, 0, warning);
    return true;
  }

  /** For once-per-file notices: adds only the first of this code. */
  addOnce(warning: ImportWarning): void {
    if (!this.perCode.has(warning.code)) this.add(warning);
  }
}
