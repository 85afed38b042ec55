// Each command a user runs by hand, through the real `credence` bin in its own process, prints
// with --json exactly what the app's channel answers for the same action: the profile is copied,
// the bin acts on one copy and the app's handlers (the same dispatcher Electron and the preview
// serve) on the other, one step after the other, so both copies go through the same history.

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../../core/ipc/contract.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { AppLock } from '../../../core/ipc/lock/app-lock.ts';
import { createDispatch, type Dispatch } from '../../../core/ipc/registry.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { seedProfile } from '../consent/helpers.ts';

const BIN = resolve(import.meta.dirname, '../../../bin/credence.mjs');
const OWN_ALIPAY = resolve(import.meta.dirname, '../../fixtures-own/alipay-synthetic-credit-2026.csv');

let cliFile: string;
let appStore: SingleFileProfileStore;
let dispatch: Dispatch;
let profileId: string;

beforeAll(async () => {
  const seeded = await seedProfile();
  profileId = seeded.profileId;
  const file = seeded.store.fileFor(profileId);
  seeded.store.close();
  const dir = tempDir('credence-same-as-app-');
  cliFile = join(dir, 'cli.sqlite');
  const appFile = join(dir, 'app.sqlite');
  copyFileSync(file, cliFile);
  copyFileSync(file, appFile);
  appStore = new SingleFileProfileStore(appFile);
  dispatch = createDispatch(createHandlers({ store: appStore, dataDir: dir, version: 't', transport: 'cli', emit: () => {}, lock: new AppLock(appStore, { checkEveryMs: 0 }) }));
});
afterAll(() => appStore?.close());

/** The bin's --json output for `args` on the CLI's copy. */
function bin(args: string[]): unknown {
  const run = spawnSync(process.execPath, [BIN, ...args, '--db', cliFile, '--json'], { encoding: 'utf8' });
  expect(run.status, `credence ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout);
}

/** What the app's page gets for the same request on the app's copy. */
async function app<C extends Channel>(channel: C, request: Omit<Request<C>, 'profileId'>): Promise<unknown> {
  const envelope = await dispatch(channel, { profileId, ...request });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message.en}`);
  return JSON.parse(JSON.stringify(envelope.value));
}

