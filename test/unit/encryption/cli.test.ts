// The CLI on encrypted profiles: every command takes the same secret options, and says what it
// needs when it lacks them. Run in-process through main() and, for one round, as the real bin.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { bill } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { OTHER_PASSPHRASE, PASSPHRASE } from './helpers.ts';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--lang', 'en'], { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function secrets(dir: string) {
  const pass = join(dir, 'pass.txt');
  const other = join(dir, 'other.txt');
  writeFileSync(pass, PASSPHRASE + '\n');
  writeFileSync(other, OTHER_PASSPHRASE);
  return { pass, other };
}

describe('credence on an encrypted profile', () => {
  it('creates one with --passphrase-file, shows the recovery code once, and needs the secret for every command', async () => {
    const dir = tempDir();
    const { pass } = secrets(dir);
    const db = join(dir, 'client.sqlite');
    const created = await run(['profile', 'create', '客户', '--db', db, '--passphrase-file', pass, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { recoveryCode, profile } = JSON.parse(created.stdout);
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(profile.encryption).toEqual({ locked: false, quickUnlock: false });
    expect((await run(['profile', 'list', '--db', db])).stdout).toContain('[encrypted]');

    // Without the secret: a non-zero exit and a message naming the options.
    const denied = await run(['import', bill('jd/jd-2025.csv'), '--db', db]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('--passphrase-file');
    expect(denied.stderr).toContain('CREDENCE_PASSPHRASE_FILE');
    expect((await run(['accounts', 'list', '--db', db])).code).toBe(1);
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'not the passphrase');
    const refused = await run(['score', '--db', db, '--passphrase-file', wrong]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Wrong passphrase');

    // The same secret by option, by environment variable, or the recovery code instead.
    expect((await run(['import', bill('jd/jd-2025.csv'), '--db', db, '--passphrase-file', pass])).code).toBe(0);
    const accounts = await run(['accounts', 'list', '--db', db, '--json'], { CREDENCE_PASSPHRASE_FILE: pass });
    expect(accounts.code, accounts.stderr).toBe(0);
    const codeFile = join(dir, 'code.txt');
    writeFileSync(codeFile, recoveryCode.toLowerCase());
    expect((await run(['report', '--db', db, '--recovery-code-file', codeFile, '--json'])).code).toBe(0);
  });

  it('says on stderr that a profile created without a passphrase is not encrypted', async () => {
    const dir = tempDir();
    const made = await run(['profile', 'create', 'Plain', '--db', join(dir, 'p.sqlite'), '--json']);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout).profile.encryption).toBeUndefined();
    expect(made.stderr).toContain('not encrypted');
  });

  it('encrypts, changes the passphrase, rotates the key, and backs up and restores, all through the app’s channels', async () => {
    const dir = tempDir();
    const { pass, other } = secrets(dir);
    const db = join(dir, 'p.sqlite');
    await run(['profile', 'create', 'Later', '--db', db]);
    expect((await run(['import', bill('meituan/meituan-2025.csv'), '--db', db])).code).toBe(0);
    const encrypted = await run(['profile', 'encrypt', '--db', db, '--passphrase-file', pass]);
    expect(encrypted.code, encrypted.stderr).toBe(0);
    expect(encrypted.stdout).toContain('Recovery code');
    expect((await run(['accounts', 'list', '--db', db])).code).toBe(1);

    const changed = await run(['profile', 'passphrase', '--db', db, '--passphrase-file', pass, '--new-passphrase-file', other]);
    expect(changed.code, changed.stderr).toBe(0);
    expect((await run(['accounts', 'list', '--db', db, '--passphrase-file', pass])).stderr).toContain('Wrong passphrase');
    const rotated = await run(['profile', 'rekey', '--db', db, '--passphrase-file', other, '--json']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout).recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}/);

    const made = await run(['backup', 'create', '--db', db, '--passphrase-file', other, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const { backup } = JSON.parse(made.stdout);
    expect(backup).toMatchObject({ reason: 'manual', encrypted: true });
    const elsewhere = join(dir, 'copy.sqlite');
    expect((await run(['backup', 'create', '--db', db, '--passphrase-file', other, '--to', elsewhere])).code).toBe(0);
    const listed = JSON.parse((await run(['backup', 'list', '--db', db, '--passphrase-file', other, '--json'])).stdout);
    expect(listed.backups.map((b: { name: string }) => b.name)).toContain(backup.name);
    const restored = await run(['backup', 'restore', backup.name, '--db', db, '--passphrase-file', other, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).safety.reason).toBe('before-restore');
    const fromPath = await run(['backup', 'restore', '--from', elsewhere, '--db', db, '--passphrase-file', other]);
    expect(fromPath.code, fromPath.stderr).toBe(0);
    expect((await run(['backup', 'list', '--db', db])).stderr).toContain('--passphrase-file');
  });

  it('lists the secret options in --help, and runs as the real bin with CREDENCE_PASSPHRASE_FILE', () => {
    const dir = tempDir();
    const { pass } = secrets(dir);
    const bin = resolve(import.meta.dirname, '../../../bin/credence.mjs');
    const help = spawnSync(process.execPath, [bin, '--help', '--lang', 'en'], { encoding: 'utf8' });
    for (const text of ['--passphrase-file', '--recovery-code-file', 'CREDENCE_PASSPHRASE_FILE', 'credence backup restore', 'credence profile rekey']) expect(help.stdout).toContain(text);
    const db = join(dir, 'bin.sqlite');
    const env = { ...process.env, CREDENCE_PASSPHRASE_FILE: pass };
    const created = spawnSync(process.execPath, [bin, 'profile', 'create', 'Bin', '--db', db, '--json'], { encoding: 'utf8', env });
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).profile.encryption).toBeDefined();
    const denied = spawnSync(process.execPath, [bin, 'accounts', 'list', '--db', db, '--lang', 'en'], { encoding: 'utf8' });
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('is an encrypted profile');
  });
});
