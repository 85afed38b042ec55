// The adviser's roster (issue 15 item 1) over real profile files: adviser mode switched on in
// Settings; four made-up clients with phones, tags, notes, imports and plans written here (no real
// person's data); search by tag, notes and phone digits; sort by name, last import and the plan's
// next action (orders worked out below); edit (a refused phone first), archive and unarchive,
// delete with its confirmation, open; axe in both languages; screenshots of both.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay, today } from '../../core/shared/calendar.ts';
import { ARTIFACTS_DIR, expect, test, type AppHarness } from './harness.ts';

interface Client {
  name: string;
  phone?: string;
  tags?: string[];
  notes?: string;
  /** When its last import finished (UTC+8). */
  importedAt?: string;
  /** Days from today of the plan's one dated step: a query on that day. */
  stepInDays?: number;
}

// Name order (zh-CN collation: pinyin, Latin after Han): 李娜, 王芳, 张伟, Chen Jie.
const CLIENTS: Client[] = [
  { name: '王芳', phone: '13912340001', tags: ['房贷'], notes: '首套房，2027 年', importedAt: '2026-11-20T09:00:05+08:00', stepInDays: 30 },
  { name: '李娜', phone: '13812345678', tags: ['车贷', '首套'], notes: '明年春天买车', importedAt: '2026-11-28T21:15:09+08:00' },
  { name: '张伟', tags: ['房贷', '首套'], stepInDays: 5 },
  { name: 'Chen Jie', phone: '+85291234567', importedAt: '2026-10-02T08:00:00+08:00', stepInDays: 90 },
];

async function seed(app: AppHarness): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of CLIENTS) {
    const { id } = app.store.create(c.name);
    ids.set(c.name, id);
    const edit = await app.dispatch('profiles.editClient', { id, ...(c.phone ? { phone: c.phone } : {}), tags: c.tags ?? [], notes: c.notes ?? '' });
    expect(edit.ok).toBe(true);
    if (c.importedAt) {
      app.store
        .database(id)
        .prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at, finished_at) VALUES ('bill.csv', 'made-up', 'alipay', 'test', ?, ?)")
        .run(c.importedAt, c.importedAt);
    }
    if (c.stepInDays !== undefined) {
      const on = formatDay(today() + c.stepInDays);
      const saved = await app.dispatch('whatif.scenario.save', { profileId: id, id: null, scenario: { name: '计划', actions: [{ type: 'hard_query', on, institution: '某银行', reasonCode: '02' }] } });
      expect(saved.ok).toBe(true);
      expect((await app.dispatch('whatif.plan.mark', { profileId: id, id: (saved as { ok: true; value: { id: number } }).value.id })).ok).toBe(true);
    }
  }
  return ids;
}

