import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { commitFile } from './atomic-file.ts';
import {
  KEY_FILE_FORMAT,
  keyFileFor,
  newDataKey,
  newKeyEntry,
  readKeyFile,
  unwrapDataKey,
  writeKeyFile,
  type KeyFile,
  type Keychain,
  type ProfileSecret,
} from './encryption/key-wrap.ts';
import { CIPHER_ID } from './encryption/cipher.ts';
import { createBackup } from './backups.ts';
import { dropCleanClose, leaveCleanClose, takeCleanClose } from './clean-close.ts';
import { openDatabase, type Db } from './database.ts';
import { isEncryptedFile, removeStalePartials } from './profile-paths.ts';

/** What is known of a profile file without opening it: plaintext, or encrypted (and then whether this process holds its key). */
export type Protection = { encrypted: false } | { encrypted: true; keyFile: KeyFile; unlocked: boolean };

/** The profile id a database records (its backups are filed under it); a file without one yet is filed as "unknown". */
function profileIdOf(db: Db): string {
  try {
    return (db.prepare('SELECT uuid FROM profile WHERE id = 1').pluck().get() as string | undefined) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** What the stores list of a profile (core/profiles/profile-store.ts ProfileSummary). */
interface Listed {
  file: string;
  name: string;
  encryption?: { locked: boolean };
}

/**
 * The open databases and unlocked data keys of the profiles one process works on, whichever store
 * lists them (a data folder, or one `--db` file). Keys live only here, in memory: `lockAll` closes
 * every encrypted database and overwrites every key.
 */
export class ProfileFiles {
  private readonly dbs = new Map<string, Db>();
  private readonly keys = new Map<string, Buffer>();
  private readonly extra = new Map<string, Set<Db>>();
  /** When each open file last passed a full integrity check, for its clean-close marker. */
  private readonly checkedAt = new Map<string, number>();

  protection(file: string): Protection {
    if (!isEncryptedFile(file)) return { encrypted: false };
    return { encrypted: true, keyFile: readKeyFile(file), unlocked: this.keys.has(file) };
  }

  keyOf(file: string): Buffer | undefined {
    return this.keys.get(file);
  }

  private openOptions(file: string, name: () => string): { key?: Buffer } {
    if (!isEncryptedFile(file)) return {};
    const key = this.keys.get(file);
    if (!key) throw new CredenceError('profile.locked', { name: name() });
    return { key };
  }

  /** The profile's shared connection: opened once (checked, migrated) and kept until locked or released. */
  database(file: string, name: () => string, create = false): Db {
    const cached = this.dbs.get(file);
    if (cached?.open) return cached;
    removeStalePartials(file);
    const options = this.openOptions(file, name);
    // Taken before anything may write: a crash from here on leaves no marker, and the next open checks.
    const vouched = existsSync(file) ? takeCleanClose(file) : null;
    const db = openDatabase(file, {
      create,
      ...options,
      skipIntegrity: vouched !== null,
      beforeMigrate: (open) => createBackup(open, { file, key: options.key, profileId: profileIdOf(open), reason: 'before-migration', actor: 'system' }),
    });
    this.dbs.set(file, db);
    this.checkedAt.set(file, vouched ?? Date.now());
    return db;
  }

  /** Closes the shared connection; the last one of this process leaves the clean-close marker (clean-close.ts). */
  private closeShared(file: string): void {
    const db = this.dbs.get(file);
    this.dbs.delete(file);
    const checkedAt = this.checkedAt.get(file);
    this.checkedAt.delete(file);
    if (!db?.open) return;
    db.close();
    if (checkedAt !== undefined && !this.inUse(file)) leaveCleanClose(file, checkedAt);
  }

  /** A connection of its own (an import's long transaction), closed by the caller; counted so a swap can wait for it. */
  connect(file: string, name: () => string): Db {
    // Called after database(file), which checked the file's integrity and schema.
    const db = openDatabase(file, { create: false, inspected: true, ...this.openOptions(file, name) });
    const set = this.extra.get(file) ?? new Set<Db>();
    set.add(db);
    this.extra.set(file, set);
    return db;
  }

  /** Whether a connection opened by `connect` is still open (a running import). */
  inUse(file: string): boolean {
    const set = this.extra.get(file);
    if (!set) return false;
    for (const db of set) if (!db.open) set.delete(db);
    return set.size > 0;
  }

  /**
   * Tries a secret against the key file: the first data key that opens the database is kept.
   * A wrong secret is refused with the key file and the database untouched.
   */
  async unlock(file: string, secret: ProfileSecret, keychain?: Keychain): Promise<void> {
    const keyFile = readKeyFile(file);
    const candidates = await unwrapDataKey(keyFile, secret, keychain);
    let lastError: unknown;
    for (const { key } of candidates) {
      try {
        this.remember(file, key);
        this.database(file, () => keyFile.profile.name);
        return;
      } catch (error) {
        this.forget(file);
        lastError = error;
      }
    }
    throw lastError;
  }

  /** Unlocks a listed profile when it is encrypted (a plaintext one has nothing to unlock). */
  async unlockListed(profile: Listed, secret: ProfileSecret, keychain?: Keychain): Promise<void> {
    if (profile.encryption) await this.unlock(profile.file, secret, keychain);
  }

  /** Deletes a listed profile's files; an encrypted one only when unlocked, so finding the computer unattended is not enough to destroy it. */
  removeListed(profile: Listed): void {
    if (profile.encryption?.locked) throw new CredenceError('profile.locked', { name: profile.name });
    this.removeFiles(profile.file);
  }

  remember(file: string, key: Buffer): void {
    this.forget(file);
    this.keys.set(file, Buffer.from(key));
  }

  /** Closes the file's connections and drops its key (before deleting, or after the file was replaced). */
  forget(file: string): void {
    this.release(file);
    const key = this.keys.get(file);
    key?.fill(0);
    this.keys.delete(file);
  }

  /** Closes the shared connection, so the file can be swapped; refused while an import holds its own. */
  release(file: string): void {
    if (this.inUse(file)) throw new CredenceError('key.busy', { name: basename(file) });
    this.closeShared(file);
  }

  /**
   * Puts a finished, verified copy in place of the profile's database in one rename. The file must
   * be closed everywhere first: SQLite removes the WAL and SHM when the last connection closes, so
   * either still there means another process (a CLI, another window) has it open, and a rename under
   * it would leave that process writing to a file no longer there. The key stays unlocked.
   */
  replace(file: string, finished: string): void {
    this.release(file);
    if (existsSync(file + '-wal') || existsSync(file + '-shm')) throw new CredenceError('db.in_use', { file });
    dropCleanClose(file);
    commitFile(finished, file);
  }

  /** Closes every encrypted profile's connections and overwrites every key held in memory. */
  lockAll(): void {
    for (const file of [...this.keys.keys()]) {
      for (const db of this.extra.get(file) ?? []) if (db.open) db.close();
      this.extra.delete(file);
      this.closeShared(file);
      this.keys.get(file)?.fill(0);
      this.keys.delete(file);
    }
  }

  closeAll(): void {
    this.lockAll();
    for (const file of [...this.dbs.keys()]) this.closeShared(file);
  }

  /**
   * A new encrypted profile: a fresh data key, its key file written first (atomically), then the
   * database created under the key. Killed in between, what is left is a key file with an empty or
   * half-migrated database, listed as a problem like any unfinished new profile; nothing existing is at risk.
   */
  async createEncrypted(
    file: string,
    profile: { id: string; name: string },
    passphrase: string,
    keychain?: Keychain,
  ): Promise<{ db: Db; createdAt: string; recoveryCode: string }> {
    const { key, keyId } = newDataKey();
    try {
      const { entry, recoveryCode } = await newKeyEntry(key, keyId, passphrase, keychain);
      const createdAt = toUtc8Iso();
      writeKeyFile(file, { format: KEY_FILE_FORMAT, cipher: CIPHER_ID, profile: { ...profile, createdAt }, keys: [entry], updatedAt: createdAt });
      this.remember(file, key);
      const db = this.database(file, () => profile.name, true);
      return { db, createdAt, recoveryCode };
    } finally {
      key.fill(0);
    }
  }

  /** Removes a profile's files: database, WAL, SHM and key file. */
  removeFiles(file: string): void {
    this.forget(file);
    dropCleanClose(file);
    for (const path of [file, file + '-wal', file + '-shm', keyFileFor(file)]) rmSync(path, { force: true });
  }
}
