// Shared by the encryption, lock and backup tests: a passphrase, real fixtures imported into a
// profile, and the strings of theirs that must never appear in an encrypted file's bytes.

import { readFileSync } from 'node:fs';
import { importFile } from '../../../core/importers/import-file.ts';
import type { Db } from '../../../core/storage/database.ts';
import { RawRowReader } from '../../../core/storage/raw-rows.ts';
import { bill } from '../../helpers/fixtures.ts';

export const PASSPHRASE = '正确的马 battery staple';
export const OTHER_PASSPHRASE = 'another passphrase 2';

/** Real-format exports with merchant names, order ids and amounts (test/helpers/fixtures.ts). */
export const SENSITIVE_FIXTURES = ['jd/jd-2025.csv', 'meituan/meituan-2025.csv', 'wechat/wechat-csv-2025.csv'];

export async function importFixtures(db: Db): Promise<void> {
  for (const fixture of SENSITIVE_FIXTURES) await importFile(db, bill(fixture));
}

/**
 * What a thief would look for, taken from the imported rows themselves: merchant names, order
 * ids, and amounts as the bill wrote them ("60.90"). Only strings long enough not to turn up in
 * random bytes by chance (5+ bytes: at these file sizes the odds are below one in a million).
 */
export function sensitiveStrings(db: Db): string[] {
  const rows = db.prepare('SELECT counterparty, platform_order_id, batch_id, raw_row FROM transactions').all() as Array<{
    counterparty: string | null;
    platform_order_id: string;
    batch_id: number;
    raw_row: string;
  }>;
  const raw = new RawRowReader(db);
  const found = new Set<string>();
  for (const row of rows) {
    if (row.counterparty && Buffer.byteLength(row.counterparty) >= 6 && !/^x+$/i.test(row.counterparty)) found.add(row.counterparty);
    if (row.platform_order_id.length >= 10) found.add(row.platform_order_id);
    const amount = /"金额(?:\(元\))?":"¥?(\d+\.\d\d)"/.exec(raw.text(row.batch_id, row.raw_row))?.[1];
    // Seven characters at least (¥1000.00 and up): a 5-byte string turns up in a few MB of
    // ciphertext by chance (2^-40 a position, times hundreds of amounts), often enough that a
    // clean encrypted backup was once reported as holding '19.72'; at 7 bytes it is 2^-56.
    if (amount && amount.length >= 7) found.add(amount);
  }
  return [...found];
}

/** The sensitive strings present in a file's bytes (UTF-8, as SQLite stores text). */
export function leakedIn(file: string, strings: string[]): string[] {
  const bytes = readFileSync(file);
  return strings.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
}
