import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import { initialiseProfile, normaliseProfileName, ProfileStore, readProfileRow, type ProfileSummary } from '../../storage/profile-store.ts';
import { openDatabase } from '../../storage/database.ts';
import { defaultDataDir } from '../../storage/data-dir.ts';
import { printJson, say, type CliContext } from '../io.ts';
import type { Command } from './command.ts';

function dataDir(ctx: CliContext): string {
  return typeof ctx.options['data-dir'] === 'string' ? resolve(ctx.options['data-dir']) : defaultDataDir(ctx.io.env);
}

function dbOption(ctx: CliContext): string | undefined {
  return typeof ctx.options.db === 'string' ? resolve(ctx.options.db) : undefined;
}

function printProfiles(ctx: CliContext, profiles: ProfileSummary[]): void {
  if (ctx.json) return printJson(ctx, { profiles });
  if (profiles.length === 0) return say(ctx, { 'zh-CN': '还没有档案。', en: 'No profiles yet.' });
  for (const p of profiles) {
    const problem = p.problem ? `  ! ${p.problem.message[ctx.locale]}` : '';
    ctx.io.out(`${p.id}  ${p.name}  ${p.createdAt}  ${p.file}${problem}`);
  }
}

function create(ctx: CliContext): number {
  const [rawName] = ctx.args;
  if (!rawName) throw new CredenceError('cli.usage', { reason: 'profile create NAME' });
  const file = dbOption(ctx);
  let profile: ProfileSummary;
  if (file) {
    const name = normaliseProfileName(rawName);
    if (existsSync(file)) throw new CredenceError('profile.duplicate_name', { name: file });
    const db = openDatabase(file);
    try {
      profile = initialiseProfile(db, name);
    } finally {
      db.close();
    }
  } else {
    const store = new ProfileStore(dataDir(ctx));
    try {
      profile = store.create(rawName);
    } finally {
      store.close();
    }
  }
  if (ctx.json) printJson(ctx, { profile });
  else say(ctx, { 'zh-CN': `已创建档案「${profile.name}」：${profile.file}`, en: `Created profile "${profile.name}": ${profile.file}` });
  return 0;
}

function list(ctx: CliContext): number {
  const file = dbOption(ctx);
  if (file) {
    if (!existsSync(file)) throw new CredenceError('db.not_found', { file });
    const row = readProfileRow(file);
    printProfiles(ctx, [{ id: row.uuid, name: row.name, createdAt: row.created_at, file }]);
    return 0;
  }
  const store = new ProfileStore(dataDir(ctx));
  try {
    printProfiles(ctx, store.list());
  } finally {
    store.close();
  }
  return 0;
}

function remove(ctx: CliContext): number {
  const [id] = ctx.args;
  if (!id) throw new CredenceError('cli.usage', { reason: 'profile delete ID --yes' });
  if (ctx.options.yes !== true) throw new CredenceError('cli.usage', { reason: 'profile delete needs --yes: it removes the database file' });
  const store = new ProfileStore(dataDir(ctx));
  try {
    store.delete(id);
  } finally {
    store.close();
  }
  if (ctx.json) printJson(ctx, { deleted: id });
  else say(ctx, { 'zh-CN': `已删除档案 ${id} 及其数据库文件。`, en: `Deleted profile ${id} and its database file.` });
  return 0;
}

export const profileCommand: Command = {
  name: 'profile',
  summary: { 'zh-CN': '创建、列出、删除档案（每个档案一个数据库）', en: 'create, list and delete profiles (one database each)' },
  usage: [
    'credence profile create NAME [--db FILE | --data-dir DIR] [--json]',
    'credence profile list [--db FILE | --data-dir DIR] [--json]',
    'credence profile delete ID --yes [--data-dir DIR] [--json]',
  ],
  subcommands: { create, list, delete: remove },
};
