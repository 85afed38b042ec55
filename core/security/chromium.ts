// The Chromium the README installs, and the flags that keep it off the network: one home for the
// end-to-end tests (playwright.config.ts, through scripts/find-browser.mjs) and `credence plan pdf`.

import { existsSync } from 'node:fs';

/** Where a Chromium or Chrome is looked for, in order (Debian's package first). */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Chromium's own background services would try the network; nothing Credence starts may. */
export const OFFLINE_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/** CREDENCE_CHROMIUM if it exists, else the first installed candidate. */
export function installedChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CREDENCE_CHROMIUM) return existsSync(env.CREDENCE_CHROMIUM) ? env.CREDENCE_CHROMIUM : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}
