// The exports state their own totals (`共66笔记录`, `支出：63笔 16.54元`, ICBC's 合计金额 row).
// Comparing them with what was read catches truncated files and silently dropped rows.
// They also state the period they show (`起始时间：[…] 终止时间：[…]`, `日期区间：… 至 …`): the
// ledger counts every day of it as observed, including days without a row.

import { parseAmountText } from './amount.ts';
import { cellText } from './cells.ts';
import { makeWarning, type WarningSink } from './messages.ts';
import type { HeaderInfo } from './platform.ts';
import { fromWallDate, parseTimeText, type WallTime } from './time.ts';
import type { StatedLine, StatedTotals, TableRecord } from './types.ts';
import type { ExportPeriod, PeriodBound } from './report-schema.ts';
import type { StatedSpan } from './reconcile.ts';

const LABELS: Readonly<Record<string, StatedLine>> = {
  收入: 'income',
  已收入: 'income',
  待收入: 'income_pending',
  支出: 'expense',
  已支出: 'expense',
  待支出: 'expense_pending',
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

function add(totals: StatedTotals, line: StatedLine, count: number | undefined, fen: number | undefined): void {
  const entry = (totals.lines[line] ??= {});
  if (count !== undefined) entry.count = (entry.count ?? 0) + count;
  if (fen !== undefined) entry.fen = (entry.fen ?? 0) + fen;
}

/** The period an export states, as written on its line (both ends inclusive). */
export interface StatedPeriod {
  start: WallTime;
  end: WallTime;
  line: number;
}

export interface StatedSummary {
  totals: StatedTotals | null;
  period: StatedPeriod | null;
}

// `起始时间：[2023-02-10 00:00:00]    终止时间：[2023-02-13 23:59:59]` (Alipay app, before or after the
// table; WeChat), `起始时间：[2025-02-01] 终止时间：[2025-02-28]` (Meituan: dates only),
// `起始日期:[2019-08-01 00:00:00]    终止日期:[2019-10-01 00:00:00]` (Alipay web).
const BRACKETED_PERIOD = /^起始(?:时间|日期)[:：]\s*\[([^\]]*)\]\s*终止(?:时间|日期)[:：]\s*\[([^\]]*)\]/;
// `日期区间：2024-12-01 至 2024-12-31` (JD).
const RANGE_PERIOD = /^日期区间[:：]\s*(.*?)\s*至\s*(.*?)\s*$/;

/**
 * One end of a stated period. An end written as a date alone runs to that day's last second;
 * one without seconds (as Excel/WPS rewrites times) to its minute's last second.
 */
function periodBound(written: string, isEnd: boolean): WallTime | null {
  const text = written.trim();
  const time = parseTimeText(text);
  if (!time || !isEnd) return time;
  const extra = /:\d{1,2}:\d{1,2}$/.test(text) ? 0 : /\d:\d{1,2}$/.test(text) ? 59 : 86_399;
  return extra === 0 ? time : fromWallDate(new Date((time.epoch + 8 * 3600 + extra) * 1000));
}

function parsePeriodLine(text: string): { match: boolean; period: Omit<StatedPeriod, 'line'> | null } {
  const found = BRACKETED_PERIOD.exec(text) ?? RANGE_PERIOD.exec(text);
  if (!found) return { match: false, period: null };
  const start = periodBound(found[1], false);
  const end = periodBound(found[2], true);
  return { match: true, period: start && end && start.epoch <= end.epoch ? { start, end } : null };
}

/**
 * Reads the summary lines of the preamble and footer: the stated totals (unless `totals` is
 * false, for formats that state them elsewhere) and the stated period. Unreadable ones become
 * warnings.
 */
export function parseStatedSummary(records: readonly TableRecord[], warnings: WarningSink, { totals: readTotals = true } = {}): StatedSummary {
  const totals: StatedTotals = { lines: {} };
  let found = false;
  let period: StatedPeriod | null = null;
  let periodSeen = false;
  for (const record of records) {
    const text = recordText(record);
    if (!periodSeen) {
      const stated = parsePeriodLine(text);
      if (stated.match) {
        periodSeen = true;
        if (stated.period) period = { ...stated.period, line: record.line };
        else warnings.add(makeWarning('import.warn.period_unparsed', record.line, { text }));
        continue;
      }
    }
    if (!readTotals) continue;
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
  return { totals: found ? totals : null, period };
}

/** The stated period as epochs, for reconciliation: rows outside it are not in the stated totals. */
export function statedSpan(period: StatedPeriod | null): StatedSpan | null {
  return period ? { start: period.start.epoch, end: period.end.epoch } : null;
}

/** The first and last row times of a file, as the reader saw them. */
export interface RowSpan {
  first: PeriodBound;
  last: PeriodBound;
}

function bound(time: WallTime | PeriodBound): PeriodBound {
  return { iso: time.iso, epoch: time.epoch };
}

/** `2023-02-10 00:00:00`, the way the exports write a time, for messages. */
function shown(time: PeriodBound): string {
  return time.iso.slice(0, 19).replace('T', ' ');
}

/**
 * The period the export shows: the stated one when it contains every row; otherwise (none
 * stated, or rows outside it) the rows' own span, with a warning when a stated period is contradicted.
 */
export function exportPeriod(stated: StatedPeriod | null, rows: RowSpan | null, warnings: WarningSink): ExportPeriod | null {
  if (stated && (!rows || (rows.first.epoch >= stated.start.epoch && rows.last.epoch <= stated.end.epoch))) {
    return { start: bound(stated.start), end: bound(stated.end), source: 'stated' };
  }
  if (!rows) return null;
  if (stated) {
    warnings.add(
      makeWarning('import.warn.period_mismatch', stated.line, {
        start: shown(stated.start),
        end: shown(stated.end),
        first: shown(rows.first),
        last: shown(rows.last),
      }),
    );
  }
  return { start: bound(rows.first), end: bound(rows.last), source: 'rows' };
}

/** ICBC: `合计金额,,,,,"1234.56",…` under the 交易金额(收入)/(支出) columns. */
export function parseColumnTotals(
  records: readonly TableRecord[],
  header: HeaderInfo,
  label: string,
  columns: Readonly<Partial<Record<StatedLine, string>>>,
): StatedTotals | null {
  const row = records.find((record) => cellText(record.cells[0]) === label);
  if (!row) return null;
  const totals: StatedTotals = { lines: {} };
  for (const [line, column] of Object.entries(columns) as Array<[StatedLine, string]>) {
    const fen = parseAmountText(cellText(row.cells[header.index(column)]))?.fen;
    if (fen !== undefined) add(totals, line, undefined, fen);
  }
  return totals;
}
