// The exports state their own totals (`共66笔记录`, `支出：63笔 16.54元`, ICBC's 合计金额 row).
// Comparing them with what was read catches truncated files and silently dropped rows.

import { parseAmountText } from './amount.ts';
import { cellText } from './cells.ts';
import { makeWarning, type WarningSink } from './messages.ts';
import type { HeaderInfo } from './platform.ts';
import type { ByDirection, Direction, Reconciliation, ReconciliationCheck, TableRecord } from './types.ts';

export interface StatedTotals {
  count?: number;
  byDirection: Partial<Record<Direction, { count?: number; fen?: number }>>;
}

const LABELS: Readonly<Record<string, Direction>> = {
  收入: 'income',
  已收入: 'income',
  待收入: 'income',
  支出: 'expense',
  已支出: 'expense',
  待支出: 'expense',
  不计收支: 'neutral',
  中性交易: 'neutral',
  其他: 'neutral',
};

const COUNT_LINE = /^共[:：]?\s*(\d+)\s*笔记录/;
// `支出：63笔 16.54元`, `收入：0笔,0.00元`, `支出：16笔(含4笔部分退款)，1648.43元`, `已支出:1笔,27元`
const DIRECTION_LINE = /^(收入|已收入|待收入|支出|已支出|待支出|不计收支|中性交易|其他)[:：]\s*(\S*?)笔.*?(\d[\d,]*(?:\.\d+)?)元/;

/** A record's text as one line: non-empty cells joined by `,` (CSV splits `收入：0笔,0.00元`). */
export function recordText(record: TableRecord): string {
  return record.cells.map(cellText).filter((text) => text !== '').join(',');
}

function add(totals: StatedTotals, direction: Direction, count: number | undefined, fen: number | undefined): void {
  const entry = (totals.byDirection[direction] ??= {});
  // 已收入 and 待收入 both count as income: add them up.
  if (count !== undefined) entry.count = (entry.count ?? 0) + count;
  if (fen !== undefined) entry.fen = (entry.fen ?? 0) + fen;
}

/** Reads the summary lines of the preamble and footer; unreadable ones become warnings. */
export function parseStatedTotals(records: readonly TableRecord[], warnings: WarningSink): StatedTotals | null {
  const totals: StatedTotals = { byDirection: {} };
  let found = false;
  for (const record of records) {
    const text = recordText(record);
    const count = COUNT_LINE.exec(text);
    if (count) {
      totals.count = Number(count[1]);
      found = true;
      continue;
    }
    const line = DIRECTION_LINE.exec(text);
    if (!line) continue;
    found = true;
    const stated = /^\d+$/.test(line[2]) ? Number(line[2]) : undefined;
    const fen = parseAmountText(line[3])?.fen;
    if (stated === undefined || fen === undefined) warnings.add(makeWarning('import.warn.summary_unparsed', record.line, { text }));
    add(totals, LABELS[line[1]], stated, fen);
  }
  return found ? totals : null;
}

/** ICBC: `合计金额,,,,,"1234.56",…` under the 交易金额(收入)/(支出) columns. */
export function parseColumnTotals(
  records: readonly TableRecord[],
  header: HeaderInfo,
  label: string,
  columns: Readonly<Partial<Record<Direction, string>>>,
): StatedTotals | null {
  const row = records.find((record) => cellText(record.cells[0]) === label);
  if (!row) return null;
  const totals: StatedTotals = { byDirection: {} };
  for (const [direction, column] of Object.entries(columns) as Array<[Direction, string]>) {
    const fen = parseAmountText(cellText(row.cells[header.index(column)]))?.fen;
    if (fen !== undefined) add(totals, direction, undefined, fen);
  }
  return totals;
}

export function reconcile(stated: StatedTotals | null, rowsRead: number, actual: ByDirection): Reconciliation {
  if (!stated) return { agrees: null, checks: [] };
  const checks: ReconciliationCheck[] = [];
  const check = (field: string, value: number | undefined, real: number): void => {
    if (value !== undefined) checks.push({ field, stated: value, actual: real, difference: real - value });
  };
  check('count', stated.count, rowsRead);
  for (const direction of ['income', 'expense', 'neutral'] as const) {
    check(`${direction}.count`, stated.byDirection[direction]?.count, actual[direction].count);
    check(`${direction}.fen`, stated.byDirection[direction]?.fen, actual[direction].fen);
  }
  return { agrees: checks.length === 0 ? null : checks.every((c) => c.difference === 0), checks };
}
