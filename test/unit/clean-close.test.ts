import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredenceError } from '../../core/shared/errors.ts';
import { leaveCleanClose, markerFileFor, RECHECK_DAYS } from '../../core/storage/clean-close.ts';
import { openDatabase } from '../../core/storage/database.ts';
import { ProfileFiles } from '../../core/storage/profile-files.ts';
import { tempDir } from '../helpers/temp.ts';

// Opening a profile skips the integrity check only when its clean-close marker vouches for it
// (core/storage/clean-close.ts); every other way a file can reach an open still gets the full
// check, and a damaged file is refused, named, with its bytes untouched. The damage is a page of
// the audit log's b-tree scribbled over, as in storage.test.ts, which quick_check reports.

const DAY = 24 * 60 * 60 * 1000;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A profile file with a few pages of data, closed cleanly through ProfileFiles (so it has its marker). */
function profileFile(): { file: string; files: ProfileFiles } {
  const file = join(tempDir(), 'profile.sqlite');
  const files = new ProfileFiles();
  const db = files.database(file, () => 'p', true);
  const insert = db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('t', 'test', 'fill', 'x'.repeat(200));
  })();
  files.closeAll();
  return { file, files };
}

function damage(file: string, page = 20): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * page);
  closeSync(fd);
}

function expectRefused(files: ProfileFiles, file: string): void {
  const before = sha(file);
  let caught: unknown;
  try {
    files.database(file, () => 'p');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CredenceError);
  expect((caught as CredenceError).code).toBe('db.corrupt');
  expect((caught as CredenceError).localized['zh-CN']).toContain(file);
  expect(sha(file)).toBe(before);
}

describe('the clean-close marker', () => {
  it('is left by a clean close, taken away as the file opens, and lets an unchanged file skip the check', () => {
    const { file, files } = profileFile();
    expect(existsSync(markerFileFor(file))).toBe(true);
    // Damage the marker cannot see (the bytes of a page, with the size, time and inode it records
    // rewritten to match, as a failing disk would leave them): the check is skipped, so the open
    // succeeds. This is the one thing the marker trades, bounded by the weekly full check below.
    // A leaf page of the audit log near the file's end, which opening does not read.
    damage(file, statSync(file).size / 4096 - 3);
    leaveCleanClose(file, Date.now());
    files.database(file, () => 'p');
    // Open: no marker, so a crash from here on means a full check next time.
    expect(existsSync(markerFileFor(file))).toBe(false);
    files.closeAll();
    // The same damage with no marker: the full check finds it (so the open above did skip it).
    rmSync(markerFileFor(file), { force: true });
    expectRefused(files, file);
  });

  it('does not vouch for a file changed since its clean close: a damaged one is refused, untouched', () => {
    const { file, files } = profileFile();
    damage(file); // moves the modification time
    expectRefused(files, file);
    expect(existsSync(markerFileFor(file))).toBe(false);
  });

  it('is absent after a crash or a kill (the connection never closed through the store): the full check runs', () => {
    const file = join(tempDir(), 'killed.sqlite');
    const db = openDatabase(file);
    for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO audit_log (at, actor, action, details_json) VALUES (?, ?, ?, ?)').run('t', 'test', 'fill', 'x'.repeat(200));
    db.close();
    expect(existsSync(markerFileFor(file))).toBe(false);
    damage(file);
    expectRefused(new ProfileFiles(), file);
  });

  it('does not vouch with a WAL beside the file (another process has it open, or died with it)', () => {
    const { file, files } = profileFile();
    damage(file);
    leaveCleanClose(file, Date.now());
    writeFileSync(`${file}-wal`, Buffer.alloc(64, 1));
    expectRefused(files, file);
  });

  it(`does not vouch when the last full check is more than ${RECHECK_DAYS} days old, and keeps that date across opens`, () => {
    const { file, files } = profileFile();
    // Checked 3 days ago: opened without the check; closed again, the marker still says 3 days ago.
    const threeDaysAgo = Date.now() - 3 * DAY;
    leaveCleanClose(file, threeDaysAgo);
    files.database(file, () => 'p');
    files.closeAll();
    expect(JSON.parse(readFileSync(markerFileFor(file), 'utf8')).checkedAt).toBe(threeDaysAgo);
    // Damaged, with a marker as of 8 days ago that matches the file: the weekly check finds it.
    damage(file);
    leaveCleanClose(file, Date.now() - (RECHECK_DAYS + 1) * DAY);
    expectRefused(files, file);
  });
});
