// `credence accounts`, `credence query`, `credence observe` on a profile database.

import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../core/cli/credence.ts';
import { tempDir } from '../../helpers/temp.ts';
import { onTimeStatement } from './cmb-statement.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function profileWithStatement() {
  const dir = tempDir();
  const db = join(dir, 'p.sqlite');
  const statement = join(dir, 'cmb.csv');
  writeFileSync(statement, onTimeStatement());
  expect((await run(['profile', 'create', '测试', '--db', db])).code).toBe(0);
  expect((await run(['import', statement, '--db', db])).code).toBe(0);
  return db;
}

describe('credence accounts', () => {
  it('lists accounts with their monthly history as JSON', async () => {
    const db = await profileWithStatement();
    const result = await run(['accounts', '--db', db, '--as-of', '2026-04-30', '--json']);
    expect(result.code).toBe(0);
    const { accounts, unassigned, defaultsVersion } = JSON.parse(result.stdout);
    expect(defaultsVersion).toMatch(/^\d{4}/);
    expect(unassigned.total).toBe(0);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ matchKey: 'credit_card:招商银行:8888', source: 'derived', transactions: 7 });
    expect(accounts[0].fields.bureauType).toMatchObject({ value: 'R2', provenance: 'default' });
    const shown = await run(['accounts', 'show', String(accounts[0].id), '--db', db, '--as-of', '2026-04-30', '--json']);
    const { months } = JSON.parse(shown.stdout);
    // No statement day is known for the card, so no month can be judged: `#` (docs/domain/pboc-report.md#repayment-status-codes).
    expect(months.map((m: { month: string; status: string }) => `${m.month} ${m.status}`)).toEqual(['2026-01 #', '2026-02 #', '2026-03 #', '2026-04 #']);
    expect(months[1]).toMatchObject({ amountPaidFen: 20000, reason: 'no_statement_day' });
  });

  it('says where each value comes from in the text listing', async () => {
    const db = await profileWithStatement();
    const zh = await run(['accounts', '--db', db, '--as-of', '2026-04-30']);
    expect(zh.stdout).toContain('招商银行信用卡 尾号8888');
    expect(zh.stdout).toContain('征信账户类型 R2 (默认: docs/domain/pboc-report.md#account-types');
    expect(zh.stdout).toContain('2026-01..2026-04: # # # #');
    const en = await run(['accounts', '--db', db, '--as-of', '2026-04-30', '--lang', 'en']);
    expect(en.stdout).toContain('bureau type R2 (default: docs/domain/pboc-report.md#account-types');
    expect((await run(['accounts'])).code).toBe(2);
    expect((await run(['accounts', '--db', db, '--as-of', '2026-02-30'])).code).toBe(1);
  });
});

describe('credence query and observe', () => {
  it('records and lists query records, positional or key=value', async () => {
    const db = await profileWithStatement();
    const added = await run(['query', 'add', '2026-03-02', '招商银行', '03', '11', '--db', db, '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).query).toMatchObject({ queriedOn: '2026-03-02', institution: '招商银行', reasonCode: '03', institutionType: '11', hard: true });
    expect((await run(['query', 'add', 'date=2026-04-01', 'institution=某小贷', 'reason=01', '--db', db])).stdout).toContain('贷后管理');
    const listed = JSON.parse((await run(['query', 'list', '--db', db, '--json'])).stdout);
    expect(listed.queries.map((q: { reasonCode: string }) => q.reasonCode)).toEqual(['01', '03']);
    const bad = await run(['query', 'add', '2026-03-02', '招商银行', '07', '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stderr).error).toMatchObject({ code: 'ledger.invalid_input', details: { fields: [{ field: 'reasonCode' }] } });
    expect((await run(['query', 'add', 'date=2026-03-02', 'colour=red', '--db', db])).code).toBe(2);
  });

  it('records observed scores', async () => {
    const db = await profileWithStatement();
    const added = await run(['observe', 'add', 'sesame', '712', '2026-05-06', '--db', db, '--json', '--as-of', '2026-05-31']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).observation).toMatchObject({ kind: 'sesame', value: 712, observedOn: '2026-05-06' });
    const bad = await run(['observe', 'add', 'wechat_pay_score', '999', '2026-05-06', '--db', db, '--lang', 'en', '--as-of', '2026-05-31']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Score must be a whole number within that score’s range');
    expect((await run(['observe', 'list', '--db', db])).stdout).toContain('芝麻分 712');
  });
});
