import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { exportUnderConsent, type Destination } from '../../../core/consent/export.ts';
import { getConsent, withdrawConsent } from '../../../core/consent/records.ts';
import { verifyPackage } from '../../../core/consent/verify-package.ts';
import { markSyntheticProfile } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { ADDRESS, CARD, DAY_MS, expectCode, FRIEND, grant, ID_NUMBER, ITEM_CANARY, NOW, PHONE, PRINCIPAL, QUERY_INSTITUTION, seedProfile, terms } from './helpers.ts';

const PASSWORD = 'correct horse battery';

function fileDestination(): { dir: string; destination: Destination & { kind: 'file' } } {
  const dir = tempDir('credence-out-');
  return { dir, destination: { kind: 'file', path: join(dir, 'package.zip'), overwrite: false } };
}

const request = (consentId: string, extra: object = {}) => ({ consentId, password: PASSWORD, via: 'dashboard' as const, appVersion: '0.0.0-test', ...extra });

/** Every entry of a package, decrypted, as one string per entry. */
async function entries(bytes: Uint8Array, password = PASSWORD): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { password });
  const out = new Map<string, string>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    out.set(entry.filename, new TextDecoder('utf-8', { ignoreBOM: true }).decode(await entry.getData(new Uint8ArrayWriter())));
  }
  await reader.close();
  return out;
}

function counts(db: import('../../../core/storage/database.ts').Db) {
  return {
    exports: db.prepare('SELECT count(*) FROM consent_exports').pluck().get(),
    audit: db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  };
}

describe('the synthetic sample profile (core/sample) leaves only when the person chooses it', () => {
  it('is refused under a valid consent, naming why and writing nothing; with includeSample it is exported', async () => {
    const { db } = await seedProfile();
    markSyntheticProfile(db, 'test');
    const { consent } = grant(db);
    const before = counts(db);
    const { dir, destination } = fileDestination();
    await expectCode(exportUnderConsent(db, request(consent.id), destination, NOW), 'export.synthetic_profile');
    // Refused before anything: no export row, no audit entry, no file, and the consent's exports untouched.
    expect(counts(db)).toEqual(before);
    expect(readdirSync(dir)).toEqual([]);
    expect(getConsent(db, consent.id, NOW).exportsLeft).toBe(2);
    const outcome = await exportUnderConsent(db, request(consent.id, { includeSample: true }), destination, NOW);
    expect(existsSync(destination.path)).toBe(true);
    expect(outcome.consent.exportsLeft).toBe(1);
  });

  it('a profile that is not the sample needs no such choice', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const { destination } = fileDestination();
    await exportUnderConsent(db, request(consent.id), destination, NOW);
    expect(existsSync(destination.path)).toBe(true);
  });
});

describe('an export is refused, and no file is written, without a valid consent', () => {
  it('with no consent at all', async () => {
    const { db } = await seedProfile();
    const { dir, destination } = fileDestination();
    const before = counts(db);
    await expectCode(exportUnderConsent(db, request('0190c3a0-0000-7000-8000-000000000000'), destination, NOW), 'export.consent_not_found');
    expect(readdirSync(dir)).toEqual([]);
    expect(counts(db)).toEqual(before);
  });

  it('with an expired consent (and its expiry receipt is issued)', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db, terms({ expiresOn: '2026-08-16' }));
    const { dir, destination } = fileDestination();
    // 2026-08-16 23:59:59 is its last second; three days later it is over.
    await expectCode(exportUnderConsent(db, request(consent.id), destination, new Date(NOW.getTime() + 3 * DAY_MS)), 'export.consent_expired');
    expect(readdirSync(dir)).toEqual([]);
    const after = getConsent(db, consent.id, new Date(NOW.getTime() + 3 * DAY_MS));
    expect(after.state).toBe('expired');
    expect(after.receipts.map((r) => r.kind)).toEqual(['granted', 'expired']);
    expect(after.exportsUsed).toBe(0);
  });

  it('with a withdrawn consent', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    withdrawConsent(db, consent.id, 'dashboard', NOW);
    const { dir, destination } = fileDestination();
    await expectCode(exportUnderConsent(db, request(consent.id), destination, NOW), 'export.consent_withdrawn');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with a used-up consent: the allowed exports succeed, the next is refused', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db, terms({ maxExports: 1 }));
    const first = fileDestination();
    await exportUnderConsent(db, request(consent.id), first.destination, NOW);
    expect(readdirSync(first.dir)).toEqual(['package.zip']);
    const second = fileDestination();
    await expectCode(exportUnderConsent(db, request(consent.id), second.destination, NOW), 'export.consent_used_up');
    expect(readdirSync(second.dir)).toEqual([]);
    expect(getConsent(db, consent.id, NOW)).toMatchObject({ state: 'used_up', exportsUsed: 1, exportsLeft: 0 });
  });

  it('with a consent replaced by its amendment', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const amended = grant(db, terms({ maxExports: 5 }), NOW, consent.id);
    expect(amended.receipt.kind).toBe('amended');
    const { dir, destination } = fileDestination();
    await expectCode(exportUnderConsent(db, request(consent.id), destination, NOW), 'export.consent_superseded');
    expect(readdirSync(dir)).toEqual([]);
    expect(getConsent(db, consent.id, NOW).receipts.map((r) => r.kind)).toEqual(['granted', 'superseded']);
  });

  it('when a field asked for is outside the consent', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db, terms({ categories: [{ code: 'accounts', fields: ['name', 'limitFen'] }] }));
    const { dir, destination } = fileDestination();
    const scope = [{ code: 'accounts', fields: ['name', 'balanceFen'] }, { code: 'transactions', fields: ['item'] }];
    await expectCode(exportUnderConsent(db, request(consent.id, { scope }), destination, NOW), 'export.fields_out_of_scope');
    expect(readdirSync(dir)).toEqual([]);
    expect(getConsent(db, consent.id, NOW).exportsUsed).toBe(0);
  });

  it('when the destination exists (not overwritten) or its folder does not', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const { dir, destination } = fileDestination();
    writeFileSync(destination.path, 'mine');
    await expectCode(exportUnderConsent(db, request(consent.id), destination, NOW), 'export.destination_exists');
    expect(readFileSync(destination.path, 'utf8')).toBe('mine');
    await expectCode(exportUnderConsent(db, request(consent.id), { kind: 'file', path: join(dir, 'no', 'such.zip'), overwrite: false }, NOW), 'export.destination_missing');
    expect(getConsent(db, consent.id, NOW).exportsUsed).toBe(0);
  });
});

