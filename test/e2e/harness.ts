import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toErrorPayload, CredenceError } from '../../core/shared/errors.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch, type Dispatch } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { serveRenderer } from './static-server.ts';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../artifacts');

export interface AppHarness {
  url: string;
  origin: string;
  dataDir: string;
  store: ProfileStore;
  dispatch: Dispatch;
  /** Every request the page tried to make outside its own origin (each was blocked). */
  foreignRequests: string[];
}

/**
 * Stands in for Electron's preload: `window.credence.invoke` reaches the same dispatcher that
 * electron/ registers, over a real SQLite folder, and only from the page's own main frame.
 */
async function bridgePage(page: Page, origin: string, dispatch: Dispatch): Promise<void> {
  await page.exposeBinding('__credenceInvoke', async (source, channel: unknown, payload: unknown) => {
    const trusted = source.frame === page.mainFrame() && new URL(source.frame.url()).origin === origin;
    if (!trusted) return { ok: false, error: toErrorPayload(new CredenceError('ipc.forbidden_sender')) };
    return dispatch(String(channel), payload);
  });
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const w = window as unknown as Record<string, unknown>;
    w.__credenceEmit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
    w.credence = Object.freeze({
      invoke: (channel: string, payload: unknown) => (w.__credenceInvoke as (c: string, p: unknown) => Promise<unknown>)(channel, payload),
      on: (event: string, listener: (payload: unknown) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
        return () => listeners.get(event)?.delete(listener);
      },
    });
  });
}

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'credence-e2e-'));
    const store = new ProfileStore(dataDir);
    const emit = (event: string, payload: unknown) => {
      void page.evaluate(([e, p]) => (window as unknown as { __credenceEmit: (e: string, p: unknown) => void }).__credenceEmit(e, p), [event, payload] as const);
    };
    const dispatch = createDispatch(createHandlers({ store, dataDir, version: '0.0.0-e2e', transport: 'test', emit }), (error) =>
      console.error(error),
    );
    const server = await serveRenderer(RENDERER_DIR);
    const foreignRequests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin + '/') || url.startsWith('data:')) return route.continue();
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await bridgePage(page, server.origin, dispatch);
    await use({ url: `${server.origin}/index.html`, origin: server.origin, dataDir, store, dispatch, foreignRequests });
    store.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
