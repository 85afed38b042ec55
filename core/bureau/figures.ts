// Figures and the records behind them. Every section of the report is computed twice, from the
// accounts known to report and from those plus the accounts whose reporting is unknown; `merge`
// walks the two results (same shape: same code, different accounts) and makes each number a
// Figure that carries both ends when they differ.

import { keepOn, keptOn, type ReportAccount } from './layouts.ts';
import type { Figure, FigureUnit, RecordRef } from './report-schema.ts';

export function accountRef(account: ReportAccount, months: readonly string[] = []): RecordRef {
  if (months.length === 0) return plainRef(account);
  return { kind: 'account', accountId: account.id, name: account.name, type: account.type, reporting: account.reporting, months: [...months] };
}

/**
 * The record of an account without months, one object per report account (never edited: every
 * figure of every report sharing the account names it alike, so it is built once).
 */
function plainRef(account: ReportAccount): RecordRef {
  return (account.parts.ref ??= { kind: 'account', accountId: account.id, name: account.name, type: account.type, reporting: account.reporting, months: [] });
}

/** The record of an account naming one month (`YYYY-MM`), one object per report account and month. */
export function monthRef(account: ReportAccount, month: string): RecordRef {
  const byMonth = keptOn<Map<string, RecordRef>>(account, 'monthRefs') ?? keepOn(account, 'monthRefs', new Map<string, RecordRef>());
  let ref = byMonth.get(month);
  if (!ref) byMonth.set(month, (ref = accountRef(account, [month])));
  return ref;
}

/** The records of a list of accounts, without months. */
export function accountRefs(accounts: readonly ReportAccount[]): RecordRef[] {
  return accounts.map(plainRef);
}

export function figure(unit: FigureUnit, value: number | null, records: RecordRef[] = [], missing = 0): Figure {
  return { unit, value, missing, records };
}

export function count(accounts: readonly ReportAccount[], records: RecordRef[] = accountRefs(accounts)): Figure {
  return figure('count', accounts.length, records);
}

/** Sum of known amounts; `missing` counts the accounts whose amount is unknown. */
export function sum(accounts: readonly ReportAccount[], pick: (a: ReportAccount) => number | null, records: RecordRef[] = accountRefs(accounts)): Figure {
  let total = 0;
  let missing = 0;
  for (const a of accounts) {
    const v = pick(a);
    if (v === null) missing++;
    else total += v;
  }
  return figure('fen', total, records, missing);
}

/** Highest or lowest known amount; null when none is known. */
export function extreme(accounts: readonly ReportAccount[], pick: (a: ReportAccount) => number | null, which: 'max' | 'min', unit: FigureUnit = 'fen'): Figure {
  let best: number | null = null;
  let holder: ReportAccount | null = null;
  let missing = 0;
  for (const a of accounts) {
    const v = pick(a);
    if (v === null) {
      missing++;
      continue;
    }
    if (best === null || (which === 'max' ? v > best : v < best)) {
      best = v;
      holder = a;
    }
  }
  return figure(unit, best, holder ? [accountRef(holder)] : [], missing);
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'unit' in value && 'records' in value && 'missing' in value;
}

function mergeFigure(certain: Figure, possible: Figure): Figure {
  const out: Figure = { ...certain, missing: possible.missing, records: possible.records };
  if (possible.value !== certain.value) {
    out.ifUnknownReported = possible.value;
    if (certain.value !== null && possible.value !== null) {
      out.range = [Math.min(certain.value, possible.value), Math.max(certain.value, possible.value)];
    }
  }
  return out;
}

/** Both scenarios' results, figure by figure: `certain` (only `yes` accounts) and `possible`. */
export function merge<T>(certain: T, possible: T): T {
  // One result for both (the query counters, kept with the query list): nothing to merge.
  if (certain === possible) return certain;
  if (isFigure(certain) && isFigure(possible)) return mergeFigure(certain, possible) as T;
  if (Array.isArray(certain) && Array.isArray(possible)) {
    if (certain.length !== possible.length) return possible;
    return certain.map((item, i) => merge(item, possible[i])) as T;
  }
  if (typeof certain === 'object' && certain !== null && typeof possible === 'object' && possible !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(possible)) out[key] = merge((certain as Record<string, unknown>)[key], (possible as Record<string, unknown>)[key]);
    return out as T;
  }
  return certain === undefined ? possible : certain;
}

/**
 * A result of figures with one record swapped for another wherever it appears (the same object
 * where it does not): what a fold answers for a list in which one account was replaced by one
 * that adds the same to it (core/bureau/replaced.ts).
 */
export function swappedRecords<T>(value: T, old: RecordRef, next: RecordRef): T {
  if (old === next) return value;
  if (isFigure(value)) {
    const at = value.records.indexOf(old);
    if (at < 0) return value;
    const records = value.records.slice();
    records[at] = next;
    return { ...value, records } as T;
  }
  if (Array.isArray(value)) {
    const out = value.map((item) => swappedRecords(item, old, next));
    return (out.some((item, i) => item !== value[i]) ? out : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    let changed = false;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      out[key] = swappedRecords(item, old, next);
      changed ||= out[key] !== item;
    }
    return (changed ? out : value) as T;
  }
  return value;
}
