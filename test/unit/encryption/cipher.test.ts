// The pinned cipher (core/storage/encryption/cipher.ts) on real files: what opens an encrypted
// profile, what is refused and how, and that no plaintext reaches the database, WAL or journal.

import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredenceError } from '../../../core/shared/errors.ts';
import { openDatabase } from '../../../core/storage/database.ts';
import { applyKey, CIPHER, cipherSettings, hasPlaintextHeader, looksEncrypted, rawKey } from '../../../core/storage/encryption/cipher.ts';
import { tempDir } from '../../helpers/temp.ts';
import { importFixtures, leakedIn, sensitiveStrings } from './helpers.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function refusal(fn: () => unknown): CredenceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CredenceError);
    return error as CredenceError;
  }
  throw new Error('expected a refusal, the database opened');
}

describe('the pinned cipher', () => {
  it('is in force on every encrypted connection, each parameter as pinned', () => {
    const db = openDatabase(join(tempDir(), 'p.sqlite'), { key: randomBytes(32) });
    // Read back from SQLite3MultipleCiphers itself: a library default that drifted would show here.
    expect(cipherSettings(db)).toEqual({ cipher: 'aegis', algorithm: 'aegis-256', tcost: '2', mcost: '19456', pcost: '1', plaintext_header_size: '0' });
    expect(Object.fromEntries(CIPHER.parameters)).toEqual({ algorithm: 4, tcost: 2, mcost: 19456, pcost: 1, plaintext_header_size: 0 });
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY: SQLite's temp files are not encrypted
    db.close();
  });

  it('refuses a wrong key, a wrong cipher and a missing key, each with its own message, and changes nothing', () => {
    const key = randomBytes(32);
    const file = join(tempDir(), 'p.sqlite');
    const db = openDatabase(file, { key });
    db.prepare("INSERT INTO profile (id, uuid, name, created_at) VALUES (1, 'u', '张三', 'now')").run();
    db.close();
    const before = sha(file);

    const wrongKey = refusal(() => openDatabase(file, { key: randomBytes(32) }));
    expect(wrongKey.code).toBe('db.key_rejected');
    expect(wrongKey.localized.en).toContain('wrong key');
    expect(wrongKey.localized['zh-CN']).toContain('密钥不对');

    const missing = refusal(() => openDatabase(file));
    expect(missing.code).toBe('db.key_missing');
    expect(missing.localized.en).toContain('encrypted and no key was given');

    // The right key under another cipher (SQLite3MultipleCiphers' default, ChaCha20): refused as a key mismatch.
    const chacha = join(tempDir(), 'chacha.sqlite');
    const other = new Database(chacha);
    other.pragma("cipher = 'chacha20'");
    const raw = rawKey(key);
    other.key(raw);
    other.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('x')");
    other.close();
    const wrongCipher = refusal(() => openDatabase(chacha, { key }));
    expect(wrongCipher.code).toBe('db.key_rejected');
    expect(wrongCipher.localized.en).toContain('AEGIS-256');

    expect(sha(file)).toBe(before);
    expect(openDatabase(file, { key }).prepare('SELECT name FROM profile').pluck().get()).toBe('张三');
  });

  it('tells an encrypted file from a damaged one by its readable header bytes', () => {
    const dir = tempDir();
    const encrypted = join(dir, 'e.sqlite');
    openDatabase(encrypted, { key: randomBytes(32) }).close();
    const plain = join(dir, 'p.sqlite');
    openDatabase(plain).close();
    expect([hasPlaintextHeader(encrypted), looksEncrypted(encrypted)]).toEqual([false, true]);
    expect([hasPlaintextHeader(plain), looksEncrypted(plain)]).toEqual([true, false]);
  });

  it('keeps merchant names, order ids and amounts out of the database, the WAL and the rollback journal', async () => {
    const dir = tempDir();
    // The same fixtures in plaintext first: the strings are there, so the search below can find them.
    const plainFile = join(dir, 'plain.sqlite');
    const plain = openDatabase(plainFile);
    await importFixtures(plain);
    const strings = sensitiveStrings(plain);
    plain.pragma('wal_checkpoint(TRUNCATE)');
    expect(strings.length).toBeGreaterThan(60);
    expect(leakedIn(plainFile, strings).length).toBeGreaterThan(strings.length * 0.9);
    plain.close();

    const file = join(dir, 'enc.sqlite');
    const key = randomBytes(32);
    const db = openDatabase(file, { key });
    db.pragma('wal_autocheckpoint = 0'); // keep every page in the WAL while it is read below
    await importFixtures(db);
    expect(sensitiveStrings(db).sort()).toEqual([...strings].sort());
    expect(existsSync(file + '-wal')).toBe(true);
    expect(readFileSync(file + '-wal').length).toBeGreaterThan(100_000);
    expect(leakedIn(file + '-wal', strings)).toEqual([]);
    expect(leakedIn(file, strings)).toEqual([]);
    db.close();
    expect(leakedIn(file, strings)).toEqual([]);

    // A rollback journal (a copy opened as SQLite does it outside WAL, kept with PERSIST to be read).
    const journaled = new Database(file);
    applyKey(journaled, key);
    journaled.pragma('journal_mode = PERSIST');
    journaled.exec("UPDATE transactions SET status = status || ' ' WHERE id IN (SELECT id FROM transactions LIMIT 200)");
    journaled.close();
    expect(readFileSync(file + '-journal').length).toBeGreaterThan(4096);
    expect(leakedIn(file + '-journal', strings)).toEqual([]);
  });
});
