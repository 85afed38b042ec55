// While an import writes into a profile on a connection of its own (the app's worker thread),
// reads on the shared connection serve the stored ledger instead of deriving it: the import
// derives it itself when done, and a derivation on the thread that answers IPC would wait for the
// import's write lock and then do the same work twice (core/storage/database.ts markImportRunning).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/importers/import-file.ts';
import { ensureLedger } from '../../../core/ledger/freshness.ts';
import { readLedgerState } from '../../../core/ledger/ledger-state.ts';
import { markImportRunning, openDatabase } from '../../../core/storage/database.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('the ledger while an import runs elsewhere', () => {
  it('is served as stored, then derived once the import is done', async () => {
    const file = join(tempDir(), 'p.sqlite');
    const shared = openDatabase(file);
    ensureLedger(shared);
    const derived = readLedgerState(shared, 'fingerprint');
    const done = markImportRunning(shared);
    // The import's own connection, as the worker's: its rows are committed, not yet derived.
    const own = openDatabase(file, { create: false, inspected: true });
    await importFile(own, bill('meituan/meituan-2025.csv'));
    own.close();
    ensureLedger(shared);
    expect(readLedgerState(shared, 'fingerprint')).toBe(derived);
    expect(shared.prepare('SELECT count(*) FROM credit_accounts').pluck().get()).toBe(0);
    done();
    ensureLedger(shared);
    expect(readLedgerState(shared, 'fingerprint')).not.toBe(derived);
    // The Meituan fixture's 月付 rows make its account (the golden import output has it).
    expect(shared.prepare('SELECT count(*) FROM credit_accounts').pluck().get()).toBeGreaterThan(0);
    shared.close();
  });
});
