import { defineConfig } from '@playwright/test';
// @ts-expect-error: a plain .mjs script shared with `npm test`'s browser check, no type declarations.
import { findBrowser, INSTALL_HINT, OFFLINE_FLAGS } from './scripts/find-browser.mjs';

const executablePath: string | undefined = findBrowser();
if (!executablePath) throw new Error(INSTALL_HINT);

export default defineConfig({
  testDir: 'test/e2e',
  // Without tsconfig.json's type-only "paths" entry, which Playwright would apply to run-time imports.
  tsconfig: './tsconfig.playwright.json',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright-output',
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      // Chromium's own background services would try the network; nothing here may.
      args: [...OFFLINE_FLAGS],
    },
  },
});
