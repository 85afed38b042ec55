import type { LocalizedText } from '../../shared/localized-text.ts';
import type { CliContext } from '../io.ts';

export type Run = (ctx: CliContext) => number | Promise<number>;

export interface Command {
  name: string;
  summary: LocalizedText;
  usage: string[];
  /** A command either runs itself or dispatches on its first argument. */
  run?: Run;
  subcommands?: Record<string, Run>;
}
