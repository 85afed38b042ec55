import { accountsCommand } from './accounts.ts';
import { backupCommand } from './backup.ts';
import { auditCommand } from './audit.ts';
import { consentCommand } from './consent.ts';
import { exportCommand } from './export.ts';
import type { Command } from './command.ts';
import { importCommand } from './import.ts';
import { observeCommand } from './observe.ts';
import { profileCommand } from './profile.ts';
import { queryCommand } from './query.ts';
import { reportCommand } from './report.ts';
import { scoreCommand } from './score.ts';
import { transactionsCommand } from './transactions.ts';

/** Every `credence` command; --help is generated from this list. */
export const commands: Command[] = [profileCommand, importCommand, accountsCommand, queryCommand, observeCommand, reportCommand, scoreCommand, backupCommand, consentCommand, exportCommand, auditCommand, transactionsCommand];
