// `credence profile …`: the app's profile and encryption channels over the CLI's profile source
// (the `--db` file, or the data folder): create (encrypted with --passphrase-file), list (the
// adviser's roster: client details, last import, the plan's next action), edit a client's details,
// archive, delete, encrypt, change the passphrase, rotate the key.

import { resolve } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { formatFen } from '../../shared/money.ts';
import { maskPhone } from '../../shared/presentation-mask.ts';
import { ACTION_NAMES } from '../../shared/whatif-actions.ts';
import type { Response } from '../../ipc/contract.ts';
import type { ProfileSource } from '../../storage/profile-store.ts';
import { positional } from '../args.ts';
import { withContract, withStore } from '../contract-call.ts';
import { printJson, say, textOption, type CliContext } from '../io.ts';
import { passphraseOption, readSecretFile, secretOption } from '../profile-access.ts';
import type { Command } from './command.ts';

type Profile = Response<'profiles.list'>['profiles'][number];

/** Where a profile lives, which the channel keeps to main but a CLI user passes back as --db. */
function fileOf(store: ProfileSource, profile: Profile): string {
  try {
    return store.fileFor(profile.id);
  } catch {
    return '';
  }
}

function printProfiles(ctx: CliContext, store: ProfileSource, profiles: Profile[]): void {
  if (profiles.length === 0) return say(ctx, { 'zh-CN': '还没有档案。', en: 'No profiles yet.' });
  for (const p of profiles) {
    const problem = p.problem ? `  ! ${p.problem.message[ctx.locale]}` : '';
    const encrypted = p.encryption ? (ctx.locale === 'zh-CN' ? '  [已加密]' : '  [encrypted]') : '';
    ctx.io.out(`${p.id}  ${p.name}  ${p.createdAt}  ${fileOf(store, p)}${encrypted}${problem}`);
    if (p.client) ctx.io.out(`    ${rosterLine(ctx, p.client)}`);
  }
}

/** The roster's columns as one line: phone as the roster masks it, tags, last import, the plan's next step. */
function rosterLine(ctx: CliContext, client: NonNullable<Profile['client']>): string {
  const zh = ctx.locale === 'zh-CN';
  const { details, lastImportAt, nextAction } = client;
  const parts = [
    details.archivedAt ? (zh ? '[已归档]' : '[archived]') : '',
    details.phone ? maskPhone(details.phone) : '',
    details.tags.length > 0 ? details.tags.map((tag) => `#${tag}`).join(' ') : '',
    `${zh ? '最近导入' : 'last import'} ${lastImportAt ? `${lastImportAt.slice(0, 16).replace('T', ' ')} (UTC+8)` : '—'}`,
    `${zh ? '下一步' : 'next'} ${
      nextAction
        ? `${nextAction.date} ${ACTION_NAMES[nextAction.type][ctx.locale]}${nextAction.amountFen === null ? '' : ` ${formatFen(nextAction.amountFen)}`}`
        : '—'
    }`,
  ];
  return parts.filter((part) => part !== '').join('  ');
}

/** On stderr, so scripts reading stdout are unaffected: nothing protects this profile's file. */
function warnPlaintext(ctx: CliContext): void {
  say({ ...ctx, io: { ...ctx.io, out: ctx.io.err } }, {
    'zh-CN': '注意：未提供密码，档案未加密，任何能读取这个文件的人都能看到其中的数据。加密请用 --passphrase-file，或之后运行 credence profile encrypt。',
    en: 'Note: no passphrase was given, so this profile is not encrypted; anyone who can read the file can read its data. Use --passphrase-file, or run credence profile encrypt later.',
  });
}

/** The recovery code, shown this once (in --json it is a field of the output instead). */
function showRecoveryCode(ctx: CliContext, code: string): void {
  say(ctx, {
    'zh-CN': `恢复码（只显示这一次，请抄写或打印后妥善保管；忘记密码时用它解锁）：\n  ${code}`,
    en: `Recovery code (shown this once: write it down or print it and keep it safe; it unlocks the profile if the passphrase is forgotten):\n  ${code}`,
  });
}

