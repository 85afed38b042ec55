import { accountsCommand } from './accounts.ts';
import type { Command } from './command.ts';
import { importCommand } from './import.ts';
import { observeCommand } from './observe.ts';
import { profileCommand } from './profile.ts';
import { queryCommand } from './query.ts';
import { reportCommand } from './report.ts';
import { scoreCommand } from './score.ts';
import { transactionsCommand } from './transactions.ts';

/** Every `credence` command; --help is generated from this list. */
export const commands: Command[] = [profileCommand, importCommand, accountsCommand, queryCommand, observeCommand, reportCommand, scoreCommand, transactionsCommand];
