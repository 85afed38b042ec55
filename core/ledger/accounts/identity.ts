// How an account entered by hand is found again: its match key is the one imports derive for
// the same card or platform account, so the statement imported later attaches to it instead of
// making a second account; a draw by hand gets a key of its own. Its default name says what it is.

import { randomUUID } from 'node:crypto';
import { CredenceError } from '../../shared/errors.ts';
import type { Product } from '../../shared/ledger-vocabulary.ts';
import type { Db } from '../../storage/database.ts';
import type { AccountRecord, AccountValues } from '../account-values.ts';
import { cardKey, FIXED_ACCOUNTS } from '../derive/derive-accounts.ts';
import { PRODUCT_NAMES } from '../product-defaults.ts';

/** Products a person has one account of: their imports always name that account by this key. */
const SINGLETON_KEYS: Partial<Record<Product, string>> = {
  huabei: 'huabei',
  jiebei: 'jiebei',
  weilidai: 'weilidai',
  baitiao: 'baitiao',
  meituan_yuefu: 'meituan_yuefu',
};

export function matchKeyFor(values: AccountValues, parent: AccountRecord | null): string | null {
  if (values.kind === 'draw') return `${parent?.matchKey ?? 'manual'}:draw:manual:${randomUUID()}`;
  if (values.product === 'credit_card' && values.bank) return cardKey(values.bank, values.cardLast4);
  const singleton = SINGLETON_KEYS[values.product];
  if (singleton && FIXED_ACCOUNTS[singleton]?.kind === values.kind) return singleton;
  return null;
}

/** Refuses a key another account has: one card, one account. */
export function assertKeyFree(db: Db, key: string, except: number | null): void {
  const row = db.prepare('SELECT id, name FROM credit_accounts WHERE match_key = ? AND id IS NOT ?').get(key, except) as
    | { id: number; name: string }
    | undefined;
  if (row) throw new CredenceError('ledger.account_exists', { id: row.id, name: row.name });
}

export function defaultName(values: AccountValues): string {
  if (values.product === 'credit_card' && values.bank) {
    return values.cardLast4 ? `${values.bank}信用卡 尾号${values.cardLast4}` : `${values.bank}信用卡`;
  }
  return PRODUCT_NAMES[values.product]['zh-CN'];
}
