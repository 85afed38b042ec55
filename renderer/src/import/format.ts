// Display helpers for the import report and review list. Amounts and counts are written by
// core/shared/money.ts, as everywhere.

import { formatCount } from '../../../core/shared/money.ts';

export function formatSignedCount(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : formatCount(n);
}

export interface Utc8Parts {
  date: string;
  time: string;
}

/**
 * Splits a stored `YYYY-MM-DDTHH:MM:SS+08:00` into its UTC+8 wall-clock date and minute. The
 * stored text is already UTC+8, so it is cut, never passed through Date (which would convert to
 * the computer's own zone). null for anything else, which the caller shows verbatim.
 */
export function utc8Parts(iso: string): Utc8Parts | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}\+08:00$/.exec(iso);
  return match ? { date: match[1]!, time: match[2]! } : null;
}

/** 200 MB as the UI states it; MiB so that the check matches what file managers show. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.ceil(bytes / (1024 * 1024)))} MB`;
}
