import type { Channel } from '../../ipc/contract.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import type { FieldSet } from '../fields.ts';
import type { CliContext } from '../io.ts';

export type Run = (ctx: CliContext) => number | Promise<number>;

export interface Subcommand {
  /** What follows `credence <command> <subcommand>` (positional arguments, fields, options), as --help shows it. */
  args: string;
  /**
   * What it works on: one profile (`--db FILE` or `--profile NAME`, the default), a store of them
   * (`--db FILE` or `--data-dir DIR`), or a file of its own (a package to verify).
   */
  on?: 'profile' | 'store' | 'file';
  summary: LocalizedText;
  /** The contract channels it calls: the channel↔command table (core/cli/channel-table.ts) is made of these. */
  channels: readonly Channel[];
  /** The `key=value` fields it takes, read off the schema that validates them; --help lists them. */
  fields?: FieldSet;
  run: Run;
}

export interface Command {
  name: string;
  summary: LocalizedText;
  /** By name; the name '' is the command itself (`credence import FILE…`). */
  subcommands: Record<string, Subcommand>;
  /** The subcommand run when the first argument names none (`credence accounts` lists them). */
  default?: string;
}

/** `credence accounts add`, or `credence import` for the command's own '' subcommand. */
export function commandWords(command: Command, sub: string): string {
  return ['credence', command.name, sub].filter((word) => word !== '').join(' ');
}
