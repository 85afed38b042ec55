// Presentation mode (issue 15 item 2) on a profile with known amounts and identifiers: a card
// entered by hand (招商银行, last four 8888, line ¥10,000), its statement and a year of Alipay
// rows imported through the page (order ids, friends paid by transfer), the client's phone and a
// plan. With the mode on, every page (the roster, Dashboard, Accounts, the card's own view,
// Bureau, What-if, Transactions with a row opened, the import report, Consent, Settings) is
// scanned — its text, every aria-label and title, and document.title — for every amount of the
// profile (as ¥1,234.56 and as 1234.56) and every identifier: none may be there. Scores stay
// unless hidden too. Data: made up here (the dashboard test's synthetic exports).

import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFen } from '../../core/shared/money.ts';
import { alipayRow, syntheticAlipayCsv } from '../helpers/fixtures.ts';
import { cmbStatement, type CmbRow } from '../unit/ledger/cmb-statement.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credence-presentation-e2e-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const CLIENT_NAME = '王小明';
const PHONE = '13812345678';
const LAST4 = '8888';

/** January to October 2026: ¥3,000 spent and repaid each month (October ¥9,500), then two small November charges. */
function cardStatement(): string {
  const rows: CmbRow[] = [];
  for (let m = 1; m <= 10; m++) {
    const mm = String(m).padStart(2, '0');
    const yuan = m === 10 ? 9500 : 3000;
    rows.push({ date: m === 1 ? '01/01' : `${mm}/03`, summary: '某商城', yuan }, { date: `${mm}/25`, summary: '掌上生活还款', yuan: -yuan });
  }
  rows.push({ date: '11/03', summary: '某超市', yuan: 200 }, { date: '11/20', summary: '某便利店', yuan: 10 });
  return cmbStatement('2026年11月', LAST4, rows);
}

const ORDER_IDS: string[] = [];
function alipayBill(): string {
  const rows: string[][] = [];
  const order = () => {
    const id = `2026${String(ORDER_IDS.length + 1).padStart(24, '0')}`;
    ORDER_IDS.push(id);
    return id;
  };
  for (let m = 1; m <= 10; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push(alipayRow({ time: `2026-${mm}-08 10:00:00`, category: '充值缴费', counterparty: '国家电网', item: '电费', direction: '支出', amount: '120.00', status: '交易成功', orderId: order() }));
    rows.push(alipayRow({ time: `2026-${mm}-12 20:00:00`, category: '转账红包', counterparty: `李${'一二三四五六'[m % 6]}`, item: '转账', direction: '支出', amount: '1234.56', status: '交易成功', orderId: order() }));
  }
  return syntheticAlipayCsv(rows);
}

interface Secrets {
  amounts: string[];
  identifiers: string[];
}

/** Every number under a key ending in `Fen`, anywhere in a channel's answer. */
function fenValues(value: unknown, into: Set<number>, key = ''): void {
  if (typeof value === 'number' && /Fen$/.test(key)) into.add(value);
  else if (Array.isArray(value)) for (const v of value) fenValues(v, into, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) fenValues(v, into, /Fen$/.test(key) && k === 'value' ? key : k);
}

/**
 * Every amount of the profile, both ways it can be written, and every identifier: the imported
 * rows from its database, the accounts' and the report's amounts from the channels the pages call.
 */
async function secretsOf(app: AppHarness, profileId: string): Promise<Secrets> {
  const db = app.store.database(profileId);
  const fen = new Set<number>();
  for (const v of db.prepare('SELECT amount_fen FROM transactions').pluck().all() as number[]) fen.add(v);
  for (const [channel, request] of [['ledger.accounts.list', { profileId }], ['bureau.report', { profileId }]] as const) {
    const answer = await app.dispatch(channel, request);
    expect(answer.ok).toBe(true);
    fenValues((answer as { value: unknown }).value, fen);
  }
  // ¥0.xx amounts are too short to tell from other numbers on a page; the broad check below covers them.
  const amounts = [...fen].filter((f) => f >= 100).flatMap((f) => [formatFen(f), formatFen(f, { grouped: false, symbol: false })]);
  const orders = db.prepare('SELECT platform_order_id FROM transactions').pluck().all() as string[];
  const counterparties = (db.prepare('SELECT DISTINCT counterparty FROM transactions WHERE counterparty LIKE ?').pluck().all('李%') as string[]);
  return { amounts, identifiers: [CLIENT_NAME, PHONE, '138****5678', LAST4, ...orders.filter((o) => /\d{6}/.test(o)), ...counterparties] };
}