function printRecovery(ctx: CliContext, value: { recoveryCode: string }, done: LocalizedText): void {
  if (ctx.json) return printJson(ctx, value);
  say(ctx, done);
  showRecoveryCode(ctx, value.recoveryCode);
}

/** The synthetic sample client (core/sample): a plaintext profile of made-up data, flagged as such. */
async function createSample(ctx: CliContext, name: string): Promise<number> {
  if (ctx.options['passphrase-file'] !== undefined) throw new CredenceError('cli.usage', { reason: '--sample makes a plaintext profile of made-up data: it takes no --passphrase-file' });
  return withStore(ctx, async ({ call, store }) => {
    const created = await call('profiles.createSample', { name });
    if (ctx.json) return (printJson(ctx, created), 0);
    say(ctx, {
      'zh-CN': `已创建示例档案「${created.profile.name}」：${fileOf(store, created.profile)}\n这是虚构的合成数据（${created.files} 个账单文件、${created.rows} 行、${created.accounts} 个账户），不属于任何人；授权导出默认不包含它。`,
      en: `Created the sample profile "${created.profile.name}": ${fileOf(store, created.profile)}\nIts data is made up (${created.files} bill files, ${created.rows} rows, ${created.accounts} accounts) and belongs to nobody; consent exports leave it out unless asked.`,
    });
    return 0;
  });
}

async function create(ctx: CliContext): Promise<number> {
  const name = positional(ctx, 0, 'NAME');
  if (ctx.options.sample === true) return createSample(ctx, name);
  const passphrase = passphraseOption(ctx);
  return withStore(ctx, async ({ call, store }) => {
    const created = await call('profiles.create', { name, ...(passphrase === undefined ? {} : { passphrase }) });
    if (ctx.json) printJson(ctx, created);
    else say(ctx, { 'zh-CN': `已创建档案「${created.profile.name}」：${fileOf(store, created.profile)}`, en: `Created profile "${created.profile.name}": ${fileOf(store, created.profile)}` });
    if (created.recoveryCode === undefined) warnPlaintext(ctx);
    else if (!ctx.json) showRecoveryCode(ctx, created.recoveryCode);
    return 0;
  });
}

async function list(ctx: CliContext): Promise<number> {
  return withStore(ctx, async ({ call, store }) => {
    const listed = await call('profiles.list', {});
    const db = textOption(ctx, 'db');
    // A --db file that is not there (or not a profile) is an error, not an empty store.
    if (db !== undefined) {
      const [only] = listed.profiles;
      if (!only) throw new CredenceError('db.not_found', { file: resolve(db) });
      if (only.problem) throw new CredenceError(only.problem.code, only.problem.details);
    }
    if (ctx.json) printJson(ctx, listed);
    else printProfiles(ctx, store, listed.profiles);
    return 0;
  });
}

