// Shared by the importer tests and the benchmark: fixture paths (test/helpers/fixtures.ts), a
// throwaway profile database, and a GBK encoder (Node has none built in) for writing
// Alipay-style mutations in memory.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CredenceError } from '../../../core/shared/errors.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { bill } from '../../helpers/fixtures.ts';

export { bill, BILLS_DIR as billsDir, OWN_FIXTURES_DIR as ownFixturesDir } from '../../helpers/fixtures.ts';

export function readBill(relative: string): Buffer {
  return readFileSync(bill(relative));
}

export interface TempDb {
  db: Db;
  file: string;
  close(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'credence-import-'));
  const file = join(dir, 'profile.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts of the tables an import writes: equal before and after means "unchanged". */
export function snapshot(db: Db): Record<string, number> {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { transactions: count('transactions'), import_batches: count('import_batches'), audit_log: count('audit_log') };
}

let gbkTable: Map<string, Uint8Array> | null = null;

/** GB18030 two-byte code points, read back from the built-in decoder (covers all of GBK). */
function buildGbkTable(): Map<string, Uint8Array> {
  const table = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      const char = decoder.decode(bytes);
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, bytes);
    }
  }
  return table;
}

export function encodeGbk(text: string): Buffer {
  gbkTable ??= buildGbkTable();
  const out = Buffer.alloc(text.length * 2);
  let at = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    const bytes = gbkTable.get(char);
    if (!bytes) throw new Error(`not encodable in GBK: ${char}`);
    out[at++] = bytes[0];
    out[at++] = bytes[1];
  }
  return out.subarray(0, at);
}

export function decodeGbk(bytes: Uint8Array): string {
  return new TextDecoder('gb18030').decode(bytes);
}

/** The WeChat fixture's preamble and header, then `rows` distinct rows (~130 bytes each). */
export function bigWechat(rows: number): Buffer {
  const lines = readBill('wechat/wechat-csv-2025.csv').toString('utf8').split('\n');
  const body = Array.from(
    { length: rows },
    (_, i) => `2021-01-17 18:03:35,扫二维码付款,某餐厅,收款方备注:二维码收款,支出,¥12.00,零钱通,已转账,42000000${String(i).padStart(12, '0')}\t,/\t,/`,
  );
  return Buffer.from([...lines.slice(0, 17), ...body, ''].join('\n'));
}

/** Awaits a promise that must reject with this CredenceError code (and these details). */
export async function expectCredenceError(promise: Promise<unknown>, code: string, details: Record<string, unknown> = {}): Promise<CredenceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredenceError);
  const credence = error as CredenceError;
  expect(credence.code).toBe(code);
  expect(credence.details).toMatchObject(details);
  // Both languages are filled in: no `{placeholder}` left for the user to see.
  expect(credence.localized['zh-CN']).not.toMatch(/\{\w+\}/);
  expect(credence.localized.en).not.toMatch(/\{\w+\}/);
  return credence;
}
