import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import {
  createEncryptedProfile,
  initialiseProfile,
  normaliseProfileName,
  summariseProfileFile,
  type CreatedProfile,
  type ProfileSource,
  type ProfileSummary,
} from './profile-store.ts';
import { openDatabase, type Db } from './database.ts';
import type { Keychain, ProfileSecret } from './encryption/key-wrap.ts';
import { ProfileFiles } from './profile-files.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * `--db FILE`: a profile store whose only possible profile is that one SQLite file, so the app
 * works on it exactly as on a profile in the data folder, and nothing else on disk is touched (no
 * `profiles/` folder appears beside it, no sibling file is ever listed, opened or removed, but
 * its own key file, work files and backups folder).
 *
 * - list: the file's profile, or nothing when the file does not exist yet;
 * - create: initialises the file when it does not exist (as `credence profile create --db FILE`),
 *   and is refused once it holds a profile: a store of one has no room for a second;
 * - database / fileFor: only for the file's own profile id, anything else is `profile.not_found`;
 * - delete: after the UI's confirmation, removes the file (and its -wal/-shm and key file), as
 *   deleting a profile does in the data folder; the store is then empty and `create` may start it afresh.
 *
 * A file that exists but is not a readable Credence database is refused before the server starts
 * (see scripts/preview.ts), and left untouched.
 */
export class SingleFileProfileStore implements ProfileSource {
  readonly file: string;
  readonly files = new ProfileFiles();
  private knownId: string | undefined;

  constructor(file: string) {
    this.file = resolve(file);
  }

  /** The profile id stored in the file, or undefined when there is no file (yet). Throws when unreadable. */
  private idOnDisk(): string | undefined {
    if (this.knownId) return this.knownId;
    if (!existsSync(this.file)) return undefined;
    this.knownId = summariseProfileFile(this.files, this.file).id;
    return this.knownId;
  }

  list(): ProfileSummary[] {
    if (!existsSync(this.file)) return [];
    try {
      const summary = summariseProfileFile(this.files, this.file);
      this.knownId = summary.id;
      return [summary];
    } catch (error) {
      const problem =
        error instanceof CredenceError
          ? error.toPayload()
          : toErrorPayload(new CredenceError('db.corrupt', { file: this.file, reason: String((error as Error).message) }));
      return [{ id: this.knownId ?? NO_ID, name: this.file, createdAt: '', file: this.file, problem }];
    }
  }

  summary(id: string): ProfileSummary {
    this.fileFor(id);
    return summariseProfileFile(this.files, this.file);
  }

  validateNewName(rawName: string): string {
    const name = normaliseProfileName(rawName);
    // The same refusal the CLI gives for `profile create --db FILE` on an existing file.
    if (existsSync(this.file)) throw new CredenceError('profile.duplicate_name', { name: this.file });
    return name;
  }

  create(rawName: string): ProfileSummary {
    const name = this.validateNewName(rawName);
    const db = openDatabase(this.file);
    try {
      const summary = initialiseProfile(db, name, randomUUID());
      db.close();
      this.knownId = summary.id;
      return { ...summary, file: this.file };
    } catch (error) {
      db.close();
      this.files.removeFiles(this.file);
      throw error;
    }
  }

  async createEncrypted(rawName: string, passphrase: string, keychain?: Keychain): Promise<CreatedProfile> {
    const name = this.validateNewName(rawName);
    const id = randomUUID();
    const created = await createEncryptedProfile(this.files, this.file, id, name, passphrase, keychain);
    this.knownId = id;
    return created;
  }

  fileFor(id: string): string {
    let current: string | undefined;
    try {
      current = this.idOnDisk();
    } catch {
      current = undefined;
    }
    if (current === undefined || id !== current) throw new CredenceError('profile.not_found', { id });
    return this.file;
  }

  database(id: string): Db {
    return this.files.database(this.fileFor(id), () => this.summary(id).name);
  }

  connect(id: string): Db {
    this.database(id);
    return this.files.connect(this.file, () => this.summary(id).name);
  }

  async unlock(id: string, secret: ProfileSecret, keychain?: Keychain): Promise<void> {
    await this.files.unlockListed(this.summary(id), secret, keychain);
  }

  lock(): void {
    this.files.lockAll();
  }

  delete(id: string): void {
    this.files.removeListed(this.summary(id));
    this.knownId = undefined;
  }

  close(): void {
    this.files.closeAll();
  }
}
