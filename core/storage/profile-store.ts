import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { errorPayloadSchema } from '../wire/vocabulary.ts';
import { appendAudit, openDatabase, type Db } from './database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';

/** A profile as the page sees it (core/ipc/channels/profiles.ts). */
export const profileSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Set when the file cannot be opened by this build (corrupt, newer schema): listed, never hidden. */
  problem: errorPayloadSchema.optional(),
});

/** The store's own view adds the file, which never leaves the main process. */
export type ProfileSummary = z.output<typeof profileSummarySchema> & { file: string };

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SUFFIX = '.sqlite';

export function normaliseProfileName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 80) throw new CredenceError('profile.invalid_name', { name });
  return trimmed;
}

/** Reads a profile database's own name without migrating or writing it. */
export function readProfileRow(file: string): { uuid: string; name: string; created_at: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT uuid, name, created_at FROM profile WHERE id = 1').get() as
      | { uuid: string; name: string; created_at: string }
      | undefined;
    if (!row) throw new Error('no profile row');
    return row;
  } finally {
    db.close();
  }
}

export function initialiseProfile(db: Db, name: string, uuid: string = randomUUID()): ProfileSummary {
  const createdAt = toUtc8Iso();
  db.transaction(() => {
    db.prepare('INSERT INTO profile (id, uuid, name, created_at) VALUES (1, ?, ?, ?)').run(uuid, name, createdAt);
    appendAudit(db, { actor: 'user', action: 'profile.create', subject: uuid, details: { name } });
  })();
  return { id: uuid, name, createdAt, file: db.name };
}

/**
 * One SQLite file per profile (a person, or one client of an adviser) under `<dataDir>/profiles`.
 * The folder is the index: nothing else lists profiles, so there is nothing to fall out of step.
 */
export class ProfileStore {
  readonly dir: string;
  private readonly open = new Map<string, Db>();

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
      const row = readProfileRow(file);
      return { id, name: row.name, createdAt: row.created_at, file };
    } catch (error) {
      const problem =
        error instanceof CredenceError ? error.toPayload() : toErrorPayload(new CredenceError('db.corrupt', { file, reason: String((error as Error).message) }));
      return { id, name: id, createdAt: '', file, problem };
    }
  }

  create(rawName: string): ProfileSummary {
    const name = normaliseProfileName(rawName);
    if (this.list().some((profile) => profile.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new CredenceError('profile.duplicate_name', { name });
    }
    const id = randomUUID();
    const db = openDatabase(this.fileFor(id));
    try {
      const summary = initialiseProfile(db, name, id);
      this.open.set(id, db);
      return summary;
    } catch (error) {
      db.close();
      this.removeFiles(id);
      throw error;
    }
  }

  /** The open, migrated database of a profile; opened once and kept. */
  database(id: string): Db {
    const cached = this.open.get(id);
    if (cached) return cached;
    const db = openDatabase(this.fileFor(id), { create: false });
    this.open.set(id, db);
    return db;
  }

  delete(id: string): void {
    if (!this.list().some((profile) => profile.id === id)) throw new CredenceError('profile.not_found', { id });
    this.open.get(id)?.close();
    this.open.delete(id);
    this.removeFiles(id);
  }

  private removeFiles(id: string): void {
    const file = this.fileFor(id);
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }

  close(): void {
    for (const db of this.open.values()) db.close();
    this.open.clear();
  }
}

/**
 * What the IPC handlers and the import jobs use of a store of profiles: a folder of them
 * (ProfileStore), or the one database file `npm run preview -- --db FILE` serves.
 */
export type ProfileSource = Pick<ProfileStore, 'list' | 'create' | 'delete' | 'database' | 'fileFor' | 'close'>;
