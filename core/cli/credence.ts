import { parseArgs } from 'node:util';
import { CredenceError, toErrorPayload, type ErrorPayload } from '../shared/errors.ts';
import { commands } from './commands/index.ts';
import type { Command, Subcommand } from './commands/command.ts';
import { keyOf } from './fields.ts';
import { commandHelp, overviewHelp, subcommandHelp } from './help.ts';
import { cliVersion, chooseLocale, type CliContext, type CliIo } from './io.ts';

const OPTIONS = {
  db: { type: 'string' },
  'data-dir': { type: 'string' },
  profile: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  yes: { type: 'boolean' },
  'as-of': { type: 'string' },
  // credence import
  password: { type: 'string' },
  // credence accounts
  hidden: { type: 'boolean' },
  reset: { type: 'string' },
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
  // credence whatif
  months: { type: 'string' },
  id: { type: 'string' },
  // credence target
  goal: { type: 'string' },
  by: { type: 'string' },
  // credence profile edit
  phone: { type: 'string' },
  tags: { type: 'string' },
  notes: { type: 'string' },
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
  // credence plan pdf
  presentation: { type: 'boolean' },
  // credence profile create --sample; credence export --include-sample
  sample: { type: 'boolean' },
  'include-sample': { type: 'boolean' },
} as const;

/** Each bad field of a refused input on its own line, by the key the command takes it under (`minimumDue`, not `minimumDueFen`). */
function fieldLines(ctx: CliContext, payload: ErrorPayload): string[] {
  const fields = payload.details.fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is { field: string; message?: { 'zh-CN': string; en: string } } => typeof f?.field === 'string')
    .map((f) => `  ${keyOf(f.field)}: ${f.message?.[ctx.locale] ?? ''}`);
}

function reportError(ctx: CliContext, error: unknown): number {
  const payload = toErrorPayload(error);
  if (!(error instanceof CredenceError)) ctx.io.err(String((error as Error)?.stack ?? error));
  if (ctx.json) ctx.io.err(JSON.stringify({ error: payload }));
  else for (const line of [payload.message[ctx.locale], ...fieldLines(ctx, payload)]) ctx.io.err(line);
  return payload.code === 'cli.usage' ? 2 : 1;
}

/** The subcommand the words name, and the arguments after them; `undefined` when they name none. */
function resolve(command: Command, rest: string[]): { name: string; sub: Subcommand; args: string[] } | undefined {
  const [first, ...args] = rest;
  if (first !== undefined && first !== '' && Object.hasOwn(command.subcommands, first)) return { name: first, sub: command.subcommands[first], args };
  if (command.default !== undefined) return { name: command.default, sub: command.subcommands[command.default], args: rest };
  return undefined;
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
  if (!name) {
    io.out(overviewHelp(commands, ctx.locale));
    return values.help ? 0 : 2;
  }
  try {
    const command = commands.find((c) => c.name === name);
    if (!command) throw new CredenceError('cli.usage', { reason: `unknown command "${name}"` });
    const found = resolve(command, rest);
    if (values.help) {
      // `credence accounts --help` names the subcommands; `credence accounts add --help` its fields.
      const named = rest.length > 0 && found && found.args.length < rest.length;
      io.out(named ? subcommandHelp(command, found.name, found.sub, ctx.locale) : commandHelp(command, ctx.locale));
      return 0;
    }
    if (!found) throw new CredenceError('cli.usage', { reason: `credence ${name} needs one of: ${Object.keys(command.subcommands).join(', ')} (credence ${name} --help)` });
    return await found.sub.run({ ...ctx, args: found.args });
  } catch (error) {
    return reportError(ctx, error);
  }
}
