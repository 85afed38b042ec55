// `credence --help`, `credence <command> --help` and `credence <command> <subcommand> --help`,
// all made from the command table: a subcommand's fields come from the schema behind its channel.

import type { Locale, LocalizedText } from '../shared/localized-text.ts';
import type { ChannelRow } from './channel-table.ts';
import { commandWords, type Command, type Subcommand } from './commands/command.ts';
import { fieldHelpLines } from './fields.ts';

const T = {
  title: {
    'zh-CN': 'Credence：本地、私密的个人信用管理（命令行，与桌面应用共用同一核心、同一接口与数据）',
    en: 'Credence: a private, local personal credit manager (CLI on the same core, interface and data as the desktop app)',
  },
  commands: { 'zh-CN': '命令：', en: 'Commands:' },
  more: { 'zh-CN': '每个命令的字段：credence 命令 子命令 --help', en: 'The fields of a command: credence COMMAND SUBCOMMAND --help' },
  on: {
    'zh-CN': '每个命令都作用于一个档案：--db FILE，或数据目录中的 --profile NAME（profile 命令作用于 --db FILE 或 --data-dir DIR）；--json 打印与应用接口相同的 JSON。',
    en: 'Every command works on one profile: --db FILE, or --profile NAME in the data folder (profile commands on --db FILE or --data-dir DIR); --json prints the JSON the app’s channels return.',
  },
  fields: { 'zh-CN': '字段（key=value；金额按元，比例按 %）：', en: 'Fields (key=value; amounts in yuan, rates in %):' },
  channels: { 'zh-CN': '与应用相同的接口：', en: 'Through the app’s own channels:' },
  options: { 'zh-CN': '通用选项：', en: 'Common options:' },
} as const;

const OPTIONS: Record<Locale, string[]> = {
  'zh-CN': [
    '  --db FILE          使用该档案数据库文件',
    '  --data-dir DIR     档案所在目录（默认与桌面应用相同；或 CREDENCE_DATA_DIR）',
    '  --profile NAME|ID  数据目录中的档案（不用 --db 时）',
    '  --passphrase-file 文件    加密档案的密码所在文件（或环境变量 CREDENCE_PASSPHRASE_FILE）',
    '  --recovery-code-file 文件 改用恢复码解锁（忘记密码时）',
    '  --as-of YYYY-MM-DD 按该日计算（默认今天，UTC+8）',
    '  --json             在标准输出打印与应用接口相同的 JSON',
    '  --lang zh-CN|en    输出语言（或 CREDENCE_LANG、LANG）',
    '  -h, --help         显示帮助；-v, --version 显示版本',
    '退出码：0 成功，1 操作被拒绝（原因见标准错误），2 用法错误',
  ],
  en: [
    '  --db FILE          use this profile database file',
    '  --data-dir DIR     folder holding the profiles (default: the desktop app’s; or CREDENCE_DATA_DIR)',
    '  --profile NAME|ID  a profile in the data folder (without --db)',
    '  --passphrase-file FILE    file holding an encrypted profile’s passphrase (or CREDENCE_PASSPHRASE_FILE)',
    '  --recovery-code-file FILE unlock with the recovery code instead (a forgotten passphrase)',
    '  --as-of YYYY-MM-DD compute as of this day (default: today, UTC+8)',
    '  --json             print the same JSON as the app’s channels, on stdout',
    '  --lang zh-CN|en    output language (or CREDENCE_LANG, LANG)',
    '  -h, --help         show help; -v, --version show the version',
    'Exit codes: 0 done, 1 refused (the reason on stderr), 2 usage error',
  ],
};

const ON = { profile: '(--db FILE | --profile NAME)', store: '[--db FILE | --data-dir DIR]', file: '' } as const;

