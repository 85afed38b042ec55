// What every exportable data category declares: its columns (the fields a consent can name) and
// one function that reads its rows from a profile as of a day. The package writer, the consent
// screen and the notice read these declarations; nothing else knows a category's shape.

import { z } from 'zod';
import type { Locale, LocalizedText } from '../../shared/localized-text.ts';
import { localizedText } from '../../wire/vocabulary.ts';
import type { Db } from '../../storage/database.ts';

/**
 * How a column's values are written: JSON keeps the type, CSV writes text that reads back to
 * the same value by this type (manifest.json names it per column).
 * fen: integer fen (1 yuan = 100 fen). date: YYYY-MM-DD and month: YYYY-MM, China time (UTC+8).
 * datetime: ISO 8601 with its +08:00 offset.
 */
export const COLUMN_TYPES = ['integer', 'fen', 'number', 'text', 'boolean', 'date', 'month', 'datetime'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A column as the consent screen lists it (core/ipc/channels/consent.ts): the wire shape and its type. */
export const columnSchema = z.strictObject({ key: z.string(), type: z.enum(COLUMN_TYPES), label: localizedText });
export type Column = z.output<typeof columnSchema>;

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface CollectOptions {
  asOfDay: number;
  /** The language of text the package carries (band names, reasons): the consent's. */
  locale: Locale;
}

export interface CategorySource {
  code: string;
  label: LocalizedText;
  /** Why a recipient asks for it and what it lets them see (PIPL Art. 30: necessity and impact). */
  purpose: LocalizedText;
  /** Sensitive personal information (PIPL Art. 28: financial accounts): separate consent. */
  sensitive: boolean;
  /** Columns the credit regulation restricts (征信业管理条例 Art. 14: income): the notice states the possible adverse consequences. */
  restricted: readonly string[];
  columns: readonly Column[];
  collect(db: Db, options: CollectOptions): Row[];
}

export function column(key: string, type: ColumnType, zh: string, en: string): Column {
  return { key, type, label: { 'zh-CN': zh, en } };
}
