// Accounts created, edited and removed by the user. Every edit is validated (validation.ts,
// consistency.ts), written to the user's own tables (never over a derived value), recorded in
// the audit log, and followed in the same transaction by a re-derive when it can move events
// between accounts, by a recompute of the histories otherwise (freshness.ts).

import { today, toUtc8Iso } from '../../shared/calendar.ts';
import { appendAudit, type Db } from '../../storage/database.ts';
import { emptyValues, requireAccount, resolveAccount, type AccountRecord, type AccountRow, type AccountValues } from '../account-values.ts';
import { cardKey } from '../derive/derive-accounts.ts';
import { ledgerEdit, recomputeAfterEdit, refreshLedger } from '../freshness.ts';
import { defaultsFor, DEFAULTS_VERSION } from '../product-defaults.ts';
import { ACCOUNT_FIELDS, invalid, parseAccountInput, problem, type AccountField, type AccountInput } from '../validation.ts';
import { checkParent, crossProblems } from './consistency.ts';
import { assertKeyFree, defaultName, matchKeyFor } from './identity.ts';
import type { AccountDetail } from '../account-schema.ts';
import { accountDetail } from './views.ts';

export interface EditOptions {
  /** Who made the edit, for the audit log (default: the user). */
  actor?: string;
  /** The day the ledger is derived for, before and after the edit (default: today). */
  asOfDay?: number;
}

/** Fields whose change can move events between accounts: a full re-derive follows. */
const STRUCTURAL: ReadonlySet<AccountField> = new Set(['product', 'kind', 'parentId', 'bank', 'cardLast4', 'closedOn', 'openedOn', 'dismissed']);

const upsertOverride = (db: Db) =>
  db.prepare(
    `INSERT INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id, field) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );

/** A new account entered by hand. Imports attach to it when it names the same product or card. */
export function createAccount(db: Db, input: unknown, options: EditOptions = {}): AccountDetail {
  const parsed = parseAccountInput(input);
  if (!parsed.product) throw invalid([problem('product')]);
  const product = parsed.product;
  const kind = parsed.kind ?? defaultsFor(product).kind.value;
  const draft = { ...emptyValues(), ...parsed, product, kind } as AccountValues;
  const problems = crossProblems(draft);
  if (problems.length > 0) throw invalid(problems);
  const asOfDay = options.asOfDay ?? today();
  const now = toUtc8Iso();
  const id = ledgerEdit(db, asOfDay, () => {
    const parent = checkParent(db, draft.parentId);
    const name = parsed.name ?? defaultName(draft);
    const matchKey = matchKeyFor(draft, parent);
    if (matchKey) assertKeyFree(db, matchKey, null);
    const created = Number(
      db
        .prepare(
          `INSERT INTO credit_accounts (product, name, source, match_key, details_json, created_at, updated_at, kind, parent_id)
           VALUES (?, ?, 'manual', ?, '{}', ?, ?, ?, ?)`,
        )
        .run(product, name, matchKey, now, now, kind, draft.parentId).lastInsertRowid,
    );
    const write = upsertOverride(db);
    const stored: AccountInput = { ...parsed, product, kind, name };
    for (const [field, value] of Object.entries(stored)) if (value !== undefined) write.run(created, field, JSON.stringify(value), now);
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: 'ledger.account.create',
      subject: `account:${created}`,
      details: { values: stored, matchKey, defaultsVersion: DEFAULTS_VERSION },
    });
    refreshLedger(db, asOfDay);
    return created;
  });
  return accountDetail(db, id, options);
}

/** The fields that differ between two resolutions of an account, and whether any is structural. */
function changes(before: AccountRecord, after: AccountRecord): { changed: Record<string, { from: unknown; to: unknown }>; structural: boolean } {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  let structural = false;
  for (const field of ACCOUNT_FIELDS) {
    if (JSON.stringify(before.values[field]) !== JSON.stringify(after.values[field]) || before.origin[field].provenance !== after.origin[field].provenance) {
      changed[field] = { from: before.values[field], to: after.values[field] };
      if (STRUCTURAL.has(field)) structural = true;
    }
  }
  return { changed, structural };
}

/**
 * Sets the given fields (the user's values, kept apart from derived ones) and reverts the
 * `reset` fields to their derived value or default.
 */
export function updateAccount(db: Db, id: number, input: unknown, reset: readonly string[] = [], options: EditOptions = {}): AccountDetail {
  const parsed = parseAccountInput(input);
  const resetFields = reset.filter((field): field is AccountField => (ACCOUNT_FIELDS as readonly string[]).includes(field));
  if (resetFields.length !== reset.length) throw invalid(reset.filter((f) => !(ACCOUNT_FIELDS as readonly string[]).includes(f)).map((f) => problem(f, 'unknown_field')));
  const asOfDay = options.asOfDay ?? today();
  const now = toUtc8Iso();
  ledgerEdit(db, asOfDay, () => {
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

    const { changed, structural } = changes(before, after);
    const write = upsertOverride(db);
    const drop = db.prepare('DELETE FROM credit_account_overrides WHERE account_id = ? AND field = ?');
    for (const field of resetFields) drop.run(id, field);
    for (const [field, value] of Object.entries(parsed)) if (value !== undefined) write.run(id, field, JSON.stringify(value), now);
    // A card's digits are how imports find it.
    let matchKey = before.matchKey;
    if (after.values.product === 'credit_card' && after.values.bank && (changed.bank || changed.cardLast4)) {
      matchKey = cardKey(after.values.bank, after.values.cardLast4);
      assertKeyFree(db, matchKey, id);
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
    if (structural) refreshLedger(db, asOfDay);
    else recomputeAfterEdit(db, asOfDay);
  });
  return accountDetail(db, id, options);
}

/** A manual account is deleted; a derived one is hidden (imports would only bring it back). */
export function deleteAccount(db: Db, id: number, options: EditOptions = {}): { deleted: 'removed' | 'hidden' } {
  const asOfDay = options.asOfDay ?? today();
  const deleted = ledgerEdit(db, asOfDay, () => {
    const account = requireAccount(db, id);
    const outcome = account.source === 'manual' ? 'removed' : 'hidden';
    if (outcome === 'removed') db.prepare('DELETE FROM credit_accounts WHERE id = ?').run(id);
    else upsertOverride(db).run(id, 'dismissed', 'true', toUtc8Iso());
    appendAudit(db, {
      actor: options.actor ?? 'user',
      action: outcome === 'removed' ? 'ledger.account.delete' : 'ledger.account.hide',
      subject: `account:${id}`,
      details: { name: account.values.name, product: account.values.product, matchKey: account.matchKey },
    });
    refreshLedger(db, asOfDay);
    return outcome;
  });
  return { deleted };
}
