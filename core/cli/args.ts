// Argument helpers for the ledger's CLI commands (core/cli/commands/accounts.ts, query.ts, observe.ts).
import { resolve } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import type { Db } from '../storage/database.ts';
import { openProfileDatabase } from './profile-access.ts';
import type { CliContext } from './io.ts';

/** Opens the profile database named by --db (never creates one). */
export function ledgerDb(ctx: CliContext, command: string): Db {
  if (typeof ctx.options.db !== 'string') throw new CredenceError('cli.usage', { reason: `${command} needs --db FILE` });
  return openProfileDatabase(ctx, resolve(ctx.options.db));
}

/**
 * Reads `key=value` arguments, or else the positional arguments in the order `names` gives.
 * A `--key` option, where the CLI defines one, wins over both.
 */
export function namedArgs(ctx: CliContext, names: readonly string[], aliases: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const keyed = ctx.args.filter((arg) => /^[a-zA-Z-]+=/.test(arg));
  if (keyed.length > 0) {
    for (const arg of ctx.args) {
      const at = arg.indexOf('=');
      if (at < 0) throw new CredenceError('cli.usage', { reason: `expected key=value, got "${arg}"` });
      const key = arg.slice(0, at);
      const name = aliases[key] ?? key;
      if (!names.includes(name)) throw new CredenceError('cli.usage', { reason: `unknown argument "${key}" (expected ${names.join(', ')})` });
      out[name] = arg.slice(at + 1);
    }
  } else {
    ctx.args.forEach((arg, index) => {
      if (index >= names.length) throw new CredenceError('cli.usage', { reason: `too many arguments (expected ${names.join(' ')})` });
      out[names[index]] = arg;
    });
  }
  for (const name of names) {
    const option = ctx.options[name];
    if (typeof option === 'string') out[name] = option;
  }
  return out;
}

export function wholeNumber(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text; // anything else reaches the validator, which names the field
}
