import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The migrations folder sits beside this module in the source tree, and beside the bundle in a
 * build (electron.vite.config.ts copies it there), so one relative lookup serves both.
 */
export const defaultMigrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Ordered, contiguous from 1: a gap or a duplicate number is a packaging bug, caught at load. */
export function loadMigrations(dir: string = defaultMigrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2],
      sql: readFileSync(join(dir, file), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations in ${dir} are not numbered 1..N: found ${migration.version} at position ${index + 1}`);
    }
  });
  return migrations;
}
