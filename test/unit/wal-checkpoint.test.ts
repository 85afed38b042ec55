// The import's WAL checkpoint on a thread of its own (core/storage/wal-checkpoint.ts): with the
// connection's automatic checkpoint off, a COMMIT leaves every page in the WAL and the database
// file as it was; the worker then copies them in, on a connection of its own (with the profile's
// key when it is encrypted), while another connection holds the file open (as the app's shared
// connection does, so that no close checkpoints it instead). Sizes are the file's pages: a 4096-byte
// page file grows by the 40 MB written only when something has checkpointed it.

import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../core/storage/encryption/cipher.ts';
import { deferCheckpoints, WalCheckpointer } from '../../core/storage/wal-checkpoint.ts';
import { tempDir } from '../helpers/temp.ts';

const MB = 1024 * 1024;

function open(file: string, key: Buffer | null): Database.Database {
  const db = new Database(file);
  if (key) applyKey(db, key);
  else db.pragma('page_size = 4096');
  db.pragma('journal_mode = WAL');
  return db;
}

/** A profile-like file: one table, `mb` megabytes of rows written in one transaction on `db`. */
function write(db: Database.Database, mb: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < mb * 16; i++) insert.run(randomBytes(64 * 1024));
  })();
}

function setup(key: Buffer | null) {
  const file = join(tempDir(), 'profile.sqlite');
  const db = open(file, key);
  write(db, 0);
  const other = open(file, key);
  return { file, db, other, size: () => statSync(file).size };
}

describe('the WAL checkpoint beside an import', () => {
  for (const encrypted of [false, true]) {
    it(`copies a COMMIT's pages into the file from a worker, the connection's own checkpoint off (${encrypted ? 'encrypted' : 'plaintext'})`, async () => {
      const key = encrypted ? randomBytes(32) : null;
      const { file, db, other, size } = setup(key);
      const failures: string[] = [];
      const back = deferCheckpoints(db);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const checkpoints = new WalCheckpointer(db, file, key, (message) => failures.push(message));
      const before = size();
      write(db, 40);
      // SQLite's own checkpoint would have copied the 40 MB in that COMMIT: nothing did.
      expect(size()).toBe(before);
      checkpoints.afterCommit();
      await checkpoints.close();
      expect(failures).toEqual([]);
      expect(size()).toBeGreaterThan(before + 40 * MB);
      back();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      // Every frame was copied: a checkpoint now has nothing left to do.
      const [{ log, checkpointed }] = other.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      expect(checkpointed).toBe(log);
      expect(other.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(640);
      expect(other.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
      other.close();
    });
  }

  it('leaves a WAL under SQLite\'s own threshold (1,000 pages) alone, starting no thread', async () => {
    const { file, db, other, size } = setup(null);
    deferCheckpoints(db);
    const checkpoints = new WalCheckpointer(db, file, null, () => {});
    const before = size();
    write(db, 1); // 256 pages of 4096 bytes
    checkpoints.afterCommit();
    await checkpoints.close();
    expect(size()).toBe(before);
    db.close();
    other.close();
  });

  it('reports a checkpoint that could not run (a wrong key) and leaves the file as it was, every row in the WAL', async () => {
    const key = randomBytes(32);
    const { file, db, other, size } = setup(key);
    const failures: string[] = [];
    deferCheckpoints(db);
    const checkpoints = new WalCheckpointer(db, file, randomBytes(32), (message) => failures.push(message));
    const before = size();
    write(db, 20);
    checkpoints.afterCommit();
    await checkpoints.close();
    expect(failures).toHaveLength(1);
    expect(size()).toBe(before);
    expect(other.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(320);
    db.close();
    other.close();
  });
  it('killed while the worker copies the WAL into the file, leaves every committed row: SQLite recovers the rest from the WAL', { timeout: 120_000 }, async () => {
    const { file, db, other } = setup(null);
    write(db, 1);
    db.close();
    other.close();
    const child = join(import.meta.dirname, 'wal-checkpoint-kill-child.ts');
    const outcomes = { killed: 0, finished: 0 };
    for (let round = 0; round < 8; round++) {
      const copy = `${file}-${round}`;
      copyFileSync(file, copy);
      // Announced just after the worker is made; its thread takes 50-200 ms to start and about as
      // long again to copy 60 MB: the kills fall before, during and after the copy (in one run
      // the files were found at 1.1 MB four times, 5.9, 44 and 55 MB partway, and 64 MB whole).
      const outcome = await new Promise<'killed' | 'finished'>((resolve, reject) => {
        const proc = spawn(process.execPath, [child, copy, '60'], { stdio: ['ignore', 'pipe', 'inherit'] });
        proc.stdout.on('data', (data: Buffer) => {
          if (String(data).includes('checkpoint')) setTimeout(() => proc.kill('SIGKILL'), round * 60);
        });
        proc.on('error', reject);
        proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve('killed') : code === 0 ? resolve('finished') : reject(new Error(`child failed (${code})`))));
      });
      outcomes[outcome]++;
      const reopened = open(copy, null);
      try {
        expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(reopened.prepare('SELECT count(*) FROM blobs').pluck().get(), `round ${round}`).toBe(16 + 960);
      } finally {
        reopened.close();
      }
    }
    expect(outcomes.killed).toBeGreaterThanOrEqual(2);
  });
});