/** `--tags 房贷,首套` → ['房贷', '首套']; an empty value clears them. */
function tagsOption(ctx: CliContext): string[] | undefined {
  const text = textOption(ctx, 'tags');
  return text === undefined ? undefined : text.split(/[,，]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** `profile edit NAME …` as well as `--profile NAME`: the client the adviser names first. */
function namedProfile(ctx: CliContext): CliContext {
  const [name, ...rest] = ctx.args;
  if (name === undefined) return ctx;
  if (rest.length > 0 || ctx.options.profile !== undefined || ctx.options.db !== undefined) throw new CredenceError('cli.usage', { reason: 'name the profile once: NAME, --profile NAME or --db FILE' });
  return { ...ctx, args: [], options: { ...ctx.options, profile: name } };
}

/** Sets the fields given (an empty --phone clears the phone); the others keep their values. */
async function edit(given: CliContext): Promise<number> {
  const ctx = namedProfile(given);
  const phone = textOption(ctx, 'phone');
  const tags = tagsOption(ctx);
  const notes = textOption(ctx, 'notes');
  if (phone === undefined && tags === undefined && notes === undefined) throw new CredenceError('cli.usage', { reason: 'profile edit needs --phone, --tags or --notes' });
  return withContract(ctx, 'profile edit', async ({ call, profileId, profile }) => {
    const edited = await call('profiles.editClient', {
      id: profileId,
      ...(phone === undefined ? {} : { phone: phone.trim() === '' ? null : phone }),
      ...(tags === undefined ? {} : { tags }),
      ...(notes === undefined ? {} : { notes }),
    });
    if (ctx.json) printJson(ctx, edited);
    else say(ctx, { 'zh-CN': `已更新「${profile.name}」的客户信息。`, en: `Updated the client details of "${profile.name}".` });
    return 0;
  });
}

function archiveCommand(archived: boolean) {
  return async (given: CliContext): Promise<number> => {
    const ctx = namedProfile(given);
    return withContract(ctx, archived ? 'profile archive' : 'profile unarchive', async ({ call, profileId, profile }) => {
      const outcome = await call('profiles.archive', { id: profileId, archived });
      if (ctx.json) printJson(ctx, outcome);
      else if (archived) say(ctx, { 'zh-CN': `已归档「${profile.name}」：名册默认不再列出，数据不变。`, en: `Archived "${profile.name}": the roster no longer lists it by default; its data is unchanged.` });
      else say(ctx, { 'zh-CN': `已将「${profile.name}」移回名册。`, en: `"${profile.name}" is back on the roster.` });
      return 0;
    });
  };
}

async function remove(ctx: CliContext): Promise<number> {
  const id = positional(ctx, 0, 'ID');
  if (ctx.options.yes !== true) throw new CredenceError('cli.usage', { reason: 'profile delete needs --yes: it removes the database file' });
  return withStore(ctx, async ({ call, store, unlock }) => {
    // An encrypted profile is deleted only by someone who can unlock it.
    const profile = store.list().find((p) => p.id === id);
    if (profile) await unlock(profile);
    const deleted = await call('profiles.delete', { id });
    if (ctx.json) printJson(ctx, deleted);
    else say(ctx, { 'zh-CN': `已删除档案 ${id} 及其数据库文件。`, en: `Deleted profile ${id} and its database file.` });
    return 0;
  });
}

/** Encrypts a plaintext profile: the passphrase given by --passphrase-file becomes its passphrase. */
async function encrypt(ctx: CliContext): Promise<number> {
  const passphrase = passphraseOption(ctx);
  if (passphrase === undefined) throw new CredenceError('cli.usage', { reason: 'profile encrypt needs --passphrase-file NEW' });
  return withContract(ctx, 'profile encrypt', async ({ call, profileId, profile }) => {
    const outcome = await call('profile.encrypt', { profileId, passphrase });
    printRecovery(ctx, outcome, {
      'zh-CN': `已加密档案「${profile.name}」；加密前的备份：${outcome.backup.file}`,
      en: `Encrypted profile "${profile.name}"; the backup from before: ${outcome.backup.file}`,
    });
    return 0;
  });
}

/** Changes the passphrase: the current one (or the recovery code) unlocks, --new-passphrase-file is the new one. */
async function passphrase(ctx: CliContext): Promise<number> {
  const path = textOption(ctx, 'new-passphrase-file');
  if (path === undefined) throw new CredenceError('cli.usage', { reason: 'profile passphrase needs --new-passphrase-file NEW' });
  const next = readSecretFile('--new-passphrase-file', path);
  return withContract(ctx, 'profile passphrase', async ({ call, profileId, profile, store }) => {
    const current = secretOption(ctx);
    if (!current) throw new CredenceError('cli.secret_required', { file: store.fileFor(profileId) });
    const changed = await call('profile.passphrase', { profileId, current, next });
    if (ctx.json) printJson(ctx, changed);
    else say(ctx, { 'zh-CN': `已更改档案「${profile.name}」的密码。`, en: `Changed the passphrase of profile "${profile.name}".` });
    return 0;
  });
}

/** Rotates the data key (the database is re-encrypted); a new recovery code replaces the old one. */
async function rekey(ctx: CliContext): Promise<number> {
  return withContract(ctx, 'profile rekey', async ({ call, profileId, profile, store }) => {
    const given = passphraseOption(ctx);
    if (given === undefined) throw new CredenceError('cli.secret_required', { file: store.fileFor(profileId) });
    const outcome = await call('profile.rekey', { profileId, passphrase: given });
    printRecovery(ctx, outcome, { 'zh-CN': `已更换档案「${profile.name}」的数据密钥，旧恢复码作废。`, en: `Rotated the data key of profile "${profile.name}"; the old recovery code no longer works.` });
    return 0;
  });
}

export const profileCommand: Command = {
  name: 'profile',
  summary: { 'zh-CN': '创建、列出、删除、加密档案，更改密码与密钥（每个档案一个数据库）', en: 'create, list, delete and encrypt profiles; change passphrases and keys (one database each)' },
  subcommands: {
    create: {
      args: 'NAME [--passphrase-file P | --sample]',
      on: 'store',
      summary: {
        'zh-CN': '新建档案（--db 时就是该数据库文件；有 --passphrase-file 时加密；--sample 时装入虚构的示例客户数据）',
        en: 'a new profile (with --db, that database file; encrypted with --passphrase-file; --sample fills it with the made-up sample client)',
      },
      channels: ['profiles.create', 'profiles.createSample'],
      run: create,
    },
    list: {
      args: '',
      on: 'store',
      summary: {
        'zh-CN': '列出档案（编号、名称、创建时间、数据库文件；可读的档案另有客户电话（打码）、标签、最近导入、计划的下一步）',
        en: 'the profiles (id, name, created, database file; for a readable one the masked phone, tags, last import and the plan’s next step)',
      },
      channels: ['profiles.list'],
      run: list,
    },
    edit: {
      args: '[NAME] [--phone P] [--tags A,B] [--notes TEXT]',
      summary: { 'zh-CN': '修改客户信息（电话、标签、备注；只改给出的项，空值清除）', en: 'edit the client details (phone, tags, notes; only those given, an empty value clears)' },
      channels: ['profiles.editClient'],
      run: edit,
    },
    archive: {
      args: '[NAME]',
      summary: { 'zh-CN': '归档：名册默认不再列出（数据不变）', en: 'archive: the roster no longer lists it by default (its data is unchanged)' },
      channels: ['profiles.archive'],
      run: archiveCommand(true),
    },
    unarchive: {
      args: '[NAME]',
      summary: { 'zh-CN': '取消归档，移回名册', en: 'unarchive: back on the roster' },
      channels: ['profiles.archive'],
      run: archiveCommand(false),
    },
    delete: {
      args: 'ID --yes [--passphrase-file P]',
      on: 'store',
      summary: { 'zh-CN': '删除档案及其数据库文件（须加 --yes；加密档案须能解锁）', en: 'delete a profile and its database file (needs --yes; an encrypted one must be unlocked)' },
      channels: ['profiles.delete'],
      run: remove,
    },
    encrypt: {
      args: '--passphrase-file NEW',
      summary: { 'zh-CN': '加密一个未加密的档案（先自动备份）', en: 'encrypt a plaintext profile (backed up first)' },
      channels: ['profile.encrypt'],
      run: encrypt,
    },
    passphrase: {
      args: '(--passphrase-file OLD | --recovery-code-file CODE) --new-passphrase-file NEW',
      summary: { 'zh-CN': '更改加密档案的密码', en: 'change an encrypted profile’s passphrase' },
      channels: ['profile.passphrase'],
      run: passphrase,
    },
    rekey: {
      args: '--passphrase-file P',
      summary: { 'zh-CN': '更换数据密钥（重新加密数据库；旧恢复码作废）', en: 'rotate the data key (the database is re-encrypted; the old recovery code stops working)' },
      channels: ['profile.rekey'],
      run: rekey,
    },
  },
};
