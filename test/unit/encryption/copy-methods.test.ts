// Which whole-database copy works with better-sqlite3-multiple-ciphers 13.0.3, measured here
// rather than assumed: the reasons core/storage/encryption/encrypted-copy.ts copies as it does.

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/storage/database.ts';
import { rawKey } from '../../../core/storage/encryption/cipher.ts';
import { openRaw, tableCounts, verifyCopy, writeCopy } from '../../../core/storage/encryption/encrypted-copy.ts';
import { tempDir } from '../../helpers/temp.ts';
import { importFixtures, leakedIn, sensitiveStrings } from './helpers.ts';

async function profileWithData(dir: string, key?: Buffer) {
  const file = join(dir, key ? 'enc.sqlite' : 'plain.sqlite');
  const db = openDatabase(file, { key });
  await importFixtures(db);
  return { file, db, strings: sensitiveStrings(db), expected: { counts: tableCounts(db), userVersion: db.pragma('user_version', { simple: true }) as number } };
}

describe('copying a database with this library', () => {
  it('VACUUM INTO from an encrypted connection writes a copy under the same key; from a plaintext one, plaintext', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const enc = await profileWithData(dir, key);
    enc.db.prepare('VACUUM INTO ?').run(join(dir, 'enc-copy.sqlite'));
    expect(leakedIn(join(dir, 'enc-copy.sqlite'), enc.strings)).toEqual([]);
    verifyCopy({ file: join(dir, 'enc-copy.sqlite'), key }, enc.expected);

    const plain = await profileWithData(dir);
    plain.db.prepare('VACUUM INTO ?').run(join(dir, 'plain-copy.sqlite'));
    expect(leakedIn(join(dir, 'plain-copy.sqlite'), plain.strings).length).toBeGreaterThan(0);
  });

  it('has no sqlcipher_export() and no URI keys, so VACUUM INTO cannot encrypt a plaintext profile', async () => {
    const dir = tempDir();
    const plain = await profileWithData(dir);
    expect(() => plain.db.prepare("SELECT sqlcipher_export('main')").get()).toThrow(/no such function: sqlcipher_export/);
    // A URI with key parameters is taken as a plain file name, and the copy is plaintext.
    const hex = randomBytes(32).toString('hex');
    plain.db.prepare('VACUUM INTO ?').run(join(dir, `file:u.sqlite?cipher=aegis&hexkey=${hex}`));
    const [made] = readdirSync(dir).filter((name) => name.startsWith('file:'));
    expect(made).toBeDefined();
    expect(leakedIn(join(dir, made!), plain.strings).length).toBeGreaterThan(0);
  });

  it('backup() refuses an encrypted source and serialize() hands back plaintext', async () => {
    const dir = tempDir();
    const enc = await profileWithData(dir, randomBytes(32));
    await expect(enc.db.backup(join(dir, 'b.sqlite'))).rejects.toThrow(/backup is not supported/);
    const bytes = enc.db.serialize();
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('ATTACH … KEY plus a schema-and-rows export encrypts a plaintext profile; rekey on a VACUUM INTO copy rotates its key', async () => {
    const dir = tempDir();
    const plain = await profileWithData(dir);
    const key = randomBytes(32);
    writeCopy(plain.db, undefined, { file: join(dir, 'encrypted.sqlite'), key });
    verifyCopy({ file: join(dir, 'encrypted.sqlite'), key }, plain.expected);
    expect(leakedIn(join(dir, 'encrypted.sqlite'), plain.strings)).toEqual([]);
    // Triggers came across after the rows, and still hold: the audit log stays append-only.
    const copy = openRaw({ file: join(dir, 'encrypted.sqlite'), key });
    expect(() => copy.exec('DELETE FROM audit_log')).toThrow();
    const next = randomBytes(32);
    writeCopy(copy, key, { file: join(dir, 'rotated.sqlite'), key: next });
    copy.close();
    verifyCopy({ file: join(dir, 'rotated.sqlite'), key: next }, plain.expected);
    expect(() => verifyCopy({ file: join(dir, 'rotated.sqlite'), key }, plain.expected)).toThrow(/not a database/);
    expect(existsSync(join(dir, 'rotated.sqlite'))).toBe(true);
    expect(rawKey(next).toString('latin1')).toMatch(/^x'[0-9a-f]{64}'$/);
  });

  it('verification refuses a copy that lost a row', async () => {
    const dir = tempDir();
    const plain = await profileWithData(dir);
    const key = randomBytes(32);
    const file = join(dir, 'short.sqlite');
    writeCopy(plain.db, undefined, { file, key });
    const copy = openRaw({ file, key });
    copy.exec('DELETE FROM transactions WHERE id = (SELECT max(id) FROM transactions)');
    copy.close();
    expect(() => verifyCopy({ file, key }, plain.expected)).toThrow(/table transactions: \d+ rows, expected \d+/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
