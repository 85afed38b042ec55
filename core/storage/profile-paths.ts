import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hasPlaintextHeader } from './encryption/cipher.ts';
import { hasKeyFile } from './encryption/key-wrap.ts';

// Where a profile's files live beside its database, and what they say about it before it opens.

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.sqlite$/;

/**
 * Where a profile file's backups go: `<data folder>/backups`. For a profile in a data folder
 * (`<data>/profiles/<id>.sqlite`) that is `<data>/backups`; a lone `--db FILE` counts its own folder
 * as its data folder.
 */
export function backupDirFor(file: string): string {
  const dir = dirname(file);
  return UUID_FILE.test(basename(file)) && basename(dir) === 'profiles' ? join(dirname(dir), 'backups') : join(dir, 'backups');
}

/** Work files of an operation killed part-way (`<file>.<tag>-<random>.partial`) older than this are removed. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * Removes work files left by a killed backup, conversion, rotation or restore. Never anything an
 * operation still running could own: only `.partial` files untouched for an hour.
 */
export function removeStalePartials(file: string, now = Date.now()): void {
  const dir = dirname(file);
  const prefix = basename(file) + '.';
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: nothing depends on it.
    }
  }
}

/**
 * Encrypted means: a key file beside the database, and a database that does not start with
 * SQLite's plaintext header. A key file beside a plaintext database is what a conversion killed
 * after writing its key file and before swapping the files leaves (convert.ts): the plaintext file
 * is then still the profile, whole, and the stray key file is overwritten by the next conversion.
 */
export function isEncryptedFile(file: string): boolean {
  return hasKeyFile(file) && !(existsSync(file) && hasPlaintextHeader(file));
}