/** `credence accounts [list] [--hidden] …`; in full, with what it works on and --json. */
function usage(command: Command, name: string, sub: Subcommand, full = false): string {
  const words = command.default === name && name !== '' ? `credence ${command.name} [${name}]` : commandWords(command, name);
  return [words, sub.args, ...(full ? [ON[sub.on ?? 'profile'], '[--json]'] : [])].filter((part) => part !== '').join(' ');
}

function commandLines(command: Command, locale: Locale): string[] {
  const lines = [`  ${command.name.padEnd(13)} ${command.summary[locale]}`];
  for (const [name, sub] of Object.entries(command.subcommands)) lines.push(`      ${usage(command, name, sub)}`);
  return lines;
}

export function overviewHelp(all: readonly Command[], locale: Locale): string {
  return [T.title[locale], '', T.on[locale], '', T.commands[locale], ...all.flatMap((c) => commandLines(c, locale)), '', T.more[locale], '', T.options[locale], ...OPTIONS[locale]].join('\n');
}

export function commandHelp(command: Command, locale: Locale): string {
  const lines = [`credence ${command.name}: ${command.summary[locale]}`, ''];
  for (const [name, sub] of Object.entries(command.subcommands)) {
    lines.push(`  ${usage(command, name, sub, true)}`, `      ${sub.summary[locale]}`);
    if (sub.channels.length > 0) lines.push(`      → ${sub.channels.join(', ')}`);
  }
  return [...lines, '', T.more[locale]].join('\n');
}

export function subcommandHelp(command: Command, name: string, sub: Subcommand, locale: Locale): string {
  const lines = [usage(command, name, sub, true), `  ${sub.summary[locale]}`];
  if (sub.fields) lines.push('', T.fields[locale], ...fieldHelpLines(sub.fields, locale));
  lines.push('', `${T.channels[locale]} ${sub.channels.join(', ')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- the README's reference

const MD = {
  commands: { 'zh-CN': '| 命令 | 作用 | 接口通道 |', en: '| Command | What it does | Channels |' },
  channels: { 'zh-CN': '| 接口通道 | 命令 |', en: '| Channel | Commands |' },
  session: { 'zh-CN': '每条命令在加密档案上（用 --passphrase-file 或 --recovery-code-file 解锁）', en: 'every command on an encrypted profile (unlocked with --passphrase-file or --recovery-code-file)' },
  appOnly: { 'zh-CN': '仅应用：', en: 'app only: ' },
  none: { 'zh-CN': '（无：', en: '(none: ' },
} as const;

export const CLI_REFERENCE_START = '<!-- cli-reference:start (written by npm run docs:cli) -->';
export const CLI_REFERENCE_END = '<!-- cli-reference:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * The command list and the channel↔command table, as the README carries them between its
 * `cli-reference` markers (`npm run docs:cli` writes them; a test holds the README to them).
 */
export function cliReference(all: readonly Command[], table: readonly ChannelRow[], cliOnly: Readonly<Record<string, LocalizedText>>, locale: Locale): string {
  const rows = all.flatMap((command) =>
    Object.entries(command.subcommands).map(([name, sub]) => {
      const words = commandWords(command, name);
      const channels = sub.channels.length > 0 ? sub.channels.map((c) => `\`${c}\``).join(', ') : `${MD.none[locale]}${cliOnly[words]?.[locale] ?? ''})`;
      return `| \`${cell(usage(command, name, sub))}\` | ${cell(sub.summary[locale])} | ${channels} |`;
    }),
  );
  const channelRows = table.map((row) => {
    const used = [...row.commands.map((c) => `\`${c}\``), ...(row.session ? [MD.session[locale]] : []), ...(row.appOnly ? [`${MD.appOnly[locale]}${row.appOnly[locale]}`] : [])];
    return `| \`${row.channel}\` | ${cell(used.join(', '))} |`;
  });
  return [MD.commands[locale], '| --- | --- | --- |', ...rows, '', MD.channels[locale], '| --- | --- |', ...channelRows].join('\n');
}
