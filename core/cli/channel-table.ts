// The channel↔command table: which `credence` commands call each channel of the contract, made
// from what each subcommand declares it calls (test/unit/cli/channel-table.test.ts holds the
// declarations to what the commands really call, and the table to the contract both ways).
// Every channel has a command, or is here with the reason it belongs to the app's window alone;
// every command calls a channel, or is here with the reason it needs none.

import { channels, type Channel } from '../ipc/contract.ts';
import type { LocalizedText } from '../shared/localized-text.ts';
import { commandWords, type Command } from './commands/command.ts';
import { SESSION_CHANNELS } from './contract-call.ts';

const LOCK_IS_THE_WINDOW = {
  'zh-CN': '应用锁守护的是应用窗口：命令行进程只为它运行的这一条命令解锁，退出时即忘记密钥，没有可锁定或超时的东西',
  en: 'the app lock guards the app’s window: a CLI process unlocks only for the one command it runs and forgets the key when it exits, so there is nothing to lock or time out',
};

export const APP_ONLY: Partial<Record<Channel, LocalizedText>> = {
  'app.info': {
    'zh-CN': '应用「设置」页的版本与数据目录；命令行用 credence --version，数据目录由 --data-dir 或 CREDENCE_DATA_DIR 指定',
    en: 'the version and data folder on the app’s Settings page; the CLI has credence --version, and its data folder is --data-dir or CREDENCE_DATA_DIR',
  },
  'import.chooseFiles': {
    'zh-CN': '在桌面应用中用系统的文件选择框选择要导入的账单；命令行直接把文件路径作为参数交给 credence import',
    en: 'chooses the bills to import in the desktop app’s system file dialog; the CLI takes the files’ paths as arguments of credence import',
  },
  'import.cancel': {
    'zh-CN': '取消页面上正在进行的导入；命令行中断进程（Ctrl-C）即取消，未完成的文件事务回滚',
    en: 'cancels an import running in the page; a CLI import is cancelled by stopping the process (Ctrl-C), which rolls back the file in progress',
  },
  'profiles.checkName': {
    'zh-CN': '新建档案表单在询问密码之前先检查名称；credence profile create 从 profiles.create 得到同样的拒绝',
    en: 'the new-profile form checks the name before it asks for a passphrase; credence profile create gets the same refusal from profiles.create',
  },
  'profile.quickUnlock': {
    'zh-CN': '用操作系统钥匙串快速解锁，只有桌面应用能访问钥匙串',
    en: 'quick unlock with the OS keychain, which only the desktop app can reach',
  },
  'whatif.prepare': {
    'zh-CN': '应用打开档案时在后台预先算好假设分析的基准并预热计算路径，让「假设分析」页的第一次回答更快；命令行每次只运行一条命令，没有可预先准备的下一次',
    en: 'the app prepares the what-if’s baseline and warms its code paths in the background when a profile opens, so the What-if page answers sooner; a CLI process runs one command, with no later request to prepare for',
  },
  'lock.status': LOCK_IS_THE_WINDOW,
  'lock.now': LOCK_IS_THE_WINDOW,
  'lock.activity': LOCK_IS_THE_WINDOW,
  'lock.settings.save': {
    'zh-CN': '应用窗口空闲多久后自动锁定；只对应用窗口有效',
    en: 'how long the app’s window may stay idle before it locks; it applies to the window only',
  },
};

/** Commands that call no channel, and why that is right. */
export const CLI_ONLY: Record<string, LocalizedText> = {
  'credence export verify': {
    'zh-CN': '校验一份数据包文件（接收方手里的），不读写任何档案；带 --db 时只读该档案的导出日志',
    en: 'checks a package file (as its recipient holds it) and reads or writes no profile; with --db it only reads that profile’s export log',
  },
};

export interface ChannelRow {
  channel: Channel;
  commands: string[];
  /** Called by the CLI's session for every command that needs it (unlocking an encrypted profile). */
  session?: true;
  appOnly?: LocalizedText;
}

/** Every subcommand by its words (`credence accounts add`), with the channels it declares. */
export function subcommandsOf(all: readonly Command[]): { words: string; channels: readonly Channel[] }[] {
  return all.flatMap((command) => Object.entries(command.subcommands).map(([name, sub]) => ({ words: commandWords(command, name), channels: sub.channels })));
}

/** One row per channel of the contract, in the contract's order. */
export function channelTable(all: readonly Command[]): ChannelRow[] {
  const subs = subcommandsOf(all);
  return channels.map((channel) => {
    const row: ChannelRow = { channel, commands: subs.filter((s) => s.channels.includes(channel)).map((s) => s.words) };
    if (SESSION_CHANNELS.includes(channel)) row.session = true;
    const appOnly = APP_ONLY[channel];
    if (appOnly) row.appOnly = appOnly;
    return row;
  });
}
