// The account model as the app and CLI see it: create, edit and delete accounts, their month
// facts, instalment plans and event assignments; list and detail views. Every edit is validated
// (validation.ts), written to the user's own tables (never over a derived value), recorded in
// the audit log, and followed by a recompute of the derived history.

import { randomUUID } from 'node:crypto';
import type { CreditEventKind } from '../shared/credit-events.ts';
import { CredenceError } from '../shared/errors.ts';
import { appendAudit, type Db } from '../storage/database.ts';
import { z } from 'zod';
import {
  emptyValues,
  loadAccounts,
  resolveAccount,
  type AccountRecord,
  type AccountRow,
  type AccountValues,
  type FieldOrigin,
} from './account-values.ts';
import { dayOfStoredTime, formatMonth, monthOfDay, parseDay, parseMonth, today, toUtc8Iso } from '../shared/calendar.ts';
import { cardKey, FIXED_ACCOUNTS, ROLE_OF_KIND } from './derive-accounts.ts';
import { defaultsFor, DEFAULTS_VERSION, PRODUCT_NAMES } from './product-defaults.ts';
import { ensureLedger, ledgerEdit, parseMonthsJson, readMonths, recomputeAfterEdit, refreshLedger } from './recompute.ts';
import { worstStatus } from './repayment-status.ts';
import type { MonthRow, Product } from '../shared/ledger-vocabulary.ts';
import type { StatusCode } from '../shared/status-alphabet.ts';
import {
  ACCOUNT_FIELDS,
  installmentSchema,
  invalid,
  monthFactSchema,
  parseAccountInput,
  parseInput,
  problem,
  type AccountField,
  type AccountInput,
  type FieldProblem,
} from './validation.ts';

const SINGLETON_KEYS: Partial<Record<Product, string>> = {
  huabei: 'huabei',
  jiebei: 'jiebei',
  weilidai: 'weilidai',
  baitiao: 'baitiao',
  meituan_yuefu: 'meituan_yuefu',
};

/** Fields whose change can move events between accounts: a full re-derive follows. */
const STRUCTURAL: ReadonlySet<AccountField> = new Set(['product', 'kind', 'parentId', 'bank', 'cardLast4', 'closedOn', 'openedOn', 'dismissed']);

// ---------------------------------------------------------------- views

export interface AccountFieldView extends FieldOrigin {
  value: string | number | boolean | null;
}

export interface AccountSummary {
  id: number;
  source: 'manual' | 'derived';
  matchKey: string | null;
  name: string;
  product: Product;
  kind: AccountValues['kind'];
  parentId: number | null;
  fields: Record<AccountField, AccountFieldView>;
  balanceFen: number | null;
  limitFen: number | null;
  /** Balance ÷ limit in basis points (6543 = 65.43%). */
  utilisationBp: number | null;
  nextDueOn: string | null;
  nextDueFen: number | null;
  settledOn: string | null;
  /** Worst status of the last 24 months (docs/domain/pboc-report.md#repayment-status-codes severity), null without history. */
  worst24: StatusCode | null;
  latestMonth: string | null;
  latestStatus: StatusCode | null;
  /** Months of the last 24 whose status is `#`. */
  unknownMonths24: number;
  /** Events resting on import rules the user has not confirmed. */
  unconfirmed: number;
  transactions: number;
}

export interface LedgerTransaction {
  id: number;
  occurredAt: string;
  amountFen: number;
  direction: 'income' | 'expense' | 'neutral';
  platform: string;
  counterparty: string | null;
  item: string | null;
  kind: CreditEventKind | null;
  needsReview: boolean;
  role: 'charge' | 'payment' | 'credit' | 'disbursement';
  linkSource: 'derived' | 'manual';
  basis: string;
  accountId: number | null;
}

export interface MonthFactView {
  month: string;
  balanceFen: number | null;
  amountDueFen: number | null;
  minimumDueFen: number | null;
  amountPaidFen: number | null;
  status: StatusCode | null;
  note: string | null;
}

