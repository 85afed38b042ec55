// The synthetic sample client (core/sample): built through the app's own channel into a real
// profile file, then read back through the ledger, the report and the scores as every page does.
// What each expectation rests on is the generator's construction (core/sample/synthetic-ledger.ts).

import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { listAccounts } from '../../../core/ledger/accounts/views.ts';
import { accountDetail } from '../../../core/ledger/accounts/views.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { SAMPLE_LATE_MONTHS_AGO, SAMPLE_MONTHS, syntheticLedger } from '../../../core/sample/synthetic-ledger.ts';
import { formatMonth, monthOfDay, parseDay, today } from '../../../core/shared/calendar.ts';
import { isSyntheticProfile, ProfileStore } from '../../../core/storage/profile-store.ts';
import { scoreDatabase } from '../../../core/score/engine.ts';
import { tempDir } from '../../helpers/temp.ts';

async function sampleProfile() {
  const dataDir = tempDir('credence-sample-');
  const store = new ProfileStore(dataDir);
  const handlers = createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} });
  const created = await handlers['profiles.createSample']({ name: '示例客户（合成数据）' });
  return { store, handlers, created, db: store.database(created.profile.id) };
}

describe('the synthetic ledger', () => {
  it('is the same for the same day, and the same ledger a month on for a day a month later', () => {
    const day = parseDay('2026-12-03')!;
    const data = (d: number) => {
      const { scenario: _scenario, ...rest } = syntheticLedger(d);
      return rest;
    };
    expect(data(day)).toEqual(data(day));
    // The seeds count months from the first month of the data, not calendar months: the Huabei
    // purchases of the first month (2024-12 for 2026-12-03) are those of 2025-01 a month later.
    const huabeiIn = (d: number, month: string) =>
      syntheticLedger(d)
        .files[0]!.text.split('\n')
        .filter((line) => line.startsWith(month) && /,花呗(&红包)?,交易成功,/.test(line))
        .map((line) => `${line.slice(8, 10)} ${line.split(',')[6]}`);
    const first = huabeiIn(day, '2024-12');
    expect(first.length).toBeGreaterThan(3);
    expect(huabeiIn(parseDay('2027-01-03')!, '2025-01')).toEqual(first);
    // Every file says it is synthetic in its name.
    for (const file of syntheticLedger(day).files) expect(file.name).toMatch(/synthetic-sample/);
  });
});

describe('the sample client, created through profiles.createSample', () => {
  it('is a flagged profile with every product the issue names, each with what its pages need', async () => {
    const { store, created, db } = await sampleProfile();
    expect(created.profile.sample).toBe(true);
    expect(isSyntheticProfile(db)).toBe(true);
    expect(store.list().find((p) => p.id === created.profile.id)?.sample).toBe(true);

    const accounts = listAccounts(db);
    const byName = (part: string) => accounts.filter((a) => a.name.includes(part));
    expect(accounts.map((a) => a.product).sort()).toEqual(['baitiao', 'credit_card', 'credit_card', 'huabei', 'jiebei', 'jiebei', 'jiebei', 'weilidai', 'weilidai'].sort());
    // Cards and Huabei carry limits and bill days; the loan lines their limits; the draws their terms.
    for (const a of [...byName('信用卡'), ...byName('花呗')]) {
      expect(a.limitFen, a.name).toBeGreaterThan(0);
      expect(a.fields.statementDay.value, a.name).not.toBeNull();
      expect(a.fields.dueDay.value, a.name).not.toBeNull();
      expect(a.fields.reportsToBureau.value, a.name).toBe('yes');
    }
    expect(accounts.filter((a) => a.kind === 'draw')).toHaveLength(3);
    for (const d of accounts.filter((a) => a.kind === 'draw')) expect(d.fields.termMonths.value, d.name).not.toBeNull();

    // The one late payment: the ICBC bill of SAMPLE_LATE_MONTHS_AGO months ago paid 18 days after its due day.
    const icbc = accounts.find((a) => a.name.includes('工商银行'))!;
    const late = accountDetail(db, icbc.id).months.filter((m) => /^[1-7]$/.test(m.status));
    expect(late.map((m) => m.status)).toEqual(['1']);
    expect(late[0]!.month).toBe(formatMonth(monthOfDay(today()) - SAMPLE_LATE_MONTHS_AGO + 1));

    // Left unknown on purpose (SAMPLE_UNKNOWNS): 白条's reporting, limit and bill days, so its months are `#`.
    const baitiao = byName('白条')[0]!;
    expect(baitiao.fields.reportsToBureau.value).toBe('unknown');
    expect(baitiao.limitFen).toBeNull();
    // Everything else is known month by month over the two years, but the month in progress before its due day.
    const window = formatMonth(monthOfDay(today()) - SAMPLE_MONTHS + 1);
    for (const a of accounts.filter((x) => x.product !== 'baitiao')) {
      const unknown = accountDetail(db, a.id).months.filter((m) => m.month >= window && m.status === '#');
      expect(unknown.map((m) => `${m.month}:${m.reason}`), a.name).toEqual(unknown.filter((m) => m.reason === 'not_yet_due').map((m) => `${m.month}:${m.reason}`));
    }

    // Three query records, two of them hard (loan and card approvals) by the default set.
    expect(queryRecords.list(db).map((q) => q.reasonCode).sort()).toEqual(['01', '02', '03']);
    const scores = scoreDatabase(db, today());
    expect(scores.inputs.hardQueries12m).toBe(2);
    expect(scores.bureau.score).not.toBeNull();
    expect(scores.sesame.score).not.toBeNull();
  }, 60_000);

  it('a failure part way leaves no half-built profile behind', async () => {
    const dataDir = tempDir('credence-sample-');
    const real = new ProfileStore(dataDir);
    // The build's own connection breaks after the profile file exists: the first import fails.
    const store = Object.create(real, {
      connect: {
        value: (id: string) => {
          const db = real.connect(id);
          db.close();
          return db;
        },
      },
    }) as ProfileStore;
    const handlers = createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} });
    await expect(handlers['profiles.createSample']({ name: '示例' })).rejects.toThrow();
    expect(real.list()).toEqual([]);
    // And the same name again is refused by the store's own rule once a sample of that name exists.
    const ok = createHandlers({ store: real, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} });
    await ok['profiles.createSample']({ name: '示例' });
    await expect(ok['profiles.createSample']({ name: '示例' })).rejects.toMatchObject({ code: 'profile.duplicate_name' });
    expect(real.list()).toHaveLength(1);
  }, 60_000);
});
