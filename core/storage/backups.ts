import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { commitFile, partialName, writeFileAtomic } from './atomic-file.ts';
import { BACKUP_REASONS, type BackupReason } from '../shared/backup-reasons.ts';
import { appendAudit, inspectExisting, type Db } from './database.ts';
import { hasPlaintextHeader } from './encryption/cipher.ts';
import { openRaw, tableCounts, verifyCopy, writeCopy } from './encryption/encrypted-copy.ts';
import { keyFileFor, keyMatches, readKeyFile, unwrapDataKey, type Keychain, type ProfileSecret } from './encryption/key-wrap.ts';
import { loadMigrations } from './migrations.ts';
import { backupDirFor, isEncryptedFile } from './profile-paths.ts';

// Backups: whole-database copies written with VACUUM INTO (encrypted with the profile's key when
// the profile is encrypted; db.backup() refuses encrypted files and db.serialize() would return
// plaintext), each with a snapshot of the key file beside it, so a backup restores on its own.
// Kept under <data folder>/backups/<profile id>/ with the time (UTC+8) and the reason in the name;
// written automatically before a migration and before encryption, and on demand.


/** A backup as the app and CLI see it (core/ipc/channels/backups.ts): the wire shape and its type. */
export const backupInfoSchema = z.strictObject({
  /** The file name inside the profile's backup folder (what `restore` takes), or the full path of a copy saved elsewhere. */
  name: z.string(),
  file: z.string(),
  /** When it was written, UTC+8. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int(),
  encrypted: z.boolean(),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

const NAME = new RegExp(`^(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-([0-9a-f]{4})-(${BACKUP_REASONS.join('|')})\\.sqlite$`);

/** `20261121-200102-a3f9-manual.sqlite`: sortable, UTC+8, unique within a second. */
function backupName(reason: BackupReason, now: Date): string {
  const stamp = toUtc8Iso(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${stamp}-${randomBytes(2).toString('hex')}-${reason}.sqlite`;
}

function describe(file: string, reason: BackupReason, createdAt: string): BackupInfo {
  return { name: basename(file), file, createdAt, reason, bytes: statSync(file).size, encrypted: isEncryptedFile(file) };
}

export function profileBackupDir(profileFile: string, profileId: string): string {
  return join(backupDirFor(profileFile), profileId);
}

export interface BackupRequest {
  /** The profile's database file, and its key when encrypted. */
  file: string;
  key?: Buffer;
  profileId: string;
  reason: BackupReason;
  /** A path the user chose; by default the profile's backup folder. */
  target?: string;
  actor: string;
  now?: Date;
}

/**
 * Writes a backup of the open database `db`: into a `.partial` sibling first, the key file beside
 * it, then renamed into place, so a killed backup leaves no half-written file under a backup's name.
 */
export function createBackup(db: Db, request: BackupRequest): BackupInfo {
  const now = request.now ?? new Date();
  const target = request.target ?? join(profileBackupDir(request.file, request.profileId), backupName(request.reason, now));
  if (existsSync(target)) throw new CredenceError('backup.exists', { file: target });
  mkdirSync(dirname(target), { recursive: true });
  const partial = partialName(target, 'backup');
  try {
    writeCopy(db, request.key, { file: partial, key: request.key });
    // The key file first: a backup under its final name always has the key file it needs.
    if (request.key) writeFileAtomic(keyFileFor(target), readFileSync(keyFileFor(request.file)));
    commitFile(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  appendAudit(db, { actor: request.actor, action: 'backup.create', details: { name: basename(target), reason: request.reason } });
  return describe(target, request.reason, toUtc8Iso(now));
}

/** The profile's backups, newest first. */
export function listBackups(profileFile: string, profileId: string): BackupInfo[] {
  const dir = profileBackupDir(profileFile, profileId);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const [, y, mo, d, h, mi, s, , reason] = match;
      return describe(join(dir, name), reason as BackupReason, `${y}-${mo}-${d}T${h}:${mi}:${s}+08:00`);
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** A backup in the profile's folder by its name (never a path: the name is checked against the pattern). */
export function backupByName(profileFile: string, profileId: string, name: string): string {
  if (!NAME.test(name)) throw new CredenceError('backup.not_found', { name });
  const file = join(profileBackupDir(profileFile, profileId), name);
  if (!existsSync(file)) throw new CredenceError('backup.not_found', { name });
  return file;
}

/** The key that opens a backup: the profile's own when the backup was made under it, else the one the given secret unwraps. */
async function keyForBackup(source: string, currentKey: Buffer | undefined, secret: ProfileSecret | undefined, keychain: Keychain | undefined): Promise<Buffer | undefined> {
  const name = basename(source);
  if (!isEncryptedFile(source)) {
    if (!hasPlaintextHeader(source)) throw new CredenceError('backup.invalid', { name, reason: `it is encrypted and its key file ${basename(keyFileFor(source))} is missing, or it is damaged` });
    return undefined;
  }
  const keyFile = readKeyFile(source);
  if (currentKey && keyFile.keys.some((entry) => keyMatches(entry, currentKey))) return currentKey;
  if (!secret) throw new CredenceError('backup.secret_required', { name });
  const [first] = await unwrapDataKey(keyFile, secret, keychain);
  return first!.key;
}

/** What a restore needs of the open profile files (profile-files.ts), which make backups themselves. */
export interface RestoreTarget {
  keyOf(file: string): Buffer | undefined;
  database(file: string, name: () => string): Db;
  replace(file: string, finished: string): void;
}

export interface RestoreRequest {
  files: RestoreTarget;
  file: string;
  profile: { id: string; name: string };
  source: string;
  /** For a backup made under another key (before a rotation): that key's passphrase or recovery code. */
  secret?: ProfileSecret;
  keychain?: Keychain;
  actor: string;
}

export const restoreOutcomeSchema = z.strictObject({
  restored: z.string(),
  /** The copy of the database as it was just before the restore. */
  safety: backupInfoSchema,
});
export type RestoreOutcome = z.output<typeof restoreOutcomeSchema>;

/**
 * Restores a backup over a profile. Nothing is changed until the restored copy has passed every
 * check, and the current file stays in place until the verified copy replaces it in one rename:
 * 1. the backup must pass the integrity check, be of a schema this build supports, and belong to this profile;
 * 2. it is copied into a `.partial` beside the profile, under the profile's current key (a backup made
 *    before a key rotation is re-encrypted to the current key), and the copy is verified row for row;
 * 3. the restore is written into the copy's audit log, so the restored file records it;
 * 4. the current database is backed up ("before-restore"), then the copy is renamed over it.
 * A kill before step 4's rename leaves the current file; after it, the restored one. Never a mix.
 */
export async function restoreBackup(request: RestoreRequest): Promise<RestoreOutcome> {
  const { files, file, profile, source } = request;
  const name = basename(source);
  if (!existsSync(source)) throw new CredenceError('backup.not_found', { name });
  const currentKey = files.keyOf(file);
  const encrypted = isEncryptedFile(file);
  if (encrypted && !currentKey) throw new CredenceError('profile.locked', { name: profile.name });
  const sourceKey = await keyForBackup(source, currentKey, request.secret, request.keychain);
  if (sourceKey && !encrypted) throw new CredenceError('backup.invalid', { name, reason: 'it is encrypted and this profile is not; encrypt the profile first' });

  try {
    inspectExisting(source, loadMigrations(), sourceKey);
  } catch (error) {
    const reason = error instanceof CredenceError ? error.localized.en : String(error);
    throw new CredenceError('backup.invalid', { name, reason });
  }
  const sourceDb = openRaw({ file: source, key: sourceKey }, true);
  const staging = partialName(file, 'restore');
  try {
    const owner = sourceDb.prepare('SELECT uuid FROM profile WHERE id = 1').pluck().get() as string | undefined;
    if (owner !== profile.id) throw new CredenceError('backup.other_profile', { name, found: owner ?? 'none', profile: profile.name });
    const expected = { counts: tableCounts(sourceDb), userVersion: sourceDb.pragma('user_version', { simple: true }) as number };
    writeCopy(sourceDb, sourceKey, { file: staging, key: currentKey });
    verifyCopy({ file: staging, key: currentKey }, expected);
    const copy = openRaw({ file: staging, key: currentKey });
    try {
      appendAudit(copy, { actor: request.actor, action: 'backup.restore', details: { from: name } });
    } finally {
      copy.close();
    }
    const safety = createBackup(files.database(file, () => profile.name), { file, key: currentKey, profileId: profile.id, reason: 'before-restore', actor: request.actor });
    files.replace(file, staging);
    return { restored: name, safety };
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  } finally {
    sourceDb.close();
  }
}

/** Re-encrypts the plaintext backups of a profile just encrypted, each replaced in one rename. */
export function encryptOldBackups(profileFile: string, profileId: string, key: Buffer): number {
  let count = 0;
  for (const backup of listBackups(profileFile, profileId)) {
    if (backup.encrypted) continue;
    const partial = partialName(backup.file, 'encrypt');
    const db = openRaw({ file: backup.file }, true);
    try {
      writeCopy(db, undefined, { file: partial, key });
      verifyCopy({ file: partial, key }, { counts: tableCounts(db), userVersion: db.pragma('user_version', { simple: true }) as number });
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    } finally {
      db.close();
    }
    writeFileAtomic(keyFileFor(backup.file), readFileSync(keyFileFor(profileFile)));
    commitFile(partial, backup.file);
    count++;
  }
  return count;
}