export interface InstallmentView {
  id: number;
  label: string | null;
  principalFen: number;
  feeFen: number;
  periods: number;
  firstMonth: string;
}

export interface AccountDetail {
  account: AccountSummary;
  months: MonthRow[];
  monthFacts: MonthFactView[];
  installments: InstallmentView[];
  transactions: LedgerTransaction[];
  children: AccountSummary[];
  parent: { id: number; name: string } | null;
}

function fieldViews(account: AccountRecord): Record<AccountField, AccountFieldView> {
  const out = {} as Record<AccountField, AccountFieldView>;
  for (const field of ACCOUNT_FIELDS) {
    out[field] = { value: account.values[field] as AccountFieldView['value'], ...account.origin[field] };
  }
  return out;
}

interface SummaryRow {
  account_id: number;
  balance_fen: number | null;
  next_due_on: string | null;
  next_due_fen: number | null;
  settled_on: string | null;
}

function summaries(db: Db, accounts: readonly AccountRecord[], asOfDay: number): AccountSummary[] {
  const sums = new Map((db.prepare('SELECT * FROM credit_account_summaries').all() as SummaryRow[]).map((r) => [r.account_id, r]));
  const since = formatMonth(monthOfDay(asOfDay) - 23);
  const recent = new Map<number, { codes: StatusCode[]; unknown: number; latest: string; latestStatus: StatusCode; unconfirmed: number }>();
  const histories = db.prepare('SELECT account_id, months_json FROM credit_account_histories').raw().all() as [number, string][];
  for (const [id, json] of histories) {
    for (const { month, status, unconfirmed } of parseMonthsJson(json)) {
      if (month < since) continue;
      let r = recent.get(id);
      if (!r) recent.set(id, (r = { codes: [], unknown: 0, latest: month, latestStatus: status, unconfirmed: 0 }));
      r.codes.push(status);
      if (status === '#') r.unknown++;
      r.latest = month;
      r.latestStatus = status;
      r.unconfirmed += unconfirmed;
    }
  }
  const counts = new Map(
    (db.prepare('SELECT account_id, count(*) FROM credit_links WHERE account_id IS NOT NULL GROUP BY account_id').raw().all() as [number, number][]),
  );
  return accounts.map((account) => {
    const s = sums.get(account.id);
    const r = recent.get(account.id);
    const limit = account.values.limitFen;
    const balance = s?.balance_fen ?? null;
    return {
      id: account.id,
      source: account.source,
      matchKey: account.matchKey,
      name: account.values.name,
      product: account.values.product,
      kind: account.values.kind,
      parentId: account.values.parentId,
      fields: fieldViews(account),
      balanceFen: balance,
      limitFen: limit,
      utilisationBp: balance !== null && limit !== null && limit > 0 ? Math.round((balance * 10000) / limit) : null,
      nextDueOn: s?.next_due_on ?? null,
      nextDueFen: s?.next_due_fen ?? null,
      settledOn: s?.settled_on ?? null,
      worst24: r ? worstStatus(r.codes) : null,
      latestMonth: r?.latest ?? null,
      latestStatus: r?.latestStatus ?? null,
      unknownMonths24: r?.unknown ?? 0,
      unconfirmed: r?.unconfirmed ?? 0,
      transactions: counts.get(account.id) ?? 0,
    };
  });
}

/** Every account (hidden ones only when asked), with its summary; derives first if the data moved. */
export function listAccounts(db: Db, options: { asOfDay?: number; includeDismissed?: boolean } = {}): AccountSummary[] {
  const asOfDay = options.asOfDay ?? today();
  ensureLedger(db, asOfDay);
  const accounts = loadAccounts(db).filter((a) => options.includeDismissed || !a.values.dismissed);
  return summaries(db, accounts, asOfDay);
}

