// SIGKILL (no cleanup, no finally) at random moments of `credence profile encrypt` and
// `credence backup restore`, the real CLI in its own process: afterwards there is always exactly
// one readable profile, opened by what opened it before (or, once the swap happened, by the
// passphrase), with every row it had. Never a half-written or unopenable file.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../core/importers/import-file.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { tableCounts } from '../../../core/storage/encryption/encrypted-copy.ts';
import { keyFileFor } from '../../../core/storage/encryption/key-wrap.ts';
import { tempDir } from '../../helpers/temp.ts';
import { bigWechat } from '../importers/helpers.ts';
import { PASSPHRASE } from './helpers.ts';

const bin = resolve(import.meta.dirname, '../../../bin/credence.mjs');

/** Runs the CLI and SIGKILLs it after `delayMs` (or lets it finish when it is quicker). */
function killAfter(args: string[], delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') done('killed');
      else if (code === 0) done('finished');
      else fail(new Error(`credence ${args[0]} failed (${code}): ${stderr}`));
    });
  });
}

function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return performance.now() - started;
}

/** Deterministic spread of kill times over [0, span): a different point of the run each round. */
function delays(rounds: number, span: number): number[] {
  return Array.from({ length: rounds }, (_, round) => Math.round(((round * 0.618033988749895) % 1) * span));
}

/** Opens the one profile in `file` as the app would; its rows by table, and whether it was encrypted. */
async function openedCounts(file: string): Promise<{ encrypted: boolean; counts: Record<string, number> }> {
  const store = new SingleFileProfileStore(file);
  try {
    const listed = store.list();
    expect(listed).toHaveLength(1);
    const [profile] = listed;
    expect(profile!.problem).toBeUndefined();
    if (profile!.encryption) await store.unlock(profile!.id, { kind: 'passphrase', passphrase: PASSPHRASE });
    const db = store.database(profile!.id);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return { encrypted: profile!.encryption !== undefined, counts: tableCounts(db) };
  } finally {
    store.close();
  }
}

function withoutAudit(counts: Record<string, number>): Record<string, number> {
  const { audit_log: _audit, ...rest } = counts;
  return rest;
}

/** A plaintext profile with 40,000 imported rows, closed (no WAL), to copy for each round. */
async function pristineProfile(dir: string): Promise<{ file: string; counts: Record<string, number> }> {
  const file = join(dir, 'pristine.sqlite');
  const store = new SingleFileProfileStore(file);
  const profile = store.create('Kill test');
  await importBytes(store.database(profile.id), 'big.csv', bigWechat(40_000));
  const counts = tableCounts(store.database(profile.id));
  store.close();
  return { file, counts };
}

function freshCopy(dir: string, pristine: string, round: number): string {
  const roundDir = join(dir, `round-${round}`);
  mkdirSync(roundDir);
  const file = join(roundDir, 'profile.sqlite');
  copyFileSync(pristine, file);
  for (const name of readdirSync(join(pristine, '..'))) {
    if (name.startsWith('pristine.sqlite.keys.json')) copyFileSync(join(pristine, '..', name), keyFileFor(file));
  }
  return file;
}

describe('a kill at any point', () => {
  it('of an encryption leaves the plaintext profile or the encrypted one, whole', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, PASSPHRASE);
    const pristine = await pristineProfile(dir);
    const trial = freshCopy(dir, pristine.file, 99);
    const span = timed(['profile', 'encrypt', '--db', trial, '--passphrase-file', pass]);
    const outcomes = { plaintext: 0, encrypted: 0 };
    for (const [round, delay] of delays(14, span * 1.1).entries()) {
      const file = freshCopy(dir, pristine.file, round);
      await killAfter(['profile', 'encrypt', '--db', file, '--passphrase-file', pass], delay);
      const after = await openedCounts(file);
      // Every table as before; the audit log may also hold the conversion's own records.
      expect(withoutAudit(after.counts), `round ${round} (${delay} ms)`).toEqual(withoutAudit(pristine.counts));
      expect(after.counts.audit_log).toBeGreaterThanOrEqual(pristine.counts.audit_log!);
      outcomes[after.encrypted ? 'encrypted' : 'plaintext']++;
      rmSync(join(file, '..'), { recursive: true, force: true });
    }
    expect(outcomes.plaintext).toBeGreaterThan(0);
    expect(outcomes.plaintext + outcomes.encrypted).toBe(14);
  });

  it('of a restore leaves the profile as it was or as the backup was, whole', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, PASSPHRASE);
    // An encrypted profile, a backup of it, then more rows: the two states a restore moves between.
    const { file: source } = await pristineProfile(dir);
    timed(['profile', 'encrypt', '--db', source, '--passphrase-file', pass]);
    const backup = JSON.parse(spawnSync(process.execPath, [bin, 'backup', 'create', '--db', source, '--passphrase-file', pass, '--json'], { encoding: 'utf8' }).stdout).backup;
    const backupCounts = (await openedCounts(source)).counts;
    const store = new SingleFileProfileStore(source);
    const [profile] = store.list();
    await store.unlock(profile!.id, { kind: 'passphrase', passphrase: PASSPHRASE });
    await importBytes(store.database(profile!.id), 'more.csv', bigWechat(45_000));
    store.close();
    const current = (await openedCounts(source)).counts;
    expect(current.transactions).toBeGreaterThan(backupCounts.transactions!);

    const restoreArgs = (file: string) => ['backup', 'restore', '--from', backup.file, '--db', file, '--passphrase-file', pass];
    const span = timed(restoreArgs(freshCopy(dir, source, 99)));
    const outcomes = { current: 0, restored: 0 };
    for (const [round, delay] of delays(14, span * 1.1).entries()) {
      const file = freshCopy(dir, source, round);
      await killAfter(restoreArgs(file), delay);
      const after = await openedCounts(file);
      expect(after.encrypted).toBe(true);
      const which = after.counts.transactions === current.transactions ? 'current' : 'restored';
      expect(withoutAudit(after.counts), `round ${round} (${delay} ms)`).toEqual(withoutAudit(which === 'current' ? current : backupCounts));
      outcomes[which]++;
      rmSync(join(file, '..'), { recursive: true, force: true });
    }
    expect(outcomes.current).toBeGreaterThan(0);
  });
});
