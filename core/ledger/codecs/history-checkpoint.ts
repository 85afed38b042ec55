// A history pass's checkpoint as stored (credit_account_checkpoints.state, migration 0022): the
// pass's state after its month with every part the months change, the rows up to it as a length
// of the stored months_json, and its last row. What the state holds of the input (the account's
// kind, days, facts) is not stored: newHistoryState builds it again from the input it is
// revived for. Every other part is written whatever it is named, so a part added to the state
// is carried without a change here; an obligation's parts are read back by name (obligationOf,
// which the compiler holds to the Obligation type). test/unit/ledger/day-checkpoints.test.ts
// reads back the states of a synthetic profile's every account.

import type { MonthRow } from '../account-schema.ts';
import type { EventList, HistoryInput } from '../history/history-input.ts';
import { newHistoryState, type HistoryState } from '../history/history-state.ts';
import type { HistoryCheckpoint } from '../history/monthly-history.ts';
import { newObligation, type Obligation } from '../history/obligations.ts';
import { monthsJson, parseMonthsJson } from './stored-months.ts';

/** The parts of the state newHistoryState makes from the input (and the day), never moved by a month. */
const FROM_INPUT = new Set(['input', 'revolving', 'line', 'scheduled', 'cycle', 'asOf', 'asOfMonth', 'openMonth', 'closedMonth', 'manualPaidMonths', 'factDueMonths']);

/** A stored checkpoint: where the pass starts again, and how far the stored history it came with goes. */
export interface StoredCheckpoint {
  month: number;
  daysRead: number;
  /** Characters of the stored months_json up to the end of the checkpoint's month (no closing bracket). */
  prefixLength: number;
  /** The rows up to and including its month. */
  rowCount: number;
  last: MonthRow;
  state: HistoryState;
}

/** An obligation's parts in the order newObligation makes them: the order they are stored in. */
const OBLIGATION_KEYS = Object.keys(newObligation(0, 0, 0, null, 0, new Set())).join();

/**
 * An obligation read back, made as one object literal so that every one has the same shape (a
 * new day reads every obligation of every account: thousands). In the order of OBLIGATION_KEYS.
 */
function obligationOf(r: unknown[]): Obligation {
  return {
    issueDay: r[0] as number,
    dueDay: r[1] as number,
    dueMonth: r[2] as number,
    full: r[3] as number | null,
    min: r[4] as number | null,
    principal: r[5] as number,
    paid: r[6] as number,
    paidSinceIssue: r[7] as number,
    satisfiedDay: r[8] as number,
    state: r[9] as Obligation['state'],
    manualPaid: r[10] as boolean,
  };
}

type Encoded = { set: unknown[] } | { map: [unknown, unknown][] } | { obligations: { keys: string[]; rows: unknown[][] } } | { number: string } | unknown;

function encodeValue(key: string, value: unknown): Encoded {
  if (key === 'obligations') {
    const list = value as Obligation[];
    const keys = list.length > 0 ? Object.keys(list[0]!) : [];
    return { obligations: { keys, rows: list.map((o) => keys.map((k) => o[k as keyof Obligation])) } };
  }
  if (value instanceof Set) return { set: [...value] };
  if (value instanceof Map) return { map: [...value] };
  // JSON has no infinities (the pass starts with nothing verified: -Infinity).
  if (typeof value === 'number' && !Number.isFinite(value)) return { number: String(value) };
  return value;
}

function decodeValue(key: string, value: any): unknown {
  if (key === 'obligations') {
    const { keys, rows } = value.obligations as { keys: string[]; rows: unknown[][] };
    // Stored by another shape of obligation (a part added since): each by its names.
    if (keys.join() !== OBLIGATION_KEYS || rows.length === 0) return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])) as unknown as Obligation);
    return rows.map(obligationOf);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    if ('set' in value) return new Set(value.set);
    if ('map' in value) return new Map(value.map);
    if ('number' in value) return Number(value.number);
  }
  return value;
}

export function checkpointJson(checkpoint: HistoryCheckpoint, prefixLength: number, rowCount: number): string {
  const s = checkpoint.state;
  const state: Record<string, Encoded> = {};
  for (const [key, value] of Object.entries(s)) {
    if (FROM_INPUT.has(key)) continue;
    // The last bill, by its place among the obligations.
    state[key] = key === 'latest' ? (s.latest === null ? null : s.obligations.indexOf(s.latest)) : encodeValue(key, value);
  }
  return JSON.stringify({ month: checkpoint.month, daysRead: checkpoint.daysRead, prefixLength, rowCount, last: monthsJson([checkpoint.last]), state });
}

/** The checkpoint stored as `json`, its state revived for `input` (the same inputs, another day). */
export function parseCheckpoint(json: string, input: HistoryInput<EventList>): StoredCheckpoint {
  const stored = JSON.parse(json) as Omit<StoredCheckpoint, 'last' | 'state'> & { last: string; state: Record<string, unknown> };
  const state = newHistoryState(input) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(stored.state)) if (key !== 'latest') state[key] = decodeValue(key, value);
  const obligations = state.obligations as Obligation[];
  const latest = stored.state.latest as number | null;
  state.latest = latest === null ? null : obligations[latest];
  return { month: stored.month, daysRead: stored.daysRead, prefixLength: stored.prefixLength, rowCount: stored.rowCount, last: parseMonthsJson(stored.last)[0]!, state: state as unknown as HistoryState };
}
