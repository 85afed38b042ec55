// The ledger's whole output, byte for byte: `credence accounts --json` (every account with its
// monthly history), `credence report --json` and `credence score --json` on whole profiles:
// every bill export in test/fixtures/bills and test/fixtures-own imported into one profile, the
// hand-built ledgers of the bureau and score tests, and the bench's synthetic ledger at a small
// size, each on days that put month ends, statement days and due days on either side.
//
// Expected values: the CLI's output on main before the ledger was split along its seams
// (freshness, derived data, coverage, codecs, recompute; account views and commands; history
// state, obligations per account kind, month close), kept in golden/. Since the CLI answers
// through the contract, each object's keys stand in the order of its channel's response schema
// (every value as before: the files were compared key-sorted when they moved). A change of the rules
// moves them on purpose: review the diff of golden/ and update it with
// `npx vitest run test/unit/ledger/golden-output.test.ts -u`.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { BILLS_DIR, OWN_FIXTURES_DIR } from '../../helpers/fixtures.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF as BENCH_AS_OF, splitAccounts, writeBankLoans, writeCardFacts, writeCardStatements } from '../../../bench/synthetic-ledger.ts';
import { ledgerWithLines } from '../bureau/fixture-ledger.ts';
import { encodeGbk } from '../importers/helpers.ts';
import { AS_OF as SCORE_AS_OF, handLedger, lastMonths, monthlyRows, type LedgerSpec } from '../score/hand-ledger.ts';
import { formatDay } from '../../../core/shared/calendar.ts';

async function cli(args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  if (code !== 0) throw new Error(`credence ${args.join(' ')}: exit ${code}\n${err.join('\n')}`);
  return out.join('\n');
}

/** A new profile's database file (created as `credence profile create` does). */
async function newProfile(name: string): Promise<string> {
  const file = join(tempDir('credence-golden-'), 'profile.sqlite');
  await cli(['profile', 'create', name, '--db', file]);
  return file;
}

function withDb(file: string, build: (db: Db) => void): void {
  const db = openDatabase(file, { create: false });
  try {
    build(db);
  } finally {
    db.close();
  }
}

/**
 * JSON with one line per flat object or array (a month row, a field and its origin): every
 * value is there, and a diff names the month and field that moved.
 */
