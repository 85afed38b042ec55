// When the derived half of the ledger is computed again (core/ledger/freshness.ts): a read
// derives when the data moved and never inside a transaction it does not own; an edit derives
// first, inside its own transaction, so that it is checked against the accounts the imports imply
// even when no read derived them yet. Nothing but the database carries this state.

import { afterEach, describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { listAccounts } from '../../../core/ledger/accounts/views.ts';
import { CredenceError } from '../../../core/shared/errors.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { tempDb, type TempDb } from '../importers/helpers.ts';
import { onTimeStatement } from './cmb-statement.ts';
import { day } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

const asOf = { asOfDay: day('2026-05-31') };
const derivedAccounts = () => t.db.prepare("SELECT count(*) FROM credit_accounts WHERE source = 'derived'").pluck().get();

describe('the derived ledger', () => {
  it('is derived by the first edit after an import, before the edit is checked', async () => {
    t = tempDb();
    await importBytes(t.db, 'cmb.csv', Buffer.from(onTimeStatement(), 'utf8'));
    // The import stores transactions only; nothing has read the ledger since.
    expect(derivedAccounts()).toBe(0);
    // The statement's card is 招商银行 8888 (cmb-statement.ts): entering it again is refused.
    let error: unknown;
    try {
      createAccount(t.db, { product: 'credit_card', bank: '招商银行', cardLast4: '8888' }, asOf);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CredenceError);
    expect((error as CredenceError).code).toBe('ledger.account_exists');
    // The refused edit's transaction, its derivation included, left nothing behind.
    expect(derivedAccounts()).toBe(0);
    expect(listAccounts(t.db, asOf).map((a) => a.matchKey)).toEqual(['credit_card:招商银行:8888']);
  });

  it('is derived by a read on another connection once the import committed, and by no read inside a transaction', async () => {
    t = tempDb();
    const other = openDatabase(t.file, { create: false });
    try {
      await importBytes(t.db, 'cmb.csv', Buffer.from(onTimeStatement(), 'utf8'));
      other.exec('BEGIN');
      expect(listAccounts(other, asOf)).toEqual([]); // served as stored: nothing derived yet
      other.exec('COMMIT');
      expect(listAccounts(other, asOf).map((a) => a.matchKey)).toEqual(['credit_card:招商银行:8888']);
      expect(listAccounts(t.db, asOf).map((a) => a.matchKey)).toEqual(['credit_card:招商银行:8888']);
    } finally {
      other.close();
    }
  });
});
