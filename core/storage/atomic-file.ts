import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Flushes a folder's entry list, so that a rename inside it survives a power cut (a no-op where folders cannot be opened, as on Windows). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS orders the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A sibling name for work in progress; `settleInterrupted` (encryption/settle.ts) removes leftovers. */
export function partialName(file: string, tag: string): string {
  return join(dirname(file), `${basename(file)}.${tag}-${randomBytes(6).toString('hex')}.partial`);
}

/** Moves a finished file into place in one step: a reader sees the old file or the new one, never a mix. */
export function commitFile(from: string, to: string): void {
  syncFile(from);
  renameSync(from, to);
  syncDir(dirname(to));
}

/**
 * Writes `data` to `file` atomically: into a sibling, flushed, then renamed over the old file.
 * A process killed at any point leaves the old content or the new, and at most a `.partial`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  const temp = partialName(file, 'write');
  const fd = openSync(temp, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
  syncDir(dirname(file));
}
