// Reconciliation: the totals an export states of itself against the same totals added up from its
// rows the way that export adds them (stated-totals.ts). Where they differ, it names the rows that
// account for the difference (file line and amount) when the rows can tell: rows outside the
// period the export states (added to the file after it was exported), one row that makes up the
// whole difference, or one row counted in another line than the export counts it.

import { contribution, placeRow, TOTALS_RULES_VERSION, type TotalsRule } from './stated-totals.ts';
import type { TallyChunks } from './tally-chunks.ts';
import { TallyRows } from './tally-rows.ts';
import { STATED_LINES, type NormalizedTransaction, type StatedLine, type StatedTotals } from './types.ts';
import type { Reconciliation, ReconciliationCheck, ReconciliationDifference, DifferenceRow } from './report-schema.ts';

/** Rows named under one difference; the rest are counted in rowsOmitted. */
const ROWS_NAMED = 20;
const NO_LINE = 255;

/** The epochs (seconds) of the period an export states, both ends inclusive. */
export interface StatedSpan {
  start: number;
  end: number;
}

/** Which rows a difference names: those outside the stated period, or those of one amount. */
type RowTest = { outside: StatedSpan } | { fen: number };

type LineTotals = Record<StatedLine, { count: number; fen: number }>;

function emptyLines(): LineTotals {
  return Object.fromEntries(STATED_LINES.map((line) => [line, { count: 0, fen: 0 }])) as LineTotals;
}

/**
 * Every row of one file as its stated totals count it: the line it is in (or none) and what it
 * adds there, with its source line and time, so that a difference can name its rows.
 */
export class StatedTally {
  readonly lines: LineTotals = emptyLines();
  private rule: TotalsRule | null | undefined;
  /** Packed (tally-rows.ts): about 5 bytes a row where four columns took 13. */
  private readonly rows: TallyRows;

  private readonly resolve: () => TotalsRule | null;

  /**
   * `resolve` names the file's rule once its header is known (it is, by the first row); `chunks`
   * keeps the rows' full chunks (an import's TEMP table: tally-chunks.ts).
   */
  constructor(resolve: () => TotalsRule | null, chunks: TallyChunks) {
    this.resolve = resolve;
    this.rows = new TallyRows(NO_LINE, chunks);
  }

  get totalsRule(): TotalsRule | null {
    return this.rule ?? null;
  }

  add(tx: NormalizedTransaction): void {
    if (this.rule === undefined) this.rule = this.resolve();
    if (this.rule === null) return;
    const placed = placeRow(this.rule, tx);
    const fen = placed ? contribution(placed, tx) : 0;
    this.rows.add(placed ? STATED_LINES.indexOf(placed.line) : NO_LINE, tx.sourceLine, tx.occurredEpoch, fen);
    if (placed) {
      this.lines[placed.line].count++;
      this.lines[placed.line].fen += fen;
    }
  }

  /**
   * Rows of `line` (all rows for null) that pass `test`: the first ROWS_NAMED as named rows, and
   * how many there are with their sum. Only the named ones are built: a file whose rows all lie
   * outside its stated period would otherwise build an object for each of a million rows. The
   * test is data, not a closure: the rows are read back in one pass, and a row that fails the test
   * is left at a few comparisons.
   */
  select(line: StatedLine | null, test: RowTest, why: DifferenceRow['why']): Found {
    const wanted = line === null ? -1 : STATED_LINES.indexOf(line);
    const found: Found = { rows: [], count: 0, fen: 0 };
    const span = 'outside' in test ? test.outside : null;
    const start = span === null ? 0 : span.start;
    const end = span === null ? 0 : span.end;
    const amount = 'fen' in test ? test.fen : 0;
    this.rows.read((row) => {
      const at = row.line;
      if (wanted !== -1 && at !== wanted) return;
      if (span !== null ? row.epoch >= start && row.epoch <= end : row.fen !== amount) return;
      found.count++;
      found.fen += row.fen;
      if (found.rows.length < ROWS_NAMED) {
        found.rows.push({ line: row.sourceLine, fen: row.fen, countedIn: at === NO_LINE ? null : STATED_LINES[at]!, why });
      }
    });
    return found;
  }

  /** Frees the rows now, once the reconciliation is made. */
  release(): void {
    this.rows.release();
  }
}

type Total = ReconciliationDifference['total'];

/** Rows that explain a difference: the first ROWS_NAMED of them named, all of them counted and summed. */
interface Found {
  rows: DifferenceRow[];
  count: number;
  fen: number;
}

const NONE: Found = { rows: [], count: 0, fen: 0 };

