// Every page through axe (@axe-core/playwright), in zh-CN and in en: the first-run screen, the
// dialogs that protect a new profile, the unlock screen, and each page of a profile full of
// figures (Dashboard, Accounts, an account, Bureau, What-if, Transactions, Import, Consent,
// Settings). No serious or critical violation anywhere on the page, sidebar and header included.
// Then the main flows by keyboard alone: the skip link, the sidebar, an account, an edit, a save.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './harness.ts';
import { seedCreditYear } from './credit-year-profile.ts';

const PASSPHRASE = '无障碍检查的密码 2026';
type Lang = 'zh-CN' | 'en';
const LOADING: Record<Lang, string> = { 'zh-CN': '正在加载…', en: 'Loading…' };

/** No serious or critical violation on the whole page as it stands, named by rule and element. */
async function axe(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(serious.map((v) => `${where}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function settled(page: Page, lang: Lang) {
  await expect(page.locator('main').getByText(LOADING[lang])).toHaveCount(0, { timeout: 20_000 });
}

async function inLanguage(page: Page, lang: Lang) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('locale-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** First run, the new profile's protection and recovery code, the lock and the unlock screen. */
async function beforeAProfile(page: Page, app: AppHarness, lang: Lang) {
  await page.goto(app.url);
  await inLanguage(page, lang);
  await expect(page.getByTestId('first-profile-panel')).toBeVisible();
  await axe(page, `${lang} first run`);
  await page.getByTestId('new-profile-name').fill(lang === 'en' ? 'Ms Wang' : '王女士');
  await page.getByTestId('new-profile-submit').click();
  await expect(page.getByTestId('protect-dialog')).toBeVisible();
  await axe(page, `${lang} protect dialog`);
  await page.getByTestId('protect-passphrase').fill(PASSPHRASE);
  await page.getByTestId('protect-confirm').fill(PASSPHRASE);
  await page.getByTestId('protect-submit').click();
  // The key is derived from the passphrase (core/storage/encryption/kdf.ts): seconds on a busy machine.
  await expect(page.getByTestId('recovery-code')).toBeVisible({ timeout: 30_000 });
  await axe(page, `${lang} recovery code`);
  await page.getByTestId('recovery-done').click();
  await page.getByTestId('lock-now').click();
  await expect(page.getByTestId('unlock-screen')).toBeVisible();
  await axe(page, `${lang} unlock screen`);
  await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-screen')).toHaveCount(0, { timeout: 30_000 });
}

const PAGES = ['dashboard', 'accounts', 'bureau', 'whatif', 'transactions', 'import', 'consent', 'settings'] as const;

async function everyPage(page: Page, app: AppHarness, lang: Lang) {
  const { profile, cardId } = await seedCreditYear(app, lang === 'en' ? 'Chart client' : '图表客户');
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await inLanguage(page, lang);
  for (const route of PAGES) {
    await page.getByTestId(`nav-${route}`).click();
    await expect(page.getByTestId(`page-${route}`)).toBeVisible();
    await settled(page, lang);
    await axe(page, `${lang} ${route}`);
  }
  await page.getByTestId('nav-accounts').click();
  await page.locator(`a[href="#/accounts/${cardId}"]`).first().click();
  await expect(page.getByTestId('account-charts').getByTestId('utilisation-chart')).toBeVisible();
  await page.getByTestId('utilisation-data').locator('summary').click();
  await axe(page, `${lang} account view`);
}

test.describe('accessibility', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`axe finds nothing serious on any page, ${lang}`, async ({ page, app }) => {
      test.setTimeout(180_000);
      await beforeAProfile(page, app, lang);
      await everyPage(page, app, lang);
      expect(app.foreignRequests).toEqual([]);
    });
  }
});

/** Tab (or Shift+Tab) until `target` has the focus; fails after `most` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, most = 60, key = 'Tab') {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The focused element draws a visible ring (base.css :focus-visible). */
async function ringed(page: Page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|0px$/);
}

test('the main flows by keyboard alone: skip link, sidebar, an account, an edit saved, a dialog that traps and gives back the focus', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { profile, cardId } = await seedCreditYear(app, '键盘用户');
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id); // the one setup step: which profile
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // The first Tab reaches the skip link, shown on screen; Enter moves to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByTestId('skip-link');
  await expect(skip).toBeFocused();
  const box = (await skip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  await ringed(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('main-content')).toBeFocused();

  // The sidebar, back from the content (skip link, sidebar, header, content is the Tab order): Accounts opens with Enter and the focus goes to the page.
  await tabTo(page, page.getByTestId('nav-accounts'), 30, 'Shift+Tab');
  await ringed(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('page-accounts')).toBeVisible();
  await expect(page.getByTestId('main-content')).toBeFocused();

  // An account, from the list.
  const link = page.locator(`main a[href="#/accounts/${cardId}"]`).first();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-header')).toHaveAttribute('data-account-id', String(cardId));
  await expect(page.getByTestId('main-content')).toBeFocused();

  // Edit a field and save, keys only.
  await tabTo(page, page.getByTestId('account-edit'));
  await page.keyboard.press('Enter');
  const limit = page.getByTestId('account-form').getByTestId('field-limitFen');
  await tabTo(page, limit);
  await ringed(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('25000');
  await tabTo(page, page.getByTestId('account-save'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-form')).toHaveCount(0);
  await expect(page.getByTestId('fact-limitFen')).toHaveText('¥25,000.00');
  // The picture follows the new limit: the limit line is the new one.
  await expect(page.getByTestId('utilisation-chart')).toContainText('额度 ¥25,000');

  // The chart's table by keyboard.
  const summary = page.getByTestId('utilisation-data').locator('summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('utilisation-table')).toBeVisible();

  // A dialog: opened by keyboard, the focus stays inside it, Escape closes it, the focus returns to its button.
  const hide = page.getByTestId('account-delete');
  await tabTo(page, hide, 80, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[open]');
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(hide).toBeFocused();
  expect(app.foreignRequests).toEqual([]);
});
