// Finds a Chromium for the end-to-end tests: CREDENCE_CHROMIUM, Debian's chromium, Chrome, or
// Playwright's own download. Run directly, it stops `npm test` at once, with the command that
// installs one, when there is none.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { installedChromium, OFFLINE_FLAGS } from '../core/security/chromium.ts';

export { OFFLINE_FLAGS };


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
  return installedChromium(env) ?? (env.CREDENCE_CHROMIUM ? undefined : playwrightsOwn());
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
