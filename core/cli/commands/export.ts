// `credence export --consent ID --out FILE`: the app's export, through the same contract; the
// --out path stands where the app's save dialog does. `credence export verify FILE` checks a
// package (and, with --db, that this profile's log recorded it).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UUID_PATTERN } from '../../consent/ids.ts';
import { CredenceError } from '../../shared/errors.ts';
import { openDatabase } from '../../storage/database.ts';
import { noMoreArgs, positional } from '../args.ts';
import { withContract } from '../contract-call.ts';
import { printJson, type CliContext } from '../io.ts';
import type { Command } from './command.ts';
import { parseFields } from './consent.ts';

/** The password file's first line (an editor's final newline is not part of it). */
function readPassword(ctx: CliContext): string | undefined {
  const file = ctx.options['password-file'];
  if (typeof file !== 'string') return undefined;
  if (!existsSync(file)) throw new CredenceError('cli.usage', { reason: `--password-file ${file} does not exist` });
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

async function create(ctx: CliContext): Promise<number> {
  noMoreArgs(ctx, 0);
  const consentId = ctx.options.consent;
  const out = ctx.options.out;
  if (typeof consentId !== 'string') throw new CredenceError('cli.usage', { reason: 'export needs --consent ID: every export is made under a consent (credence consent grant)' });
  if (typeof out !== 'string') throw new CredenceError('cli.usage', { reason: 'export needs --out FILE' });
  if (!UUID_PATTERN.test(consentId)) throw new CredenceError('export.consent_not_found', { id: consentId });
  const password = readPassword(ctx);
  if (password !== undefined && ctx.options.unencrypted) throw new CredenceError('cli.usage', { reason: '--password-file and --unencrypted exclude each other' });
  const path = resolve(out);
  return withContract(
    ctx,
    'export',
    async ({ call, profileId }) => {
      const fields = typeof ctx.options.fields === 'string' ? await parseFields(call, ctx.options.fields) : undefined;
      const result = await call('export.create', {
        profileId,
        consentId,
        ...(password !== undefined ? { password } : {}),
        ...(ctx.options.unencrypted ? { unencrypted: true as const } : {}),
        ...(ctx.options['include-sample'] ? { includeSample: true as const } : {}),
        ...(fields ? { scope: fields } : {}),
      });
      const e = result.export!;
      if (ctx.json) {
        printJson(ctx, { file: path, export: e, consent: { id: result.consent!.id, state: result.consent!.state, exportsLeft: result.consent!.exportsLeft }, generatedPassword: result.generatedPassword });
        return 0;
      }
      const zh = ctx.locale === 'zh-CN';
      ctx.io.out(zh ? `已导出：${path}` : `Exported: ${path}`);
      ctx.io.out(`  ${zh ? '导出编号' : 'export'} ${e.id}  sha256 ${e.packageSha256}  ${e.packageBytes} bytes  ${e.encrypted ? 'AES-256' : zh ? '未加密' : 'not encrypted'}`);
      ctx.io.out(zh ? `  该授权还可导出 ${result.consent!.exportsLeft} 次` : `  ${result.consent!.exportsLeft} export(s) left under this consent`);
      if (result.generatedPassword) ctx.io.out(zh ? `  密码（只显示这一次，请另行告知接收方）：${result.generatedPassword}` : `  Password (shown once; give it to the recipient separately): ${result.generatedPassword}`);
      return 0;
    },
    { chooseExportPath: async () => ({ path, overwrite: ctx.options.force === true }) },
  );
}

async function verify(ctx: CliContext): Promise<number> {
  const file = positional(ctx, 0, 'FILE');
  const path = resolve(file);
  if (!existsSync(path)) throw new CredenceError('db.not_found', { file: path });
  // Loaded here, not with every command: the package's ZIP reader is most of what it imports.
  const { loggedExport, verifyPackage } = await import('../../consent/verify-package.ts');
  const check = await verifyPackage(new Uint8Array(readFileSync(path)), readPassword(ctx), path);
  let logged: ReturnType<typeof loggedExport> | undefined;
  if (typeof ctx.options.db === 'string') {
    const db = openDatabase(resolve(ctx.options.db), { create: false });
    try {
      logged = loggedExport(db, check.packageSha256);
    } finally {
      db.close();
    }
  }
  if (ctx.json) printJson(ctx, { file: path, ...check, ...(logged !== undefined ? { logged } : {}) });
  else {
    const zh = ctx.locale === 'zh-CN';
    for (const f of check.files) ctx.io.out(`${f.problem === null ? 'ok  ' : 'FAIL'}  ${f.path}${f.problem ? `  (${f.problem})` : ''}`);
    ctx.io.out(`sha256 ${check.packageSha256}  ${zh ? '导出编号' : 'export'} ${check.exportId ?? '?'}  ${zh ? '授权' : 'consent'} ${check.consentId ?? '?'}`);
    if (logged !== undefined) {
      ctx.io.out(logged ? (zh ? `本档案的日志记录了这次导出（${logged.createdAt}）。` : `This profile's log recorded this export (${logged.createdAt}).`) : zh ? '本档案的日志中没有这个文件。' : "This file is not in this profile's log.");
    }
  }
  if (!check.ok) throw new CredenceError('export.package_problem', { file: path, path: check.firstProblem!.path, problem: check.firstProblem!.problem });
  return logged === null ? 1 : 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: { 'zh-CN': '依据一项有效授权导出加密数据包；校验数据包', en: 'export an encrypted package under a valid consent; verify a package' },
  default: '',
  subcommands: {
    '': {
      args: '--consent ID --out FILE [--password-file F | --unencrypted] [--fields …] [--force] [--include-sample]',
      summary: { 'zh-CN': '导出授权范围内的数据（--out 代替应用的保存对话框）', en: 'export what the consent allows (--out stands where the app’s save dialog does)' },
      channels: ['consent.catalogue', 'export.create'],
      run: create,
    },
    verify: {
      args: 'FILE [--password-file F] [--db FILE]',
      on: 'file',
      summary: {
        'zh-CN': '校验数据包的每个文件和哈希；带 --db 时再查本档案的日志是否记录了它',
        en: 'check every file and hash of a package; with --db, also whether this profile’s log recorded it',
      },
      channels: [],
      run: verify,
    },
  },
};
