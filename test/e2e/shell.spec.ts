import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

test.describe('the renderer on the real main-process handlers', () => {
  test('creates a profile, survives a reload, and shows the dashboard in zh-CN', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('first-profile-panel')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await page.getByTestId('new-profile-name').fill('张三');
    await page.getByTestId('new-profile-submit').click();
    // Encrypted unless the user opts out (test/e2e/lock.spec.ts covers the passphrase step itself).
    await page.getByTestId('protect-passphrase').fill('张三的密码 2026');
    await page.getByTestId('protect-confirm').fill('张三的密码 2026');
    await page.getByTestId('protect-submit').click();
    await page.getByTestId('recovery-done').click();
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('张三');
    expect(app.store.list().map((p) => p.name)).toEqual(['张三']);

    await page.reload();
    await expect(page.getByTestId('dashboard-profile-name')).toHaveText('张三');
    await expect(page.getByTestId('profile-switcher')).toHaveValue(app.store.list()[0].id);

    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const shot = join(ARTIFACTS_DIR, 'dashboard-zh-CN.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    expect(app.foreignRequests).toEqual([]);
  });

  test('every route renders in both languages and the choice survives a reload', async ({ page, app }) => {
    app.store.create('Client A');
    await page.goto(app.url);
    for (const route of ['dashboard', 'import', 'accounts', 'transactions', 'bureau', 'whatif', 'consent', 'settings']) {
      await page.getByTestId(`nav-${route}`).click();
      await expect(page.getByTestId(`page-${route}`)).toBeVisible();
    }
    const zhNav = await page.getByTestId('nav-settings').innerText();
    await page.getByTestId('locale-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const enNav = await page.getByTestId('nav-settings').innerText();
    expect(enNav).not.toBe(zhNav);
    expect(enNav).toMatch(/[A-Za-z]/);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(app.foreignRequests).toEqual([]);
  });

  test('shows a duplicate-name error from main in the current language', async ({ page, app }) => {
    app.store.create('王五');
    await page.goto(app.url);
    await page.getByTestId('new-profile-name').fill('王五');
    await page.getByTestId('new-profile-submit').click();
    await expect(page.getByTestId('profile-error')).toContainText('已存在');
    expect(app.store.list()).toHaveLength(1);
  });

  test('deleting a profile asks first, and confirming removes its database file', async ({ page, app }) => {
    const keep = app.store.create('Keep');
    const gone = app.store.create('Gone');
    await page.goto(app.url);
    await page.getByTestId('profile-switcher').selectOption(gone.id);
    await page.getByTestId('nav-settings').click();

    await page.getByTestId('delete-profile').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('cancel-delete').click();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    expect(existsSync(gone.file)).toBe(true);

    await page.getByTestId('delete-profile').click();
    await page.getByTestId('confirm-delete').click();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await expect.poll(() => existsSync(gone.file)).toBe(false);
    expect(app.store.list().map((p) => p.id)).toEqual([keep.id]);
    await expect(page.getByTestId('profile-switcher').locator('option', { hasText: 'Gone' })).toHaveCount(0);
  });

  test('the page cannot reach anything outside its origin, and only its own frame may invoke', async ({ page, app }) => {
    await page.goto(app.url);
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/track');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    // A frame of another origin calling the bridge is refused before any handler runs.
    const refused = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>x</p>';
      document.body.append(frame);
      // frame-src 'none' may stop the frame from loading at all, which is also a pass.
      const loaded = await Promise.race([
        new Promise((r) => frame.addEventListener('load', () => r(true))),
        new Promise((r) => setTimeout(() => r(false), 2000)),
      ]);
      if (!loaded) return 'no frame';
      const w = frame.contentWindow as unknown as { __credenceInvoke?: (c: string, p: unknown) => Promise<unknown> };
      return w.__credenceInvoke ? w.__credenceInvoke('profiles.create', { name: 'from a frame' }) : 'no binding';
    });
    expect(JSON.stringify(refused)).toMatch(/ipc\.forbidden_sender|no binding|no frame/);
    expect(app.store.list()).toEqual([]);
  });
});
