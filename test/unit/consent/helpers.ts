// A profile written for the consent tests: a made-up person whose data carries identifiers in
// the places real data does (a transfer to a friend, a delivery address and phone in an item, an
// ID and a card number in a note), so that a test can look for each in a package's bytes.
// Everything here is synthetic; the Alipay preamble is the project's own fixture
// (test/fixtures-own/alipay-synthetic-credit-2026.csv).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { renderConsentNotice } from '../../../core/consent/notice.ts';
import { grantConsent, requiredTicks } from '../../../core/consent/records.ts';
import { parseTerms, type TermsInput } from '../../../core/consent/terms.ts';
import { CATEGORIES } from '../../../core/consent/categories/index.ts';
import { importBytes } from '../../../core/importers/import-file.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { today } from '../../../core/shared/calendar.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { saveProfileFacts } from '../../../core/settings/profile-facts.ts';
import type { Db } from '../../../core/storage/database.ts';
import { main } from '../../../core/cli/credence.ts';
import { cliInvocations, GRANT_ARGS, type CliWalkIds } from '../../helpers/cli-invocations.ts';
import { tempDir } from '../../helpers/temp.ts';

export const PRINCIPAL = '张三丰';
export const ID_NUMBER = '110101199003071234';
export const PHONE = '13812345678';
export const CARD = '6222021234567890123';
export const ADDRESS = '北京市朝阳区建国路88号';
export const FRIEND = '李小龙';
/** Text only the transactions' item column holds. */
export const ITEM_CANARY = '限量版机械键盘QX7';
export const QUERY_INSTITUTION = '某某消费金融有限公司';

/** 2026-08-15 10:00 China time: after the bill's July rows. */
export const NOW = new Date('2026-08-15T02:00:00Z');
export const DAY_MS = 86_400_000;

const OWN = join(import.meta.dirname, '../../fixtures-own/alipay-synthetic-credit-2026.csv');

function alipayBill(): Uint8Array {
  const lines = readFileSync(OWN, 'utf8').split('\n');
  const header = lines.findIndex((line) => line.startsWith('交易时间'));
  const rows = [
    `2026-07-14 11:00:00,转账红包,${FRIEND},/,转账给${PRINCIPAL},支出,88.00,余额宝,交易成功,2026071422001400000000000101\t,\t,,`,
    `2026-07-16 20:00:00,日用百货,某电器城,/,${ITEM_CANARY} 送货地址${ADDRESS} 电话${PHONE},支出,699.00,花呗,交易成功,2026071622001400000000000102\t,M0102\t,,`,
    `2026-07-18 08:00:00,信用借还,花呗,/,花呗主动还款-2026年06月账单,不计收支,300.00,余额宝,还款成功,2026071822001400000000000103\t,\t,,`,
    `2026-07-20 12:00:00,餐饮美食,某餐厅,/,=HYPERLINK("x"),支出,35.00,招商银行信用卡(8888),交易成功,2026072022001400000000000104\t,M0104\t,,`,
  ];
  return new TextEncoder().encode([...lines.slice(0, header + 1), ...rows, ''].join('\n'));
}

export interface Seeded {
  dataDir: string;
  store: ProfileStore;
  profileId: string;
  db: Db;
}

export async function seedProfile(): Promise<Seeded> {
  const dataDir = tempDir('credence-consent-');
  const store = new ProfileStore(dataDir);
  const profile = store.create(PRINCIPAL);
  const db = store.database(profile.id);
  // The card first, as a user enters it; the bill's card payment then lands on it.
  createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '8888', limitFen: 2_000_000, openedOn: '2025-01-01', statementDay: 5, dueDay: 23, reportsToBureau: 'yes', note: `开卡地址${ADDRESS}` });
  await importBytes(db, 'alipay-synthetic.csv', alipayBill());
  queryRecords.save(db, null, { queriedOn: '2026-06-02', institution: QUERY_INSTITUTION, reasonCode: '02', note: `身份证${ID_NUMBER} 卡号${CARD}` });
  saveProfileFacts(db, { monthlyIncomeFen: 1_234_500, occupation: '工程师', phoneYears: 6 });
  return { dataDir, store, profileId: profile.id, db };
}