const rowNames = (page: Page) => page.getByTestId('roster-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('client roster', () => {
  test('is switched on in Settings, searched, sorted, edited, archived, deleted with confirmation and opened', async ({ page, app }) => {
    const ids = await seed(app);
    await page.goto(app.url);
    // Individuals' simple view: no roster in the sidebar until adviser mode is on.
    await expect(page.getByTestId('nav-clients')).toHaveCount(0);
    await page.getByTestId('profile-switcher').selectOption(ids.get('王芳')!);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('adviser-mode').check();
    await page.getByTestId('nav-clients').click();

    await expect(page.getByTestId('roster-row')).toHaveCount(4);
    expect(await rowNames(page)).toEqual(['李娜', '王芳', '张伟', 'Chen Jie']);
    const row = (name: string) => page.locator(`[data-testid="roster-row"][data-name="${name}"]`);
    // The phone as a statement prints it; the last import with its zone; the plan's next step and its day.
    await expect(row('李娜').getByTestId('roster-phone')).toHaveText('138****5678');
    await expect(row('李娜').getByTestId('roster-last-import')).toHaveText('2026-11-28 21:15（UTC+8）');
    await expect(row('张伟').getByTestId('roster-next')).toHaveText(`${formatDay(today() + 5)}：新增查询`);
    await expect(row('李娜')).toContainText('无计划');
    await expect(page.getByText('13812345678')).toHaveCount(0);

    // Search: a tag, the notes, the phone's last four, two words at once.
    const search = page.getByTestId('roster-search');
    await search.fill('房贷');
    expect(await rowNames(page)).toEqual(['王芳', '张伟']);
    await search.fill('买车');
    expect(await rowNames(page)).toEqual(['李娜']);
    await search.fill('5678');
    expect(await rowNames(page)).toEqual(['李娜']);
    await search.fill('首套 张');
    expect(await rowNames(page)).toEqual(['张伟']);
    await expect(page.getByTestId('roster-count')).toHaveText('显示 1 位，共 4 位');
    await search.fill('');

    // Sort. Last import, newest first: 李娜 11-28, 王芳 11-20, Chen 10-02, then 张伟 (none).
    await page.getByTestId('roster-sort').selectOption('lastImport');
    expect(await rowNames(page)).toEqual(['李娜', '王芳', 'Chen Jie', '张伟']);
    // Next action, soonest first: 张伟 +5 days, 王芳 +30, Chen +90, then 李娜 (no plan).
    await page.getByTestId('roster-sort').selectOption('nextAction');
    expect(await rowNames(page)).toEqual(['张伟', '王芳', 'Chen Jie', '李娜']);
    await page.getByTestId('roster-sort').selectOption('name');

    // Edit: core refuses a phone that is not one, beside the field; then saves.
    await row('张伟').getByTestId('roster-edit').click();
    const editor = page.getByTestId('client-editor');
    await editor.getByTestId('field-phone').fill('call me');
    await editor.getByTestId('client-save').click();
    await expect(editor.getByTestId('field-error-phone')).toContainText('电话须为 7 到 15 位数字');
    await editor.getByTestId('field-phone').fill('139 0000 1111');
    await editor.getByTestId('field-tags').fill('房贷，首套，二手房');
    await editor.getByTestId('client-save').click();
    await expect(editor).toHaveCount(0);
    await expect(row('张伟').getByTestId('roster-phone')).toHaveText('139****1111');
    await expect(row('张伟')).toContainText('二手房');

    // Archive: gone from the default view, back with "show archived", badge and all; unarchive.
    await row('Chen Jie').getByTestId('roster-archive').click();
    await expect(page.getByTestId('roster-row')).toHaveCount(3);
    await page.getByTestId('roster-show-archived').check();
    await expect(row('Chen Jie')).toContainText('已归档');
    await row('Chen Jie').getByTestId('roster-unarchive').click();
    await expect(row('Chen Jie')).not.toContainText('已归档');
    await page.getByTestId('roster-show-archived').uncheck();
    await expect(page.getByTestId('roster-row')).toHaveCount(4);

    // axe and screenshots, in both languages.
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await expectNoSeriousAxe(page);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'roster-zh-CN.png'), fullPage: true });
    await page.getByTestId('locale-switch').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Client roster');
    await expect(row('李娜').getByTestId('roster-last-import')).toHaveText('2026-11-28 21:15 (UTC+8)');
    await expectNoSeriousAxe(page);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'roster-en.png'), fullPage: true });
    await page.getByTestId('locale-switch').click();

    // Delete asks first: cancel keeps it, confirm removes the profile and its file.
    const file = app.store.fileFor(ids.get('Chen Jie')!);
    await row('Chen Jie').getByTestId('roster-delete').click();
    await page.getByTestId('cancel-delete').click();
    await expect(page.getByTestId('roster-row')).toHaveCount(4);
    await row('Chen Jie').getByTestId('roster-delete').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('Chen Jie');
    await page.getByTestId('confirm-delete').click();
    await expect(page.getByTestId('roster-row')).toHaveCount(3);
    expect(existsSync(file)).toBe(false);

    // With no client chosen (after a reload that forgets it), the first-profile panel offers the roster.
    await page.evaluate(() => {
      window.localStorage.removeItem('credence.profileId');
      window.location.hash = '#/dashboard';
    });
    await page.reload();
    await page.getByTestId('first-open-roster').click();
    await expect(page.getByTestId('roster-row')).toHaveCount(3);

    // Open: the client's own dashboard.
    await row('李娜').getByTestId('roster-open').click();
    await expect(page.getByTestId('page-dashboard')).toBeVisible();
    await expect(page.getByTestId('profile-switcher')).toHaveValue(ids.get('李娜')!);
    expect(await page.title()).toBe('李娜 · Credence 个人信用管家');
  });
});
