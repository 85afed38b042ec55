import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import { SingleFileProfileStore } from '../../storage/single-file-store.ts';
import { ProfileStore, type CreatedProfile, type ProfileSummary } from '../../storage/profile-store.ts';
import { defaultDataDir } from '../../storage/data-dir.ts';
import { printJson, say, type CliContext } from '../io.ts';
import { passphraseOption, profileDispatch, readSecretFile, secretOption } from '../profile-access.ts';
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
    const encrypted = p.encryption ? (ctx.locale === 'zh-CN' ? '  [已加密]' : '  [encrypted]') : '';
    ctx.io.out(`${p.id}  ${p.name}  ${p.createdAt}  ${p.file}${encrypted}${problem}`);
  }
}

/** On stderr, so scripts reading stdout are unaffected: nothing protects this profile's file. */
function warnPlaintext(ctx: CliContext): void {
  const text = {
    'zh-CN': '注意：未提供密码，档案未加密，任何能读取这个文件的人都能看到其中的数据。加密请用 --passphrase-file，或之后运行 credence profile encrypt。',
    en: 'Note: no passphrase was given, so this profile is not encrypted; anyone who can read the file can read its data. Use --passphrase-file, or run credence profile encrypt later.',
  };
  ctx.io.err(text[ctx.locale]);
}

/** The recovery code, shown this once (in --json it is a field of the output instead). */
function showRecoveryCode(ctx: CliContext, code: string): void {
  if (ctx.json) return;
  say(ctx, {
    'zh-CN': `恢复码（只显示这一次，请抄写或打印后妥善保管；忘记密码时用它解锁）：\n  ${code}`,
    en: `Recovery code (shown this once: write it down or print it and keep it safe; it unlocks the profile if the passphrase is forgotten):\n  ${code}`,
  });
}

async function create(ctx: CliContext): Promise<number> {
  const [rawName] = ctx.args;
  if (!rawName) throw new CredenceError('cli.usage', { reason: 'profile create NAME' });
  const file = dbOption(ctx);
  const passphrase = passphraseOption(ctx);
  const store = file ? new SingleFileProfileStore(file) : new ProfileStore(dataDir(ctx));
  let profile: ProfileSummary;
  let created: CreatedProfile | null = null;
  try {
    if (file && existsSync(file)) throw new CredenceError('profile.duplicate_name', { name: file });
    if (passphrase === undefined) profile = store.create(rawName);
    else ({ profile } = created = await store.createEncrypted(rawName, passphrase));
  } finally {
    store.close();
  }
  if (ctx.json) printJson(ctx, created ? { profile, recoveryCode: created.recoveryCode } : { profile });
  else say(ctx, { 'zh-CN': `已创建档案「${profile.name}」：${profile.file}`, en: `Created profile "${profile.name}": ${profile.file}` });
  if (created) showRecoveryCode(ctx, created.recoveryCode);
  else warnPlaintext(ctx);
  return 0;
}