/** What a viewer can read or hear of the page: its text, every aria-label, title and alt, and the window title. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label], [title], [alt], [aria-valuetext], [placeholder]')].flatMap((el) =>
      ['aria-label', 'title', 'alt', 'aria-valuetext', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
    );
    const svgText = [...document.querySelectorAll('svg title, svg desc, svg text')].map((el) => el.textContent ?? '');
    return [document.title, document.body.innerText, ...attrs, ...svgText].join('\n');
  });
}

async function expectNothingOf(page: Page, secrets: Secrets, where: string) {
  const text = await readable(page);
  const around = (needle: string) => {
    const at = text.indexOf(needle);
    return at < 0 ? '' : ` in “…${text.slice(Math.max(0, at - 40), at + needle.length + 40)}…”`;
  };
  for (const amount of secrets.amounts) expect(text.includes(amount), `${where}: amount ${amount}${around(amount)}`).toBe(false);
  for (const id of secrets.identifiers) expect(text.includes(id), `${where}: identifier ${id}${around(id)}`).toBe(false);
  // Any amount at all, as the formatters write one (a ratio's "12.50%" is not an amount).
  expect(text.match(/¥\s?\d/g), `${where}: a yuan amount`).toBeNull();
  expect(text.match(/\b\d{1,3}(?:,\d{3})*\.\d{2}\b(?!\s?%)/g), `${where}: a decimal amount`).toBeNull();
}

async function seed(page: Page, app: AppHarness) {
  const profile = app.store.create(CLIENT_NAME);
  const created = await app.dispatch('ledger.account.create', {
    profileId: profile.id,
    input: { product: 'credit_card', bank: '招商银行', cardLast4: LAST4, limitFen: 1_000_000, openedOn: '2026-01-01', statementDay: 10, dueDay: 28, reportsToBureau: 'yes' },
  });
  expect(created.ok).toBe(true);
  const cardId = (created as { ok: true; value: { account: { id: number } } }).value.account.id;
  expect((await app.dispatch('profiles.editClient', { id: profile.id, phone: PHONE, tags: ['房贷'], notes: '2027 年买房，首付 30 万' })).ok).toBe(true);
  const saved = await app.dispatch('whatif.scenario.save', {
    profileId: profile.id,
    id: null,
    scenario: { name: '买房前', actions: [{ type: 'pay', accountId: cardId, amountFen: 300_000, month: '2027-01', timing: 'before_statement' }, { type: 'stop_applications', from: '2027-01-01', months: 6 }] },
  });
  expect(saved.ok).toBe(true);
  expect((await app.dispatch('whatif.plan.mark', { profileId: profile.id, id: (saved as { ok: true; value: { id: number } }).value.id })).ok).toBe(true);

  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  const statement = join(scratch, `cmb-${LAST4}-2026-11.csv`);
  writeFileSync(statement, cardStatement());
  const alipay = join(scratch, 'alipay-2026.csv');
  writeFileSync(alipay, Buffer.from(new TextEncoder().encode(alipayBill())));
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file-input').setInputFiles([statement, alipay]);
  await expect(page.locator(`[data-testid="import-report"][data-file="alipay-2026.csv"]`).getByTestId('report-imported')).toHaveText('20', { timeout: 30_000 });
  return { profile, cardId };
}

test.describe('presentation mode', () => {
  test('leaves no amount or identifier of the profile on any page, in any label, or in the title; scores stay unless hidden too', async ({ page, app }) => {
    const { profile, cardId } = await seed(page, app);
    const secrets = await secretsOf(app, profile.id);
    // The check can fail: with the mode off the amounts and identifiers are there.
    await page.getByTestId('nav-transactions').click();
    await expect(page.getByTestId('tx-row').first()).toBeVisible();
    const plain = await readable(page);
    expect(plain).toContain('¥1,234.56');
    expect(plain).toContain(LAST4);
    expect(await page.title()).toContain(CLIENT_NAME);

    // The shortcut turns it on (and off, and on again); the header's switch says so.
    await page.keyboard.press('Control+Shift+P');
    await expect(page.getByTestId('presentation-switch')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('presentation-banner')).toBeVisible();
    await page.getByTestId('presentation-switch').click();
    await expect(page.getByTestId('presentation-switch')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('presentation-switch').click();

    // The page already open is rewritten in place.
    await expectNothingOf(page, secrets, 'transactions');
    await page.getByTestId('tx-row').first().click();
    await expect(page.getByTestId('tx-detail')).toBeVisible();
    await expectNothingOf(page, secrets, 'transaction detail');

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'presentation-transactions-zh-CN.png'), fullPage: true });
    // Adviser mode shows the roster; the other pages one by one.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('adviser-mode').check();
    const visits: [string, () => Promise<void>][] = [
      ['clients', async () => expect(page.getByTestId('roster-row')).toHaveCount(1)],
      ['dashboard', async () => expect(page.getByTestId('score-bureau').getByTestId('score-value')).toBeVisible()],
      ['accounts', async () => expect(page.getByTestId('account-row').first()).toBeVisible()],
      ['bureau', async () => expect(page.getByTestId('bureau-report-month')).toBeVisible()],
      ['whatif', async () => expect(page.getByTestId('whatif-result')).toBeVisible()],
      ['import', async () => expect(page.getByTestId('import-report').first()).toBeVisible()],
      ['consent', async () => expect(page.getByTestId('page-consent')).toBeVisible()],
      ['settings', async () => expect(page.getByTestId('app-version')).toBeVisible()],
    ];
    for (const [route, ready] of visits) {
      await page.getByTestId(`nav-${route}`).click();
      await ready();
      await page.waitForLoadState('networkidle');
      await expectNothingOf(page, secrets, route);
      if (route === 'clients') await page.screenshot({ path: join(ARTIFACTS_DIR, `presentation-${route}-zh-CN.png`), fullPage: true });
    }
    await page.goto(`${app.url}#/accounts/${cardId}`);
    await expect(page.getByTestId('account-name')).toBeVisible();
    await expectNothingOf(page, secrets, 'account view');

    // Scores and bands stay visible until the adviser hides them too.
    await page.getByTestId('nav-dashboard').click();
    const score = page.getByTestId('score-bureau').getByTestId('score-value');
    await expect(score).toHaveText(/^\d{3}$/);
    const bureauScore = (await score.textContent())!;
    await page.getByTestId('presentation-hide-scores').check();
    await expect(score).toHaveText('•••');
    // The number, its range and band, and the history chart whose dots would tell it.
    await expect(page.getByTestId('score-bureau').getByTestId('score-range')).not.toContainText(/\d/);
    await expect(page.getByTestId('score-bureau').getByTestId('score-band')).toHaveText('•••');
    await expect(page.locator('[data-testid="history-chart"][data-model="bureau"]')).toHaveAttribute('data-hidden');
    expect(await page.getByTestId('score-bureau').innerText()).not.toContain(bureauScore);

    // A copy from the page, or from a form field, carries no amount either.
    await page.getByTestId('nav-clients').click();
    // The roster answers after the click: select its cell only once it is there.
    await expect(page.getByTestId('roster-next').first()).toBeVisible();
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      const cell = document.querySelector('[data-testid="roster-next"]')!;
      document.getSelection()!.selectAllChildren(cell);
      cell.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('2027-01：还款 ¥••••');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('presentation-hide-scores').uncheck();
    await expect(score).toHaveText(/^\d{3}$/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'presentation-dashboard-zh-CN.png'), fullPage: true });
    await page.getByTestId('locale-switch').click();
    await expectNothingOf(page, secrets, 'dashboard (en)');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'presentation-dashboard-en.png'), fullPage: true });

    // Per session: a reload keeps it; turning it off brings everything back.
    await page.reload();
    await expect(page.getByTestId('presentation-switch')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('presentation-switch').click();
    expect(await page.title()).toContain(CLIENT_NAME);
  });
});
