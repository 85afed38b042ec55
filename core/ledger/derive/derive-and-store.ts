// A derivation, stored: the accounts and links the imported credit events imply
// (derive-accounts.ts), written beside the user's own, then what recomputes read from them
// (the imports' day spans, every account's packed events).

import type { Db } from '../../storage/database.ts';
import { loadAccounts } from '../account-values.ts';
import { extendRowSpans } from '../export-coverage.ts';
import { creditRows, knownAccounts, namedKeys } from './credit-rows.ts';
import { deriveInOrder } from './derive-accounts.ts';
import { removeOrphans, writeDerivedAccounts } from './write-accounts.ts';
import { writeAccountEvents } from './write-events.ts';
import { writeLinks } from './write-links.ts';

export function deriveAndStore(db: Db): { accounts: number; links: number } {
  const existing = loadAccounts(db);
  const derived = deriveInOrder(creditRows(db), knownAccounts(existing), namedKeys(db));
  const made = derived.links.length;
  const { idByKey, wanted } = writeDerivedAccounts(db, existing, derived.accounts);
  const linked = writeLinks(db, derived.links, derived.keys, idByKey);
  removeOrphans(db, wanted);
  extendRowSpans(db);
  writeAccountEvents(db, linked);
  return { accounts: wanted.size, links: made };
}