function requireAccount(db: Db, id: number): AccountRecord {
  const [account] = loadAccounts(db, [id]);
  if (!account) throw new CredenceError('ledger.account_not_found', { id });
  return account;
}

const TX_COLUMNS = `t.id, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction, t.platform, t.counterparty, t.item,
  t.credit_event AS kind, t.needs_review AS needsReview, l.role, l.source AS linkSource, l.basis, l.account_id AS accountId`;

function transactionsOf(db: Db, ids: readonly number[], limit = 1000): LedgerTransaction[] {
  const rows = db
    .prepare(
      `SELECT ${TX_COLUMNS} FROM credit_links l JOIN transactions t ON t.id = l.transaction_id
        WHERE l.account_id IN (SELECT value FROM json_each(?))
        ORDER BY t.occurred_epoch DESC, t.id DESC LIMIT ?`,
    )
    .all(JSON.stringify(ids), limit) as (Omit<LedgerTransaction, 'needsReview'> & { needsReview: number })[];
  return rows.map((r) => ({ ...r, needsReview: r.needsReview === 1 }));
}

/** Credit events no account could take (a card repayment naming no card, …): the user assigns them. */
export function unassignedTransactions(db: Db, limit = 200): { items: LedgerTransaction[]; total: number } {
  const where = `FROM transactions t LEFT JOIN credit_links l ON l.transaction_id = t.id
     WHERE t.credit_event IS NOT NULL AND t.amount_fen > 0 AND l.transaction_id IS NULL`;
  const total = db.prepare(`SELECT count(*) ${where}`).pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT t.id, t.occurred_at AS occurredAt, t.amount_fen AS amountFen, t.direction, t.platform, t.counterparty, t.item,
              t.credit_event AS kind, t.needs_review AS needsReview ${where}
        ORDER BY t.occurred_epoch DESC LIMIT ?`,
    )
    .all(limit) as (Omit<LedgerTransaction, 'needsReview' | 'role' | 'linkSource' | 'basis' | 'accountId'> & { needsReview: number })[];
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      needsReview: r.needsReview === 1,
      role: ROLE_OF_KIND[r.kind!],
      linkSource: 'derived' as const,
      basis: 'none',
      accountId: null,
    })),
  };
}

/** The accounts whose events an account's view lists: itself, and a loan line's draws too. */
function scopeOf(account: AccountRecord, children: readonly AccountRecord[]): number[] {
  return account.values.kind === 'line' ? [account.id, ...children.map((child) => child.id)] : [account.id];
}

function childrenOf(all: readonly AccountRecord[], id: number): AccountRecord[] {
  return all.filter((a) => a.values.parentId === id && !a.values.dismissed);
}

/** scopeOf for an account id (the transactions page's account filter); an unknown id is refused. */
export function scopeOfAccount(db: Db, id: number): number[] {
  const account = requireAccount(db, id);
  return scopeOf(account, account.values.kind === 'line' ? childrenOf(loadAccounts(db), id) : []);
}

export function accountDetail(db: Db, id: number, options: { asOfDay?: number } = {}): AccountDetail {
  const asOfDay = options.asOfDay ?? today();
  ensureLedger(db, asOfDay);
  const account = requireAccount(db, id);
  const all = loadAccounts(db);
  const kids = childrenOf(all, id);
  const [summary, ...children] = summaries(db, [account, ...kids], asOfDay);
  const parent = account.values.parentId === null ? undefined : all.find((a) => a.id === account.values.parentId);
  const monthFacts = db
    .prepare(
      `SELECT month, balance_fen AS balanceFen, amount_due_fen AS amountDueFen, minimum_due_fen AS minimumDueFen,
              amount_paid_fen AS amountPaidFen, status, note
         FROM credit_month_facts WHERE account_id = ? ORDER BY month`,
    )
    .all(id) as MonthFactView[];
  const installments = db
    .prepare(
      `SELECT id, label, principal_fen AS principalFen, fee_fen AS feeFen, periods, first_month AS firstMonth
         FROM credit_installments WHERE account_id = ? ORDER BY first_month, id`,
    )
    .all(id) as InstallmentView[];
  return {
    account: summary,
    months: readMonths(db, id),
    monthFacts,
    installments,
    transactions: transactionsOf(db, scopeOf(account, kids)),
    children,
    parent: parent ? { id: parent.id, name: parent.values.name } : null,
  };
}

// ---------------------------------------------------------------- checks

function crossProblems(values: AccountValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.openedOn && values.closedOn && values.closedOn < values.openedOn) problems.push(problem('closedOn', 'closed_before_opened'));
  if ((values.openingBalanceFen === null) !== (values.openingBalanceOn === null)) {
    problems.push(problem(values.openingBalanceFen === null ? 'openingBalanceFen' : 'openingBalanceOn', 'opening_pair'));
  }
  if (values.cardLast4 !== null && values.product !== 'credit_card') problems.push(problem('cardLast4', 'last4_not_card'));
  if (values.kind === 'draw' && values.parentId === null) problems.push(problem('parentId', 'draw_needs_line'));
  return problems;
}

function checkParent(db: Db, parentId: number | null): AccountRecord | null {
  if (parentId === null) return null;
  const [parent] = loadAccounts(db, [parentId]);
  if (!parent) throw invalid([problem('parentId')]);
  if (parent.values.kind !== 'line') throw new CredenceError('ledger.parent_not_line', { id: parentId });
  return parent;
}

function keyTaken(db: Db, key: string, except: number | null): void {
  const row = db.prepare('SELECT id, name FROM credit_accounts WHERE match_key = ? AND id IS NOT ?').get(key, except) as
    | { id: number; name: string }
    | undefined;
  if (row) throw new CredenceError('ledger.account_exists', { id: row.id, name: row.name });
}

function matchKeyFor(values: AccountValues, parent: AccountRecord | null): string | null {
  if (values.kind === 'draw') return `${parent?.matchKey ?? 'manual'}:draw:manual:${randomUUID()}`;
  if (values.product === 'credit_card' && values.bank) return cardKey(values.bank, values.cardLast4);
  const singleton = SINGLETON_KEYS[values.product];
  if (singleton && FIXED_ACCOUNTS[singleton]?.kind === values.kind) return singleton;
  return null;
}

function defaultName(values: AccountValues): string {
  if (values.product === 'credit_card' && values.bank) {
    return values.cardLast4 ? `${values.bank}信用卡 尾号${values.cardLast4}` : `${values.bank}信用卡`;
  }
  return PRODUCT_NAMES[values.product]['zh-CN'];
}

const upsertOverride = (db: Db) =>
  db.prepare(
    `INSERT INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id, field) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );

