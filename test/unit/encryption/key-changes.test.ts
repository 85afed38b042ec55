// Encrypting a plaintext profile, changing its passphrase and rotating its key, through the same
// IPC handlers the app and the CLI use, on real fixtures.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAINTEXT_PAGE_SIZE } from '../../../core/storage/database.ts';
import { PAGE_SIZE } from '../../../core/storage/encryption/cipher.ts';
import { tableCounts } from '../../../core/storage/encryption/encrypted-copy.ts';
import { keyFileFor, readKeyFile } from '../../../core/storage/encryption/key-wrap.ts';
import { listBackups } from '../../../core/storage/backups.ts';
import { appOver } from './helpers-ipc.ts';
import { importFixtures, leakedIn, OTHER_PASSPHRASE, PASSPHRASE, sensitiveStrings } from './helpers.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function plaintextProfileWithData() {
  const app = appOver();
  const profile = app.store.create('老客户');
  const db = app.store.database(profile.id);
  await importFixtures(db);
  // A backup while still plaintext: the conversion must not leave it readable.
  await app.call('backups.create', { profileId: profile.id, destination: { kind: 'folder' } });
  return { app, profile, strings: sensitiveStrings(db), counts: tableCounts(db) };
}

describe('encrypting an existing plaintext profile', () => {
  it('writes a verified encrypted copy, swaps it in, and leaves no plaintext copy behind, backups included', async () => {
    const { app, profile, strings, counts } = await plaintextProfileWithData();
    app.store.database(profile.id).pragma('wal_checkpoint(TRUNCATE)');
    expect(leakedIn(profile.file, strings).length).toBeGreaterThan(0);
    // A new plaintext profile is written at 16 KiB pages (storage/database.ts); its encrypted copy at the cipher's 4 KiB.
    expect(app.store.database(profile.id).pragma('page_size', { simple: true })).toBe(PLAINTEXT_PAGE_SIZE);
    expect(PLAINTEXT_PAGE_SIZE).toBe(16384);
    const outcome = await app.call('profile.encrypt', { profileId: profile.id, passphrase: PASSPHRASE });
    expect(outcome.recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(outcome.backup).toMatchObject({ reason: 'before-encryption', encrypted: true });
    expect(outcome.reencryptedBackups).toBe(1);
    expect(leakedIn(profile.file, strings)).toEqual([]);
    for (const backup of listBackups(profile.file, profile.id)) {
      expect(backup.encrypted).toBe(true);
      expect(leakedIn(backup.file, strings)).toEqual([]);
    }
    const db = app.store.database(profile.id);
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(PAGE_SIZE).toBe(4096);
    // Every table as it was, plus the audit log's own records of the conversion and its backup.
    expect(tableCounts(db)).toEqual({ ...counts, audit_log: counts.audit_log + 2 });
    expect(db.prepare("SELECT action FROM audit_log WHERE action IN ('profile.encrypt', 'backup.create')").pluck().all()).toEqual(['backup.create', 'profile.encrypt', 'backup.create']);

    // A new process: locked until the passphrase or the recovery code is given.
    app.store.close();
    const later = appOver({ dataDir: app.dataDir });
    expect((await later.dispatch('score.report', { profileId: profile.id })).ok).toBe(false);
    await later.call('lock.unlock', { profileId: profile.id, secret: { kind: 'recovery', code: outcome.recoveryCode } });
    expect((await later.call('ledger.accounts.list', { profileId: profile.id })).accounts).toBeDefined();
    await expect(later.call('profile.encrypt', { profileId: profile.id, passphrase: PASSPHRASE })).rejects.toMatchObject({ payload: { code: 'key.already_encrypted' } });
    later.store.close();
  });

  it('changes the passphrase by re-wrapping the same data key: the old passphrase stops working, the recovery code still works', async () => {
    const app = appOver();
    const created = await app.call('profiles.create', { name: 'Rewrap', passphrase: PASSPHRASE });
    const file = app.store.fileFor(created.profile.id);
    await importFixtures(app.store.database(created.profile.id));
    const keyFileBefore = sha(keyFileFor(file));
    const keyId = readKeyFile(file).keys[0]!.keyId;

    await expect(
      app.call('profile.passphrase', { profileId: created.profile.id, current: { kind: 'passphrase', passphrase: 'wrong one!' }, next: OTHER_PASSPHRASE }),
    ).rejects.toMatchObject({ payload: { code: 'key.passphrase_wrong' } });
    expect(sha(keyFileFor(file))).toBe(keyFileBefore);

    await app.call('profile.passphrase', { profileId: created.profile.id, current: { kind: 'passphrase', passphrase: PASSPHRASE }, next: OTHER_PASSPHRASE });
    expect(readKeyFile(file).keys.map((entry) => entry.keyId)).toEqual([keyId]);
    app.store.close();

    const later = appOver({ dataDir: app.dataDir });
    await expect(later.call('lock.unlock', { profileId: created.profile.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } })).rejects.toMatchObject({
      payload: { code: 'key.passphrase_wrong' },
    });
    await later.call('lock.unlock', { profileId: created.profile.id, secret: { kind: 'passphrase', passphrase: OTHER_PASSPHRASE } });
    // The recovery code made at creation still opens it: a passphrase change never strands it.
    later.store.lock();
    await later.call('lock.unlock', { profileId: created.profile.id, secret: { kind: 'recovery', code: created.recoveryCode } });
    expect(later.store.database(created.profile.id).prepare("SELECT count(*) FROM audit_log WHERE action = 'profile.passphrase'").pluck().get()).toBe(1);
    later.store.close();
  });

  it('rotates the data key: new key id, the old recovery code stops opening it, data unchanged', async () => {
    const app = appOver();
    const created = await app.call('profiles.create', { name: 'Rotate', passphrase: PASSPHRASE });
    const id = created.profile.id;
    const file = app.store.fileFor(id);
    await importFixtures(app.store.database(id));
    const strings = sensitiveStrings(app.store.database(id));
    const counts = tableCounts(app.store.database(id));
    const backup = (await app.call('backups.create', { profileId: id, destination: { kind: 'folder' } })).backup;
    const oldKeyId = readKeyFile(file).keys[0]!.keyId;

    await expect(app.call('profile.rekey', { profileId: id, passphrase: 'not it at all' })).rejects.toMatchObject({ payload: { code: 'key.passphrase_wrong' } });
    expect(readKeyFile(file).keys[0]!.keyId).toBe(oldKeyId);
    const rotated = await app.call('profile.rekey', { profileId: id, passphrase: PASSPHRASE });
    expect(rotated.recoveryCode).not.toBe(created.recoveryCode);
    const keyFile = readKeyFile(file);
    expect(keyFile.keys.map((entry) => entry.keyId)).not.toContain(oldKeyId);
    expect(keyFile.keys).toHaveLength(1);
    expect(leakedIn(file, strings)).toEqual([]);
    expect(tableCounts(app.store.database(id))).toEqual({ ...counts, audit_log: counts.audit_log + 2 });
    app.store.close();

    const later = appOver({ dataDir: app.dataDir });
    await expect(later.call('lock.unlock', { profileId: id, secret: { kind: 'recovery', code: created.recoveryCode } })).rejects.toMatchObject({
      payload: { code: 'key.recovery_wrong' },
    });
    await later.call('lock.unlock', { profileId: id, secret: { kind: 'recovery', code: rotated.recoveryCode } });
    // The backup made before the rotation keeps the old key: restoring it needs that time's secret.
    await expect(later.call('backups.restore', { profileId: id, source: { kind: 'backup', name: backup.name } })).rejects.toMatchObject({
      payload: { code: 'backup.secret_required' },
    });
    const restored = await later.call('backups.restore', { profileId: id, source: { kind: 'backup', name: backup.name }, secret: { kind: 'recovery', code: created.recoveryCode } });
    expect(restored.restored).toBe(backup.name);
    // Restored under the current key: the current passphrase still opens it, and the old key never will.
    later.store.close();
    const again = appOver({ dataDir: app.dataDir });
    await again.call('lock.unlock', { profileId: id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    expect(again.store.database(id).prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.restore'").pluck().get()).toBe(1);
    expect(existsSync(file)).toBe(true);
    again.store.close();
  });
});
