import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { initialiseProfile, ProfileStore } from '../../../core/storage/profile-store.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { JSON_HEADERS, raw, startServer } from './helpers.ts';

describe('SingleFileProfileStore (--db FILE)', () => {
  it('holds at most the one file: created on demand, then refused a second profile', () => {
    const dir = tempDir();
    const file = join(dir, 'client-a.sqlite');
    const store = new SingleFileProfileStore(file);
    expect(store.list()).toEqual([]);
    expect(existsSync(file)).toBe(false);
    const created = store.create('  Client A ');
    expect(created).toMatchObject({ name: 'Client A', file });
    expect(store.list()).toEqual([{ id: created.id, name: 'Client A', createdAt: created.createdAt, file }]);
    expect(() => store.create('Client B')).toThrow(expect.objectContaining({ code: 'profile.duplicate_name' }));
    expect(() => store.create('')).toThrow(expect.objectContaining({ code: 'profile.invalid_name' }));
    // Nothing else appears beside the file: no profiles/ folder.
    expect(readdirSync(dir).filter((name) => !name.startsWith('client-a.sqlite'))).toEqual([]);
    store.close();
  });

  it('opens only its own profile id, and never lists a neighbour', () => {
    const dir = tempDir();
    const neighbours = new ProfileStore(dir);
    const other = neighbours.create('Neighbour');
    neighbours.close();
    const file = join(dir, 'mine.sqlite');
    const db = openDatabase(file);
    const mine = initialiseProfile(db, 'Mine');
    db.close();

    const store = new SingleFileProfileStore(file);
    expect(store.list().map((p) => p.name)).toEqual(['Mine']);
    expect(store.database(mine.id).name).toBe(file);
    expect(store.fileFor(mine.id)).toBe(file);
    expect(() => store.database(other.id)).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    expect(() => store.fileFor('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    expect(() => store.delete(other.id)).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    expect(existsSync(join(dir, 'profiles', `${other.id}.sqlite`))).toBe(true);
    store.close();
  });

  it('deletes its file on request (after the UI\'s confirmation), and can start afresh', () => {
    const file = join(tempDir(), 'gone.sqlite');
    const store = new SingleFileProfileStore(file);
    const profile = store.create('Gone');
    store.database(profile.id);
    store.delete(profile.id);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(file + '-wal')).toBe(false);
    expect(store.list()).toEqual([]);
    expect(() => store.database(profile.id)).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    expect(store.create('Again').name).toBe('Again');
    store.close();
  });

  it('lists an unreadable file with its problem instead of hiding it, and leaves it as it was', () => {
    const file = join(tempDir(), 'broken.sqlite');
    writeFileSync(file, 'not a database');
    const store = new SingleFileProfileStore(file);
    const [entry] = store.list();
    expect(entry.problem?.code).toBe('db.corrupt');
    expect(readFileSync(file, 'utf8')).toBe('not a database');
    store.close();
  });

  it('serves the whole app over HTTP: create, import, list', async () => {
    const file = join(tempDir(), 'client.sqlite');
    const app = await startServer({ store: () => new SingleFileProfileStore(file) });
    const call = async (channel: string, payload: unknown) =>
      JSON.parse((await raw(app.port, { method: 'POST', path: `/ipc/${channel}`, headers: { ...JSON_HEADERS, ...app.auth }, body: JSON.stringify(payload) })).body);
    const created = await call('profiles.create', { name: '客户甲' });
    expect(created).toMatchObject({ ok: true, value: { profile: { name: '客户甲' } } });
    const id = created.value.profile.id;
    const imported = await call('import.files', {
      profileId: id,
      importId: '0b9f2c8e-4a61-4d2b-9a43-7f6f0e5c1d22',
      files: [{ name: 'meituan-2025.csv', dataBase64: readFileSync(bill('meituan/meituan-2025.csv')).toString('base64') }],
    });
    expect(imported.value.reports[0]).toMatchObject({ rowsRead: 29, imported: 29 });
    expect(await call('profiles.list', {})).toEqual({ ok: true, value: { profiles: [expect.objectContaining({ id, name: '客户甲' })] } });
    expect((await call('profiles.create', { name: '客户乙' })).error.code).toBe('profile.duplicate_name');
    // The data folder the server was given stays empty: only the --db file was written.
    expect(readdirSync(app.dataDir)).toEqual([]);
  });
});
