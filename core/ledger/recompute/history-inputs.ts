// What a recompute reads, for every account at once (one query per table), and one account's
// input to the history pass built from it: its terms, its events (a line's merged with its
// draws'), the days exports cover it, the user's month facts and instalment plans, a line's draws.

import { graceRuleFor, issuerOf, type GraceRule } from '../../rules/repayment-grace.ts';
import { billingCycleRuleFor } from '../../rules/billing-cycle.ts';
import { readIssuerGraceRules } from '../../settings/conventions.ts';
import { dayOfMonthOf, monthOfDay, parseDay, parseMonth } from '../../shared/calendar.ts';
import type { StatusCode } from '../../shared/status-alphabet.ts';
import type { Db } from '../../storage/database.ts';
import { loadAccounts, type AccountRecord } from '../account-values.ts';
import { packedEvents, PackedEvents, unpackEvents } from '../codecs/packed-events.ts';
import { exportCoverage, type CoverageEntry } from '../export-coverage.ts';
import type { DrawSchedule, EventList, HistoryInput, InstallmentPlan, LedgerEvent, ManualMonth } from '../history/history-input.ts';
import { buildSchedule, type Instalment } from '../schedule.ts';
import { accountCoverage, drawCoverage } from './account-coverage.ts';
import { keptIfSame, ledgerCounters, readAtCounters, stampRead } from '../reread.ts';

/** `E`: how the events are held: arrays for a read of every account (a what-if edits them), packed for a recompute's family. */
export interface AccountEvents<E extends EventList = LedgerEvent[]> {
  events: E;
  /** Batches that carried this account's events, by platform. */
  batches: Set<number>;
  /** Line-level repayments nobody could assign to a draw (lines only). */
  unassigned: number[];
}

export interface LedgerInputs<E extends EventList = LedgerEvent[]> {
  accounts: AccountRecord[];
  byId: Map<number, AccountRecord>;
  events: Map<number, AccountEvents<E>>;
  /** A line's merged history carries its draws' events too. */
  lineEvents: Map<number, E>;
  exports: CoverageEntry[];
  facts: Map<number, Map<number, ManualMonth>>;
  plans: Map<number, InstallmentPlan[]>;
  children: Map<number, AccountRecord[]>;
  /** Loan schedules from the terms, computed once per account (a draw's serves its line too). */
  schedules: Map<number, Instalment[] | null>;
  /** The profile's own 容时 and 容差 by issuer (core/settings/conventions.ts). */
  graceRules: Record<string, GraceRule>;
}

type FactRow = [number, string, number | null, number | null, number | null, number | null, StatusCode | null];
type PlanRow = [number, string, number, number, number];

/** What an account's events were unpacked from: the same bytes read again give the kept events. */
const eventsSource = new WeakMap<AccountEvents, { blob: Buffer; batches: string; line: boolean }>();

/** The stored events of every account, or of the accounts in `only`: id, blob, batches. */
function eventRows(db: Db, only: ReadonlySet<number> | null): [number, Buffer, string][] {
  const select = db.prepare('SELECT account_id, events, batches FROM credit_account_events' + (only === null ? '' : ' WHERE account_id IN (SELECT value FROM json_each(?))')).raw();
  return (only === null ? select.all() : select.all(JSON.stringify([...only]))) as [number, Buffer, string][];
}

function paymentDays(events: EventList): number[] {
  const days: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.role === 'payment') days.push(e.day);
  }
  return days;
}

function accountEventsOf<E extends EventList>(events: E, batches: string, line: boolean): AccountEvents<E> {
  return { events, batches: new Set(JSON.parse(batches) as number[]), unassigned: line ? paymentDays(events) : [] };
}