/** Every field of every category: the widest consent. */
export const EVERYTHING = CATEGORIES.map((c) => ({ code: c.code, fields: c.columns.map((col) => col.key) }));

export function terms(overrides: Partial<TermsInput> = {}): TermsInput {
  return {
    recipient: { name: '王顾问', kind: 'individual', contact: 'adviser@example.com', location: 'CN' },
    purpose: { code: 'mortgage_readiness' },
    categories: EVERYTHING,
    expiresOn: '2026-09-14',
    maxExports: 2,
    recipientDeleteBy: '2026-10-14',
    language: 'zh-CN',
    ...overrides,
  };
}

/** Terms valid from the real clock on (for calls through the handlers, which read it): 30 days, deletion 30 days later. */
export function liveTerms(overrides: Partial<TermsInput> = {}): TermsInput {
  return terms({ expiresOn: dayFromNow(30), recipientDeleteBy: dayFromNow(60), ...overrides });
}

/** The China-time day `offset` days from the real now, YYYY-MM-DD. */
export function dayFromNow(offset: number): string {
  return new Date(Date.now() + offset * DAY_MS + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Grants as the consent screen does: the notice's hash, every required tick, a typed name. */
export function grant(db: Db, input: TermsInput = terms(), now: Date = NOW, supersedes: string | null = null) {
  const parsed = parseTerms(input, today(now));
  const notice = renderConsentNotice(parsed, parsed.language);
  return grantConsent(db, { terms: input, noticeSha256: notice.sha256, evidence: { typedName: PRINCIPAL, ticks: requiredTicks(parsed) }, supersedes, via: 'dashboard' }, now);
}

export async function expectCode(promise: Promise<unknown> | (() => unknown), code: string): Promise<void> {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (caught) {
    error = caught;
  }
  expect(error, `expected ${code}`).toMatchObject({ code });
}

/** Runs the CLI in process: its exit code, what it printed, and the channels it called. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env, onCall: (c) => calls.push(c) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), calls };
}

/**
 * What walking every CLI command needs (test/helpers/cli-invocations.ts): the seeded profile, a
 * plaintext scratch profile to encrypt (or, with `scratch: 'absent'`, a file that is not there:
 * encrypting rewrites a profile's files in place, which a walk watching the data folder would
 * see), a file that is not a bill, a password file, an active and a withdrawn consent, and the
 * sha256 of the notice `consent grant` prints. The store is closed.
 */
export async function seedCliWalk(files: string, scratch: 'profile' | 'absent' = 'profile'): Promise<{ ids: CliWalkIds; invocations: Record<string, string[][]>; profileId: string }> {
  const { db, store, dataDir, profileId } = await seedProfile();
  const activeConsent = grant(db, liveTerms(), new Date()).consent.id;
  const withdrawnConsent = grant(db, liveTerms(), new Date()).consent.id;
  const dbFile = store.fileFor(profileId);
  const scratchDb = scratch === 'profile' ? store.fileFor(store.create('加密用').id) : join(dataDir, 'absent.sqlite');
  store.close();
  const bill = join(files, 'bill.csv');
  writeFileSync(bill, 'not a bill\n');
  const passwordFile = join(files, 'pw');
  writeFileSync(passwordFile, 'long enough\n');
  const printed = await runCli(['consent', 'grant', ...GRANT_ARGS, '--db', dbFile, '--json']);
  const { notice } = JSON.parse(printed.stdout) as { notice: { sha256: string } };
  const ids: CliWalkIds = { db: dbFile, dataDir, scratchDb, bill, passwordFile, out: join(files, 'package.zip'), activeConsent, withdrawnConsent, noticeSha256: notice.sha256 };
  return { ids, invocations: cliInvocations(ids), profileId };
}