function list(ctx: CliContext): number {
  const file = dbOption(ctx);
  if (file) {
    if (!existsSync(file)) throw new CredenceError('db.not_found', { file });
    const store = new SingleFileProfileStore(file);
    try {
      const listed = store.list();
      if (listed[0]?.problem) throw new CredenceError(listed[0].problem.code, listed[0].problem.details);
      printProfiles(ctx, listed);
    } finally {
      store.close();
    }
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

async function remove(ctx: CliContext): Promise<number> {
  const [id] = ctx.args;
  if (!id) throw new CredenceError('cli.usage', { reason: 'profile delete ID --yes' });
  if (ctx.options.yes !== true) throw new CredenceError('cli.usage', { reason: 'profile delete needs --yes: it removes the database file' });
  const store = new ProfileStore(dataDir(ctx));
  try {
    // An encrypted profile is deleted only by someone who can unlock it.
    const secret = store.summary(id).encryption ? secretOption(ctx) : undefined;
    if (secret) await store.unlock(id, secret);
    store.delete(id);
  } finally {
    store.close();
  }
  if (ctx.json) printJson(ctx, { deleted: id });
  else say(ctx, { 'zh-CN': `已删除档案 ${id} 及其数据库文件。`, en: `Deleted profile ${id} and its database file.` });
  return 0;
}

function needDb(ctx: CliContext, usage: string): string {
  const file = dbOption(ctx);
  if (!file) throw new CredenceError('cli.usage', { reason: usage });
  return file;
}

function newPassphrase(ctx: CliContext, usage: string): string {
  const path = ctx.options['new-passphrase-file'];
  if (typeof path !== 'string') throw new CredenceError('cli.usage', { reason: usage });
  return readSecretFile('--new-passphrase-file', path);
}

function printRecovery(ctx: CliContext, value: Record<string, unknown> & { recoveryCode: string }, done: { 'zh-CN': string; en: string }): void {
  if (ctx.json) return printJson(ctx, value);
  say(ctx, done);
  showRecoveryCode(ctx, value.recoveryCode);
}

/** Encrypts a plaintext profile: the passphrase given by --passphrase-file becomes its passphrase. */
async function encrypt(ctx: CliContext): Promise<number> {
  const usage = 'profile encrypt --db FILE --passphrase-file NEW';
  const file = needDb(ctx, usage);
  const passphrase = passphraseOption(ctx);
  if (passphrase === undefined) throw new CredenceError('cli.usage', { reason: usage });
  const session = await profileDispatch(ctx, file);
  try {
    const outcome = await session.call('profile.encrypt', { profileId: session.profile.id, passphrase });
    printRecovery(ctx, outcome, {
      'zh-CN': `已加密档案「${session.profile.name}」；加密前的备份：${outcome.backup.file}`,
      en: `Encrypted profile "${session.profile.name}"; the backup from before: ${outcome.backup.file}`,
    });
  } finally {
    session.close();
  }
  return 0;
}

/** Changes the passphrase: the current one (or the recovery code) unlocks, --new-passphrase-file is the new one. */
async function passphrase(ctx: CliContext): Promise<number> {
  const usage = 'profile passphrase --db FILE (--passphrase-file OLD | --recovery-code-file CODE) --new-passphrase-file NEW';
  const file = needDb(ctx, usage);
  const next = newPassphrase(ctx, usage);
  const current = secretOption(ctx);
  if (!current) throw new CredenceError('cli.secret_required', { file });
  const session = await profileDispatch(ctx, file);
  try {
    await session.call('profile.passphrase', { profileId: session.profile.id, current, next });
  } finally {
    session.close();
  }
  if (ctx.json) printJson(ctx, { changed: true });
  else say(ctx, { 'zh-CN': `已更改档案「${session.profile.name}」的密码。`, en: `Changed the passphrase of profile "${session.profile.name}".` });
  return 0;
}

/** Rotates the data key (the database is re-encrypted); a new recovery code replaces the old one. */
async function rekey(ctx: CliContext): Promise<number> {
  const usage = 'profile rekey --db FILE --passphrase-file P';
  const file = needDb(ctx, usage);
  const given = passphraseOption(ctx);
  if (given === undefined) throw new CredenceError('cli.secret_required', { file });
  const session = await profileDispatch(ctx, file);
  try {
    const outcome = await session.call('profile.rekey', { profileId: session.profile.id, passphrase: given });
    printRecovery(ctx, outcome, { 'zh-CN': `已更换档案「${session.profile.name}」的数据密钥，旧恢复码作废。`, en: `Rotated the data key of profile "${session.profile.name}"; the old recovery code no longer works.` });
  } finally {
    session.close();
  }
  return 0;
}

export const profileCommand: Command = {
  name: 'profile',
  summary: { 'zh-CN': '创建、列出、删除、加密档案，更改密码与密钥（每个档案一个数据库）', en: 'create, list, delete and encrypt profiles; change passphrases and keys (one database each)' },
  usage: [
    'credence profile create NAME [--db FILE | --data-dir DIR] [--passphrase-file P] [--json]',
    'credence profile list [--db FILE | --data-dir DIR] [--json]',
    'credence profile delete ID --yes [--data-dir DIR] [--passphrase-file P] [--json]',
    'credence profile encrypt --db FILE --passphrase-file NEW [--json]',
    'credence profile passphrase --db FILE (--passphrase-file OLD | --recovery-code-file CODE) --new-passphrase-file NEW',
    'credence profile rekey --db FILE --passphrase-file P [--json]',
  ],
  subcommands: { create, list, delete: remove, encrypt, passphrase, rekey },
};