/** Every account's packed events unpacked, or those of the accounts in `only`. */
function readAccountEvents(db: Db, byId: ReadonlyMap<number, AccountRecord>, previous: LedgerInputs | undefined, only: ReadonlySet<number> | null = null): Map<number, AccountEvents> {
  const perAccount = new Map<number, AccountEvents>();
  for (const [id, blob, batches] of eventRows(db, only)) {
    const line = byId.get(id)?.values.kind === 'line';
    const kept = previous?.events.get(id);
    const source = kept && eventsSource.get(kept);
    if (kept && source && source.line === line && source.batches === batches && source.blob.equals(blob)) {
      perAccount.set(id, kept);
      continue;
    }
    const read = accountEventsOf(unpackEvents(blob), batches, line);
    // Only a read of every account is ever another's previous one: a read of some accounts would
    // keep their blobs (24 bytes an event) alive beside the events until collected.
    if (only === null) eventsSource.set(read, { blob, batches, line });
    perAccount.set(id, read);
  }
  return perAccount;
}

const NO_EVENTS: readonly LedgerEvent[] = [];
const NO_PACKED_EVENTS = new PackedEvents(new Float64Array(0));

/** For each line whose draws are given: its own events, then each draw's, in the accounts' order (`none` for an account without). */
function lineParts<E extends EventList>(accounts: readonly AccountRecord[], byId: ReadonlyMap<number, AccountRecord>, perAccount: ReadonlyMap<number, AccountEvents<E>>, none: E): Map<number, E[]> {
  const parts = new Map<number, E[]>();
  for (const account of accounts) {
    const parentId = account.values.parentId;
    if (account.values.kind !== 'draw' || parentId === null || byId.get(parentId)?.values.kind !== 'line') continue;
    if (!parts.has(parentId)) parts.set(parentId, [perAccount.get(parentId)?.events ?? none]);
    parts.get(parentId)!.push(perAccount.get(account.id)?.events ?? none);
  }
  return parts;
}

function mergeParts(parts: readonly (readonly LedgerEvent[])[]): LedgerEvent[] {
  const events = parts.flatMap((p) => p);
  events.sort((a, b) => a.day - b.day);
  return events;
}

/** A line's events merged with its draws' (the line's history carries both), for the lines whose draws are given. */
export function mergeLineEvents(accounts: readonly AccountRecord[], byId: ReadonlyMap<number, AccountRecord>, perAccount: ReadonlyMap<number, AccountEvents>): Map<number, LedgerEvent[]> {
  return new Map([...lineParts<readonly LedgerEvent[]>(accounts, byId, perAccount, NO_EVENTS)].map(([id, parts]) => [id, mergeParts(parts)]));
}

/** What a line's merged events were merged from: the same event lists (by identity) give the kept merge. */
const mergedFrom = new WeakMap<LedgerEvent[], (readonly LedgerEvent[])[]>();

function lineEventsOf(accounts: readonly AccountRecord[], byId: ReadonlyMap<number, AccountRecord>, perAccount: ReadonlyMap<number, AccountEvents>, previous: LedgerInputs | undefined): Map<number, LedgerEvent[]> {
  const lineEvents = new Map<number, LedgerEvent[]>();
  for (const [id, parts] of lineParts<readonly LedgerEvent[]>(accounts, byId, perAccount, NO_EVENTS)) {
    const kept = previous?.lineEvents.get(id);
    const keptParts = kept && mergedFrom.get(kept);
    if (kept && keptParts && keptParts.length === parts.length && keptParts.every((p, i) => p === parts[i])) lineEvents.set(id, kept);
    else {
      const merged = mergeParts(parts);
      mergedFrom.set(merged, parts);
      lineEvents.set(id, merged);
    }
  }
  return lineEvents;
}

/** Per account, the kept value where it reads back the same. */
function keptPerAccount<T>(kept: ReadonlyMap<number, T> | undefined, read: Map<number, T>): Map<number, T> {
  if (kept) for (const [id, value] of read) read.set(id, keptIfSame(kept.get(id), value));
  return read;
}

