// The derived accounts in the database: inserted when new, updated only when a derived value
// changed (never an account the user entered), and removed once no event names them, unless the
// user put something of theirs on them.

import { formatDay, toUtc8Iso } from '../../shared/calendar.ts';
import type { Db } from '../../storage/database.ts';
import type { AccountRecord } from '../account-values.ts';
import type { AccountSpec } from './derive-accounts.ts';

function specDetails(spec: AccountSpec): string {
  return spec.bank || spec.last4 ? JSON.stringify({ bank: spec.bank, last4: spec.last4 }) : '{}';
}

export interface WrittenAccounts {
  /** Every account's id by its match key, the new ones included. */
  idByKey: Map<string, number>;
  /** The accounts some event names. */
  wanted: Set<number>;
}

export function writeDerivedAccounts(db: Db, existing: readonly AccountRecord[], derived: readonly AccountSpec[]): WrittenAccounts {
  const now = toUtc8Iso();
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
  const specs = [...derived].sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
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
  return { idByKey, wanted };
}

/** Derived accounts no event names any more go, unless the user put something of theirs on them (run after the links are written). */
export function removeOrphans(db: Db, wanted: ReadonlySet<number>): void {
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
}
