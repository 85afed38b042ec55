import { parseArgs } from 'node:util';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { commands } from './commands/index.ts';
import { chooseLocale, cliVersion, type CliContext, type CliIo } from './io.ts';

const OPTIONS = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  yes: { type: 'boolean' },
  password: { type: 'string' },
  'as-of': { type: 'string' },
  // credence query add / observe add
  date: { type: 'string' },
  institution: { type: 'string' },
  reason: { type: 'string' },
  type: { type: 'string' },
  kind: { type: 'string' },
  value: { type: 'string' },
  label: { type: 'string' },
  note: { type: 'string' },
  // credence report settings
  'hard-reasons': { type: 'string' },
  // credence transactions (--from and --to as for backups)
  platform: { type: 'string' },
  account: { type: 'string' },
  direction: { type: 'string' },
  file: { type: 'string' },
  category: { type: 'string' },
  event: { type: 'string' },
  text: { type: 'string' },
  order: { type: 'string' },
  limit: { type: 'string' },
  // encrypted profiles and backups
  'passphrase-file': { type: 'string' },
  'recovery-code-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  // credence consent grant / export
  recipient: { type: 'string' },
  'recipient-kind': { type: 'string' },
  contact: { type: 'string' },
  location: { type: 'string' },
  purpose: { type: 'string' },
  'purpose-text': { type: 'string' },
  fields: { type: 'string' },
  expires: { type: 'string' },
  'max-exports': { type: 'string' },
  'delete-by': { type: 'string' },
  'notice-lang': { type: 'string' },
  supersedes: { type: 'string' },
  sign: { type: 'string' },
  accept: { type: 'string' },
  consent: { type: 'string' },
  out: { type: 'string' },
  'password-file': { type: 'string' },
  unencrypted: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

function help(ctx: CliContext): string {
  const zh = ctx.locale === 'zh-CN';
  const lines = [
    zh ? 'Credence：本地、私密的个人信用管理（命令行，与桌面应用共用同一核心与数据）' : 'Credence: a private, local personal credit manager (CLI on the same core and data as the desktop app)',
    '',
    zh ? '命令：' : 'Commands:',
  ];
  for (const command of commands) {
    lines.push(`  ${command.name.padEnd(10)} ${command.summary[ctx.locale]}`);
    for (const usage of command.usage) lines.push(`      ${usage}`);
  }
  lines.push(
    '',
    zh ? '通用选项：' : 'Common options:',
    zh ? '  --db FILE        直接使用该数据库文件' : '  --db FILE        use this database file',
    zh ? '  --data-dir DIR   档案所在目录（默认与桌面应用相同）' : '  --data-dir DIR   folder holding profiles (default: the desktop app’s)',
    zh ? '  --passphrase-file 文件    加密档案的密码所在文件（也可用环境变量 CREDENCE_PASSPHRASE_FILE）' : '  --passphrase-file FILE   file holding an encrypted profile’s passphrase (or CREDENCE_PASSPHRASE_FILE)',
    zh ? '  --recovery-code-file 文件 改用恢复码解锁（忘记密码时）' : '  --recovery-code-file FILE unlock with the recovery code instead (a forgotten passphrase)',
    zh ? '  --json           在标准输出打印机器可读的 JSON' : '  --json           print machine-readable JSON on stdout',
    zh ? '  --lang zh-CN|en  输出语言' : '  --lang zh-CN|en  output language',
    zh ? '  -h, --help       显示帮助；-v, --version 显示版本' : '  -h, --help       show help; -v, --version show the version',
  );
  return lines.join('\n');
}

function reportError(ctx: CliContext, error: unknown): number {
  const payload = toErrorPayload(error);
  if (!(error instanceof CredenceError)) ctx.io.err(String((error as Error)?.stack ?? error));
  if (ctx.json) ctx.io.err(JSON.stringify({ error: payload }));
  else ctx.io.err(payload.message[ctx.locale]);
  return payload.code === 'cli.usage' ? 2 : 1;
}

/** Runs one CLI invocation; returns the exit code. Output goes only through `io`. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const early: CliContext = { io, locale: chooseLocale(undefined, io.env), json: argv.includes('--json'), args: [], options: {} };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return reportError(early, new CredenceError('cli.usage', { reason: (error as Error).message }));
  }
  const { values, positionals } = parsed;
  const ctx: CliContext = { ...early, locale: chooseLocale(values.lang, io.env), json: values.json === true, options: values };
  if (values.version) {
    io.out(cliVersion());
    return 0;
  }
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    io.out(help(ctx));
    return name || values.help ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new CredenceError('cli.usage', { reason: `unknown command "${name}"` });
    if (command.run) return await command.run({ ...ctx, args: rest });
    const [sub, ...args] = rest;
    const run = sub ? command.subcommands?.[sub] : undefined;
    if (!run) throw new CredenceError('cli.usage', { reason: command.usage.join(' | ') });
    return await run({ ...ctx, args });
  } catch (error) {
    return reportError(ctx, error);
  }
}