// ---------------------------------------------------------------- accounts

export interface EditOptions {
  actor?: string;
  asOfDay?: number;
}

/** A new account entered by hand. Imports attach to it when it names the same product or card. */
export function createAccount(db: Db, input: unknown, options: EditOptions = {}): AccountDetail {
  const parsed = parseAccountInput(input);
  if (!parsed.product) throw invalid([problem('product')]);
  const product = parsed.product;
  const kind = parsed.kind ?? defaultsFor(product).kind.value;
  const draft = { ...emptyValues(), ...parsed, product, kind } as AccountValues;
  const problems = crossProblems(draft);
  if (problems.length > 0) throw invalid(problems);
  const now = toUtc8Iso();
  let id = 0;
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    const parent = checkParent(db, draft.parentId);
    const name = parsed.name ?? defaultName(draft);
    const matchKey = matchKeyFor(draft, parent);
    if (matchKey) keyTaken(db, matchKey, null);
    id = Number(
      db
        .prepare(
          `INSERT INTO credit_accounts (product, name, source, match_key, details_json, created_at, updated_at, kind, parent_id)
           VALUES (?, ?, 'manual', ?, '{}', ?, ?, ?, ?)`,
        )
        .run(product, name, matchKey, now, now, kind, draft.parentId).lastInsertRowid,
    );
    const write = upsertOverride(db);
    const stored: AccountInput = { ...parsed, product, kind, name };
    for (const [field, value] of Object.entries(stored)) if (value !== undefined) write.run(id, field, JSON.stringify(value), now);
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: 'ledger.account.create',
      subject: `account:${id}`,
      details: { values: stored, matchKey, defaultsVersion: DEFAULTS_VERSION },
    });
    refreshLedger(db, options.asOfDay ?? today());
  });
  return accountDetail(db, id, options);
}

