// The clean-close marker: when may opening a profile skip SQLite's integrity check (a read of the
// whole file, about a second of CPU at a million transactions), and still keep the promise that a
// damaged file is found and reported before anything is written to it?
//
// When this program closed the file itself, as the last connection anywhere (SQLite then
// checkpoints and removes the WAL), after the file had passed a full check within the last
// RECHECK_DAYS days, and the file has not changed since: the same size, modification time, inode
// and device, and no WAL beside it. Then nothing has written to it since it was last found whole.
// Everything else gets the full check before any write, as always: a crash or a killed process
// (no marker: it is removed as the file is opened, before anything may write), a file copied,
// restored, replaced or edited by another program (its size, time or inode moved), a WAL left
// behind (another process has it open, or one died with it). Damage at rest that changes none of
// that (a failing disk) is caught by the full check at least every RECHECK_DAYS days; and by SQLite
// on every page it reads, which refuses a write into a damaged page atomically. Encrypted
// profiles also authenticate every page as it is read (core/storage/encryption).
//
// The marker is a small JSON file beside the database (`<file>.clean`), never read by anything
// else; losing it costs one full check.

import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** A full check at least this often, whatever the marker says. */
export const RECHECK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const markerSchema = z.strictObject({
  size: z.string(),
  mtimeNs: z.string(),
  ino: z.string(),
  dev: z.string(),
  /** When the file last passed a full check (ms since the epoch). */
  checkedAt: z.number(),
});
type Marker = z.output<typeof markerSchema>;

export const markerFileFor = (file: string): string => `${file}.clean`;

function identity(file: string): Omit<Marker, 'checkedAt'> {
  const info = statSync(file, { bigint: true });
  return { size: String(info.size), mtimeNs: String(info.mtimeNs), ino: String(info.ino), dev: String(info.dev) };
}

function walLeft(file: string): boolean {
  return existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;
}

/**
 * Takes the marker away as the file is opened, before anything may write to it, and says when the
 * file last passed a full check if the marker vouches for it as it is now; null means: check it.
 */
export function takeCleanClose(file: string, now: number = Date.now()): number | null {
  const markerFile = markerFileFor(file);
  if (!existsSync(markerFile)) return null;
  let marker: Marker | null = null;
  try {
    marker = markerSchema.parse(JSON.parse(readFileSync(markerFile, 'utf8')));
  } catch {
    marker = null;
  }
  rmSync(markerFile, { force: true });
  if (!marker || walLeft(file) || now - marker.checkedAt > RECHECK_DAYS * DAY_MS || now < marker.checkedAt) return null;
  const current = identity(file);
  const same = current.size === marker.size && current.mtimeNs === marker.mtimeNs && current.ino === marker.ino && current.dev === marker.dev;
  return same ? marker.checkedAt : null;
}

/**
 * After this process closed its last connection to the file: leaves the marker when SQLite
 * removed the WAL (no other connection anywhere), so that the next open may skip the check.
 */
export function leaveCleanClose(file: string, checkedAt: number): void {
  if (!existsSync(file) || walLeft(file)) return;
  const marker: Marker = { ...identity(file), checkedAt };
  writeFileSync(markerFileFor(file), JSON.stringify(marker) + '\n', { mode: 0o600 });
}

/** The marker goes with the file (deleted, replaced by a restore or a conversion). */
export function dropCleanClose(file: string): void {
  rmSync(markerFileFor(file), { force: true });
}
