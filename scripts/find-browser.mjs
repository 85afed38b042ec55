// Finds a Chromium for the end-to-end tests: CREDENCE_CHROMIUM, Debian's chromium, Chrome, or
// Playwright's own download. Run directly, it stops `npm test` at once, with the command that
// installs one, when there is none.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function playwrightsOwn() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser(env = process.env) {
  if (env.CREDENCE_CHROMIUM) return existsSync(env.CREDENCE_CHROMIUM) ? env.CREDENCE_CHROMIUM : undefined;
  return CANDIDATES.find((path) => existsSync(path)) ?? playwrightsOwn();
}

export const INSTALL_HINT = [
  'No Chromium found for the end-to-end tests. Install one, then run npm test again:',
  '  Debian/Ubuntu:  apt-get install -y chromium',
  '  elsewhere:      npx playwright install chromium',
  '  or point CREDENCE_CHROMIUM at a Chrome/Chromium binary.',
  '未找到用于端到端测试的 Chromium。请先安装（Debian/Ubuntu：apt-get install -y chromium），再运行 npm test。',
].join('\n');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = findBrowser();
  if (!found) {
    console.error(INSTALL_HINT);
    process.exit(1);
  }
  console.log(`e2e browser: ${found}`);
}