describe('credence, through the real bin, answers as the app’s channel does', () => {
  it('accounts add, edit, hide, unhide and show', async () => {
    // 30000.50 yuan is 3,000,050 fen; 4.35 % is 435 basis points (the app's forms convert alike).
    expect(bin(['accounts', 'add', 'bank_loan', '某银行消费贷', 'principal=30000.50', 'openedOn=2026-01-10', 'termMonths=12', 'annualRate=4.35'])).toEqual(
      await app('ledger.account.create', { input: { product: 'bank_loan', name: '某银行消费贷', principalFen: 3_000_050, openedOn: '2026-01-10', termMonths: 12, annualRateBp: 435 } }),
    );
    expect(bin(['accounts', 'edit', '1', 'limit=25000', 'reportsToBureau=yes', '--reset', 'note'])).toEqual(
      await app('ledger.account.update', { accountId: 1, input: { limitFen: 2_500_000, reportsToBureau: 'yes' }, reset: ['note'] }),
    );
    expect(bin(['accounts', 'hide', '1'])).toEqual(await app('ledger.account.update', { accountId: 1, input: { dismissed: true } }));
    expect(bin(['accounts', 'list', '--hidden'])).toEqual(await app('ledger.accounts.list', { includeHidden: true }));
    expect(bin(['accounts', 'unhide', '1'])).toEqual(await app('ledger.account.update', { accountId: 1, input: { dismissed: false } }));
    expect(bin(['accounts', 'show', '1'])).toEqual(await app('ledger.account.get', { accountId: 1 }));
  });

  it('month set (fields not given keep what was entered) and month clear', async () => {
    expect(bin(['month', 'set', '1', '2026-06', 'amountDue=1200.50', 'status=1'])).toEqual(
      await app('ledger.month.set', { accountId: 1, month: '2026-06', input: { amountDueFen: 120_050, status: '1' } }),
    );
    // The second edit sends the month's whole fact, as the month panel's prefilled form does.
    expect(bin(['month', 'set', '1', '2026-06', 'amountPaid=1200.50'])).toEqual(
      await app('ledger.month.set', { accountId: 1, month: '2026-06', input: { balanceFen: null, amountDueFen: 120_050, minimumDueFen: null, amountPaidFen: 120_050, status: '1', note: null } }),
    );
    expect(bin(['month', 'clear', '1', '2026-06'])).toEqual(await app('ledger.month.set', { accountId: 1, month: '2026-06', input: null }));
  });

  it('installments add, edit and delete', async () => {
    expect(bin(['installments', 'add', '1', '600', '3', '2026-05', 'fee=30', 'label=耳机'])).toEqual(
      await app('ledger.installment.save', { accountId: 1, installmentId: null, input: { principalFen: 60_000, periods: 3, firstMonth: '2026-05', feeFen: 3000, label: '耳机' } }),
    );
    expect(bin(['installments', 'edit', '1', '1', 'periods=6'])).toEqual(
      await app('ledger.installment.save', { accountId: 1, installmentId: 1, input: { label: '耳机', principalFen: 60_000, feeFen: 3000, periods: 6, firstMonth: '2026-05' } }),
    );
    expect(bin(['installments', 'delete', '1', '1'])).toEqual(await app('ledger.installment.delete', { accountId: 1, installmentId: 1 }));
  });

  it('links: the unassigned events, and assigning one', async () => {
    const { unassigned } = (await app('ledger.accounts.list', {})) as { unassigned: unknown };
    expect(bin(['links', 'list'])).toEqual({ unassigned });
    // Transaction 4 is the bill's card purchase (the seeded profile's own bill).
    expect(bin(['links', 'assign', '4', 'none'])).toEqual(await app('ledger.transaction.assign', { transactionId: 4, accountId: null }));
    expect(bin(['links', 'assign', '4', 'reset'])).toEqual(await app('ledger.transaction.assign', { transactionId: 4, accountId: 'reset' }));
  });

  it('review: the waiting events, confirming one', async () => {
    // The seeded bill asks nothing (its Huabei purchase names 花呗 in its method column); a Jiebei
    // draw, found by keywords only, does. Both copies import the same file.
    const lines = readFileSync(OWN_ALIPAY, 'utf8').split('\n');
    const header = lines.findIndex((line) => line.startsWith('交易时间'));
    const draws = [
      '2026-07-21 15:00:00,信用借还,借呗,/,借呗放款至银行卡,不计收支,3000.00,,放款成功,2026072122001400000000000201\t,\t,,',
      '2026-07-25 15:00:00,信用借还,借呗,/,借呗放款至银行卡,不计收支,1000.00,,放款成功,2026072522001400000000000202\t,\t,,',
    ];
    const bill = join(tempDir('credence-same-as-app-bill-'), 'alipay-jiebei-synthetic.csv');
    writeFileSync(bill, [...lines.slice(0, header + 1), ...draws, ''].join('\n'));
    bin(['import', bill]);
    await app('import.files', { importId: randomUUID(), files: [{ name: 'alipay-jiebei-synthetic.csv', dataBase64: readFileSync(bill).toString('base64') }] });
    expect(bin(['review'])).toEqual(await app('review.list', {}));
    const { items } = (await app('review.list', {})) as { items: Array<{ id: number; kind: string }> };
    expect(items.map((item) => item.kind)).toEqual(['jiebei_disbursement', 'jiebei_disbursement']);
    expect(bin(['review', 'confirm', String(items[0]!.id)])).toEqual(await app('review.resolve', { transactionId: items[0]!.id, action: { type: 'confirm' } }));
  });

  it('review by rule: the groups, one decision for a group, and its undo', async () => {
    expect(bin(['review', 'groups'])).toEqual(await app('review.groups', {}));
    // decidedAt is the clock time of each process's write; everything else is the same decision.
    const decided = (value: unknown) => ({ ...(value as { decision: object }), decision: { ...(value as { decision: object }).decision, decidedAt: 'now' } });
    expect(decided(bin(['review', 'confirm-all', 'alipay:jiebei_disbursement']))).toEqual(
      decided(await app('review.resolveGroup', { key: 'alipay:jiebei_disbursement', action: { type: 'confirm' } })),
    );
    expect(bin(['review', 'undo', '1'])).toEqual(await app('review.undo', { decisionId: 1 }));
  });

  it('query and observe: add, edit, list, delete, the one pattern of a manual record', async () => {
    expect(bin(['query', 'add', '2026-05-01', '某银行', '03', '11'])).toEqual(
      await app('ledger.query.save', { queryId: null, input: { queriedOn: '2026-05-01', institution: '某银行', reasonCode: '03', institutionType: '11' } }),
    );
    expect(bin(['query', 'edit', '2', 'reason=01'])).toEqual(
      await app('ledger.query.save', { queryId: 2, input: { queriedOn: '2026-05-01', institution: '某银行', institutionType: '11', reasonCode: '01', note: null } }),
    );
    expect(bin(['query', 'list'])).toEqual(await app('ledger.queries.list', {}));
    expect(bin(['query', 'delete', '2'])).toEqual(await app('ledger.query.delete', { queryId: 2 }));
    expect(bin(['observe', 'add', 'sesame', '712', '2026-05-06'])).toEqual(
      await app('ledger.observation.save', { observationId: null, input: { kind: 'sesame', value: 712, observedOn: '2026-05-06' } }),
    );
    expect(bin(['observe', 'edit', '1', 'score=715'])).toEqual(
      await app('ledger.observation.save', { observationId: 1, input: { kind: 'sesame', label: null, value: 715, observedOn: '2026-05-06', note: null } }),
    );
    expect(bin(['observe', 'delete', '1'])).toEqual(await app('ledger.observation.delete', { observationId: 1 }));
  });

  it('settings: a rule’s levels in its unit, the hard-query reasons, the income, the profile facts', async () => {
    // lei_liu counts months; its other level (fail 6) and its window choice are kept unless given.
    expect(bin(['settings', 'rule', 'lei_liu', 'warn=2', 'window=12'])).toEqual(await app('bureau.rule.save', { ruleId: 'lei_liu', input: { warn: 2, fail: 6, windowMonths: 12 } }));
    // debt_to_income is a ratio, typed in percent: 55 % is 0.55.
    expect(bin(['settings', 'rule', 'debt_to_income', 'fail=55'])).toEqual(await app('bureau.rule.save', { ruleId: 'debt_to_income', input: { warn: 0.4, fail: 0.55 } }));
    expect(bin(['settings', 'rule', 'debt_to_income', 'default'])).toEqual(await app('bureau.rule.save', { ruleId: 'debt_to_income', input: null }));
    expect(bin(['settings', 'hard-reasons', '2,16'])).toEqual(await app('bureau.hardReasons.save', { codes: ['02', '16'] }));
    expect(bin(['settings', 'income', '15000'])).toEqual(await app('bureau.income.save', { monthlyIncomeFen: 1_500_000 }));
    expect(bin(['settings', 'facts', 'education=bachelor', 'socialInsurance=yes', 'phoneYears=3'])).toEqual(
      await app('score.profile.save', { input: { education: 'bachelor', socialInsurance: true, phoneYears: 3 } }),
    );
    const report = (await app('bureau.report', {})) as { lenderView: unknown; hardQueryReasons: unknown; monthlyIncomeFen: unknown; conventions: unknown };
    expect(bin(['settings'])).toEqual({ lenderView: report.lenderView, hardQueryReasons: report.hardQueryReasons, monthlyIncomeFen: report.monthlyIncomeFen, conventions: report.conventions, ...((await app('score.profile.get', {})) as object) });
    expect(bin(['settings', 'grace', '招商银行', 'days=2', 'tolerance=5'])).toEqual(await app('bureau.grace.save', { lender: '招商银行', input: { graceDays: 2, toleranceFen: 500 } }));
    expect(bin(['settings', 'dti', '5'])).toEqual(await app('bureau.debtToIncome.save', { input: { revolvingShareOfUsed: 0.05 } }));
  });

  it('score snapshot keeps the scores as the app’s history does', async () => {
    const fromBin = bin(['score', 'snapshot']) as { snapshot: { takenAt: string } };
    const fromApp = (await app('score.snapshot', {})) as { snapshot: { takenAt: string } };
    // takenAt is the clock time of each process's write; everything else is the same record.
    expect({ ...fromBin.snapshot, takenAt: 'now' }).toEqual({ ...fromApp.snapshot, takenAt: 'now' });
    // The review test's import took one of its own (trigger 'import') before; oldest first.
    const history = bin(['score', 'history']) as { snapshots: Array<{ trigger: string }> };
    expect(history.snapshots.map((snapshot) => snapshot.trigger)).toEqual(['import', 'manual']);
  });
});
