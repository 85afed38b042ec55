import { closeSync, openSync, readSync } from 'node:fs';
import { CredenceError } from '../../shared/errors.ts';
import type Database from 'better-sqlite3-multiple-ciphers';

type Db = Database.Database;

/**
 * The one cipher every encrypted profile, its WAL and journal, and its backups are written with,
 * every parameter pinned so that a library upgrade that changes a default cannot change the
 * format: SQLite3MultipleCiphers' AEGIS-256 scheme. Each 4096-byte page is encrypted and
 * authenticated (32-byte tag) under a one-time key made from the data key, a fresh random 32-byte
 * nonce and the page number, so a page cannot be altered, swapped or replayed elsewhere unnoticed;
 * page 1 starts with a random 16-byte salt instead of SQLite's header. AEGIS runs on the CPU's AES
 * instructions: measured here it costs a tenth of what SQLCipher 4's HMAC-SHA512 does, which is
 * what keeps an encrypted import above 75% of a plaintext one. docs/engineering/encryption.md has the
 * measurements, the alternatives (SQLCipher 4, ChaCha20) and what reads the format outside
 * Credence (the SQLite3MultipleCiphers shell and libraries, given the raw key).
 *
 * The key is the profile's random 256-bit data key given raw (`x'…'`): the scheme's own Argon2
 * is then bypassed (the passphrase's cost is paid once, in key-wrap.ts), so opening takes under a
 * millisecond. tcost/mcost/pcost only matter for a passphrase given to SQLite itself, which Credence
 * never does; they are pinned anyway so that nothing about the format is left to a default.
 */
export const CIPHER = {
  name: 'aegis',
  parameters: [
    ['algorithm', 4], // AEGIS-256 (1-3 are the 128-bit variants)
    ['tcost', 2],
    ['mcost', 19456],
    ['pcost', 1],
    ['plaintext_header_size', 0],
  ],
} as const;

/** SQLite's page size for every encrypted file, set before the first page is written. */
export const PAGE_SIZE = 4096;

/** What the key file records, so a file written under other parameters is recognised, not guessed at. */
export const CIPHER_ID = 'sqlite3mc-aegis256-raw256-p4096';

export const KEY_BYTES = 32;

/** SQLite's own 16-byte header; an encrypted file starts with its random salt instead. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Configures the cipher, then gives the key, on a connection that has not read the file yet.
 * Temporary tables and sort spills stay in memory: SQLite's temp files are not encrypted. The page
 * cache stays at SQLite's default (2 MiB): pages are decrypted as they enter it, but measured
 * (bench/encryption.bench.ts) a 64 MiB cache made neither the import nor the first score faster,
 * and cost the import 50 MB of memory.
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher = '${CIPHER.name}'`);
  for (const [name, value] of CIPHER.parameters) db.pragma(`${name} = ${value}`);
  const raw = rawKey(key);
  try {
    db.key(raw);
  } finally {
    raw.fill(0);
  }
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('temp_store = MEMORY');
}

/** SQLite3MultipleCiphers' spelling of a raw key: `x'<64 hex digits>'` (the caller wipes it after use). */
export function rawKey(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) throw new Error(`A data key is ${KEY_BYTES} bytes, not ${key.length}`);
  return Buffer.from(`x'${key.toString('hex')}'`, 'latin1');
}

/** The cipher settings a connection reports, for tests that the pinned values are the ones in force. */
export function cipherSettings(db: Db): Record<string, unknown> {
  const settings: Record<string, unknown> = { cipher: db.pragma('cipher', { simple: true }) };
  for (const [name] of CIPHER.parameters) settings[name] = db.pragma(name, { simple: true });
  return settings;
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(24);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Whether a file's first bytes are SQLite's plaintext header. Encrypted files (and files of
 * fewer than 16 bytes, such as an empty new database) are not.
 */
export function hasPlaintextHeader(file: string): boolean {
  const head = readHead(file);
  return head.length >= SQLITE_MAGIC.length && head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC);
}

/**
 * Whether a file looks like an encrypted SQLite database: SQLite3MultipleCiphers replaces the
 * header's first 16 bytes with the salt but leaves bytes 16-23 readable (page size, file format,
 * reserved bytes), and bytes 21-23 are always 64, 32, 32 in a SQLite file. A text file or random
 * junk is then told apart from an encrypted profile whose key is missing.
 */
export function looksEncrypted(file: string): boolean {
  const head = readHead(file);
  return head.length === 24 && !hasPlaintextHeader(file) && head[21] === 64 && head[22] === 32 && head[23] === 32;
}

/**
 * An open that failed because of the key, told apart from damage: SQLite says only "file is not a
 * database" (SQLITE_NOTADB) for a wrong key, a wrong cipher, a missing key and a truncated file
 * alike, so the header decides. Null when the failure is something else.
 */
export function describeOpenFailure(file: string, keyGiven: boolean, error: unknown): CredenceError | null {
  if ((error as { code?: unknown } | null)?.code !== 'SQLITE_NOTADB') return null;
  if (keyGiven) return new CredenceError('db.key_rejected', { file });
  if (looksEncrypted(file)) return new CredenceError('db.key_missing', { file });
  return null;
}
