// Password-protected ZIPs built in the test with zip.js: Alipay's WinZip AES-256 and WeChat's
// ZipCrypto, opened in memory.

import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../../core/importers/import-file.ts';
import { bill, expectCredenceError, readBill, snapshot, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

interface ZipFile {
  name: string;
  bytes: Uint8Array | string;
}

async function zip(files: ZipFile[], options: { password?: string; zipCrypto?: boolean } = {}): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    password: options.password,
    encryptionStrength: 3,
    zipCrypto: options.zipCrypto,
  });
  for (const file of files) {
    const reader = typeof file.bytes === 'string' ? new TextReader(file.bytes) : new Uint8ArrayReader(file.bytes);
    await writer.add(file.name, reader);
  }
  return writer.close();
}

const alipayZip = () =>
  zip([{ name: '支付宝交易明细(20230210-20230213).csv', bytes: readBill('alipay/alipay-app-2023.csv') }], { password: '246810' });

const refused = (promise: Promise<unknown>, code: string) => expectCredenceError(promise, code, { file: 'alipay.zip' });

describe('password-protected ZIPs', () => {
  it('opens an AES-encrypted Alipay ZIP with its password, in memory', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'alipay.zip', await alipayZip(), { password: '246810' });
    expect(report.file).toBe('alipay.zip!/支付宝交易明细(20230210-20230213).csv');
    expect(report.platform).toBe('alipay');
    expect(report.rowsRead).toBe(10);
    expect(report.imported).toBe(10);
  });

  it('imports the bill once whether it comes from the ZIP or loose', async () => {
    t = tempDb();
    await importBytes(t.db, 'alipay.zip', await alipayZip(), { password: '246810' });
    const [loose] = await importFile(t.db, bill('alipay/alipay-app-2023.csv'));
    expect(loose.imported).toBe(0);
    expect(loose.duplicates).toBe(10);
    const hashes = t.db.prepare('SELECT DISTINCT file_sha256 FROM import_batches').all();
    expect(hashes).toHaveLength(1); // same inner bytes, same hash
  });

  it('asks for the password when none is given, and changes nothing', async () => {
    t = tempDb();
    const before = snapshot(t.db);
    await refused(importBytes(t.db, 'alipay.zip', await alipayZip()), 'import.zip_password_required');
    expect(snapshot(t.db)).toEqual(before);
  });

  it('says the password is wrong, and changes nothing', async () => {
    t = tempDb();
    const before = snapshot(t.db);
    await refused(importBytes(t.db, 'alipay.zip', await alipayZip(), { password: '000000' }), 'import.zip_password_wrong');
    expect(snapshot(t.db)).toEqual(before);
  });

  it('opens a ZipCrypto WeChat ZIP and refuses a wrong password', async () => {
    t = tempDb();
    const bytes = await zip([{ name: '微信支付账单(20190801-20190930).csv', bytes: readBill('wechat/wechat-csv-2025.csv') }], {
      password: '135790',
      zipCrypto: true,
    });
    const [report] = await importBytes(t.db, 'wechat.zip', bytes, { password: '135790' });
    expect(report.rowsRead).toBe(27);
    await expectCredenceError(importBytes(t.db, 'wechat.zip', bytes, { password: '999999' }), 'import.zip_password_wrong');
  });

  it('reads an XLSX bill inside a ZIP', async () => {
    t = tempDb();
    const bytes = await zip([{ name: 'bill.xlsx', bytes: readBill('wechat/wechat-xlsx-2026.xlsx') }], { password: '1' });
    const [report] = await importBytes(t.db, 'wechat.zip', bytes, { password: '1' });
    expect(report.variant).toBe('xlsx-v2');
    expect(report.rowsRead).toBe(27);
  });

  it('skips files in the archive that are not bills, with a warning', async () => {
    t = tempDb();
    const bytes = await zip([
      { name: 'readme.txt', bytes: '解压密码请在公众号查看\n' },
      { name: 'jd.csv', bytes: readBill('jd/jd-2025.csv') },
    ]);
    const reports = await importBytes(t.db, 'mixed.zip', bytes);
    expect(reports).toHaveLength(1);
    expect(reports[0].warnings.map((w) => [w.code, w.details.entry])).toContainEqual(['import.warn.entry_skipped', 'readme.txt']);
  });

  it('refuses a damaged archive', async () => {
    t = tempDb();
    const bytes = (await alipayZip()).slice(0, 200);
    await refused(importBytes(t.db, 'alipay.zip', bytes, { password: '246810' }), 'import.archive_corrupt');
  });
});
