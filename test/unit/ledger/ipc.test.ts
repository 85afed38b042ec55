// The ledger channels through the real dispatcher: requests and responses checked by the
// contract, input errors coming back per field in both languages.

import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';

function setup() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const logged: unknown[] = [];
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: '0.0.0-test', transport: 'test', emit: () => {} }), (e) => logged.push(e));
  const profile = store.create('账本测试');
  return { store, dispatch, logged, profileId: profile.id };
}

describe('ledger channels', () => {
  it('create, list, get, set a month, delete', async () => {
    const { store, dispatch, logged, profileId } = setup();
    const created = await dispatch('ledger.account.create', { profileId, input: { product: 'huabei', statementDay: 1, dueDay: 10, limitFen: 500000 } });
    expect(created).toMatchObject({ ok: true, value: { account: { name: '花呗', product: 'huabei', matchKey: 'huabei', limitFen: 500000 } } });
    const accountId = (created as { value: { account: { id: number } } }).value.account.id;
    const listed = await dispatch('ledger.accounts.list', { profileId, asOf: '2026-05-31' });
    expect(listed).toMatchObject({ ok: true, value: { accounts: [{ id: accountId }], unassigned: { total: 0 }, defaultsVersion: expect.any(String) } });
    const month = await dispatch('ledger.month.set', { profileId, accountId, month: '2026-05', input: { status: 'N' } });
    // Writes recompute as of today, so the history runs from May to the current month.
    expect(month).toMatchObject({ ok: true, value: { months: expect.arrayContaining([expect.objectContaining({ month: '2026-05', status: 'N', statusSource: 'manual' })]) } });
    const got = await dispatch('ledger.account.get', { profileId, accountId, asOf: '2026-06-30' });
    expect(got).toMatchObject({ ok: true, value: { months: [{ month: '2026-05' }, { month: '2026-06' }] } });
    expect(await dispatch('ledger.account.delete', { profileId, accountId })).toEqual({ ok: true, value: { deleted: 'removed' } });
    expect(logged).toEqual([]);
    store.close();
  });

  it('returns bad input per field, in both languages', async () => {
    const { store, dispatch, profileId } = setup();
    const result = await dispatch('ledger.account.create', { profileId, input: { product: 'credit_card', dueDay: 0 } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'ledger.invalid_input',
        message: { 'zh-CN': '输入有误：还款日须为 1 到 31 之间的整数', en: 'Invalid input: Due day must be a whole number from 1 to 31' },
        details: { fields: [{ field: 'dueDay', rule: 'dueDay' }] },
      },
    });
    expect(await dispatch('ledger.account.get', { profileId, accountId: 42 })).toMatchObject({ ok: false, error: { code: 'ledger.account_not_found' } });
    store.close();
  });

  it('queries and observations', async () => {
    const { store, dispatch, profileId } = setup();
    const saved = await dispatch('ledger.query.save', { profileId, queryId: null, input: { queriedOn: '2026-05-01', institution: '某银行', reasonCode: '03' } });
    expect(saved).toMatchObject({ ok: true, value: { query: { hard: true } } });
    expect(await dispatch('ledger.queries.list', { profileId })).toMatchObject({ ok: true, value: { queries: [{ institution: '某银行' }] } });
    const observed = await dispatch('ledger.observation.save', { profileId, observationId: null, input: { kind: 'sesame', value: 700, observedOn: '2026-05-06' } });
    expect(observed).toMatchObject({ ok: true, value: { observation: { kind: 'sesame', value: 700 } } });
    expect(await dispatch('ledger.observations.list', { profileId })).toMatchObject({ ok: true, value: { observations: [{ value: 700 }] } });
    store.close();
  });
});
