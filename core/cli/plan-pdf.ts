// `credence plan pdf`'s printer: the same print view the app prints (the renderer's #/plan/print
// route), in the Chromium the README installs, driven headless by playwright-core with the offline
// flags the end-to-end tests use. The page is the built renderer served on 127.0.0.1; its
// `window.credence` reaches the handlers of this command's session (over the --db profile, as the
// app window reaches main's), and every request outside that origin is blocked. It returns the
// PDF's bytes: whether they may leave, and where to, is the plan.pdf.export handler's (a consent).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { installedChromium, OFFLINE_FLAGS } from '../security/chromium.ts';
import { serveRenderer } from '../security/static-server.ts';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { printHash, type PrintLanguages } from '../shared/plan-print-route.ts';
import type { Dispatch } from '../ipc/registry.ts';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');


export function findChromium(env: NodeJS.ProcessEnv): string {
  const path = installedChromium(env);
  if (!path) throw new CredenceError('plan.browser_missing', {});
  return path;
}

export interface PrintRequest {
  dispatch: Dispatch;
  profileId: string;
  lang: PrintLanguages;
  asOf?: string;
  /** Presentation mode: amounts and identifiers masked in the printed plan. */
  presentation?: boolean;
  env: NodeJS.ProcessEnv;
}

/** The plan's print view printed to an A4 PDF. */
export async function printPlanPage(request: PrintRequest): Promise<Uint8Array> {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) throw new CredenceError('plan.renderer_missing', { dir: RENDERER_DIR });
  const executablePath = findChromium(request.env);
  const { chromium } = await import('playwright-core');
  const server = await serveRenderer(RENDERER_DIR);
  const browser = await chromium.launch({ executablePath, headless: true, args: [...OFFLINE_FLAGS] });
  try {
    const page = await browser.newPage({ locale: request.lang === 'en' ? 'en-US' : 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.route('**/*', (route) => (route.request().url().startsWith(server.origin + '/') ? route.continue() : route.abort('blockedbyclient')));
    await page.exposeBinding('__credenceInvoke', async (source, channel: unknown, payload: unknown) => {
      if (source.frame !== page.mainFrame() || new URL(source.frame.url()).origin !== server.origin) {
        return { ok: false, error: toErrorPayload(new CredenceError('ipc.forbidden_sender')) };
      }
      return request.dispatch(String(channel), payload);
    });
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.credence = Object.freeze({
        invoke: (channel: string, payload: unknown) => (w.__credenceInvoke as (c: string, p: unknown) => Promise<unknown>)(channel, payload),
        on: () => () => {},
      });
    });
    await page.goto(`${server.origin}/index.html${printHash(request)}`);
    const state = await page.waitForSelector('[data-print-state="ready"], [data-print-state="failed"]', { timeout: 120_000 });
    if ((await state.getAttribute('data-print-state')) === 'failed') {
      throw new CredenceError('plan.print_failed', { reason: (await state.textContent())?.trim() || 'the print view failed' });
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.emulateMedia({ media: 'print' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await browser.close();
    await server.close();
  }
}
