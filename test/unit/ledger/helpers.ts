// Shared by the ledger tests: dates as text, events in yuan, a default history input.

import { parseDay, parseMonth } from '../../../core/shared/calendar.ts';
import type { HistoryInput, LedgerEvent, ManualMonth } from '../../../core/ledger/history/history-input.ts';
import { computeHistory } from '../../../core/ledger/history/monthly-history.ts';
import type { MonthRow } from '../../../core/ledger/account-schema.ts';

export function day(text: string): number {
  const value = parseDay(text);
  if (value === null) throw new Error(`bad date ${text}`);
  return value;
}

export function ev(date: string, role: LedgerEvent['role'], yuan: number, unconfirmed = false): LedgerEvent {
  return { day: day(date), role, fen: Math.round(yuan * 100), unconfirmed };
}

export function facts(entries: Record<string, Partial<ManualMonth>>): Map<number, ManualMonth> {
  return new Map(
    Object.entries(entries).map(([month, fact]) => [
      parseMonth(month)!,
      { balanceFen: null, amountDueFen: null, minimumDueFen: null, amountPaidFen: null, status: null, ...fact },
    ]),
  );
}

export function history(input: Partial<HistoryInput> & Pick<HistoryInput, 'asOfDay'>) {
  return computeHistory({
    kind: 'revolving',
    statementDay: null,
    dueDay: null,
    openedDay: null,
    closedDay: null,
    opening: null,
    minimumPaymentBp: null,
    principalFen: null,
    schedule: null,
    installments: [],
    events: [],
    coverage: [],
    facts: new Map(),
    ...input,
  });
}

/** `2025-03 1` per month: the grid a person reads off a report. */
export function grid(rows: readonly MonthRow[]): string[] {
  return rows.map((row) => `${row.month} ${row.status}`);
}

export function column<K extends keyof MonthRow>(rows: readonly MonthRow[], key: K): MonthRow[K][] {
  return rows.map((row) => row[key]);
}
