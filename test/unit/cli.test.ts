import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    expect(existsSync(profile.file)).toBe(true);
    const listed = JSON.parse((await run(['profile', 'list', '--data-dir', dir, '--json'])).stdout);
    expect(listed.profiles.map((p: { id: string }) => p.id)).toEqual([profile.id]);
  });

  it('creates a profile database at the file --db names, and lists it', async () => {
    const file = join(tempDir(), 'client.sqlite');
    expect((await run(['profile', 'create', 'Client', '--db', file])).code).toBe(0);
    const listed = JSON.parse((await run(['profile', 'list', '--db', file, '--json'])).stdout);
    expect(listed.profiles).toEqual([expect.objectContaining({ name: 'Client', file: resolve(file) })]);
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

  it('deletes a profile only with --yes', async () => {
    const dir = tempDir();
    const { profile } = JSON.parse((await run(['profile', 'create', 'Temp', '--data-dir', dir, '--json'])).stdout);
    expect((await run(['profile', 'delete', profile.id, '--data-dir', dir])).code).toBe(2);
    expect(existsSync(profile.file)).toBe(true);
    expect((await run(['profile', 'delete', profile.id, '--yes', '--data-dir', dir])).code).toBe(0);
    expect(existsSync(profile.file)).toBe(false);
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