/**
 * Sets the given fields (the user's values, kept apart from derived ones) and reverts the
 * `reset` fields to their derived value or default.
 */
export function updateAccount(db: Db, id: number, input: unknown, reset: readonly string[] = [], options: EditOptions = {}): AccountDetail {
  const parsed = parseAccountInput(input);
  const resetFields = reset.filter((field): field is AccountField => (ACCOUNT_FIELDS as readonly string[]).includes(field));
  if (resetFields.length !== reset.length) throw invalid(reset.filter((f) => !(ACCOUNT_FIELDS as readonly string[]).includes(f)).map((f) => problem(f, 'unknown_field')));
  const now = toUtc8Iso();
  let structural = false;
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    const before = requireAccount(db, id);
    const overrides = new Map<string, unknown>(Object.entries(before.overrides));
    for (const field of resetFields) overrides.delete(field);
    for (const [field, value] of Object.entries(parsed)) if (value !== undefined) overrides.set(field, value);
    const row = db.prepare('SELECT * FROM credit_accounts WHERE id = ?').get(id) as AccountRow;
    const after = resolveAccount(row, overrides);
    const problems = crossProblems(after.values);
    if (problems.length > 0) throw invalid(problems);
    const parent = checkParent(db, after.values.parentId);
    if (parent && parent.id === id) throw invalid([problem('parentId')]);

    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ACCOUNT_FIELDS) {
      if (JSON.stringify(before.values[field]) !== JSON.stringify(after.values[field]) || before.origin[field].provenance !== after.origin[field].provenance) {
        changed[field] = { from: before.values[field], to: after.values[field] };
        if (STRUCTURAL.has(field)) structural = true;
      }
    }
    const write = upsertOverride(db);
    const drop = db.prepare('DELETE FROM credit_account_overrides WHERE account_id = ? AND field = ?');
    for (const field of resetFields) drop.run(id, field);
    for (const [field, value] of Object.entries(parsed)) if (value !== undefined) write.run(id, field, JSON.stringify(value), now);
    // A card's digits are how imports find it.
    let matchKey = before.matchKey;
    if (after.values.product === 'credit_card' && after.values.bank && (changed.bank || changed.cardLast4)) {
      matchKey = cardKey(after.values.bank, after.values.cardLast4);
      keyTaken(db, matchKey, id);
    }
    db.prepare('UPDATE credit_accounts SET updated_at = ?, match_key = ? WHERE id = ?').run(now, matchKey, id);
    if (before.source === 'manual') {
      db.prepare('UPDATE credit_accounts SET product = ?, name = ?, kind = ?, parent_id = ? WHERE id = ?').run(
        after.values.product,
        after.values.name,
        after.values.kind,
        after.values.parentId,
        id,
      );
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: 'ledger.account.update',
      subject: `account:${id}`,
      details: { changed, reset: resetFields, defaultsVersion: DEFAULTS_VERSION },
    });
    if (structural) refreshLedger(db, options.asOfDay ?? today());
    else recomputeAfterEdit(db, options.asOfDay ?? today());
  });
  return accountDetail(db, id, options);
}