function printed(value: unknown, indent = ''): string {
  const flat = (v: unknown) => v === null || typeof v !== 'object' || Object.keys(v).length === 0;
  if (flat(value) || Object.values(value as object).every(flat)) return JSON.stringify(value);
  const inner = indent + ' ';
  const entries = Array.isArray(value)
    ? value.map((v) => inner + printed(v, inner))
    : Object.entries(value as object).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${printed(v, inner)}`);
  return `${Array.isArray(value) ? '[' : '{'}\n${entries.join(',\n')}\n${indent}${Array.isArray(value) ? ']' : '}'}`;
}

/**
 * The accounts as `credence accounts --json` printed them before the CLI went through the
 * contract: the list (`ledger.accounts.list`), each account with its months (`credence accounts
 * show ID`, `ledger.account.get`), so the golden files written then still hold.
 */
async function accountsWithMonths(file: string, day: string): Promise<unknown> {
  const listed = JSON.parse(await cli(['accounts', '--db', file, '--as-of', day])) as { accounts: { id: number }[] };
  const accounts = [];
  for (const account of listed.accounts) accounts.push({ ...account, months: JSON.parse(await cli(['accounts', 'show', String(account.id), '--db', file, '--as-of', day])).months });
  return { ...listed, accounts };
}

/**
 * `accounts` on each day (the ledger's own output: what moves with the day is the current
 * month), `report` and `score` on the days `scored` picks, in one document per profile.
 */
async function outputs(file: string, days: readonly string[], scored: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const day of days) {
    const commands = scored.includes(day) ? ['accounts', 'report', 'score'] : ['accounts'];
    for (const command of commands) {
      const json = command === 'accounts' ? await accountsWithMonths(file, day) : JSON.parse(await cli([command, '--db', file, '--as-of', day]));
      parts.push(`=== credence ${command} --as-of ${day}\n${printed(json)}`);
    }
  }
  // A draw entered by hand is keyed by a random UUID, so that no two collide.
  return parts.join('\n').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>') + '\n';
}

const golden = (name: string) => join(import.meta.dirname, 'golden', `${name}.txt`);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(csv|xls|xlsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Rich enough to reach every branch of the month close: lapses, unknown reporting and limits, a line of draws, queries, facts, bills. */
const SCORE_SPEC: LedgerSpec = {
  cards: [
    { from: '2023-01', months: { '2023-05': { status: '1' }, '2023-06': { status: '2' }, '2023-07': { status: '3' }, '2025-02': { status: '1', paid: 500 } } },
    { from: '2024-03', reports: 'unknown', months: { '2024-09': { status: '1' }, '2024-10': { status: '2' }, '2026-03': { status: '1' } } },
    { limit: null, month: { balance: 4200, paid: 900 }, months: { '2025-11': { status: '1' }, '2026-04': { status: '#' } } },
    { product: 'huabei', limit: 8000, from: '2025-06', month: { balance: 1200 }, months: { '2026-06': { status: '1' }, '2026-07': { status: '2' } } },
    { product: 'baitiao', limit: 3000, from: '2025-09', month: { balance: 700 } },
  ],
  jiebei: {
    layout: null,
    reports: 'unknown',
    draws: [
      { principal: 6000, openedOn: '2025-03-10' },
      { principal: 3000, openedOn: '2026-02-18', termMonths: 6 },
      { principal: 1200, openedOn: '2026-09-02', termMonths: 3 },
    ],
  },
  hardQueries: ['2025-06-30', '2025-12-31', '2026-05-16', '2026-10-01', '2026-11-20'],
  profile: { monthlyIncomeFen: 1_500_000, education: 'bachelor', phoneYears: 5 },
  sesameObserved: { value: 688, on: '2026-10-20' },
  rows: [...monthlyRows(lastMonths(14), { category: '充值缴费', counterparty: '国家电网' }), ...monthlyRows(lastMonths(5), { category: '转账红包', counterparty: '朋友' })],
};

describe('the ledger, report and scores of whole profiles (golden output)', () => {
  it('of every bill fixture imported into one profile, then with the user’s statement days and loan terms', async () => {
    const file = await newProfile('fixtures');
    const bills = files(BILLS_DIR);
    // The Alipay cash book (记账本) is not a bill: imports refuse it.
    const own = files(OWN_FIXTURES_DIR).filter((path) => !path.includes('cashbook')).map((path) => {
      // The project's Alipay exports are stored as UTF-8 for review; the real export is GBK.
      if (!path.includes('alipay')) return path;
      const gbk = join(tempDir('credence-golden-'), path.split('/').at(-1)!);
      writeFileSync(gbk, encodeGbk(readFileSync(path, 'utf8')));
      return gbk;
    });
    expect(bills.length).toBeGreaterThanOrEqual(11);
    await cli(['import', ...bills, ...own, '--db', file]);
    const days = ['2017-11-30', '2021-01-20', '2023-05-31', '2024-12-10', '2026-08-19', '2026-08-31'];
    await expect(await outputs(file, days, ['2023-05-31', '2026-08-31'])).toMatchFileSnapshot(golden('fixtures'));

    // What a user adds from their statements (written as the app's edits write them): cards bill
    // on the 20th, due the 8th of the next month, 10% minimum; the platforms bill on the 1st, due
    // the 9th; each revolving account owed nothing the day of its first event; every loan and
    // draw 12 months, equal instalments, 10.95% a year.
    withDb(file, (db) => {
      const firstEvent = db.prepare('SELECT min(day) FROM credit_links WHERE account_id = ?').pluck();
      const openedClean = (id: number) => {
        const day = firstEvent.get(id) as number | null;
        return day === null ? {} : { openingBalanceFen: 0, openingBalanceOn: formatDay(day) };
      };
      const set = db.prepare("INSERT OR REPLACE INTO credit_account_overrides (account_id, field, value_json, updated_at) VALUES (?, ?, ?, '2026-08-31T00:00:00+08:00')");
      for (const { id, product, kind } of db.prepare('SELECT id, product, kind FROM credit_accounts ORDER BY id').all() as { id: number; product: string; kind: string }[]) {
        const fields: Record<string, unknown> =
          kind === 'revolving'
            ? product === 'credit_card'
              ? { statementDay: 20, dueDay: 8, minimumPaymentBp: 1000, ...openedClean(id) }
              : { statementDay: 1, dueDay: 9, ...openedClean(id) }
            : kind === 'line'
              ? { dueDay: 9 }
              : { termMonths: 12, repaymentMethod: 'equal_installment', annualRateBp: 1095 };
        for (const [field, value] of Object.entries(fields)) set.run(id, field, JSON.stringify(value));
      }
    });
    await expect(await outputs(file, days, ['2026-08-19'])).toMatchFileSnapshot(golden('fixtures-with-terms'));
  });

  it('of the bureau tests’ hand-made ledger with a line of draws', async () => {
    const file = await newProfile('bureau');
    withDb(file, (db) => ledgerWithLines(db));
    await expect(await outputs(file, ['2026-03-04', '2026-05-10', '2026-05-31'], ['2026-03-04', '2026-05-31'])).toMatchFileSnapshot(golden('bureau-hand-ledger'));
  });

  it('of a hand ledger of the score tests', async () => {
    const db = handLedger(SCORE_SPEC);
    const file = db.name;
    db.close();
    await expect(await outputs(file, ['2026-09-05', '2026-10-31', SCORE_AS_OF], ['2026-09-05', SCORE_AS_OF])).toMatchFileSnapshot(golden('score-hand-ledger'));
  });

  it('of the bench’s synthetic ledger, small: cards with their statements and facts, loans with their repayments', async () => {
    const file = await newProfile('bench');
    const { cards, loans } = splitAccounts(14);
    const years = 3;
    withDb(file, (db) => db.transaction(() => writeCardStatements(db, { cards, years, chargeDays: [3, 9, 15, 22], chargeSpreadFen: 80_000, lateRate: 0.1, missedRate: 0.05 }))());
    await cli(['accounts', '--db', file, '--as-of', formatDay(BENCH_AS_OF)]); // derives the cards the facts go on
    withDb(file, (db) => db.transaction(() => { writeCardFacts(db, { years, reported: (c) => c % 2 === 0 }); writeBankLoans(db, { loans, years, reported: true }); })());
    await expect(await outputs(file, ['2025-02-14', formatDay(BENCH_AS_OF)], ['2025-02-14', formatDay(BENCH_AS_OF)])).toMatchFileSnapshot(golden('bench-synthetic-ledger'));
  });
});
