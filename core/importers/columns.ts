// A layout's columns as data: each field a mapper reads, named by its header text. The same
// table gives the layout the columns it must have to be recognised, and is resolved to cell
// indexes once per file, so a row mapper only reads `cells[col.field]`.

import type { MapContext } from './platform.ts';

/** A column the mapper reads when the export has it; its index is -1 when it does not. */
export interface OptionalColumn {
  readonly optional: string;
}

/** Field → header name (required: the layout is recognised by it) or `{ optional: name }`. */
export type ColumnTable = Readonly<Record<string, string | OptionalColumn>>;

/** A table resolved against one file's header: field → cell index (-1: optional and absent). */
export type ColumnIndexes<T extends ColumnTable> = { readonly [Field in keyof T]: number };

/** The header names a layout must have, in table order (they also name the layout in messages). */
export function requiredColumns(table: ColumnTable): readonly string[] {
  const names: string[] = [];
  for (const column of Object.values(table)) if (typeof column === 'string') names.push(column);
  return names;
}

/** Finds every column of the table in the header; a required one missing is a bug in the layout. */
export function resolveColumns<T extends ColumnTable>(ctx: MapContext, table: T): ColumnIndexes<T> {
  const indexes: Record<string, number> = {};
  for (const [field, column] of Object.entries(table)) {
    if (typeof column !== 'string') {
      indexes[field] = ctx.header.index(column.optional);
      continue;
    }
    const index = ctx.header.index(column);
    if (index < 0) throw new Error(`layout ${ctx.layout.variant} matched without column ${column}`);
    indexes[field] = index;
  }
  return indexes as ColumnIndexes<T>;
}