/** A manual account is deleted; a derived one is hidden (imports would only bring it back). */
export function deleteAccount(db: Db, id: number, options: EditOptions = {}): { deleted: 'removed' | 'hidden' } {
  let outcome: 'removed' | 'hidden' = 'removed';
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    const account = requireAccount(db, id);
    if (account.source === 'manual') {
      db.prepare('DELETE FROM credit_accounts WHERE id = ?').run(id);
    } else {
      outcome = 'hidden';
      upsertOverride(db).run(id, 'dismissed', 'true', toUtc8Iso());
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: outcome === 'removed' ? 'ledger.account.delete' : 'ledger.account.hide',
      subject: `account:${id}`,
      details: { name: account.values.name, product: account.values.product, matchKey: account.matchKey },
    });
    refreshLedger(db, options.asOfDay ?? today());
  });
  return { deleted: outcome };
}

// ---------------------------------------------------------------- month facts and instalments

const monthSchema = z.string().refine((text) => parseMonth(text) !== null);

/** Sets what the user knows of one month (null clears it). */
export function setMonthFact(db: Db, accountId: number, month: unknown, input: unknown, options: EditOptions = {}): AccountDetail {
  const parsedMonth = parseInput(z.strictObject({ month: monthSchema }), { month }).month;
  const fact = input === null ? null : parseInput(monthFactSchema, input);
  if (fact && fact.minimumDueFen != null && fact.amountDueFen != null && fact.minimumDueFen > fact.amountDueFen) {
    throw invalid([problem('minimumDueFen', 'minimum_above_due')]);
  }
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    requireAccount(db, accountId);
    const before = db.prepare('SELECT * FROM credit_month_facts WHERE account_id = ? AND month = ?').get(accountId, parsedMonth) ?? null;
    const empty = fact === null || Object.values(fact).every((value) => value === null || value === undefined);
    if (empty) db.prepare('DELETE FROM credit_month_facts WHERE account_id = ? AND month = ?').run(accountId, parsedMonth);
    else {
      db.prepare(
        `INSERT INTO credit_month_facts (account_id, month, balance_fen, amount_due_fen, minimum_due_fen, amount_paid_fen, status, note, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(account_id, month) DO UPDATE SET balance_fen = excluded.balance_fen, amount_due_fen = excluded.amount_due_fen,
           minimum_due_fen = excluded.minimum_due_fen, amount_paid_fen = excluded.amount_paid_fen, status = excluded.status,
           note = excluded.note, updated_at = excluded.updated_at`,
      ).run(
        accountId,
        parsedMonth,
        fact!.balanceFen ?? null,
        fact!.amountDueFen ?? null,
        fact!.minimumDueFen ?? null,
        fact!.amountPaidFen ?? null,
        fact!.status ?? null,
        fact!.note ?? null,
        toUtc8Iso(),
      );
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: empty ? 'ledger.month.clear' : 'ledger.month.set',
      subject: `account:${accountId}`,
      details: { month: parsedMonth, before, after: empty ? null : fact },
    });
    recomputeAfterEdit(db, options.asOfDay ?? today());
  });
  return accountDetail(db, accountId, options);
}

