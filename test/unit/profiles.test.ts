import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { defaultDataDir } from '../../core/storage/data-dir.ts';
import { tempDir } from '../helpers/temp.ts';

describe('ProfileStore', () => {
  it('creates one database file per profile and lists them by name', () => {
    const store = new ProfileStore(tempDir());
    const a = store.create('  张三  ');
    const b = store.create('Client B');
    store.create('阿明');
    expect(a.name).toBe('张三');
    expect(existsSync(a.file)).toBe(true);
    expect(a.file).not.toBe(b.file);
    expect(store.list().map((p) => p.name)).toEqual(['阿明', '张三', 'Client B']); // zh-CN collation: pinyin order, Han before Latin
    const audit = store.database(a.id).prepare('SELECT action FROM audit_log').pluck().all();
    expect(audit).toEqual(['profile.create']);
    store.close();
  });

  it('survives a restart: a new store over the same folder sees the same profiles', () => {
    const dir = tempDir();
    const first = new ProfileStore(dir);
    const created = first.create('李四');
    first.close();
    const second = new ProfileStore(dir);
    expect(second.list()).toEqual([expect.objectContaining({ id: created.id, name: '李四' })]);
    second.close();
  });

  it('refuses duplicate (case-insensitive) and empty names', () => {
    const store = new ProfileStore(tempDir());
    store.create('Wang');
    expect(() => store.create('wang')).toThrow(expect.objectContaining({ code: 'profile.duplicate_name' }));
    expect(() => store.create('   ')).toThrow(expect.objectContaining({ code: 'profile.invalid_name' }));
    expect(() => store.create('x'.repeat(81))).toThrow(expect.objectContaining({ code: 'profile.invalid_name' }));
    expect(store.list()).toHaveLength(1);
    store.close();
  });

  it('deletes a profile and its database file, WAL and SHM included', () => {
    const store = new ProfileStore(tempDir());
    const keep = store.create('Keep');
    const gone = store.create('Gone');
    store.delete(gone.id);
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(gone.file + suffix)).toBe(false);
    expect(store.list().map((p) => p.id)).toEqual([keep.id]);
    expect(() => store.delete(gone.id)).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    store.close();
  });

  it('refuses ids that are not profile ids, so no path can be smuggled in', () => {
    const store = new ProfileStore(tempDir());
    expect(() => store.database('../../etc/passwd')).toThrow(expect.objectContaining({ code: 'profile.not_found' }));
    store.close();
  });

  it('lists an unreadable profile file with its problem instead of hiding it', () => {
    const store = new ProfileStore(tempDir());
    const id = '00000000-0000-4000-8000-000000000000';
    writeFileSync(join(store.dir, `${id}.sqlite`), 'not a database at all'.repeat(100));
    const [listed] = store.list();
    expect(listed.id).toBe(id);
    expect(listed.problem?.code).toBe('db.corrupt');
    store.close();
  });
});

describe('defaultDataDir', () => {
  it('matches Electron userData on each OS and honours CREDENCE_DATA_DIR', () => {
    expect(defaultDataDir({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.config/Credence');
    expect(defaultDataDir({ HOME: '/home/u', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Credence');
    expect(defaultDataDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Application Support/Credence');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Credence'));
    expect(defaultDataDir({ CREDENCE_DATA_DIR: '/d', HOME: '/h' }, 'linux')).toBe('/d');
  });
});
