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

/**
 * Ordered by number. Numbers are handed out per feature before the branches merge, so a build may
 * lack a number below its newest (that branch is not merged yet): a gap is allowed. The same
 * number twice is a packaging bug, caught at load.
 */
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
    if (migration.version < 1 || migration.version === migrations[index - 1]?.version) {
      throw new Error(`Migrations in ${dir} must be numbered from 1, each number once: found ${migration.version} twice or out of range`);
    }
  });
  return migrations;
}