/** One list after another, as if concatenated: the first ROWS_NAMED of both, and both counted. */
function joined(a: Found, b: Found): Found {
  return { rows: [...a.rows, ...b.rows].slice(0, ROWS_NAMED), count: a.count + b.count, fen: a.fen + b.fen };
}

function named(total: Total, rowsDifference: number | null, fenDifference: number | null, found: Found, explained: boolean): ReconciliationDifference {
  return { total, rowsDifference, fenDifference, rows: found.rows, rowsOmitted: Math.max(0, found.count - ROWS_NAMED), explained };
}

/** Rows outside the stated period: the export cannot have counted them. */
function outsidePeriod(tally: StatedTally, line: StatedLine | null, span: StatedSpan | null): Found {
  if (!span) return NONE;
  return tally.select(line, { outside: span }, 'outside_period');
}

function explainLine(
  line: StatedLine,
  rowsDifference: number | null,
  fenDifference: number | null,
  tally: StatedTally,
  span: StatedSpan | null,
  others: ReadonlyMap<StatedLine, { rows: number | null; fen: number | null }>,
): ReconciliationDifference {
  const outside = outsidePeriod(tally, line, span);
  if (outside.count > 0 && (rowsDifference === null || rowsDifference === outside.count) && (fenDifference === null || fenDifference === outside.fen)) {
    return named(line, rowsDifference, fenDifference, outside, true);
  }
  // One row more than the export counts, of exactly the difference.
  if ((rowsDifference === 1 || rowsDifference === null) && fenDifference !== null && fenDifference !== 0) {
    const extra = tally.select(line, { fen: fenDifference }, 'accounts_for_difference');
    if (extra.count > 0) return named(line, rowsDifference, fenDifference, extra, true);
  }
  // One row fewer: the export counts in this line a row that the rule put in another line, which has it one too many.
  if ((rowsDifference === -1 || rowsDifference === null) && fenDifference !== null && fenDifference <= 0) {
    let moved = NONE;
    for (const [other, delta] of others) {
      if (other === line || !(delta.rows === 1 || delta.rows === null) || delta.fen !== -fenDifference) continue;
      moved = joined(moved, tally.select(other, { fen: -fenDifference }, 'counted_elsewhere'));
    }
    if (moved.count > 0) return named(line, rowsDifference, fenDifference, moved, true);
  }
  // Rows outside the period that do not make up the whole difference are still named: the export cannot have counted them.
  return named(line, rowsDifference, fenDifference, outside, false);
}

/** 共N笔记录: rows outside the period are named; rows fewer than stated are not in the file to name. */
function explainCount(rowsDifference: number, tally: StatedTally, span: StatedSpan | null): ReconciliationDifference {
  const outside = outsidePeriod(tally, null, span);
  return named('count', rowsDifference, null, outside, outside.count > 0 && outside.count === rowsDifference);
}

/**
 * The stated totals against the tally. `rowsRead` counts every data row of the table (rejected
 * ones too: `共N笔记录` counts the rows the export wrote, whatever this importer made of them).
 */
export function reconcile(stated: StatedTotals | null, span: StatedSpan | null, rowsRead: number, tally: StatedTally): Reconciliation {
  const rule = tally.totalsRule;
  const ruleRef = rule ? { id: rule.id, version: TOTALS_RULES_VERSION } : null;
  if (!stated) return { agrees: null, rule: ruleRef, checks: [], differences: [] };
  const checks: ReconciliationCheck[] = [];
  const check = (field: string, value: number | undefined, real: number): number | null => {
    if (value === undefined) return null;
    checks.push({ field, stated: value, actual: real, difference: real - value });
    return real - value;
  };
  const countDifference = check('count', stated.count, rowsRead);
  const deltas = new Map<StatedLine, { rows: number | null; fen: number | null }>();
  for (const line of STATED_LINES) {
    const entry = stated.lines[line];
    if (!entry) continue;
    const rows = check(`${line}.count`, entry.count, tally.lines[line].count);
    const fen = check(`${line}.fen`, entry.fen, tally.lines[line].fen);
    deltas.set(line, { rows, fen });
  }
  const differences: ReconciliationDifference[] = [];
  if (countDifference !== null && countDifference !== 0) differences.push(explainCount(countDifference, tally, span));
  for (const [line, delta] of deltas) {
    if ((delta.rows ?? 0) === 0 && (delta.fen ?? 0) === 0) continue;
    differences.push(explainLine(line, delta.rows, delta.fen, tally, span, deltas));
  }
  return { agrees: checks.length === 0 ? null : checks.every((c) => c.difference === 0), rule: ruleRef, checks, differences };
}
