// A derivation, stored: the accounts and links the imported credit events imply
// (derive-accounts.ts), written beside the user's own, then what recomputes read from them
// (the imports' day spans, the accounts' packed events).
//
// After an import, only the rows it added are taken up when nothing else the derivation reads
// changed since the last one (freshness.ts decides, from data_version.ledger_edits): what those
// rows can change is theirs alone, but for three things that reach other rows, handled here.
//   - A card named by bank only goes to the one card of its bank: a new card (with its digits)
//     can move earlier rows, so one makes the derivation take up every row.
//   - A line's repayments go to the one draw that can be open: every row of a line the import
//     touches is taken up again.
//   - A refund is credited to the account its purchase was charged to: a purchase of an earlier
//     import is read by its id.
// Nothing an import adds takes a link or an account away, so nothing is removed then.

import type { Db } from '../../storage/database.ts';
import { loadAccounts } from '../account-values.ts';
import { extendRowSpans } from '../export-coverage.ts';
import { countLinkableRows, creditRows, creditRowsById, keysNamedAfter, knownAccounts, type RowScope } from './credit-rows.ts';
import { deriveInOrder, LINE_KEYS, namesCardDigits } from './derive-accounts.ts';
import { removeOrphans, writeDerivedAccounts } from './write-accounts.ts';
import { writeAccountEvents } from './write-events.ts';
import { linksOfAccounts, writeLinks } from './write-links.ts';

/** What the last derivation took up (freshness.ts keeps it). */
export interface DerivedBefore {
  /** The highest transaction id it took up. */
  through: number;
  /** Every card key with its last four digits the rows named. */
  cardKeys: readonly string[];
}

export interface Derived {
  accounts: number;
  links: number;
  cardKeys: string[];
  /** The accounts whose events were packed again; null when every account's were. */
  touched: Set<number> | null;
}

/** The rows to take up after `before`, or null when every row must be (a new card). */
function rowsAfter(db: Db, before: DerivedBefore): RowScope {
  const named = keysNamedAfter(db, before.through);
  const cards = new Set(before.cardKeys);
  if (named.some((key) => namesCardDigits(key) && !cards.has(key))) return null;
  return { after: before.through, lines: named.filter((key) => LINE_KEYS.has(key)) };
}

/** Derives every row, or, given what the last derivation took up, the rows added since. */
export function deriveAndStore(db: Db, before: DerivedBefore | null = null): Derived {
  const existing = loadAccounts(db);
  const known = knownAccounts(existing);
  const scope = before === null ? null : rowsAfter(db, before);
  const linkable = countLinkableRows(db, scope);
  const derived =
    scope === null
      ? deriveInOrder(creditRows(db), known, undefined, linkable)
      : deriveInOrder(creditRows(db, scope), known, { cardKeys: before!.cardKeys, rows: (ids) => creditRowsById(db, ids) }, linkable);
  const made = derived.links.length;
  const { idByKey, wanted } = writeDerivedAccounts(db, existing, derived.accounts);
  const linked = writeLinks(db, derived.links, derived.keys, idByKey, scope === null);
  extendRowSpans(db);
  if (scope === null) {
    removeOrphans(db, wanted);
    writeAccountEvents(db, linked, null);
    return { accounts: wanted.size, links: made, cardKeys: derived.cardKeys, touched: null };
  }
  const touched = new Set<number>();
  for (let i = 0; i < made; i++) touched.add(linked.account[i]);
  linked.release();
  const ofTouched = linksOfAccounts(db, touched);
  writeAccountEvents(db, ofTouched, touched);
  return { accounts: wanted.size, links: made, cardKeys: derived.cardKeys, touched };
}
