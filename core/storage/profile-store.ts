import Database from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { errorPayloadSchema } from '../wire/vocabulary.ts';
import { appendAudit, openDatabase, type Db } from './database.ts';
import type { Keychain, ProfileSecret } from './encryption/key-wrap.ts';
import { ProfileFiles } from './profile-files.ts';
import { toUtc8Iso } from '../shared/calendar.ts';

/** A profile as the page sees it (core/ipc/channels/profiles.ts). */
export const profileSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Set when the file cannot be opened by this build (corrupt, newer schema): listed, never hidden. */
  problem: errorPayloadSchema.optional(),
  /** Present for an encrypted profile: whether this process holds its key, and whether quick unlock is set up. */
  encryption: z.strictObject({ locked: z.boolean(), quickUnlock: z.boolean() }).optional(),
  /** Built from the synthetic sample ledger (core/sample, migration sample_profile_checklist): every page badges it. Read from a plaintext profile's row. */
  sample: z.literal(true).optional(),
});

/** The store's own view adds the file, which never leaves the main process. */
export type ProfileSummary = z.output<typeof profileSummarySchema> & { file: string };

/**
 * A profile file's listing: an encrypted profile from its key file (its name and date are the one
 * thing readable without the key), a plaintext one from its own profile row.
 */
export function summariseProfileFile(files: ProfileFiles, file: string): ProfileSummary {
  const protection = files.protection(file);
  if (!protection.encrypted) {
    const row = readProfileRow(file);
    return { id: row.uuid, name: row.name, createdAt: row.created_at, file, ...(row.synthetic ? { sample: true as const } : {}) };
  }
  const { profile, keys } = protection.keyFile;
  const quickUnlock = keys.some((entry) => entry.wraps.some((wrap) => wrap.kind === 'keychain'));
  return { id: profile.id, name: profile.name, createdAt: profile.createdAt, file, encryption: { locked: !protection.unlocked, quickUnlock } };
}

export interface CreatedProfile {
  profile: ProfileSummary;
  /** Shown once, at creation: the only time it exists outside the user's own copy. */
  recoveryCode: string;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SUFFIX = '.sqlite';

export function normaliseProfileName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 80) throw new CredenceError('profile.invalid_name', { name });
  return trimmed;
}

/** Reads a profile database's own name without migrating or writing it (a file from before migration sample_profile_checklist has no `synthetic`). */
export function readProfileRow(file: string): { uuid: string; name: string; created_at: string; synthetic: boolean } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT * FROM profile WHERE id = 1').get() as { uuid: string; name: string; created_at: string; synthetic?: number } | undefined;
    if (!row) throw new Error('no profile row');
    return { uuid: row.uuid, name: row.name, created_at: row.created_at, synthetic: row.synthetic === 1 };
  } finally {
    db.close();
  }
}

/** A new encrypted profile at `file` (nothing left behind when it fails): the store's part of `createEncrypted`. */
export async function createEncryptedProfile(files: ProfileFiles, file: string, id: string, name: string, passphrase: string, keychain?: Keychain): Promise<CreatedProfile> {
  try {
    const { db, createdAt, recoveryCode } = await files.createEncrypted(file, { id, name }, passphrase, keychain);
    initialiseProfile(db, name, id, createdAt);
    return { profile: summariseProfileFile(files, file), recoveryCode };
  } catch (error) {
    files.removeFiles(file);
    throw error;
  }
}

export function initialiseProfile(db: Db, name: string, uuid: string = randomUUID(), createdAt: string = toUtc8Iso()): ProfileSummary {
  db.transaction(() => {
    db.prepare('INSERT INTO profile (id, uuid, name, created_at) VALUES (1, ?, ?, ?)').run(uuid, name, createdAt);
    appendAudit(db, { actor: 'user', action: 'profile.create', subject: uuid, details: { name } });
  })();
  return { id: uuid, name, createdAt, file: db.name };
}

/** Whether this profile was built from the synthetic sample ledger (core/sample): its data is nobody's. */
export function isSyntheticProfile(db: Db): boolean {
  return db.prepare('SELECT synthetic FROM profile WHERE id = 1').pluck().get() === 1;
}