function readMonthFacts(db: Db): Map<number, Map<number, ManualMonth>> {
  const facts = new Map<number, Map<number, ManualMonth>>();
  for (const [id, month, balance, due, minimum, paid, status] of db
    .prepare('SELECT account_id, month, balance_fen, amount_due_fen, minimum_due_fen, amount_paid_fen, status FROM credit_month_facts')
    .raw()
    .all() as FactRow[]) {
    const index = parseMonth(month);
    if (index === null) continue;
    if (!facts.has(id)) facts.set(id, new Map());
    facts.get(id)!.set(index, { balanceFen: balance, amountDueFen: due, minimumDueFen: minimum, amountPaidFen: paid, status });
  }
  return facts;
}

function readInstallmentPlans(db: Db): Map<number, InstallmentPlan[]> {
  const plans = new Map<number, InstallmentPlan[]>();
  for (const [id, first, principal, fee, periods] of db
    .prepare('SELECT account_id, first_month, principal_fen, fee_fen, periods FROM credit_installments')
    .raw()
    .all() as PlanRow[]) {
    const firstMonth = parseMonth(first);
    if (firstMonth === null) continue;
    if (!plans.has(id)) plans.set(id, []);
    plans.get(id)!.push({ firstMonth, principalFen: principal, feeFen: fee, periods });
  }
  return plans;
}

function childrenByParent(accounts: readonly AccountRecord[]): Map<number, AccountRecord[]> {
  const children = new Map<number, AccountRecord[]>();
  for (const account of accounts) {
    const parent = account.values.parentId;
    if (parent !== null) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push(account);
    }
  }
  return children;
}

/**
 * Every account's inputs to the history pass. Given the inputs read before (`previous`), every
 * part that reads back the same is the previous object (reread.ts): an account an edit left alone
 * keeps its record, events, facts and plans by identity; while the derived ledger's counters did
 * not move, they are the previous inputs themselves, not read again. With `only` (a set closed
 * over lines and their draws: recompute-histories.ts), the events are those accounts' alone, and
 * the inputs are never kept as another read's previous ones.
 */
export function readLedgerInputs(db: Db, previous?: LedgerInputs, only: ReadonlySet<number> | null = null): LedgerInputs {
  const counters = ledgerCounters(db);
  if (only === null && previous !== undefined && readAtCounters(previous, counters)) return previous;
  const accounts = loadAccounts(db).map((account) => keptIfSame(previous?.byId.get(account.id), account));
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const events = readAccountEvents(db, byId, previous, only);
  const inputs: LedgerInputs = {
    accounts,
    byId,
    events,
    lineEvents: lineEventsOf(accounts, byId, events, previous),
    exports: keptIfSame(previous?.exports, exportCoverage(db)),
    facts: keptPerAccount(previous?.facts, readMonthFacts(db)),
    plans: keptPerAccount(previous?.plans, readInstallmentPlans(db)),
    children: childrenByParent(accounts),
    schedules: new Map(),
    graceRules: keptIfSame(previous?.graceRules, readIssuerGraceRules(db)),
  };
  if (only === null) stampRead(inputs, counters);
  return inputs;
}

/**
 * The inputs with the events of `family` alone (an account, or a line with its draws), read
 * where their blobs lie: a recompute takes one family at a time, and holds no object per event.
 */
export function withEventsOf(db: Db, inputs: LedgerInputs, family: ReadonlySet<number>): LedgerInputs<PackedEvents> {
  const events = new Map<number, AccountEvents<PackedEvents>>();
  for (const [id, blob, batches] of eventRows(db, family)) events.set(id, accountEventsOf(packedEvents(blob), batches, inputs.byId.get(id)?.values.kind === 'line'));
  const lineEvents = new Map([...lineParts(inputs.accounts, inputs.byId, events, NO_PACKED_EVENTS)].map(([id, parts]) => [id, PackedEvents.merged(parts)]));
  return { ...inputs, events, lineEvents };
}

