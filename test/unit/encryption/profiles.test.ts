// Encrypted profiles in the store (core/profiles/profile-store.ts over core/storage/profile-files.ts):
// created locked to their key, listed by the key file's name while locked, opened only after unlock.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { keyFileFor } from '../../../core/storage/encryption/key-wrap.ts';
import { tempDir } from '../../helpers/temp.ts';
import { importFixtures, leakedIn, PASSPHRASE, sensitiveStrings } from './helpers.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('an encrypted profile in the store', () => {
  it('is created with a key file beside it, shows its recovery code once, and locks with the store', async () => {
    const dir = tempDir();
    const store = new ProfileStore(dir);
    const { profile, recoveryCode } = await store.createEncrypted('客户 王', PASSPHRASE);
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(profile).toMatchObject({ name: '客户 王', encryption: { locked: false, quickUnlock: false } });
    expect(existsSync(keyFileFor(profile.file))).toBe(true);
    expect(readFileSync(keyFileFor(profile.file), 'utf8')).not.toContain(recoveryCode);
    await importFixtures(store.database(profile.id));
    const strings = sensitiveStrings(store.database(profile.id));
    store.close();

    const reopened = new ProfileStore(dir);
    expect(reopened.list()).toEqual([expect.objectContaining({ id: profile.id, name: '客户 王', encryption: { locked: true, quickUnlock: false } })]);
    expect(() => reopened.database(profile.id)).toThrow(expect.objectContaining({ code: 'profile.locked' }));
    expect(() => reopened.delete(profile.id)).toThrow(expect.objectContaining({ code: 'profile.locked' }));
    expect(leakedIn(profile.file, strings)).toEqual([]);

    const before = [sha(profile.file), sha(keyFileFor(profile.file))];
    await expect(reopened.unlock(profile.id, { kind: 'passphrase', passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'key.passphrase_wrong' });
    expect([sha(profile.file), sha(keyFileFor(profile.file))]).toEqual(before);
    expect(() => reopened.database(profile.id)).toThrow(expect.objectContaining({ code: 'profile.locked' }));

    await reopened.unlock(profile.id, { kind: 'recovery', code: recoveryCode.toLowerCase() });
    expect(reopened.list()[0]!.encryption).toEqual({ locked: false, quickUnlock: false });
    expect(reopened.database(profile.id).prepare('SELECT count(*) FROM transactions').pluck().get()).toBeGreaterThan(60);
    reopened.lock();
    expect(() => reopened.database(profile.id)).toThrow(expect.objectContaining({ code: 'profile.locked' }));
    await reopened.unlock(profile.id, { kind: 'passphrase', passphrase: PASSPHRASE });
    reopened.delete(profile.id);
    for (const path of [profile.file, profile.file + '-wal', keyFileFor(profile.file)]) expect(existsSync(path)).toBe(false);
    reopened.close();
  });

  it('refuses a passphrase under 8 characters and leaves nothing behind', async () => {
    const store = new ProfileStore(tempDir());
    await expect(store.createEncrypted('Short', 'abc')).rejects.toMatchObject({ code: 'key.passphrase_too_short' });
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('keeps plaintext and encrypted profiles side by side; plaintext ones list exactly as before', async () => {
    const store = new ProfileStore(tempDir());
    const plain = store.create('Plain');
    await store.createEncrypted('Secret', PASSPHRASE);
    expect(store.list().find((p) => p.id === plain.id)).toEqual({ id: plain.id, name: 'Plain', createdAt: plain.createdAt, file: plain.file });
    store.close();
  });
});