export function saveInstallment(db: Db, accountId: number, installmentId: number | null, input: unknown, options: EditOptions = {}): AccountDetail {
  const plan = parseInput(installmentSchema, input);
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    requireAccount(db, accountId);
    const now = toUtc8Iso();
    let id = installmentId;
    if (id === null) {
      id = Number(
        db
          .prepare(
            `INSERT INTO credit_installments (account_id, label, principal_fen, fee_fen, periods, first_month, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(accountId, plan.label ?? null, plan.principalFen, plan.feeFen ?? 0, plan.periods, plan.firstMonth, now, now).lastInsertRowid,
      );
    } else {
      const changes = db
        .prepare(
          `UPDATE credit_installments SET label = ?, principal_fen = ?, fee_fen = ?, periods = ?, first_month = ?, updated_at = ?
            WHERE id = ? AND account_id = ?`,
        )
        .run(plan.label ?? null, plan.principalFen, plan.feeFen ?? 0, plan.periods, plan.firstMonth, now, id, accountId).changes;
      if (changes === 0) throw new CredenceError('ledger.installment_not_found', { id });
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: installmentId === null ? 'ledger.installment.create' : 'ledger.installment.update',
      subject: `account:${accountId}`,
      details: { installment: id, values: plan },
    });
    recomputeAfterEdit(db, options.asOfDay ?? today());
  });
  return accountDetail(db, accountId, options);
}

export function deleteInstallment(db: Db, accountId: number, installmentId: number, options: EditOptions = {}): AccountDetail {
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    const row = db.prepare('SELECT * FROM credit_installments WHERE id = ? AND account_id = ?').get(installmentId, accountId);
    if (!row) throw new CredenceError('ledger.installment_not_found', { id: installmentId });
    db.prepare('DELETE FROM credit_installments WHERE id = ?').run(installmentId);
    appendAudit(db, { actor: options.actor ?? 'user', action: 'ledger.installment.delete', subject: `account:${accountId}`, details: { installment: row } });
    recomputeAfterEdit(db, options.asOfDay ?? today());
  });
  return accountDetail(db, accountId, options);
}

// ---------------------------------------------------------------- assigning events

/**
 * The user's word on which account a credit event belongs to (null: none); `reset` returns it
 * to what the import rules derive. Kept across re-imports.
 */
export function assignTransaction(db: Db, transactionId: number, accountId: number | null | 'reset', options: EditOptions = {}): { accountId: number | null } {
  let result: number | null = null;
  ledgerEdit(db, () => {
    ensureLedger(db, options.asOfDay ?? today());
    const tx = db
      .prepare('SELECT id, credit_event, occurred_at, occurred_epoch, amount_fen, batch_id, platform, needs_review FROM transactions WHERE id = ?')
      .get(transactionId) as
      | { id: number; credit_event: CreditEventKind | null; occurred_at: string; occurred_epoch: number; amount_fen: number; batch_id: number; platform: string; needs_review: number }
      | undefined;
    const link = db.prepare('SELECT account_id, role, source FROM credit_links WHERE transaction_id = ?').get(transactionId) as
      | { account_id: number | null; role: string; source: string }
      | undefined;
    if (!tx || (!tx.credit_event && !link)) throw new CredenceError('ledger.transaction_not_found', { id: transactionId });
    if (accountId !== null && accountId !== 'reset') requireAccount(db, accountId);
    if (accountId === 'reset') {
      db.prepare("DELETE FROM credit_links WHERE transaction_id = ? AND source = 'manual'").run(transactionId);
    } else {
      const role = link?.role ?? ROLE_OF_KIND[tx.credit_event!];
      db.prepare(
        `INSERT INTO credit_links (transaction_id, account_id, role, source, basis, day, amount_fen, batch_id, platform, unconfirmed)
         VALUES (?, ?, ?, 'manual', 'user', ?, ?, ?, ?, ?)
         ON CONFLICT(transaction_id) DO UPDATE SET account_id = excluded.account_id, source = 'manual', basis = 'user'`,
      ).run(transactionId, accountId, role, dayOfStoredTime(tx.occurred_at, tx.occurred_epoch), tx.amount_fen, tx.batch_id, tx.platform, tx.needs_review);
    }
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: accountId === 'reset' ? 'ledger.link.reset' : 'ledger.link.set',
      subject: `transaction:${transactionId}`,
      details: { from: link?.account_id ?? null, to: accountId },
    });
    refreshLedger(db, options.asOfDay ?? today());
    result = (db.prepare('SELECT account_id FROM credit_links WHERE transaction_id = ?').pluck().get(transactionId) as number | null | undefined) ?? null;
  });
  return { accountId: result };
}

/** For the CLI's `--as-of`: a date, or today. */
export function asOfFrom(text: unknown): number {
  if (typeof text !== 'string') return today();
  const day = parseDay(text);
  if (day === null) throw invalid([problem('asOf')]);
  return day;
}
