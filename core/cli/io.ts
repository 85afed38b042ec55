import { readFileSync } from 'node:fs';
import type { Locale, LocalizedText } from '../shared/localized-text.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Told of every contract channel a command calls, before the call (tests hold commands to their declared channels). */
  onCall?: (channel: string) => void;
}

export interface CliContext {
  io: CliIo;
  locale: Locale;
  json: boolean;
  /** Positional arguments after the command words. */
  args: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

export function say(ctx: CliContext, text: LocalizedText): void {
  ctx.io.out(text[ctx.locale]);
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(JSON.stringify(value, null, 2));
}

/** A string option's value, if it was given. */
export function textOption(ctx: CliContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Explicit flag, then CREDENCE_LANG, then the system LANG; Simplified Chinese when none says otherwise. */
export function chooseLocale(flag: unknown, env: NodeJS.ProcessEnv): Locale {
  const wanted = String(flag ?? env.CREDENCE_LANG ?? env.LC_ALL ?? env.LANG ?? '');
  return /^en/i.test(wanted) ? 'en' : 'zh-CN';
}

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