describe('a package', () => {
  it('holds no unredacted identifier anywhere in its decrypted bytes, and the redacted forms instead', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const outcome = await exportUnderConsent(db, request(consent.id), { kind: 'download' }, NOW);
    const files = await entries(outcome.bytes!);
    expect([...files.keys()].sort()).toEqual(
      [
        'manifest.json',
        'consent-receipt.json',
        'NOTICE.zh-CN.txt',
        'NOTICE.en.txt',
        ...['profile', 'accounts', 'account_months', 'report_figures', 'scores', 'queries', 'transactions', 'plan'].flatMap((c) => [`data/${c}.json`, `data/${c}.csv`]),
      ].sort(),
    );
    const all = [...files.values()].join('\n');
    for (const identifier of [PRINCIPAL, ID_NUMBER, PHONE, CARD, ADDRESS, FRIEND, '建国路', '朝阳区']) expect(all, identifier).not.toContain(identifier);
    // 张三丰 → 张*, 李小龙 (a transfer's counterparty) → 李*, the phone keeps 3 + 4, the numbers their last four, the address its city.
    const transactions = JSON.parse(files.get('data/transactions.json')!) as { rows: Record<string, unknown>[] };
    const transfer = transactions.rows.find((r) => r.category === '转账红包')!;
    expect(transfer).toMatchObject({ counterparty: '李*', item: '转账给张*', amountFen: 8800, occurredAt: '2026-07-14T11:00:00+08:00' });
    const delivery = transactions.rows.find((r) => String(r.item).startsWith(ITEM_CANARY))!;
    expect(delivery.item).toBe(`${ITEM_CANARY} 送货地址北京市 电话138****5678`);
    const queries = JSON.parse(files.get('data/queries.json')!) as { rows: Record<string, unknown>[] };
    expect(queries.rows[0]!.note).toBe('身份证**************1234 卡号***************0123');
    const profile = JSON.parse(files.get('data/profile.json')!) as { rows: Record<string, unknown>[] };
    expect(profile.rows[0]).toMatchObject({ name: '张*', monthlyIncomeFen: 1_234_500 });
    const receipt = JSON.parse(files.get('consent-receipt.json')!) as { consent: { evidence: { typedName: string } }; principalDisplay: string };
    expect(receipt.consent.evidence.typedName).toBe('张*');
    expect(receipt.principalDisplay).toBe('张*');
  });

  it('holds no field outside the consent: neither its values nor its column', async () => {
    const { db } = await seedProfile();
    const scope = [
      { code: 'accounts', fields: ['name', 'limitFen'] },
      { code: 'transactions', fields: ['occurredAt', 'amountFen'] },
    ];
    const { consent } = grant(db, terms({ categories: scope }));
    const outcome = await exportUnderConsent(db, request(consent.id), { kind: 'download' }, NOW);
    const files = await entries(outcome.bytes!);
    expect([...files.keys()].filter((k) => k.startsWith('data/')).sort()).toEqual(['data/accounts.csv', 'data/accounts.json', 'data/transactions.csv', 'data/transactions.json']);
    const all = [...files.values()].join('\n');
    for (const outside of [ITEM_CANARY, '某电器城', QUERY_INSTITUTION, '1234500', '工程师', '余额宝', '花呗主动还款', '"counterparty"', '"paymentMethod"', '"balanceFen"', '"item"']) {
      expect(all, outside).not.toContain(outside);
    }
    const csv = files.get('data/transactions.csv')!;
    expect(csv.startsWith('\uFEFFoccurredAt,amountFen\r\n')).toBe(true);
    expect(csv).toContain('2026-07-16T20:00:00+08:00,69900\r\n');
  });

  it('is AES-encrypted: a wrong password opens nothing', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const outcome = await exportUnderConsent(db, request(consent.id), { kind: 'download' }, NOW);
    await expect(entries(outcome.bytes!, 'wrong password')).rejects.toThrow(/Invalid password/);
    await expectCode(verifyPackage(outcome.bytes!, 'wrong password'), 'export.password_wrong');
    await expectCode(verifyPackage(outcome.bytes!, undefined), 'export.password_required');
    const reader = new ZipReader(new Uint8ArrayReader(outcome.bytes!));
    const listed = await reader.getEntries();
    expect(listed.every((e) => e.encrypted)).toBe(true);
    // The names are neutral: nothing about the person in what AES leaves readable.
    expect(listed.map((e) => e.filename).join(' ')).not.toMatch(/\p{Script=Han}/u);
    await reader.close();
  });

  it('generates a strong password when none is given, and is unencrypted only when asked', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const generated = await exportUnderConsent(db, { consentId: consent.id, via: 'dashboard', appVersion: 't' }, { kind: 'download' }, NOW);
    expect(generated.generatedPassword).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await verifyPackage(generated.bytes!, generated.generatedPassword!)).ok).toBe(true);
    const plain = await exportUnderConsent(db, { consentId: consent.id, unencrypted: true, via: 'dashboard', appVersion: 't' }, { kind: 'download' }, NOW);
    expect(plain.generatedPassword).toBeNull();
    expect(plain.export.encrypted).toBe(false);
    const check = await verifyPackage(plain.bytes!, undefined);
    expect(check).toMatchObject({ ok: true, encrypted: false });
  });

  it('verifies, and export verify names a changed byte', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const { destination } = fileDestination();
    const outcome = await exportUnderConsent(db, request(consent.id), destination, NOW);
    const bytes = new Uint8Array(readFileSync(destination.path));
    const good = await verifyPackage(bytes, PASSWORD);
    expect(good).toMatchObject({ ok: true, encrypted: true, exportId: outcome.export.id, consentId: consent.id, firstProblem: null });
    expect(good.packageSha256).toBe(outcome.export.packageSha256);
    // The manifest, the receipt and two notices; a JSON and a CSV for each of the 8 categories (core/consent/categories).
    expect(good.files.length).toBe(1 + 3 + 16);

    // One byte in the middle of an entry's encrypted data: its authentication code fails.
    const reader = new ZipReader(new Uint8ArrayReader(bytes));
    const listed = (await reader.getEntries()).sort((a, b) => a.offset - b.offset);
    await reader.close();
    const index = listed.findIndex((e) => e.filename === 'data/accounts.csv');
    const flipped = bytes.slice();
    // Halfway between this entry's header and the next one's: inside its encrypted data.
    const at = Math.floor((listed[index]!.offset + listed[index + 1]!.offset) / 2);
    flipped[at] = flipped[at]! ^ 0x01;
    const broken = await verifyPackage(flipped, PASSWORD);
    expect(broken.ok).toBe(false);
    expect(broken.firstProblem).toEqual({ path: 'data/accounts.csv', problem: 'damaged' });
  });

  it('verify names a file that was changed and re-zipped with the right password', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const outcome = await exportUnderConsent(db, request(consent.id), { kind: 'download' }, NOW);
    const files = await entries(outcome.bytes!);
    const writer = new ZipWriter(new BlobWriter(), { password: PASSWORD, encryptionStrength: 3 });
    for (const [name, text] of files) {
      const changed = name === 'data/accounts.json' ? text.replace('"limitFen": 2000000', '"limitFen": 9000000') : text;
      await writer.add(name, new Uint8ArrayReader(new TextEncoder().encode(changed)));
    }
    const repacked = new Uint8Array(await (await writer.close()).arrayBuffer());
    const check = await verifyPackage(repacked, PASSWORD);
    expect(check.firstProblem).toEqual({ path: 'data/accounts.json', problem: 'sha256' });
  });

  it('is recorded with its sha256, and a withdrawal afterwards recalls nothing but lists it', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const { destination } = fileDestination();
    const outcome = await exportUnderConsent(db, request(consent.id), destination, NOW);
    expect(existsSync(destination.path)).toBe(true);
    const { receipt } = withdrawConsent(db, consent.id, 'dashboard', new Date(NOW.getTime() + 60_000));
    expect(receipt.receipt.exportsMade).toEqual([
      { exportId: outcome.export.id, createdAt: outcome.export.createdAt, fileName: 'package.zip', packageSha256: outcome.export.packageSha256 },
    ]);
    expect(existsSync(destination.path)).toBe(true);
    expect(getConsent(db, consent.id, NOW).exports.map((e) => e.packageSha256)).toEqual([outcome.export.packageSha256]);
  });
});
