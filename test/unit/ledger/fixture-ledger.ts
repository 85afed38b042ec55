// Imports one fixture into a throwaway profile and reads the ledger back in a compact form
// that a test can spell out: each account, what its events add up to, its month grid.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAccounts, accountDetail } from '../../../core/ledger/accounts/views.ts';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import type { Db } from '../../../core/storage/database.ts';
import { bill, encodeGbk, ownFixturesDir } from '../importers/helpers.ts';
import { day } from './helpers.ts';

export interface LedgerLine {
  key: string | null;
  name: string;
  product: string;
  kind: string;
  /** role → [count, fen] */
  events: Record<string, [number, number]>;
  grid: string[];
  reasons: string[];
}

export async function importFixture(db: Db, fixture: string): Promise<void> {
  if (fixture.startsWith('own:')) {
    const path = join(ownFixturesDir, fixture.slice(4));
    // The project's Alipay fixture is stored as UTF-8 for review; the real export is GBK.
    if (fixture.includes('alipay')) await importBytes(db, fixture.slice(4), encodeGbk(readFileSync(path, 'utf8')));
    else await importFile(db, path);
  } else await importFile(db, bill(fixture));
}

export function ledgerLines(db: Db, asOf: string): LedgerLine[] {
  const asOfDay = day(asOf);
  return listAccounts(db, { asOfDay }).map((account) => {
    const detail = accountDetail(db, account.id, { asOfDay });
    const events: Record<string, [number, number]> = {};
    for (const t of detail.transactions.filter((t) => t.accountId === account.id)) {
      const sum = (events[t.role] ??= [0, 0]);
      sum[0] += 1;
      sum[1] += t.amountFen;
    }
    return {
      key: account.matchKey,
      name: account.name,
      product: account.product,
      kind: account.kind,
      events,
      grid: detail.months.map((m) => `${m.month} ${m.status}`),
      reasons: [...new Set(detail.months.map((m) => m.reason))],
    };
  });
}
