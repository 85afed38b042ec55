// 查询记录概要 (PC05, docs/domain/pboc-report.md#summary-counters) and the query windows of the
// lender rules (docs/domain/pboc-report.md#hard-queries,
// docs/domain/lender-heuristics.md#hard-queries). Every query record is on the report: there is no
// "unknown reporting" for a query.

import type { QueryRecord } from '../ledger/queries.ts';
import { QUERY_REASONS } from '../shared/reference-data.ts';
import { figure } from './figures.ts';
import type { Figure, QueryRow, QuerySummary, RecordRef } from './report-schema.ts';
import { dayIndex, formatDay, lastMonths, leavesWindowOn } from './windows.ts';

/** The PC05 counters: which reason codes each one counts, and over how many months. */
export const QUERY_COUNTERS = {
  institutions1m: { loan: ['02'], card: ['03'] },
  queries1m: { loan: ['02'], card: ['03'], self: ['self'] },
  queries2y: { postLoan: ['01'], guarantee: ['08'], merchant: ['19'] },
  windows: { institutions1m: 1, queries1m: 1, queries2y: 24 },
  source: 'docs/domain/pboc-report.md#summary-counters PC05BS01–08; reason codes docs/domain/pboc-report.md#query-reasons (pboc_conf.py inq_reason_cat)',
} as const;

const REASON_BY_CODE = new Map(QUERY_REASONS.map((r) => [r.code, r]));

export function queryRef(q: QueryRecord): RecordRef {
  return { kind: 'query', queryId: q.id, queriedOn: q.queriedOn, institution: q.institution, reasonCode: q.reasonCode };
}

/** A query's day, read once per record (a snapshot's records are never edited; a what-if's months share them). */
function dayOf(q: QueryRecord): number {
  let day = days.get(q);
  if (day === undefined) days.set(q, (day = dayIndex(q.queriedOn)));
  return day;
}

const days = new WeakMap<QueryRecord, number>();

/** A snapshot's queries newest first, kept with its list (every report month of a what-if reads the same list). */
const newestFirst = new WeakMap<readonly QueryRecord[], QueryRecord[]>();

/** Queries on or before the as-of day, newest first. */
export function queriesOnReport(queries: readonly QueryRecord[], asOfDay: number): QueryRecord[] {
  let sorted = newestFirst.get(queries);
  if (!sorted) newestFirst.set(queries, (sorted = [...queries].sort((a, b) => (a.queriedOn < b.queriedOn ? 1 : a.queriedOn > b.queriedOn ? -1 : b.id - a.id))));
  // Newest first: the queries after the day come first.
  let after = 0;
  while (after < sorted.length && dayOf(sorted[after]) > asOfDay) after++;
  return sorted.slice(after);
}

export function queriesInWindow(queries: readonly QueryRecord[], asOfDay: number, months: number, reasons?: readonly string[]): QueryRecord[] {
  const within = lastMonths(asOfDay, months);
  return queries.filter((q) => within(dayOf(q)) && (!reasons || reasons.includes(q.reasonCode)));
}

function countQueries(queries: QueryRecord[]): Figure {
  return figure('count', queries.length, queries.map(queryRef));
}

function countInstitutions(queries: QueryRecord[]): Figure {
  return figure('count', new Set(queries.map((q) => q.institution)).size, queries.map(queryRef));
}

/** The counters of a query list on a day, kept with the list: both readings of a report, and every month of a what-if sharing the list, read one. */
export function querySummary(all: readonly QueryRecord[], asOfDay: number): QuerySummary {
  let kept = summaries.get(all);
  if (!kept) summaries.set(all, (kept = new Map()));
  let summary = kept.get(asOfDay);
  if (!summary) kept.set(asOfDay, (summary = countersOf(all, asOfDay)));
  return summary;
}

const summaries = new WeakMap<readonly QueryRecord[], Map<number, QuerySummary>>();

function countersOf(all: readonly QueryRecord[], asOfDay: number): QuerySummary {
  const queries = queriesOnReport(all, asOfDay);
  const within = (months: number, reasons: readonly string[]) => queriesInWindow(queries, asOfDay, months, reasons);
  const c = QUERY_COUNTERS;
  const last = queries[0] ?? null;
  return {
    last: last && { queryId: last.id, queriedOn: last.queriedOn, institution: last.institution, institutionType: last.institutionType, reasonCode: last.reasonCode },
    institutions1m: {
      loan: countInstitutions(within(c.windows.institutions1m, c.institutions1m.loan)),
      card: countInstitutions(within(c.windows.institutions1m, c.institutions1m.card)),
    },
    queries1m: {
      loan: countQueries(within(c.windows.queries1m, c.queries1m.loan)),
      card: countQueries(within(c.windows.queries1m, c.queries1m.card)),
      self: countQueries(within(c.windows.queries1m, c.queries1m.self)),
    },
    queries2y: {
      postLoan: countQueries(within(c.windows.queries2y, c.queries2y.postLoan)),
      guarantee: countQueries(within(c.windows.queries2y, c.queries2y.guarantee)),
      merchant: countQueries(within(c.windows.queries2y, c.queries2y.merchant)),
    },
  };
}

export function queryRows(all: readonly QueryRecord[], asOfDay: number): QueryRow[] {
  return queriesOnReport(all, asOfDay).map((q) => ({
    id: q.id,
    queriedOn: q.queriedOn,
    institution: q.institution,
    institutionType: q.institutionType,
    reasonCode: q.reasonCode,
    reasonName: REASON_BY_CODE.get(q.reasonCode)?.name ?? { 'zh-CN': q.reasonCode, en: q.reasonCode },
    hard: q.hard,
  }));
}

/**
 * The first day from which one more application (one more hard query, on that day) keeps the
 * count in the window at or under `limit` ('more_than') or under it ('at_least'): the day
 * enough of today's queries have aged out of the window. The as-of day itself when that holds
 * already; null when no level is set.
 */
export function safeToApplyFrom(hardQueries: readonly QueryRecord[], asOfDay: number, months: number, limit: number | null, comparison: 'at_least' | 'more_than'): string | null {
  if (limit === null) return null;
  const allowed = comparison === 'more_than' ? limit : limit - 1; // the count, new query included, may not pass this
  const inWindow = queriesInWindow(hardQueries, asOfDay, months)
    .map(dayOf)
    .sort((a, b) => a - b);
  const mustLeave = inWindow.length + 1 - allowed;
  if (mustLeave <= 0) return formatDay(asOfDay);
  if (mustLeave > inWindow.length) return null; // even an empty window cannot take one more
  return formatDay(leavesWindowOn(inWindow[mustLeave - 1], months));
}
