// Figures and the records behind them. Every section of the report is computed twice, from the
// accounts known to report and from those plus the accounts whose reporting is unknown; `merge`
// walks the two results (same shape: same code, different accounts) and makes each number a
// Figure that carries both ends when they differ.

import type { ReportAccount } from './layouts.ts';
import type { Figure, FigureUnit, RecordRef } from './report-schema.ts';

export function accountRef(account: ReportAccount, months: readonly string[] = []): RecordRef {
  return { kind: 'account', accountId: account.id, name: account.name, type: account.type, reporting: account.reporting, months: [...months] };
}

export function figure(unit: FigureUnit, value: number | null, records: RecordRef[] = [], missing = 0): Figure {
  return { unit, value, missing, records };
}

export function count(accounts: readonly ReportAccount[]): Figure {
  return figure('count', accounts.length, accounts.map((a) => accountRef(a)));
}

/** Sum of known amounts; `missing` counts the accounts whose amount is unknown. */
export function sum(accounts: readonly ReportAccount[], pick: (a: ReportAccount) => number | null): Figure {
  let total = 0;
  let missing = 0;
  for (const a of accounts) {
    const v = pick(a);
    if (v === null) missing++;
    else total += v;
  }
  return figure('fen', total, accounts.map((a) => accountRef(a)), missing);
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
