// One well-formed request for every channel of the contract, for the tests that walk them all
// (nothing leaves a profile without a consent; a locked app answers nothing; …). The mapped type
// makes a channel added to the contract fail the typecheck here until it has a request. Order
// matters to the walkers: reads and edits first, then the lock, then deletions.

import type { Channel, Request } from '../../core/ipc/contract.ts';
import { formatDay, formatMonth, monthOfDay, today } from '../../core/shared/calendar.ts';

export interface RequestIds {
  profileId: string;
  accountId: number;
  transactionId: number;
  queryId: number;
  observationId: number;
  /** A consent to read receipts of, and one to withdraw and export under. */
  consentId: string;
  withdrawnConsentId: string;
  importId: string;
  /** A notice and its ticks, for consent.grant. */
  noticeSha256: string;
  requiredTicks: string[];
  /** Terms for consent.notice and consent.grant. */
  terms: Request<'consent.notice'>['terms'];
  passphrase: string;
}

export function wellFormedRequests(ids: RequestIds): { [C in Channel]: Request<C> } {
  const { profileId, accountId, transactionId } = ids;
  // A scenario's actions lie ahead of today (the what-if's first day).
  const nextMonth = formatMonth(monthOfDay(today()) + 1);
  const soon = formatDay(today() + 10);
  return {
    'app.info': {},
    'profiles.list': {},
    'profiles.create': { name: '另一位客户' },
    'profiles.createSample': { name: '示例客户（合成数据）' },
    'profiles.checkName': { name: '另一位客户' },
    'profiles.editClient': { id: profileId, tags: ['房贷'] },
    'profiles.archive': { id: profileId, archived: false },
    'import.files': { profileId, importId: ids.importId, files: [{ name: 'x.csv', dataBase64: Buffer.from('not a bill\n').toString('base64') }] },
    'import.chooseFiles': {},
    'import.cancel': { importId: ids.importId },
    'review.list': { profileId },
    'review.resolve': { profileId, transactionId, action: { type: 'confirm' } },
    'review.groups': { profileId },
    'review.resolveGroup': { profileId, key: 'alipay:jiebei_disbursement', action: { type: 'confirm' } },
    'review.undo': { profileId, decisionId: 999 },
    'ledger.accounts.list': { profileId },
    'ledger.account.get': { profileId, accountId },
    'ledger.account.create': { profileId, input: { product: 'bank_loan', name: '某银行消费贷', principalFen: 1_000_000, openedOn: '2026-01-10', termMonths: 12 } },
    'ledger.account.update': { profileId, accountId, input: { limitFen: 2_500_000 } },
    'ledger.month.set': { profileId, accountId, month: '2026-06', input: { amountPaidFen: 100 } },
    'ledger.installment.save': { profileId, accountId, installmentId: null, input: { principalFen: 60_000, periods: 3, firstMonth: '2026-05' } },
    'ledger.installment.delete': { profileId, accountId, installmentId: 999 },
    'ledger.transaction.assign': { profileId, transactionId, accountId: 'reset' },
    'ledger.queries.list': { profileId },
    'ledger.query.save': { profileId, queryId: null, input: { queriedOn: '2026-05-01', institution: '某银行', reasonCode: '03' } },
    'ledger.observations.list': { profileId },
    'ledger.observation.save': { profileId, observationId: null, input: { kind: 'sesame', value: 700, observedOn: '2026-07-01' } },
    'bureau.report': { profileId },
    'checklist.get': { profileId },
    'checklist.dismiss': { profileId, key: 'income' },
    'checklist.restore': { profileId, key: 'income' },
    'bureau.rule.save': { profileId, ruleId: 'hard_queries_6m', input: null },
    'bureau.hardReasons.save': { profileId, codes: null },
    'bureau.income.save': { profileId, monthlyIncomeFen: 1_000_000 },
    'bureau.conventions': { profileId },
    'bureau.grace.save': { profileId, lender: '招商银行', input: null },
    'bureau.debtToIncome.save': { profileId, input: null },
    'score.report': { profileId },
    'score.history': { profileId },
    'score.snapshot': { profileId },
    'score.profile.get': { profileId },
    'score.bandCap.save': { profileId, ruleId: 'card_utilisation', band: 'b' },
    'score.profile.save': { profileId, input: { education: 'bachelor' } },
    'transactions.list': { profileId, filter: { platform: 'alipay' }, limit: 50 },
    'transactions.summary': { profileId, filter: { creditEvent: 'any' } },
    'transactions.facets': { profileId },
    'charts.utilisation': { profileId, accountId, months: 12 },
    'charts.spending': { profileId },
    'charts.balance': { profileId, accountId },
    'whatif.compare': { profileId, months: 6, scenarios: [{ name: '先还卡', actions: [{ type: 'pay', accountId, amountFen: 100_000, month: nextMonth, timing: 'before_statement' }] }] },
    'whatif.prepare': { profileId },
    'whatif.target': { profileId, goal: { kind: 'lender', pass: true }, by: formatDay(today() + 90) },
    'whatif.scenarios.list': { profileId },
    'whatif.scenario.save': { profileId, id: null, scenario: { name: '半年不申请', actions: [{ type: 'stop_applications', from: soon, months: 6 }] } },
    'whatif.scenario.rename': { profileId, id: 1, name: '六个月不申请' },
    'whatif.scenario.duplicate': { profileId, id: 1 },
    'whatif.plan.mark': { profileId, id: 1 },
    'plan.show': { profileId },
    'plan.pdf.export': { profileId, consentId: null, lang: 'both' },
    'whatif.scenario.delete': { profileId, id: 2 },
    'consent.catalogue': {},
    'consent.notice': { profileId, terms: ids.terms },
    'consent.grant': { profileId, terms: ids.terms, noticeSha256: ids.noticeSha256, evidence: { typedName: '张三丰', ticks: ids.requiredTicks } },
    'consent.list': { profileId },
    'consent.receipts': { profileId, consentId: ids.consentId },
    'consent.withdraw': { profileId, consentId: ids.withdrawnConsentId },
    'export.create': { profileId, consentId: ids.withdrawnConsentId, password: 'long enough' },
    'audit.verify': { profileId },
    'profile.encrypt': { profileId, passphrase: ids.passphrase },
    'profile.passphrase': { profileId, current: { kind: 'passphrase', passphrase: ids.passphrase }, next: 'a new passphrase' },
    'profile.rekey': { profileId, passphrase: ids.passphrase },
    'profile.quickUnlock': { profileId, enabled: true },
    'backups.list': { profileId },
    'backups.create': { profileId, destination: { kind: 'folder' } },
    'backups.restore': { profileId, source: { kind: 'backup', name: '20260101-000000-abcd-manual.sqlite' } },
    'lock.status': {},
    'lock.settings.save': { idleMinutes: null },
    'lock.activity': {},
    'lock.now': {},
    'lock.unlock': { profileId, secret: { kind: 'passphrase', passphrase: 'not the passphrase' } },
    'ledger.query.delete': { profileId, queryId: ids.queryId },
    'ledger.observation.delete': { profileId, observationId: ids.observationId },
    'ledger.account.delete': { profileId, accountId },
    'profiles.delete': { id: profileId },
  };
}
