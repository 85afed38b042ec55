// Shared card lines (共享授信额度) and credit agreements (授信协议) as a user meets them: two
// cards of one bank entered on the Accounts page with one shared line, shown on each card, and
// counted once on the Bureau page, where the agreements section lists the shared line and the
// Weilidai line with its draws (core/bureau/credit-lines.ts). Screenshots in zh-CN and en.

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createAccount } from '../../core/ledger/accounts/commands.ts';
import { AS_OF, asOfDay, ledgerWithLines } from '../unit/bureau/fixture-ledger.ts';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

async function addSharedCard(page: Page, last4: string) {
  await page.getByTestId('accounts-add').click();
  const form = page.getByTestId('account-form');
  await form.getByTestId('field-product').selectOption('credit_card');
  await form.getByTestId('field-bank').fill('招商银行');
  await form.getByTestId('field-cardLast4').fill(last4);
  await form.getByTestId('field-limitFen').fill('20000');
  await form.getByTestId('field-sharedLine').fill('招行共享额度');
  await form.getByTestId('field-openedOn').fill('2026-01-01');
  await form.getByTestId('field-reportsToBureau').selectOption('yes');
  await form.getByTestId('account-save').click();
  await expect(page.getByTestId('account-name')).toHaveText(`招商银行信用卡 尾号${last4}`);
  await expect(page.getByTestId('fact-sharedLine')).toContainText('招行共享额度');
  await page.getByTestId('nav-accounts').click();
}

test('two cards sharing one line: set on the Accounts page, counted once and listed as an agreement on the Bureau page', async ({ page, app }) => {
  const profile = app.store.create('共享额度测试');
  // The Weilidai line with five draws (R4 under its agreement), and the rest of the hand ledger.
  const db = app.store.database(profile.id);
  ledgerWithLines(db);
  createAccount(db, { product: 'credit_card', bank: '中信银行', cardLast4: '3333', openedOn: '2026-01-01', limitFen: 1_000_000, reportsToBureau: 'yes' }, { asOfDay });
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-accounts').click();
  for (const last4 of ['1111', '2222']) await addSharedCard(page, last4);
  await expect(page.getByTestId('account-shared-line')).toHaveCount(2);
  await expect(page.getByTestId('account-shared-line').first()).toHaveText('共享额度：招行共享额度');
  // The page scrolls inside its main area: bring the cards into view for the screenshot.
  await page.locator('[data-testid="account-group"][data-product="credit_card"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-shared-line-zh.png'), fullPage: true });
  await page.getByTestId('locale-switch').click();
  await expect(page.getByTestId('account-shared-line').first()).toHaveText('Shared line: 招行共享额度');
  await page.screenshot({ path: join(ARTIFACTS_DIR, 'accounts-shared-line-en.png'), fullPage: true });
  await page.getByTestId('locale-switch').click();

  await page.getByTestId('nav-bureau').click();
  await page.getByTestId('bureau-as-of').fill(AS_OF);
  const agreements = page.getByTestId('bureau-agreements');
  await expect(agreements.getByRole('heading')).toHaveText('授信协议信息');
  // The shared line once, ¥20,000 (not ¥40,000); the Weilidai line's ¥20,000 with its five draws.
  const shared = agreements.locator('[data-testid="agreement-row"][data-kind="shared_card_line"]');
  await expect(shared).toHaveCount(1);
  await expect(shared.getByTestId('agreement-limit')).toHaveText('¥20,000.00');
  await expect(shared).toContainText('招商银行信用卡 尾号1111');
  await expect(shared).toContainText('招商银行信用卡 尾号2222');
  const line = agreements.locator('[data-testid="agreement-row"][data-kind="loan_line"]');
  await expect(line).toContainText('微粒贷 借款5');
  await expect(line).toContainText('R4');
  await agreements.scrollIntoViewIfNeeded();
  await agreements.screenshot({ path: join(ARTIFACTS_DIR, 'bureau-agreements-zh.png') });
  await page.getByTestId('locale-switch').click();
  await expect(agreements.getByRole('heading')).toHaveText('Credit agreements');
  await expect(shared).toContainText('Shared card line');
  await agreements.screenshot({ path: join(ARTIFACTS_DIR, 'bureau-agreements-en.png') });
  expect(app.foreignRequests).toEqual([]);
});
