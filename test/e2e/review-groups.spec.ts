// Review by rule on the Import page (issue 11 item 12), in Chromium with the real handlers: a year
// of the project's synthetic Alipay exports and the public JD sample leave four questions; one
// click confirms all 12 card repayments, one undoes it, and the audit log has both. Screenshots
// in zh-CN and en go to test/artifacts/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes, importFile } from '../../core/importers/import-file.ts';
import { bill } from '../helpers/fixtures.ts';
import { syntheticAlipayMonth, YEAR_MONTHS } from '../helpers/synthetic-alipay-year.ts';
import { encodeGbk } from '../unit/importers/helpers.ts';
import { ARTIFACTS_DIR, expect, test } from './harness.ts';

test('a year of exports is four questions; confirming a group of 12 and undoing it', async ({ page, app }) => {
  const profile = app.store.create('按规则确认');
  const db = app.store.database(profile.id);
  // Imported before the page opens (the Import page's own import is tested in import.spec.ts), so
  // the page shows the review panels alone, as after a restart.
  for (const month of YEAR_MONTHS) {
    const { name, text } = syntheticAlipayMonth(month);
    await importBytes(db, name, encodeGbk(text));
  }
  await importFile(db, bill('jd/jd-2025.csv'));
  await page.setViewportSize({ width: 1280, height: 2000 }); // the content pane scrolls: show the whole panel
  await page.goto(app.url);
  await page.getByTestId('profile-switcher').selectOption(profile.id);
  await page.getByTestId('nav-import').click();

  // 213 Huabei purchases ask nothing; 12 card repayments, 10 Jiebei repayments, 2 draws and
  // jd-2025.csv l40 are 25 events in 4 groups (test/helpers/synthetic-alipay-year.ts).
  const counter = page.getByTestId('review-groups-count');
  await expect(counter).toHaveAttribute('data-groups', '4');
  await expect(counter).toHaveAttribute('data-total', '25');
  await expect(counter).toHaveText('4 组，共 25 条');
  const group = page.locator('[data-testid="review-group"][data-key="alipay:credit_card_repayment:招商银行"]');
  await expect(group).toContainText('信用卡还款');
  await expect(group).toContainText('交易对方：招商银行');
  await expect(group).toContainText('12 条，合计 ¥9,930.00，2025-12-18 至 2026-11-18（UTC+8）');
  await expect(group.getByTestId('review-group-confirm')).toHaveText('这 12 条都对，全部确认');

  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const panel = page.getByTestId('review-groups');
  await panel.screenshot({ path: join(ARTIFACTS_DIR, 'review-by-rule-zh-CN.png') });

  const before = db.prepare('select id, credit_event, credit_confidence, needs_review from transactions order by id').all();
  await group.getByTestId('review-group-confirm').click();
  await expect(group).toHaveCount(0);
  await expect(counter).toHaveAttribute('data-total', '13');
  await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '13');
  const decision = page.getByTestId('review-decision');
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText('已确认 12 条「信用卡还款」（alipay:credit_card_repayment:招商银行）');

  await page.getByTestId('locale-switch').click();
  await expect(counter).toHaveText('3 groups, 13 events');
  await expect(page.locator('[data-testid="review-group"][data-key="alipay:jiebei_repayment"]').getByTestId('review-group-confirm')).toHaveText('Confirm all 10 like this');
  await expect(decision).toContainText('Confirmed 12');
  await panel.screenshot({ path: join(ARTIFACTS_DIR, 'review-by-rule-en.png') });

  await decision.getByTestId('review-decision-undo').click();
  await expect(decision).toHaveCount(0);
  await expect(counter).toHaveText('4 groups, 25 events');
  await expect(page.getByTestId('review-remaining')).toHaveAttribute('data-count', '25');
  expect(db.prepare('select id, credit_event, credit_confidence, needs_review from transactions order by id').all()).toEqual(before);
  expect(db.prepare("select action from audit_log where action like 'review.%' order by id").pluck().all()).toEqual(['review.group.confirm', 'review.undo']);
  expect(app.foreignRequests).toEqual([]);
});
