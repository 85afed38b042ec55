// Argument helpers the commands share: ids and other positional arguments, and the options every
// read passes on to its channel.

import { CredenceError } from '../shared/errors.ts';
import { textOption, type CliContext } from './io.ts';

/** The positional argument at `index`, which the usage calls `name`: a usage error when missing. */
export function positional(ctx: CliContext, index: number, name: string): string {
  const value = ctx.args[index];
  if (value === undefined || value === '') throw new CredenceError('cli.usage', { reason: `missing ${name}` });
  return value;
}

/** A record's id (an account, an instalment plan, a transaction, a query record): a whole number > 0. */
export function idArg(ctx: CliContext, index: number, name: string): number {
  const text = positional(ctx, index, name);
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CredenceError('cli.usage', { reason: `${name} must be an id (a whole number), not "${text}"` });
  return Number(text);
}

/** Refuses positional arguments past the ones a subcommand takes. */
export function noMoreArgs(ctx: CliContext, count: number): void {
  if (ctx.args.length > count) throw new CredenceError('cli.usage', { reason: `unexpected argument "${ctx.args[count]}"` });
}

/** `--as-of YYYY-MM-DD` as the channels take it (checked by core; absent: today in UTC+8). */
export function asOf(ctx: CliContext): { asOf?: string } {
  const value = textOption(ctx, 'as-of');
  return value === undefined ? {} : { asOf: value };
}

/** A whole-number option as the channel takes it; anything else reaches the validator, which names the field. */
export function wholeNumber(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}
