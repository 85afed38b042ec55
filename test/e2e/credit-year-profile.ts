// A profile with a synthetic year of Alipay credit spending (test/helpers/synthetic-credit-year.ts,
// written by the project, no real data), the limits and days a user would enter for Huabei and the
// 招商银行 card, and the card's month-end balances typed from its statements. Shared by the
// pictures' e2e test and the accessibility sweep, which need pages full of figures.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from '../../core/ipc/contract.ts';
import { importFile } from '../../core/importers/import-file.ts';
import { formatMonth, monthOfDay, today } from '../../core/shared/calendar.ts';
import { syntheticCreditYear } from '../helpers/synthetic-credit-year.ts';
import { encodeGbk } from '../unit/importers/helpers.ts';
import { expect, type AppHarness } from './harness.ts';

async function call(app: AppHarness, channel: string, payload: unknown) {
  const answer = await app.dispatch(channel, payload);
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return answer;
}

export async function seedCreditYear(app: AppHarness, name = '图表客户') {
  const profile = app.store.create(name);
  const year = syntheticCreditYear(formatMonth(monthOfDay(today()) - 1));
  const scratch = mkdtempSync(join(tmpdir(), 'credence-credit-year-'));
  try {
    const bill = join(scratch, 'alipay-synthetic-credit-year.csv');
    writeFileSync(bill, encodeGbk(year.csv));
    const [report] = await importFile(app.store.database(profile.id), bill);
    expect(report.rejected).toEqual([]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const list = (await call(app, 'ledger.accounts.list', { profileId: profile.id })) as { value: Response<'ledger.accounts.list'> };
  const huabei = list.value.accounts.find((a) => a.product === 'huabei')!;
  const card = list.value.accounts.find((a) => a.name.includes('1234'))!;
  // Huabei is seen whole in Alipay's bill: with its days and an opening day, the ledger works out every statement.
  await call(app, 'ledger.account.update', { profileId: profile.id, accountId: huabei.id, input: { limitFen: 800_000, statementDay: 1, dueDay: 9, openedOn: year.firstDay } });
  await call(app, 'ledger.account.update', { profileId: profile.id, accountId: card.id, input: { limitFen: 2_000_000, statementDay: 10, dueDay: 28, openedOn: year.firstDay } });
  // A card's bill in Alipay is not the whole card: its balances come from the statements, as the user types them.
  for (const [k, month] of year.months.entries()) {
    await call(app, 'ledger.month.set', { profileId: profile.id, accountId: card.id, month, input: { balanceFen: 300_000 + ((k * 537_000) % 1_900_000) } });
  }
  return { profile, file: app.store.fileFor(profile.id), huabeiId: huabei.id, cardId: card.id };
}
