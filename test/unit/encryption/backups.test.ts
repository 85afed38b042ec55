// Backups (core/storage/backups.ts): written by VACUUM INTO under the profile's key, filed by
// date, made automatically before a migration, and restored only after every check has passed.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/storage/database.ts';
import { openRaw } from '../../../core/storage/encryption/encrypted-copy.ts';
import { keyFileFor } from '../../../core/storage/encryption/key-wrap.ts';
import { listBackups } from '../../../core/storage/backups.ts';
import { loadMigrations } from '../../../core/storage/migrations.ts';
import { ProfileStore, initialiseProfile } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { appOver } from './helpers-ipc.ts';
import { importFixtures, leakedIn, PASSPHRASE, sensitiveStrings } from './helpers.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function encryptedProfile() {
  const app = appOver();
  const { profile } = await app.call('profiles.create', { name: '备份', passphrase: PASSPHRASE });
  await importFixtures(app.store.database(profile.id));
  return { app, id: profile.id as string, file: app.store.fileFor(profile.id), strings: sensitiveStrings(app.store.database(profile.id)) };
}

describe('backups', () => {
  it('are encrypted copies under <data>/backups/<profile>/, dated in UTC+8, with their key file, listed newest first', async () => {
    const { app, id, strings } = await encryptedProfile();
    const first = (await app.call('backups.create', { profileId: id, destination: { kind: 'folder' } })).backup;
    const second = (await app.call('backups.create', { profileId: id, destination: { kind: 'folder' } })).backup;
    expect(first.file.startsWith(join(app.dataDir, 'backups', id))).toBe(true);
    expect(first.name).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}-manual\.sqlite$/);
    expect(first.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(first).toMatchObject({ reason: 'manual', encrypted: true });
    expect(existsSync(keyFileFor(first.file))).toBe(true);
    expect(leakedIn(first.file, strings)).toEqual([]);
    const listed = await app.call('backups.list', { profileId: id });
    expect(listed.backups.map((b: { name: string }) => b.name)).toEqual([first.name, second.name].sort().reverse());
    expect(listed.locations).toBe('path');
    // A copy elsewhere, never over an existing file.
    const elsewhere = join(tempDir(), 'copy.sqlite');
    await app.call('backups.create', { profileId: id, destination: { kind: 'path', path: elsewhere } });
    await expect(app.call('backups.create', { profileId: id, destination: { kind: 'path', path: elsewhere } })).rejects.toMatchObject({ payload: { code: 'backup.exists' } });
    expect(app.store.database(id).prepare("SELECT count(*) FROM audit_log WHERE action = 'backup.create'").pluck().get()).toBe(3);
  });

  it('are written automatically before a migration, of the file as it was', () => {
    const dir = tempDir();
    const store = new ProfileStore(dir);
    const migrations = loadMigrations();
    const file = store.fileFor('11111111-2222-4333-8444-555555555555');
    const old = openDatabase(file, { migrations: migrations.slice(0, 5) });
    initialiseProfile(old, 'Old', '11111111-2222-4333-8444-555555555555');
    old.close();
    const db = store.database('11111111-2222-4333-8444-555555555555');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    const [backup] = listBackups(file, '11111111-2222-4333-8444-555555555555');
    expect(backup).toMatchObject({ reason: 'before-migration', encrypted: false });
    expect(openRaw({ file: backup!.file }, true).pragma('user_version', { simple: true })).toBe(5);
    store.close();
  });

  it('restore refuses a damaged backup, another profile’s, and one from a newer Credence, changing nothing', async () => {
    const { app, id, file } = await encryptedProfile();
    const key = app.store.files.keyOf(file)!;
    const good = (await app.call('backups.create', { profileId: id, destination: { kind: 'folder' } })).backup;
    const damaged = join(tempDir(), 'damaged.sqlite');
    writeFileSync(damaged, readFileSync(good.file).subarray(0, 8192));
    writeFileSync(keyFileFor(damaged), readFileSync(keyFileFor(good.file)));
    // Under this profile's key, but another profile's database (as a copied-in file would be).
    const theirs = join(tempDir(), 'theirs.sqlite');
    await app.call('backups.create', { profileId: id, destination: { kind: 'path', path: theirs } });
    const other = openRaw({ file: theirs, key });
    other.prepare("UPDATE profile SET uuid = '99999999-2222-4333-8444-555555555555'").run();
    other.close();
    const newer = join(tempDir(), 'newer.sqlite');
    await app.call('backups.create', { profileId: id, destination: { kind: 'path', path: newer } });
    const future = openRaw({ file: newer, key });
    future.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    future.close();

    app.store.database(id).pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(file);
    const restore = (path: string) => app.call('backups.restore', { profileId: id, source: { kind: 'path', path } });
    await expect(restore(damaged)).rejects.toMatchObject({ payload: { code: 'backup.invalid' } });
    await expect(restore(theirs)).rejects.toMatchObject({ payload: { code: 'backup.other_profile' } });
    await expect(restore(newer)).rejects.toMatchObject({ payload: { code: 'backup.invalid', message: { en: expect.stringContaining('newer Credence') } } });
    await expect(app.call('backups.restore', { profileId: id, source: { kind: 'backup', name: '../../etc/passwd' } })).rejects.toMatchObject({ payload: { code: 'backup.not_found' } });
    app.store.database(id).pragma('wal_checkpoint(TRUNCATE)');
    expect(sha(file)).toBe(before);
    expect(listBackups(file, id).map((b) => b.reason)).toEqual(['manual']);
  });

  it('restore brings the backup’s rows back, keeps a copy of what it replaced, and records itself', async () => {
    const { app, id } = await encryptedProfile();
    const backup = (await app.call('backups.create', { profileId: id, destination: { kind: 'folder' } })).backup;
    const count = () => app.store.database(id).prepare('SELECT count(*) FROM transactions').pluck().get() as number;
    const inBackup = count();
    app.store.database(id).exec('DELETE FROM transactions');
    expect(count()).toBe(0);
    const outcome = await app.call('backups.restore', { profileId: id, source: { kind: 'backup', name: backup.name } });
    expect(count()).toBe(inBackup);
    expect(outcome.safety).toMatchObject({ reason: 'before-restore', encrypted: true });
    const audit = app.store.database(id).prepare("SELECT action, details_json FROM audit_log WHERE action = 'backup.restore'").all();
    expect(audit).toEqual([{ action: 'backup.restore', details_json: JSON.stringify({ from: backup.name }) }]);
  });

  it('in the desktop app takes locations only from main’s dialog; a cancelled dialog changes nothing', async () => {
    const picked: string[] = [];
    const saveTo = join(tempDir(), 'chosen.sqlite');
    const app = appOver({
      dialogs: {
        saveBackupAs: async (name) => (picked.push(name), saveTo),
        openBackup: async () => null,
      },
    });
    const profile = app.store.create('Desk');
    await expect(app.call('backups.create', { profileId: profile.id, destination: { kind: 'path', path: '/tmp/x.sqlite' } })).rejects.toMatchObject({ payload: { code: 'backup.path_not_allowed' } });
    expect((await app.call('backups.create', { profileId: profile.id, destination: { kind: 'dialog' } })).backup.file).toBe(saveTo);
    expect(picked).toHaveLength(1);
    await expect(app.call('backups.restore', { profileId: profile.id, source: { kind: 'dialog' } })).rejects.toMatchObject({ payload: { code: 'backup.cancelled' } });
    expect((await app.call('backups.list', { profileId: profile.id })).locations).toBe('dialog');
  });
});
