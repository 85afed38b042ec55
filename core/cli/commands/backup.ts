import { resolve } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import { positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, say, textOption, type CliContext } from '../io.ts';
import { secretOption } from '../profile-access.ts';
import type { Command } from './command.ts';

// `credence backup create|list|restore`: the app's backup channels over the profile. A location
// is a path here; the desktop app asks in its own file dialog instead.

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

async function create(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'backup create', async ({ call, profileId }) => {
    const to = textOption(ctx, 'to');
    const { backup } = await call('backups.create', { profileId, destination: to ? { kind: 'path', path: resolve(to) } : { kind: 'folder' } });
    if (ctx.json) printJson(ctx, { backup });
    else say(ctx, { 'zh-CN': `已备份到 ${backup.file}（${megabytes(backup.bytes)} MB${backup.encrypted ? '，已加密' : ''}）`, en: `Backed up to ${backup.file} (${megabytes(backup.bytes)} MB${backup.encrypted ? ', encrypted' : ''})` });
    return 0;
  });
}

async function list(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'backup list', async ({ call, profileId }) => {
    const listed = await call('backups.list', { profileId });
    if (ctx.json) printJson(ctx, listed);
    else if (listed.backups.length === 0) say(ctx, { 'zh-CN': `${listed.folder} 中还没有备份。`, en: `No backups in ${listed.folder} yet.` });
    else for (const b of listed.backups) ctx.io.out(`${b.name}  ${b.createdAt}  ${b.reason}  ${megabytes(b.bytes)} MB${b.encrypted ? '' : '  (plaintext)'}`);
    return 0;
  });
}

async function restore(ctx: CliContext): Promise<number> {
  const from = textOption(ctx, 'from');
  const name = from === undefined ? positional(ctx, 0, 'NAME') : undefined;
  if (from !== undefined && ctx.args.length > 0) throw new CredenceError('cli.usage', { reason: 'backup restore takes NAME or --from PATH, not both' });
  return withContract(ctx, 'backup restore', async ({ call, profileId }) => {
    const source = from ? { kind: 'path' as const, path: resolve(from) } : { kind: 'backup' as const, name: name! };
    // A backup from before a key rotation opens with that time's secret, given the same way.
    const outcome = await call('backups.restore', { profileId, source, secret: secretOption(ctx) });
    if (ctx.json) printJson(ctx, outcome);
    else say(ctx, { 'zh-CN': `已恢复 ${outcome.restored}；恢复前的数据库已备份到 ${outcome.safety.file}`, en: `Restored ${outcome.restored}; the database as it was is backed up at ${outcome.safety.file}` });
    return 0;
  });
}

export const backupCommand: Command = {
  name: 'backup',
  summary: { 'zh-CN': '备份与恢复档案（加密档案的备份同样加密）', en: 'back up and restore a profile (an encrypted profile’s backups are encrypted too)' },
  subcommands: {
    create: {
      args: '[--to PATH]',
      summary: { 'zh-CN': '备份到档案的备份目录，或 --to 指定的文件', en: 'a backup in the profile’s backups folder, or the file --to names' },
      channels: ['backups.create'],
      run: create,
    },
    list: { args: '', summary: { 'zh-CN': '档案的备份', en: 'the profile’s backups' }, channels: ['backups.list'], run: list },
    restore: {
      args: 'NAME | --from PATH',
      summary: { 'zh-CN': '从备份恢复（先把现在的数据库另存一份）', en: 'restore a backup (the database as it is is kept aside first)' },
      channels: ['backups.restore'],
      run: restore,
    },
  },
};
