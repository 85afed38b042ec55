import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { initialiseProfile, normaliseProfileName, readProfileRow, type ProfileSource, type ProfileSummary } from '../storage/profile-store.ts';
import { openDatabase, type Db } from '../storage/database.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * `--db FILE`: a profile store whose only possible profile is that one SQLite file, so the app
 * works on it exactly as on a profile in the data folder, and nothing else on disk is touched (no
 * `profiles/` folder appears beside it, no sibling file is ever listed, opened or removed).
 *
 * - list: the file's profile, or nothing when the file does not exist yet;
 * - create: initialises the file when it does not exist (as `credence profile create --db FILE`),
 *   and is refused once it holds a profile: a store of one has no room for a second;
 * - database / fileFor: only for the file's own profile id, anything else is `profile.not_found`;
 * - delete: after the UI's confirmation, removes the file (and its -wal/-shm), as deleting a
 *   profile does in the data folder; the store is then empty and `create` may start it afresh.
 *
 * A file that exists but is not a readable Credence database is refused before the server starts
 * (see scripts/preview.ts), and left untouched.
 */
export class SingleFileProfileStore implements ProfileSource {
  readonly file: string;
  private db: Db | undefined;
  private knownId: string | undefined;

  constructor(file: string) {
    this.file = resolve(file);
  }

  /** The profile id stored in the file, or undefined when there is no file (yet). Throws when unreadable. */
  private idOnDisk(): string | undefined {
    if (this.knownId) return this.knownId;
    if (!existsSync(this.file)) return undefined;
    this.knownId = readProfileRow(this.file).uuid;
    return this.knownId;
  }

  list(): ProfileSummary[] {
    if (!existsSync(this.file)) return [];
    try {
      const row = readProfileRow(this.file);
      this.knownId = row.uuid;
      return [{ id: row.uuid, name: row.name, createdAt: row.created_at, file: this.file }];
    } catch (error) {
      const problem =
        error instanceof CredenceError
          ? error.toPayload()
          : toErrorPayload(new CredenceError('db.corrupt', { file: this.file, reason: String((error as Error).message) }));
      return [{ id: this.knownId ?? NO_ID, name: this.file, createdAt: '', file: this.file, problem }];
    }
  }

  create(rawName: string): ProfileSummary {
    const name = normaliseProfileName(rawName);
    // The same refusal the CLI gives for `profile create --db FILE` on an existing file.
    if (existsSync(this.file)) throw new CredenceError('profile.duplicate_name', { name: this.file });
    const db = openDatabase(this.file);
    try {
      const summary = initialiseProfile(db, name, randomUUID());
      this.db = db;
      this.knownId = summary.id;
      return { ...summary, file: this.file };
    } catch (error) {
      db.close();
      this.removeFiles();
      throw error;
    }
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
    const file = this.fileFor(id);
    if (this.db) return this.db;
    this.db = openDatabase(file, { create: false });
    return this.db;
  }

  delete(id: string): void {
    this.fileFor(id);
    this.db?.close();
    this.db = undefined;
    this.knownId = undefined;
    this.removeFiles();
  }

  private removeFiles(): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.file + suffix, { force: true });
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}
