import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPackage } from '../../core/consent/verify-package.ts';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

// The Consent and export page on the real handlers: a consent granted on the separate consent
// screen, a package exported (the browser's download, as in preview), the consent withdrawn, a
// second export refused by core; the screens kept in zh-CN and en under test/artifacts.

const PASSWORD = 'e2e-password-2026';

test.describe('consent and export', () => {
  // Tall enough that each screenshot holds the whole screen, not the part scrolled to.
  test.use({ viewport: { width: 1280, height: 1900 } });
  const shoot = async (page: import('@playwright/test').Page, name: string) => {
    await page.locator('.content').evaluate((content) => content.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage: true });
  };

  test('grant on the separate screen, export, withdraw, and a second export is refused', async ({ page, app }) => {
    const profile = app.store.create('张三丰');
    for (const [channel, payload] of [
      ['ledger.account.create', { profileId: profile.id, input: { product: 'credit_card', bank: '招商银行', cardLast4: '8888', limitFen: 2_000_000, openedOn: '2025-01-01', statementDay: 5, dueDay: 23, reportsToBureau: 'yes' } }],
      ['ledger.query.save', { profileId: profile.id, queryId: null, input: { queriedOn: '2026-06-02', institution: '某某消费金融', reasonCode: '02', note: '身份证110101199003071234 电话13812345678' } }],
    ] as const) {
      expect((await app.dispatch(channel, payload)).ok).toBe(true);
    }
    mkdirSync(ARTIFACTS_DIR, { recursive: true });

    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(profile.id);
    // One click from anywhere: the sidebar.
    await page.getByTestId('nav-consent').click();
    await expect(page.getByTestId('consent-log')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('consent-group-active')).toContainText('没有');

    await page.getByTestId('consent-new').click();
    await page.getByTestId('field-recipientName').fill('王顾问');
    await page.getByTestId('field-contact').fill('wang@example.com');
    await page.getByTestId('consent-category-all-accounts').check();
    await page.getByTestId('consent-field-queries-queriedOn').check();
    await page.getByTestId('consent-field-queries-institution').check();
    await page.getByTestId('consent-field-queries-note').check();
    await page.getByTestId('field-maxExports').fill('2');
    await page.getByTestId('consent-next').click();

    // The separate screen: the whole notice, nothing ticked, the button disabled until all is done.
    const notice = page.getByTestId('consent-notice-text');
    await expect(notice).toContainText('个人信息对外提供单独同意告知书');
    await expect(notice).toContainText('王顾问');
    await expect(notice).toContainText('不得向任何第三方提供');
    const agree = page.getByTestId('consent-agree');
    await expect(agree).toBeDisabled();
    const ticks = page.locator('[data-testid^="consent-tick-"]');
    expect(await ticks.count()).toBe(4);
    for (const tick of await ticks.all()) await expect(tick).not.toBeChecked();
    await shoot(page, 'consent-screen-zh-CN.png');

    // The same screen in English: the page and the notice.
    await page.getByTestId('locale-switch').click();
    await page.getByTestId('consent-notice-language').selectOption('en');
    await expect(notice).toContainText('Notice for separate consent to providing personal information');
    for (const tick of await ticks.all()) await tick.check();
    await expect(agree).toBeDisabled(); // the name is still missing
    await page.getByTestId('consent-typed-name').fill('张三丰');
    await shoot(page, 'consent-screen-en.png');
    await agree.click();

    const card = page.getByTestId('consent-card');
    await expect(card).toHaveAttribute('data-state', 'active');
    await expect(page.getByTestId('consent-flash')).toBeVisible();
    await expect(card.getByTestId('consent-allowed')).toContainText('Credit accounts');
    const consentId = (await card.getAttribute('data-consent-id'))!;

    await card.getByTestId('consent-export-open').click();
    await page.getByTestId('consent-export-password').fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('consent-export-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/^credence-export-[0-9a-f-]{36}\.zip$/);
    const file = join(app.dataDir, 'downloaded.zip');
    await download.saveAs(file);
    await expect(page.getByTestId('consent-export-result')).toHaveAttribute('data-outcome', 'download');
    const check = await verifyPackage(new Uint8Array(readFileSync(file)), PASSWORD);
    expect(check).toMatchObject({ ok: true, encrypted: true, consentId });
    await expect(card.getByTestId('consent-exports-count')).toContainText('1 made of 2 allowed');
    await expect(card.getByTestId('consent-export-list')).toContainText(download.suggestedFilename());

    // Withdraw: one action, with its consequences stated.
    await card.getByTestId('consent-withdraw').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('not retroactive');
    await page.getByTestId('consent-withdraw-confirm').click();
    await expect(card).toHaveAttribute('data-state', 'withdrawn');
    await expect(card.getByTestId('consent-export-open')).toHaveCount(0);
    await expect(card.getByTestId('consent-closed-note')).toContainText('Withdrawn');
    await shoot(page, 'consent-dashboard-en.png');

    // A second export, asked of main directly through the page's bridge: core refuses it, nothing is downloaded.
    let downloads = 0;
    page.on('download', () => downloads++);
    const refused = await page.evaluate(
      async ([profileId, id]) => (window as unknown as { credence: { invoke: (c: string, p: unknown) => Promise<unknown> } }).credence.invoke('export.create', { profileId, consentId: id, password: 'whatever-long' }),
      [profile.id, consentId] as const,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'export.consent_withdrawn' } });
    expect(downloads).toBe(0);

    // The receipts: grant and withdrawal, the withdrawal listing what was already sent.
    await card.getByTestId('consent-receipts-toggle').click();
    const receipts = card.getByTestId('consent-receipt');
    await expect(receipts).toHaveCount(2);
    await expect(receipts.nth(1)).toHaveAttribute('data-kind', 'withdrawn');
    await expect(receipts.nth(1)).toContainText(check.packageSha256);

    await page.getByTestId('locale-switch').click();
    await expect(page.getByTestId('consent-group-closed')).toContainText('已撤回');
    await shoot(page, 'consent-dashboard-zh-CN.png');
    await expect(page.getByTestId('consent-log')).toHaveAttribute('data-ok', 'true');
    expect(app.foreignRequests).toEqual([]);
  });
});
