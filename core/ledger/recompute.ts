// Keeps the derived half of the ledger in step with the data: accounts and links from the
// imported credit events (derive), then every account's monthly history (recompute), all in
// memory with one pass per account and the writes batched in one transaction.
//
// Reads call ensureLedger(): it re-derives only when the data the derivation reads (the
// `ledger_inputs` data version, which triggers move on every write: migration 0008), the day, or
// this code's version changed since the stored derivation. Edits call refresh directly.

import type { CreditEventKind } from '../shared/credit-events.ts';
import { BANK_PLATFORMS, isBankPlatform } from '../shared/platforms.ts';
import { assertNotImporting, type Db } from '../storage/database.ts';
import { readDataVersion } from '../storage/data-version.ts';
import { loadAccounts, type AccountRecord } from './account-values.ts';
import { dayOfEpoch, dayOfMonthOf, formatDay, monthOfDay, parseDay, parseMonth, SECONDS_PER_DAY, today, toUtc8Iso, UTC8_OFFSET_SECONDS } from '../shared/calendar.ts';
import { COMPLETE_SOURCES, deriveAccounts, type AccountSpec, type CreditRow, type DerivedLink, type KnownAccount } from './derive-accounts.ts';
import { computeHistory, type DrawSchedule, type EventRole, type HistoryInput, type InstallmentPlan, type LedgerEvent, type ManualMonth } from './monthly-history.ts';
import { DEFAULTS_VERSION } from './product-defaults.ts';
import { buildSchedule, type Instalment } from './schedule.ts';
import type { MonthRow } from '../shared/ledger-vocabulary.ts';
import type { StatusCode } from '../shared/status-alphabet.ts';

/** Bump when derivation or history rules change: stored histories are then recomputed on read. */
export const LEDGER_ENGINE_VERSION = 2;

// ---------------------------------------------------------------- state