/** An account's family: a draw's is its line's, every other account's its own (ids). */
export function familyOf(account: AccountRecord, byId: ReadonlyMap<number, AccountRecord>): number {
  const parent = account.values.parentId;
  return account.values.kind === 'draw' && parent !== null && byId.has(parent) ? parent : account.id;
}

function termsSchedule(account: AccountRecord): Instalment[] | null {
  const v = account.values;
  const openDay = v.openedOn ? parseDay(v.openedOn) : null;
  if (openDay === null || v.principalFen === null || v.termMonths === null || v.repaymentMethod === null || v.annualRateBp === null) return null;
  return buildSchedule({
    principalFen: v.principalFen,
    openDay,
    openMonth: monthOfDay(openDay),
    termMonths: v.termMonths,
    method: v.repaymentMethod,
    annualRateBp: v.annualRateBp,
    dueDay: v.dueDay ?? dayOfMonthOf(openDay),
  });
}

function scheduleOf(inputs: LedgerInputs<EventList>, account: AccountRecord): Instalment[] | null {
  if (!inputs.schedules.has(account.id)) inputs.schedules.set(account.id, termsSchedule(account));
  return inputs.schedules.get(account.id)!;
}

function coverageOf(inputs: LedgerInputs<EventList>, account: AccountRecord): number[] {
  const parent = account.values.kind === 'draw' && account.values.parentId !== null ? inputs.byId.get(account.values.parentId) : undefined;
  if (parent) return drawCoverage(inputs.exports, account, parent, inputs.events.get(parent.id));
  return accountCoverage(inputs.exports, account, inputs.events.get(account.id));
}

/** A line's draws, and whether its repayments show draws that the data does not have. */
function lineDraws(inputs: LedgerInputs<EventList>, line: AccountRecord, events: EventList): { draws: DrawSchedule[]; unknownDraws: boolean } {
  const kids = (inputs.children.get(line.id) ?? []).filter((c) => !c.values.dismissed && c.values.openedOn);
  const draws = kids.map((c) => ({ openDay: parseDay(c.values.openedOn!)!, schedule: scheduleOf(inputs, c) }));
  const firstDraw = Math.min(...draws.map((d) => d.openDay));
  const unassigned = inputs.events.get(line.id)?.unassigned ?? [];
  return { draws, unknownDraws: unassigned.some((day) => day < firstDraw) || (draws.length === 0 && events.length > 0) };
}

export function historyInputOf<E extends EventList>(inputs: LedgerInputs<E>, account: AccountRecord, asOfDay: number): HistoryInput<E | readonly LedgerEvent[]> {
  const v = account.values;
  const events = inputs.lineEvents.get(account.id) ?? inputs.events.get(account.id)?.events ?? [];
  const line = v.kind === 'line' ? lineDraws(inputs, account, events) : { draws: undefined, unknownDraws: false };
  return {
    kind: v.kind,
    asOfDay,
    statementDay: v.statementDay,
    dueDay: v.dueDay,
    openedDay: v.openedOn ? parseDay(v.openedOn) : null,
    closedDay: v.closedOn ? parseDay(v.closedOn) : null,
    opening: v.openingBalanceFen !== null && v.openingBalanceOn ? { day: parseDay(v.openingBalanceOn)!, fen: v.openingBalanceFen } : null,
    minimumPaymentBp: v.minimumPaymentBp,
    principalFen: v.principalFen,
    schedule: v.kind === 'draw' || v.kind === 'loan' ? scheduleOf(inputs, account) : null,
    installments: inputs.plans.get(account.id) ?? [],
    events,
    coverage: coverageOf(inputs, account),
    facts: inputs.facts.get(account.id) ?? new Map(),
    draws: line.draws,
    unknownDraws: line.unknownDraws,
    grace: graceRuleFor(issuerOf(v), v.kind === 'revolving', inputs.graceRules),
    billingCycle: billingCycleRuleFor(v.kind),
  };
}
