import Database from 'better-sqlite3-multiple-ciphers';
import { CredenceError } from '../../shared/errors.ts';
import type { Db } from '../database.ts';
import { applyKey, rawKey } from './cipher.ts';

// Whole-database copies for backups, conversion, key rotation and restore. Measured with
// better-sqlite3-multiple-ciphers 13.0.3 (test/unit/encryption/copy-methods.test.ts):
// - VACUUM INTO from an encrypted connection writes a copy encrypted with the same key and cipher;
// - VACUUM INTO from a plaintext connection writes plaintext, and SQLite3MultipleCiphers has no
//   `sqlcipher_export()` and (as built) no URI key parameters, so a plaintext profile is encrypted
//   by ATTACHing the new file with its KEY and copying the schema and rows across (`exportInto`);
// - `db.backup()` refuses encrypted files and `db.serialize()` returns plaintext: neither is used.

/** A database file and the key it is (to be) encrypted with; no key means plaintext. */
export interface DbFile {
  file: string;
  key?: Buffer;
}

export function openRaw(target: DbFile, readonly = false): Db {
  const db = new Database(target.file, readonly ? { readonly: true, fileMustExist: true } : {});
  try {
    if (target.key) applyKey(db, target.key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface SchemaObject {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string;
}

/**
 * What `sqlcipher_export()` does in SQLCipher: recreates every table, index, view and trigger of
 * the attached plaintext source in the (encrypted) main database and copies the rows, in one
 * transaction. Tables first, then their rows, then indexes, views and triggers, so that no trigger
 * fires during the copy (the audit log forbids updates and deletes; a data-version trigger would
 * count copied rows as changes).
 */
function exportInto(target: Db, sourceFile: string): void {
  target.prepare('ATTACH DATABASE ? AS source KEY ?').run(sourceFile, '');
  try {
    const objects = target
      .prepare("SELECT type, name, sql FROM source.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .all() as SchemaObject[];
    const hasSequence = target.prepare("SELECT 1 FROM source.sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
    const userVersion = target.pragma('source.user_version', { simple: true }) as number;
    target.transaction(() => {
      for (const table of objects.filter((o) => o.type === 'table')) {
        target.exec(table.sql);
        target.exec(`INSERT INTO main.${quote(table.name)} SELECT * FROM source.${quote(table.name)}`);
      }
      if (hasSequence) {
        target.exec('DELETE FROM main.sqlite_sequence');
        target.exec('INSERT INTO main.sqlite_sequence SELECT * FROM source.sqlite_sequence');
      }
      for (const type of ['index', 'view', 'trigger'] as const) for (const object of objects.filter((o) => o.type === type)) target.exec(object.sql);
    })();
    target.pragma(`user_version = ${userVersion}`);
  } finally {
    target.exec('DETACH DATABASE source');
  }
}

/**
 * Writes a compact copy of the open database `source` (encrypted with `sourceKey`, or plaintext)
 * to the new file `target` (encrypted with `target.key`, or plaintext). The copy is a consistent
 * snapshot even while other connections write. Decrypting to plaintext is never needed, so never done.
 */
export function writeCopy(source: Db, sourceKey: Buffer | undefined, target: DbFile): void {
  if (sourceKey && !target.key) throw new Error('An encrypted profile is never copied to plaintext');
  if (!sourceKey && target.key) {
    const db = openRaw(target);
    try {
      exportInto(db, source.name);
    } finally {
      db.close();
    }
    return;
  }
  source.prepare('VACUUM INTO ?').run(target.file);
  if (sourceKey && target.key && !sourceKey.equals(target.key)) {
    // A rotation: the copy is re-encrypted page by page under the new key (SQLite3MultipleCiphers' rekey).
    const db = openRaw({ file: target.file, key: sourceKey });
    try {
      const raw = rawKey(target.key);
      try {
        db.rekey(raw);
      } finally {
        raw.fill(0);
      }
    } finally {
      db.close();
    }
  }
}

/** Row counts of every table (not views), by name. */
export function tableCounts(db: Db, schema = 'main'): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT count(*) FROM ${schema}.${quote(name)}`).pluck().get() as number]));
}

/**
 * Refuses a copy unless it passes SQLite's full integrity check and holds the same tables with the
 * same row counts and the same schema version as `expected`.
 */
export function verifyCopy(target: DbFile, expected: { counts: Record<string, number>; userVersion: number }): void {
  let db: Db | undefined;
  try {
    db = openRaw(target, true);
    const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0) throw new CredenceError('key.copy_mismatch', { reason: `integrity_check: ${problems.slice(0, 3).join('; ')}` });
    const counts = tableCounts(db);
    for (const name of new Set([...Object.keys(counts), ...Object.keys(expected.counts)])) {
      if (counts[name] !== expected.counts[name]) {
        throw new CredenceError('key.copy_mismatch', { reason: `table ${name}: ${counts[name] ?? 'missing'} rows, expected ${expected.counts[name] ?? 'none'}` });
      }
    }
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion !== expected.userVersion) throw new CredenceError('key.copy_mismatch', { reason: `schema version ${userVersion}, expected ${expected.userVersion}` });
  } catch (error) {
    if (error instanceof CredenceError) throw error;
    throw new CredenceError('key.copy_mismatch', { reason: (error as Error).message });
  } finally {
    db?.close();
  }
}
