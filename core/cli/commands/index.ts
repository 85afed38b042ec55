import { accountsCommand } from './accounts.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { chartsCommand } from './charts.ts';
import { checklistCommand } from './checklist.ts';
import { consentCommand } from './consent.ts';
import { exportCommand } from './export.ts';
import type { Command } from './command.ts';
import { importCommand } from './import.ts';
import { installmentsCommand } from './installments.ts';
import { linksCommand } from './links.ts';
import { monthCommand } from './month.ts';
import { observeCommand } from './observe.ts';
import { profileCommand } from './profile.ts';
import { queryCommand } from './query.ts';
import { reportCommand } from './report.ts';
import { reviewCommand } from './review.ts';
import { scoreCommand } from './score.ts';
import { settingsCommand } from './settings.ts';
import { transactionsCommand } from './transactions.ts';
import { whatifCommand } from './whatif.ts';
import { targetCommand } from './target.ts';
import { planCommand } from './plan.ts';

/** Every `credence` command, in the order --help and the README list them. */
export const commands: Command[] = [
  profileCommand,
  importCommand,
  reviewCommand,
  accountsCommand,
  monthCommand,
  installmentsCommand,
  linksCommand,
  queryCommand,
  observeCommand,
  reportCommand,
  scoreCommand,
  checklistCommand,
  transactionsCommand,
  chartsCommand,
  whatifCommand,
  targetCommand,
  planCommand,
  settingsCommand,
  backupCommand,
  consentCommand,
  exportCommand,
  auditCommand,
];
