import { resolve } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import { printJson, say, type CliContext } from '../io.ts';
import { profileDispatch, secretOption } from '../profile-access.ts';
import type { Command } from './command.ts';

// `credence backup create|list|restore`: the app's backup channels (core/ipc/backups.ts) over the
// `--db` profile. A location is a path here; the desktop app asks in its own file dialog instead.

function dbFile(ctx: CliContext, usage: string): string {
  if (typeof ctx.options.db !== 'string') throw new CredenceError('cli.usage', { reason: usage });
  return resolve(ctx.options.db);
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

async function create(ctx: CliContext): Promise<number> {
  const session = await profileDispatch(ctx, dbFile(ctx, 'backup create --db FILE [--to PATH]'));
  try {
    const to = typeof ctx.options.to === 'string' ? resolve(ctx.options.to) : undefined;
    const { backup } = await session.call('backups.create', { profileId: session.profile.id, destination: to ? { kind: 'path', path: to } : { kind: 'folder' } });
    if (ctx.json) printJson(ctx, { backup });
    else say(ctx, { 'zh-CN': `已备份到 ${backup.file}（${megabytes(backup.bytes)} MB${backup.encrypted ? '，已加密' : ''}）`, en: `Backed up to ${backup.file} (${megabytes(backup.bytes)} MB${backup.encrypted ? ', encrypted' : ''})` });
  } finally {
    session.close();
  }
  return 0;
}

async function list(ctx: CliContext): Promise<number> {
  const session = await profileDispatch(ctx, dbFile(ctx, 'backup list --db FILE'));
  try {
    const listed = await session.call('backups.list', { profileId: session.profile.id });
    if (ctx.json) printJson(ctx, listed);
    else if (listed.backups.length === 0) say(ctx, { 'zh-CN': `${listed.folder} 中还没有备份。`, en: `No backups in ${listed.folder} yet.` });
    else for (const b of listed.backups) ctx.io.out(`${b.name}  ${b.createdAt}  ${b.reason}  ${megabytes(b.bytes)} MB${b.encrypted ? '' : '  (plaintext)'}`);
  } finally {
    session.close();
  }
  return 0;
}

async function restore(ctx: CliContext): Promise<number> {
  const usage = 'backup restore NAME --db FILE | backup restore --from PATH --db FILE';
  const file = dbFile(ctx, usage);
  const [name] = ctx.args;
  const from = typeof ctx.options.from === 'string' ? resolve(ctx.options.from) : undefined;
  if ((name === undefined) === (from === undefined)) throw new CredenceError('cli.usage', { reason: usage });
  const session = await profileDispatch(ctx, file);
  try {
    const source = from ? { kind: 'path', path: from } : { kind: 'backup', name };
    // A backup from before a key rotation opens with that time's secret, given the same way.
    const outcome = await session.call('backups.restore', { profileId: session.profile.id, source, secret: secretOption(ctx) });
    if (ctx.json) printJson(ctx, outcome);
    else say(ctx, { 'zh-CN': `已恢复 ${outcome.restored}；恢复前的数据库已备份到 ${outcome.safety.file}`, en: `Restored ${outcome.restored}; the database as it was is backed up at ${outcome.safety.file}` });
  } finally {
    session.close();
  }
  return 0;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: { 'zh-CN': '备份与恢复档案（加密档案的备份同样加密）', en: 'back up and restore a profile (an encrypted profile’s backups are encrypted too)' },
  usage: [
    'credence backup create --db FILE [--to PATH] [--passphrase-file P] [--json]',
    'credence backup list --db FILE [--passphrase-file P] [--json]',
    'credence backup restore NAME --db FILE [--passphrase-file P] [--json]',
    'credence backup restore --from PATH --db FILE [--passphrase-file P] [--json]',
  ],
  subcommands: { create, list, restore },
};
