// `credence whatif … --json`, run as the real bin in its own process, prints exactly what the
// What-if page gets from `whatif.compare` for the same scenario files on the same profile file:
// the page and the CLI are two views of one answer (the page's e2e test reads its figures
// against the CLI on the strength of this). A refused scenario is refused alike, with the same
// problems named by action and field.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch, type Dispatch } from '../../../core/ipc/registry.ts';
import { initialiseProfile } from '../../../core/storage/profile-store.ts';
import { SingleFileProfileStore } from '../../../core/storage/single-file-store.ts';
import { tempDir } from '../../helpers/temp.ts';
import { AS_OF, handProfile } from './hand-profile.ts';
import { CLIENT } from './client-profile.ts';

const BIN = resolve(import.meta.dirname, '../../../bin/credence.mjs');

let file: string;
let ids: Map<string, number>;
let store: SingleFileProfileStore;
let dispatch: Dispatch;
let profileId: string;

beforeAll(() => {
  const made = handProfile(CLIENT);
  profileId = initialiseProfile(made.db, '假设分析客户').id;
  made.db.close();
  file = made.path;
  ids = made.ids;
  store = new SingleFileProfileStore(file);
  dispatch = createDispatch(createHandlers({ store, dataDir: tempDir(), version: 't', transport: 'test', emit: () => {} }));
});
afterAll(() => store?.close());

function scenarioFile(scenario: { name: string; actions: unknown[] }): string {
  const path = join(tempDir('credence-whatif-file-'), 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}

function bin(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args, '--db', file, '--json'], { encoding: 'utf8' });
}

async function channel(request: { asOf: string; months?: number; scenarios: { name: string; actions: unknown[] }[] }) {
  return dispatch('whatif.compare', { profileId, ...request });
}

describe('credence whatif --json and the page’s whatif.compare', () => {
  it('answer the same JSON for the baseline and three scenarios', async () => {
    const card = ids.get('card:1111')!;
    const huabei = ids.get('huabei')!;
    const loans = [ids.get('loan:某消费金融')!, ids.get('loan:某小额贷款')!];
    const scenarios = [
      { name: '账单日前还卡六千', actions: [{ type: 'pay', accountId: card, amountFen: 600_000, month: '2026-12', timing: 'before_statement' }] },
      {
        name: '花呗上征信，半年不申请',
        actions: [
          { type: 'start_reporting', accountId: huabei, fromMonth: '2027-01' },
          { type: 'stop_applications', from: '2026-12-01', months: 6 },
        ],
      },
      { name: '两笔网贷整合', actions: [{ type: 'consolidate', on: '2027-02-01', accountIds: loans, lender: '招商银行', termMonths: 24, annualRateBp: 500 }] },
    ];
    const run = bin(['whatif', ...scenarios.map(scenarioFile), '--as-of', AS_OF, '--months', '12']);
    expect(run.status, run.stderr).toBe(0);
    const envelope = await channel({ asOf: AS_OF, months: 12, scenarios });
    expect(envelope.ok).toBe(true);
    const app = JSON.parse(JSON.stringify(envelope.ok ? envelope.value : null));
    expect(JSON.parse(run.stdout)).toEqual(app);
    // The comparison is not empty: 13 report months (2026-10, the report month of the as-of day, then 12 more) for each of the four.
    expect(app.baseline.months).toHaveLength(13);
    expect(app.scenarios.map((s: { name: string }) => s.name)).toEqual(scenarios.map((s) => s.name));
  });

  it('refuse a bad scenario alike, naming the action and the field', async () => {
    // Action 2's amount is not whole fen and its month is no month. Action 1's account 999 is checked
    // against the ledger only once every action reads, so only action 2's two fields are named.
    const bad = {
      name: '写错的方案',
      actions: [
        { type: 'close_account', accountId: 999, on: '2027-01-10' },
        { type: 'pay', accountId: ids.get('card:1111')!, amountFen: 12.5, month: '2027-13', timing: 'before_statement' },
      ],
    };
    const run = bin(['whatif', scenarioFile(bad), '--as-of', AS_OF]);
    expect(run.status).toBe(1);
    const envelope = await channel({ asOf: AS_OF, scenarios: [bad] });
    expect(envelope.ok).toBe(false);
    const appError = envelope.ok ? null : envelope.error;
    const cliError = JSON.parse(run.stderr.trim().split('\n').at(-1)!).error;
    expect(cliError).toEqual(JSON.parse(JSON.stringify(appError)));
    expect(appError!.code).toBe('whatif.invalid_scenario');
    const problems = appError!.details.problems as { actionIndex: number; field: string }[];
    expect(problems.map((p) => [p.actionIndex, p.field])).toEqual([
      [1, 'amountFen'],
      [1, 'month'],
    ]);
  });
});
