// The roster through the CLI: `credence profile edit|archive|unarchive` and `profile list` call the
// same channels the roster page does and show the same fields (the phone masked in text).

import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { runCli } from '../consent/helpers.ts';

describe('credence profile edit, archive and list', () => {
  it('edits a client’s details, lists them (masked phone in text, whole in --json), archives and unarchives', async () => {
    const dataDir = tempDir();
    expect((await runCli(['profile', 'create', '李娜', '--data-dir', dataDir])).code).toBe(0);
    const edited = await runCli(['profile', 'edit', '李娜', '--data-dir', dataDir, '--phone', '138 1234 5678', '--tags', '车贷，首套', '--notes', '明年春天买车', '--json']);
    expect(edited.code).toBe(0);
    expect(JSON.parse(edited.stdout)).toEqual({ details: { phone: '13812345678', tags: ['车贷', '首套'], notes: '明年春天买车', archivedAt: null } });

    const text = await runCli(['profile', 'list', '--data-dir', dataDir]);
    expect(text.stdout).toContain('138****5678  #车贷 #首套  最近导入 —  下一步 —');
    expect(text.stdout).not.toContain('13812345678');

    // The client named first, as `profile edit NAME`, or by --profile: the same.
    expect((await runCli(['profile', 'archive', '李娜', '--data-dir', dataDir])).stdout).toContain('已归档「李娜」');
    expect((await runCli(['profile', 'archive', '李娜', '--profile', '李娜', '--data-dir', dataDir])).code).not.toBe(0);
    const listed = JSON.parse((await runCli(['profile', 'list', '--data-dir', dataDir, '--json'])).stdout);
    expect(listed.profiles[0].client).toMatchObject({ details: { phone: '13812345678', tags: ['车贷', '首套'] }, lastImportAt: null, nextAction: null });
    expect(listed.profiles[0].client.details.archivedAt).toMatch(/\+08:00$/);
    expect((await runCli(['profile', 'list', '--data-dir', dataDir, '--lang', 'en'])).stdout).toContain('[archived]');

    await runCli(['profile', 'unarchive', '--profile', '李娜', '--data-dir', dataDir]);
    const bad = await runCli(['profile', 'edit', '李娜', '--data-dir', dataDir, '--phone', 'call me']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('电话须为 7 到 15 位数字');
    const after = JSON.parse((await runCli(['profile', 'list', '--data-dir', dataDir, '--json'])).stdout);
    expect(after.profiles[0].client.details).toEqual({ phone: '13812345678', tags: ['车贷', '首套'], notes: '明年春天买车', archivedAt: null });
  });
});
