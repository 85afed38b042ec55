import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../core/cli/credence.ts';
import { tempDir } from '../helpers/temp.ts';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('credence CLI', () => {
  it('prints help in Simplified Chinese by default and in English with --lang en', async () => {
    const zh = await run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('credence profile create NAME');
    expect(zh.stdout).toContain('命令');
    const en = await run(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Commands:');
    expect((await run(['--help'], { LANG: 'en_US.UTF-8' })).stdout).toContain('Commands:');
  });

  it('creates and lists profiles in a data folder, as JSON on stdout', async () => {
    const dir = tempDir();
    const created = await run(['profile', 'create', '客户甲', '--data-dir', dir, '--json']);
    expect(created.code).toBe(0);
    const { profile } = JSON.parse(created.stdout);
    expect(profile.name).toBe('客户甲');
    // The channel's answer, as the app gets it (the file stays main's business); the text says where.
    expect(Object.keys(profile).sort()).toEqual(['createdAt', 'id', 'name']);
    expect(existsSync(join(dir, 'profiles', `${profile.id}.sqlite`))).toBe(true);
    expect((await run(['profile', 'list', '--data-dir', dir])).stdout).toContain(join(dir, 'profiles', `${profile.id}.sqlite`));
    const listed = JSON.parse((await run(['profile', 'list', '--data-dir', dir, '--json'])).stdout);
    expect(listed.profiles.map((p: { id: string }) => p.id)).toEqual([profile.id]);
  });

  it('creates a profile database at the file --db names, and lists it', async () => {
    const file = join(tempDir(), 'client.sqlite');
    expect((await run(['profile', 'create', 'Client', '--db', file])).code).toBe(0);
    const listed = JSON.parse((await run(['profile', 'list', '--db', file, '--json'])).stdout);
    expect(listed.profiles).toEqual([expect.objectContaining({ name: 'Client' })]);
    expect((await run(['profile', 'list', '--db', file])).stdout).toContain(resolve(file));
  });

  it('puts errors on stderr with a non-zero exit code, as JSON with --json', async () => {
    const dir = tempDir();
    await run(['profile', 'create', 'Dup', '--data-dir', dir]);
    const dup = await run(['profile', 'create', 'dup', '--data-dir', dir, '--json']);
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe('');
    expect(JSON.parse(dup.stderr).error.code).toBe('profile.duplicate_name');
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
    const badFlag = await run(['profile', 'list', '--nope']);
    expect(badFlag.code).toBe(2);
    const missing = await run(['profile', 'list', '--db', join(dir, 'none.sqlite'), '--lang', 'en']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  it('works on a profile of the data folder named by --profile (its name or its id), encrypted ones unlocked by a passphrase file', async () => {
    const dir = tempDir();
    const pw = join(dir, 'pw.txt');
    writeFileSync(pw, 'a long enough passphrase\n');
    const { profile } = JSON.parse((await run(['profile', 'create', '客户甲', '--data-dir', dir, '--passphrase-file', pw, '--json'])).stdout);
    const added = await run(['observe', 'add', 'sesame', '712', '2026-05-06', '--profile', '客户甲', '--data-dir', dir, '--passphrase-file', pw, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const listed = JSON.parse((await run(['observe', 'list', '--profile', profile.id, '--data-dir', dir, '--passphrase-file', pw, '--json'])).stdout);
    expect(listed.observations).toMatchObject([{ kind: 'sesame', value: 712 }]);
    // Without its passphrase the profile stays locked; an unknown name is not found; no profile named is a usage error.
    expect((await run(['observe', 'list', '--profile', '客户甲', '--data-dir', dir, '--lang', 'en'])).stderr).toMatch(/passphrase/i);
    expect((await run(['observe', 'list', '--profile', '客户乙', '--data-dir', dir, '--json'])).stderr).toContain('profile.not_found');
    expect((await run(['observe', 'list', '--data-dir', dir])).code).toBe(2);
  });

  it('deletes a profile only with --yes', async () => {
    const dir = tempDir();
    const { profile } = JSON.parse((await run(['profile', 'create', 'Temp', '--data-dir', dir, '--json'])).stdout);
    const file = join(dir, 'profiles', `${profile.id}.sqlite`);
    expect((await run(['profile', 'delete', profile.id, '--data-dir', dir])).code).toBe(2);
    expect(existsSync(file)).toBe(true);
    expect((await run(['profile', 'delete', profile.id, '--yes', '--data-dir', dir])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('runs as the package bin on this Node, headless', () => {
    const dir = tempDir();
    const bin = resolve(import.meta.dirname, '../../bin/credence.mjs');
    const result = spawnSync(process.execPath, [bin, 'profile', 'create', '李四', '--data-dir', dir, '--json'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // No passphrase: a plaintext profile, and stderr says so (test/unit/encryption/cli.test.ts).
    expect(result.stderr).toMatch(/未加密/);
    expect(JSON.parse(result.stdout).profile.name).toBe('李四');
  });
});
