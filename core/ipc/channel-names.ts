// The contract's channel and event names as plain strings, for the preload: a sandboxed preload
// bundles everything it imports, and it needs the names only, not zod and the schemas behind
// them (core/ipc/contract.ts). The compiler holds this list to the contract both ways:
// `satisfies` refuses a name the contract lacks, and the `*Listed` types below refuse to compile
// while a contract name is missing here, naming it. (A name listed twice fails
// test/unit/electron-preload.test.ts.)

import type { Channel, EventName } from './contract.ts';

export const CHANNEL_NAMES = [
  'app.info',
  'profiles.list',
  'profiles.create',
  'profiles.checkName',
  'profiles.editClient',
  'profiles.archive',
  'profiles.delete',
  'import.files',
  'import.cancel',
  'review.list',
  'review.resolve',
  'review.groups',
  'review.resolveGroup',
  'review.undo',
  'ledger.accounts.list',
  'ledger.account.get',
  'ledger.account.create',
  'ledger.account.update',
  'ledger.account.delete',
  'ledger.month.set',
  'ledger.installment.save',
  'ledger.installment.delete',
  'ledger.transaction.assign',
  'ledger.queries.list',
  'ledger.query.save',
  'ledger.query.delete',
  'ledger.observations.list',
  'ledger.observation.save',
  'ledger.observation.delete',
  'bureau.report',
  'bureau.rule.save',
  'bureau.hardReasons.save',
  'bureau.income.save',
  'bureau.conventions',
  'bureau.grace.save',
  'bureau.debtToIncome.save',
  'score.report',
  'score.history',
  'score.snapshot',
  'score.profile.get',
  'score.profile.save',
  'score.bandCap.save',
  'lock.status',
  'lock.now',
  'lock.unlock',
  'lock.activity',
  'lock.settings.save',
  'profile.encrypt',
  'profile.passphrase',
  'profile.rekey',
  'profile.quickUnlock',
  'backups.list',
  'backups.create',
  'backups.restore',
  'consent.catalogue',
  'consent.notice',
  'consent.grant',
  'consent.list',
  'consent.withdraw',
  'consent.receipts',
  'export.create',
  'audit.verify',
  'transactions.list',
  'transactions.summary',
  'transactions.facets',
  'whatif.compare',
  'whatif.target',
  'whatif.scenarios.list',
  'whatif.scenario.save',
  'whatif.scenario.rename',
  'whatif.scenario.duplicate',
  'whatif.scenario.delete',
  'whatif.plan.mark',
  'charts.utilisation',
  'charts.spending',
  'charts.balance',
] as const satisfies readonly Channel[];

export const EVENT_NAMES = ['app.notice', 'import.progress', 'lock.changed'] as const satisfies readonly EventName[];

/** Compiles only when nothing is missing; otherwise the error shows the missing names. */
type NoneMissing<Missing extends never> = Missing;
export type EveryChannelListed = NoneMissing<Exclude<Channel, (typeof CHANNEL_NAMES)[number]>>;
export type EveryEventListed = NoneMissing<Exclude<EventName, (typeof EVENT_NAMES)[number]>>;