function readState(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM ledger_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

function writeState(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO ledger_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/**
 * What a derivation depends on: every table it reads (the data version's `ledger_inputs`, moved
 * by triggers on each write, the derivation's own writes included), the day, and this code.
 */
function fingerprint(db: Db, asOfDay: number): string {
  return `${LEDGER_ENGINE_VERSION}:${DEFAULTS_VERSION}:${readDataVersion(db).ledgerInputs}:${asOfDay}`;
}

/** Recorded after the derivation's own writes, so that they do not count as a change. */
function stamp(db: Db, asOfDay: number): void {
  writeState(db, 'fingerprint', fingerprint(db, asOfDay));
}

/** Derives and recomputes when anything it depends on moved; otherwise does nothing. */
export function ensureLedger(db: Db, asOfDay: number = today()): void {
  if (db.inTransaction && !insideLedgerEdit) return; // an import is running: serve the stored ledger
  if (readState(db, 'fingerprint') === fingerprint(db, asOfDay)) return;
  refreshLedger(db, asOfDay);
}

let insideLedgerEdit = false;

/** Runs a ledger edit in one transaction; refused while an import holds the connection. */
export function ledgerEdit<T>(db: Db, edit: () => T): T {
  assertNotImporting(db);
  insideLedgerEdit = true;
  try {
    return db.transaction(edit)();
  } finally {
    insideLedgerEdit = false;
  }
}

/** Derive accounts and links, then recompute every history: one transaction. */
export function refreshLedger(db: Db, asOfDay: number = today()): void {
  db.transaction(() => {
    deriveAndStore(db);
    recomputeHistories(db, asOfDay);
    stamp(db, asOfDay);
  })();
}

/** After an edit that cannot change links (terms, month facts, instalments): recompute only. */
export function recomputeAfterEdit(db: Db, asOfDay: number = today()): void {
  db.transaction(() => {
    recomputeHistories(db, asOfDay);
    stamp(db, asOfDay);
  })();
}

// ---------------------------------------------------------------- derive

// A row's day is its UTC+8 calendar day, (epoch + 8 h) ÷ 1 day, computed in SQL (the stored
// wall-clock text carries +08:00 and says the same): dayOfEpoch of core/shared/calendar.ts.
const DAY_OF_ROW_SQL = (epoch: string) => `(${epoch} + ${UTC8_OFFSET_SECONDS}) / ${SECONDS_PER_DAY}`;

const CREDIT_ROWS_SQL = `
  SELECT id, platform, platform_order_id, ${DAY_OF_ROW_SQL('occurred_epoch')}, amount_fen, direction, status_class,
         credit_event, credit_account_key, needs_review, counterparty, payment_method, funding_account, refund_of, batch_id
    FROM transactions
   WHERE credit_event IS NOT NULL
      OR status_class = 'refund'
      OR (direction = 'income' AND platform IN (${BANK_PLATFORMS.map((p) => `'${p}'`).join(', ')}))`;

type RawCreditRow = [number, string, string, number, number, CreditRow['direction'], string, CreditEventKind | null, string | null, number, string | null, string | null, string | null, number | null, number];

function readCreditRows(db: Db): CreditRow[] {
  const raw = db.prepare(CREDIT_ROWS_SQL).raw().all() as RawCreditRow[];
  return raw.map((r) => ({
    id: r[0],
    platform: r[1],
    orderId: r[2],
    day: r[3],
    fen: r[4],
    direction: r[5],
    statusClass: r[6],
    kind: r[7],
    key: r[8],
    needsReview: r[9] === 1,
    counterparty: r[10],
    paymentMethod: r[11],
    fundingAccount: r[12],
    refundOf: r[13],
    batchId: r[14],
  }));
}

function knownAccounts(accounts: readonly AccountRecord[]): KnownAccount[] {
  const keyOf = new Map(accounts.map((a) => [a.id, a.matchKey]));
  return accounts.map((a) => ({
    id: a.id,
    matchKey: a.matchKey,
    product: a.values.product,
    kind: a.values.kind,
    bank: a.values.bank,
    last4: a.values.cardLast4,
    closedDay: a.values.closedOn ? parseDay(a.values.closedOn) : null,
    openedDay: a.values.openedOn ? parseDay(a.values.openedOn) : null,
    parentKey: a.values.parentId !== null ? (keyOf.get(a.values.parentId) ?? null) : null,
    dismissed: a.values.dismissed,
    manual: a.source === 'manual',
  }));
}

/**
 * Batch row spans: the days from each import's first to its last inserted row, for imports that
 * have no recorded period (see batchCoverage). Kept in ledger_state and extended with the rows
 * added since the last derive only (transaction ids grow), so a derive does not scan a
 * million-row table for it.
 */
function storeBatchCoverage(db: Db): void {
  const cached = JSON.parse(readState(db, 'batch_coverage') ?? '[]') as [number, string, number, number][];
  const seen = Number(readState(db, 'batch_coverage_through') ?? 0);
  const byBatch = new Map(cached.map((entry) => [entry[0], entry]));
  const rows = db
    .prepare('SELECT batch_id, platform, min(occurred_epoch), max(occurred_epoch), max(id) FROM transactions WHERE id > ? GROUP BY batch_id')
    .raw()
    .all(seen) as [number, string, number, number, number][];
  let through = seen;
  for (const [batch, platform, from, to, maxId] of rows) {
    const first = dayOfEpoch(from);
    const last = dayOfEpoch(to);
    const entry = byBatch.get(batch);
    if (entry) {
      entry[2] = Math.min(entry[2], first);
      entry[3] = Math.max(entry[3], last);
    } else byBatch.set(batch, [batch, platform, first, last]);
    through = Math.max(through, maxId);
  }
  writeState(db, 'batch_coverage', JSON.stringify([...byBatch.values()]));
  writeState(db, 'batch_coverage_through', String(through));
}

/** [batch, platform, first day, last day] */
type CoverageEntry = [number, string, number, number];

/**
 * The whole days an export period covers, or null when it covers none. A stated period counts
 * only the days it contains from their first to their last second (`终止时间：[2021-01-05
 * 12:18:44]` does not cover the rest of Jan 5; `终止日期:[2019-10-01 00:00:00]` ends with Sep 30).
 * A period taken from the rows counts the first row's day to the last row's day, as the row
 * spans always have.
 */
export function periodDays(start: string, end: string, source: 'stated' | 'rows'): [number, number] | null {
  let from = parseDay(start.slice(0, 10));
  let to = parseDay(end.slice(0, 10));
  if (from === null || to === null) return null;
  if (source === 'stated') {
    if (start.slice(11, 19) !== '00:00:00') from++;
    if (end.slice(11, 19) !== '23:59:59') to--;
  }
  return from <= to ? [from, to] : null;
}

/**
 * The days each import covers: its recorded period (import_batches.period_*, migration 0006),
 * which also covers days without a row and holds for an import whose rows were all duplicates;
 * imports recorded before periods were have their rows' first to last day. One row per import
 * is read, never the transactions.
 */
function batchCoverage(db: Db): CoverageEntry[] {
  const byBatch = new Map((JSON.parse(readState(db, 'batch_coverage') ?? '[]') as CoverageEntry[]).map((entry) => [entry[0], entry]));
  const periods = db
    .prepare('SELECT id, platform, period_start, period_end, period_source FROM import_batches WHERE period_source IS NOT NULL')
    .raw()
    .all() as [number, string, string, string, 'stated' | 'rows'][];
  for (const [batch, platform, start, end, source] of periods) {
    const days = periodDays(start, end, source);
    if (days) byBatch.set(batch, [batch, platform, days[0], days[1]]);
    else byBatch.delete(batch);
  }
  return [...byBatch.values()];
}

function specDetails(spec: AccountSpec): string {
  return spec.bank || spec.last4 ? JSON.stringify({ bank: spec.bank, last4: spec.last4 }) : '{}';
}

export function deriveAndStore(db: Db): { accounts: number; links: number } {
  const now = toUtc8Iso();
  const rows = readCreditRows(db);
  const existing = loadAccounts(db);
  const derived = deriveAccounts(rows, knownAccounts(existing));
  const idByKey = new Map<string, number>();
  for (const account of existing) if (account.matchKey) idByKey.set(account.matchKey, account.id);
  const sourceById = new Map(existing.map((a) => [a.id, a.source]));

  const insert = db.prepare(
    `INSERT INTO credit_accounts (product, name, principal_fen, opened_on, source, match_key, details_json, created_at, updated_at, kind)
     VALUES (?, ?, ?, ?, 'derived', ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE credit_accounts SET product = ?, name = ?, principal_fen = ?, opened_on = ?, details_json = ?, kind = ?, updated_at = ?
      WHERE id = ? AND source = 'derived'
        AND (product, name, coalesce(principal_fen, -1), coalesce(opened_on, ''), details_json, kind)
            IS NOT (?, ?, coalesce(?, -1), coalesce(?, ''), ?, ?)`,
  );
  const setParent = db.prepare("UPDATE credit_accounts SET parent_id = ? WHERE id = ? AND source = 'derived' AND parent_id IS NOT ?");
  const wanted = new Set<number>();
  // Lines before their draws, so a draw can name its parent.
  const specs = [...derived.accounts].sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
  for (const spec of specs) {
    const opened = spec.openedDay === null ? null : formatDay(spec.openedDay);
    const details = specDetails(spec);
    let id = idByKey.get(spec.matchKey);
    if (id === undefined) {
      id = Number(insert.run(spec.product, spec.name, spec.principalFen, opened, spec.matchKey, details, now, now, spec.kind).lastInsertRowid);
      idByKey.set(spec.matchKey, id);
    } else if (sourceById.get(id) === 'derived') {
      update.run(spec.product, spec.name, spec.principalFen, opened, details, spec.kind, now, id, spec.product, spec.name, spec.principalFen, opened, details, spec.kind);
    }
    wanted.add(id);
    if (spec.parentKey !== null) {
      const parent = idByKey.get(spec.parentKey);
      if (parent !== undefined) setParent.run(parent, id, parent);
    }
  }

  const linked = writeLinks(db, rows, derived.links, idByKey);

  // Derived accounts no event names any more go, unless the user put something of theirs on them.
  const orphans = db
    .prepare(
      `SELECT a.id FROM credit_accounts a
        WHERE a.source = 'derived'
          AND a.id NOT IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM credit_account_overrides o WHERE o.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM credit_month_facts f WHERE f.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM credit_installments i WHERE i.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM credit_links l WHERE l.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM credit_accounts c WHERE c.parent_id = a.id)`,
    )
    .pluck()
    .all(JSON.stringify([...wanted])) as number[];
  const remove = db.prepare('DELETE FROM credit_accounts WHERE id = ?');
  for (const id of orphans) remove.run(id);

  storeBatchCoverage(db);
  packEvents(db, linked);
  return { accounts: wanted.size, links: derived.links.length };
}

/** account, role, basis, day, amount, batch, platform, unconfirmed */
type LinkTuple = [number, EventRole, string, number, number, number, string, number];

/**
 * Rewrites only the derived links that changed (a re-derive after a small import touches few),
 * and refreshes the copies of transaction fields on the user's own links. Returns every link
 * with an account, for packEvents.
 */
function writeLinks(db: Db, rows: readonly CreditRow[], links: readonly DerivedLink[], idByKey: ReadonlyMap<string, number>): LinkTuple[] {
  // What a derived link can change: the transaction's own fields (day, amount, batch) never do.
  const existing = new Map<number, [number, EventRole, string, number]>();
  for (const [id, ...rest] of db
    .prepare("SELECT transaction_id, account_id, role, basis, unconfirmed FROM credit_links WHERE source = 'derived'")
    .raw()
    .all() as [number, number, EventRole, string, number][]) {
    existing.set(id, rest);
  }
  db.prepare(
    `UPDATE credit_links SET (day, amount_fen, batch_id, platform, unconfirmed) =
       (SELECT ${DAY_OF_ROW_SQL('t.occurred_epoch')}, t.amount_fen, t.batch_id, t.platform, t.needs_review FROM transactions t WHERE t.id = credit_links.transaction_id)
     WHERE source = 'manual'`,
  ).run();
  const manual = db
    .prepare("SELECT transaction_id, account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed FROM credit_links WHERE source = 'manual'")
    .raw()
    .all() as [number, ...LinkTuple][];
  const manualIds = new Set(manual.map((m) => m[0]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  // Upserts go out 100 rows per statement: the first derive after a big import writes them all.
  const upsertSql = (rows: number) =>
    `INSERT INTO credit_links (transaction_id, account_id, role, basis, day, amount_fen, batch_id, platform, unconfirmed, source)
     VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?, 'derived')").join(', ')}
     ON CONFLICT(transaction_id) DO UPDATE SET account_id = excluded.account_id, role = excluded.role, basis = excluded.basis,
       day = excluded.day, amount_fen = excluded.amount_fen, batch_id = excluded.batch_id, platform = excluded.platform,
       unconfirmed = excluded.unconfirmed`;
  const CHUNK = 100;
  const upsertChunk = db.prepare(upsertSql(CHUNK));
  const upsertOne = db.prepare(upsertSql(1));
  const pending: unknown[] = [];
  const upsert = { run: (...values: unknown[]) => {
    pending.push(...values);
    if (pending.length >= CHUNK * 9) upsertChunk.run(pending.splice(0, CHUNK * 9));
  } };
  const all: LinkTuple[] = [];
  for (const link of links) {
    const accountId = idByKey.get(link.accountKey);
    const row = byId.get(link.transactionId);
    if (accountId === undefined || !row || manualIds.has(link.transactionId)) continue;
    const tuple: LinkTuple = [accountId, link.role, link.basis, row.day, row.fen, row.batchId, row.platform, row.needsReview ? 1 : 0];
    all.push(tuple);
    const before = existing.get(link.transactionId);
    existing.delete(link.transactionId);
    if (before && before[0] === tuple[0] && before[1] === tuple[1] && before[2] === tuple[2] && before[3] === tuple[7]) continue;
    upsert.run(link.transactionId, ...tuple);
  }
  while (pending.length > 0) upsertOne.run(pending.splice(0, 9));
  const remove = db.prepare("DELETE FROM credit_links WHERE transaction_id = ? AND source = 'derived'");
  for (const id of existing.keys()) remove.run(id);
  for (const [, ...tuple] of manual) if (tuple[0] !== null) all.push(tuple);
  return all;
}

// ---------------------------------------------------------------- recompute

interface AccountEvents {
  events: LedgerEvent[];
  /** Batches that carried this account's events, by platform. */
  batches: Set<number>;
  /** Line-level repayments nobody could assign to a draw (lines only). */
  unassigned: number[];
}

function mergeIntervals(pairs: [number, number][]): number[] {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last] + 1) out[last] = Math.max(out[last], to);
    else out.push(from, to);
  }
  return out;
}

/** Removes single days from merged intervals (days when a repayment could have been this draw's). */
function withoutDays(coverage: readonly number[], days: readonly number[]): number[] {
  if (days.length === 0) return [...coverage];
  const pairs: [number, number][] = [];
  const sortedDays = [...new Set(days)].sort((a, b) => a - b);
  for (let i = 0; i < coverage.length; i += 2) {
    let from = coverage[i];
    const to = coverage[i + 1];
    for (const day of sortedDays) {
      if (day < from || day > to) continue;
      if (day > from) pairs.push([from, day - 1]);
      from = day + 1;
    }
    if (from <= to) pairs.push([from, to]);
  }
  return pairs.flat();
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

type FactRow = [number, string, number | null, number | null, number | null, number | null, StatusCode | null];
type PlanRow = [number, string, number, number, number];

const ROLE_CODES: readonly EventRole[] = ['charge', 'payment', 'credit', 'disbursement'];

/**
 * Packs every account's linked events (day order) into credit_account_events, with the batches
 * they came from. Runs at the end of a derive: recomputes then read one row per account.
 */
function packEvents(db: Db, links: LinkTuple[]): void {
  const products = new Map(
    (db.prepare('SELECT id, product FROM credit_accounts').raw().all() as [number, string][]).map(([id, product]) => [id, product]),
  );
  links.sort((a, b) => a[0] - b[0] || a[3] - b[3]);
  db.prepare('DELETE FROM credit_account_events').run();
  const insert = db.prepare('INSERT INTO credit_account_events (account_id, events, batches) VALUES (?, ?, ?)');
  let i = 0;
  while (i < links.length) {
    const accountId = links[i][0];
    let j = i;
    while (j < links.length && links[j][0] === accountId) j++;
    const packed = new Float64Array((j - i) * 3);
    const batches = new Set<number>();
    // A card's own bank statement covers it; its purchases seen in Alipay or WeChat bills do not.
    const card = products.get(accountId) === 'credit_card';
    let n = 0;
    for (let k = i; k < j; k++) {
      const [, role, , day, fen, batch, platform, unconfirmed] = links[k];
      if (fen <= 0) continue;
      packed[n++] = day;
      packed[n++] = ROLE_CODES.indexOf(role) + 8 * unconfirmed;
      packed[n++] = fen;
      if (!card || isBankPlatform(platform)) batches.add(batch);
    }
    insert.run(accountId, Buffer.from(packed.buffer, 0, n * 8), JSON.stringify([...batches]));
    i = j;
  }
}

function unpack(blob: Buffer): LedgerEvent[] {
  const values = new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  const events: LedgerEvent[] = new Array(values.length / 3);
  for (let k = 0, e = 0; k < values.length; k += 3, e++) {
    const code = values[k + 1];
    events[e] = { day: values[k], role: ROLE_CODES[code & 7], fen: values[k + 2], unconfirmed: code >= 8 };
  }
  return events;
}

/** A month as stored in credit_account_histories.months_json (column order of the credit_account_months view). */
type StoredMonth = [string, StatusCode, MonthRow['statusSource'], MonthRow['reason'], number | null, number | null, number | null, number, number | null, number | null, string | null, number];

function monthsJson(rows: readonly MonthRow[]): string {
  return JSON.stringify(
    rows.map((r): StoredMonth => [r.month, r.status, r.statusSource, r.reason, r.statementBalanceFen, r.amountDueFen, r.minimumDueFen, r.amountPaidFen, r.creditUsedFen, r.daysPastDue, r.dueOn, r.unconfirmed]),
  );
}

export function parseMonthsJson(json: string): MonthRow[] {
  return (JSON.parse(json) as StoredMonth[]).map((r) => ({
    month: r[0],
    status: r[1],
    statusSource: r[2],
    reason: r[3],
    statementBalanceFen: r[4],
    amountDueFen: r[5],
    minimumDueFen: r[6],
    amountPaidFen: r[7],
    creditUsedFen: r[8],
    daysPastDue: r[9],
    dueOn: r[10],
    unconfirmed: r[11],
  }));
}

export function recomputeHistories(db: Db, asOfDay: number = today()): { accounts: number; months: number; rewritten: number } {
  const accounts = loadAccounts(db);
  const byId = new Map(accounts.map((a) => [a.id, a]));

  const perAccount = new Map<number, AccountEvents>();
  for (const [id, blob, batches] of db.prepare('SELECT account_id, events, batches FROM credit_account_events').raw().all() as [number, Buffer, string][]) {
    const events = unpack(blob);
    const unassigned = byId.get(id)?.values.kind === 'line' ? events.filter((e) => e.role === 'payment').map((e) => e.day) : [];
    perAccount.set(id, { events, batches: new Set(JSON.parse(batches) as number[]), unassigned });
  }
  // A line's merged history carries its draws' events too.
  const lineEvents = new Map<number, LedgerEvent[]>();
  for (const account of accounts) {
    const parentId = account.values.parentId;
    if (account.values.kind !== 'draw' || parentId === null || byId.get(parentId)?.values.kind !== 'line') continue;
    if (!lineEvents.has(parentId)) lineEvents.set(parentId, [...(perAccount.get(parentId)?.events ?? [])]);
    lineEvents.get(parentId)!.push(...(perAccount.get(account.id)?.events ?? []));
  }
  for (const events of lineEvents.values()) events.sort((a, b) => a.day - b.day);

  const coverageByBatch = batchCoverage(db);
  const coverageOf = (account: AccountRecord, own: AccountEvents | undefined): number[] => {
    const complete = COMPLETE_SOURCES[account.values.product].platforms;
    const pairs: [number, number][] = [];
    for (const [batch, platform, from, to] of coverageByBatch) {
      if (!complete.includes(platform)) continue;
      // A card's statement covers that card only.
      if (account.values.product === 'credit_card' && !own?.batches.has(batch)) continue;
      pairs.push([from, to]);
    }
    return mergeIntervals(pairs);
  };

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

  const children = new Map<number, AccountRecord[]>();
  for (const account of accounts) {
    const parent = account.values.parentId;
    if (parent !== null) {
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent)!.push(account);
    }
  }
  const schedules = new Map<number, Instalment[] | null>();
  const scheduleOf = (account: AccountRecord) => {
    if (!schedules.has(account.id)) schedules.set(account.id, termsSchedule(account));
    return schedules.get(account.id)!;
  };

  const insertSummary = db.prepare(
    'INSERT INTO credit_account_summaries (account_id, balance_fen, next_due_on, next_due_fen, settled_on) VALUES (?, ?, ?, ?, ?)',
  );
  const stored = new Map(db.prepare('SELECT account_id, months_json FROM credit_account_histories').raw().all() as [number, string][]);
  const writeHistory = db.prepare(
    'INSERT INTO credit_account_histories (account_id, months_json) VALUES (?, ?) ON CONFLICT(account_id) DO UPDATE SET months_json = excluded.months_json',
  );
  db.prepare('DELETE FROM credit_account_summaries').run();
  let months = 0;
  let rewritten = 0;
  for (const account of accounts) {
    const v = account.values;
    const own = perAccount.get(account.id);
    const events = lineEvents.get(account.id) ?? own?.events ?? [];
    let coverage = coverageOf(account, own);
    let draws: DrawSchedule[] | undefined;
    let unknownDraws = false;
    if (v.kind === 'line') {
      const kids = (children.get(account.id) ?? []).filter((c) => !c.values.dismissed && c.values.openedOn);
      draws = kids.map((c) => ({ openDay: parseDay(c.values.openedOn!)!, schedule: scheduleOf(c) }));
      const firstDraw = Math.min(...draws.map((d) => d.openDay));
      unknownDraws = (own?.unassigned ?? []).some((day) => day < firstDraw) || (draws.length === 0 && events.length > 0);
    }
    if (v.kind === 'draw' && v.parentId !== null) {
      const parent = byId.get(v.parentId);
      if (parent) {
        // The line's export covers the draw, except days when an unassigned repayment could be its.
        const lineEvents = perAccount.get(parent.id);
        const openDay = v.openedOn ? parseDay(v.openedOn) : null;
        const ambiguous = (lineEvents?.unassigned ?? []).filter((day) => openDay !== null && day >= openDay);
        coverage = withoutDays(coverageOf(parent, lineEvents), ambiguous);
      }
    }
    const input: HistoryInput = {
      kind: v.kind,
      asOfDay,
      statementDay: v.statementDay,
      dueDay: v.dueDay,
      openedDay: v.openedOn ? parseDay(v.openedOn) : null,
      closedDay: v.closedOn ? parseDay(v.closedOn) : null,
      opening: v.openingBalanceFen !== null && v.openingBalanceOn ? { day: parseDay(v.openingBalanceOn)!, fen: v.openingBalanceFen } : null,
      minimumPaymentBp: v.minimumPaymentBp,
      principalFen: v.principalFen,
      schedule: v.kind === 'draw' || v.kind === 'loan' ? scheduleOf(account) : null,
      installments: plans.get(account.id) ?? [],
      events,
      coverage,
      facts: facts.get(account.id) ?? new Map(),
      draws,
      unknownDraws,
    };
    const result = computeHistory(input);
    const json = monthsJson(result.rows);
    if (stored.get(account.id) !== json) {
      rewritten++;
      writeHistory.run(account.id, json);
    }
    months += result.rows.length;
    insertSummary.run(
      account.id,
      result.balanceFen,
      result.nextDue?.on ?? null,
      result.nextDue?.amountFen ?? null,
      result.settledDay === null ? null : formatDay(result.settledDay),
    );
  }
  return { accounts: accounts.length, months, rewritten };
}

export function readMonths(db: Db, accountId: number): MonthRow[] {
  const json = db.prepare('SELECT months_json FROM credit_account_histories WHERE account_id = ?').pluck().get(accountId) as string | undefined;
  return json ? parseMonthsJson(json) : [];
}