/** Marks a profile as the synthetic sample, in the audit log too: set once, by core/sample, never cleared. */
export function markSyntheticProfile(db: Db, generator: string): void {
  db.transaction(() => {
    db.prepare('UPDATE profile SET synthetic = 1 WHERE id = 1').run();
    appendAudit(db, { actor: 'system', action: 'profile.mark_synthetic', subject: 'profile', details: { generator } });
  })();
}

/**
 * One SQLite file per profile (a person, or one client of an adviser) under `<dataDir>/profiles`.
 * The folder is the index: nothing else lists profiles, so there is nothing to fall out of step.
 */
export class ProfileStore {
  readonly dir: string;
  /** Open databases and unlocked keys (core/storage/profile-files.ts). */
  readonly files = new ProfileFiles();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'profiles');
    mkdirSync(this.dir, { recursive: true });
  }

  fileFor(id: string): string {
    if (!ID_PATTERN.test(id)) throw new CredenceError('profile.not_found', { id });
    return join(this.dir, id + SUFFIX);
  }

  /** Sorted by name, as an adviser with many clients looks for one. */
  list(): ProfileSummary[] {
    const ids = readdirSync(this.dir)
      .filter((file) => file.endsWith(SUFFIX))
      .map((file) => file.slice(0, -SUFFIX.length))
      .filter((id) => ID_PATTERN.test(id));
    return ids
      .map((id) => this.summarise(id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
  }

  private summarise(id: string): ProfileSummary {
    const file = this.fileFor(id);
    try {
      return { ...summariseProfileFile(this.files, file), id };
    } catch (error) {
      const problem =
        error instanceof CredenceError ? error.toPayload() : toErrorPayload(new CredenceError('db.corrupt', { file, reason: String((error as Error).message) }));
      return { id, name: id, createdAt: '', file, problem };
    }
  }

  /** The listing of one profile (refused when there is no such profile). */
  summary(id: string): ProfileSummary {
    if (!existsSync(this.fileFor(id))) throw new CredenceError('profile.not_found', { id });
    return this.summarise(id);
  }

  /** The name a new profile would get, or the refusal `create` would give (blank, too long, taken). */
  validateNewName(rawName: string): string {
    const name = normaliseProfileName(rawName);
    if (this.list().some((profile) => profile.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new CredenceError('profile.duplicate_name', { name });
    }
    return name;
  }

  /** A plaintext profile (the CLI without a passphrase, tests, and the app when the user opts out). */
  create(rawName: string): ProfileSummary {
    const name = this.validateNewName(rawName);
    const id = randomUUID();
    const file = this.fileFor(id);
    const db = openDatabase(file);
    try {
      const summary = initialiseProfile(db, name, id);
      db.close();
      return { ...summary, file };
    } catch (error) {
      db.close();
      this.files.removeFiles(file);
      throw error;
    }
  }

  /** An encrypted profile: a new data key, wrapped by the passphrase and a recovery code (and the keychain when given). */
  async createEncrypted(rawName: string, passphrase: string, keychain?: Keychain): Promise<CreatedProfile> {
    const name = this.validateNewName(rawName);
    const id = randomUUID();
    return createEncryptedProfile(this.files, this.fileFor(id), id, name, passphrase, keychain);
  }

  /** The open, migrated database of a profile; opened once and kept. An encrypted one must be unlocked first. */
  database(id: string): Db {
    const file = this.fileFor(id);
    return this.files.database(file, () => this.summary(id).name);
  }

  /** A separate connection to a profile (an import's own transaction); the caller closes it. */
  connect(id: string): Db {
    this.database(id);
    return this.files.connect(this.fileFor(id), () => this.summary(id).name);
  }

  async unlock(id: string, secret: ProfileSecret, keychain?: Keychain): Promise<void> {
    await this.files.unlockListed(this.summary(id), secret, keychain);
  }

  /** Closes every encrypted profile and forgets every key. */
  lock(): void {
    this.files.lockAll();
  }

  delete(id: string): void {
    this.files.removeListed(this.summary(id));
  }

  close(): void {
    this.files.closeAll();
  }
}

/**
 * What the IPC handlers and the import jobs use of a store of profiles: a folder of them
 * (ProfileStore), or the one database file `npm run preview -- --db FILE` serves.
 */
export type ProfileSource = Pick<
  ProfileStore,
  'list' | 'summary' | 'validateNewName' | 'create' | 'createEncrypted' | 'delete' | 'database' | 'connect' | 'fileFor' | 'unlock' | 'lock' | 'files' | 'close'
>;
