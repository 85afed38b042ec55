import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toErrorPayload, CredenceError } from '../../core/shared/errors.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch, type Dispatch } from '../../core/ipc/registry.ts';
import { FileRefs } from '../../core/ipc/file-refs.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { holdDroppedFile } from '../../electron/dropped-files.ts';
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
  /**
   * Where the files the page is handed are on disk, by name, as Electron's webUtils would tell
   * the preload (electron/preload.ts holdFile): a File named here is held by main by its path and
   * goes by reference. Empty: every File is one with no path on disk, and goes as its bytes.
   */
  filesOnDisk: Map<string, string>;
  /** Every request the page made, in order (channel and payload). */
  requests: { channel: string; payload: unknown }[];
}

/**
 * Stands in for Electron's preload: `window.credence.invoke` reaches the same dispatcher that
 * electron/ registers, over a real SQLite folder, and only from the page's own main frame;
 * `holdFile` hands main the path of a File the test put on disk (AppHarness.filesOnDisk), which
 * main's own code (electron/dropped-files.ts) holds by reference, or answers null.
 */
async function bridgePage(page: Page, origin: string, dispatch: Dispatch, hold: (name: string) => unknown, requests: AppHarness['requests']): Promise<void> {
  const trusted = (frame: Page['mainFrame'] extends () => infer F ? F : never) => frame === page.mainFrame() && new URL(frame.url()).origin === origin;
  await page.exposeBinding('__credenceInvoke', async (source, channel: unknown, payload: unknown) => {
    if (!trusted(source.frame)) return { ok: false, error: toErrorPayload(new CredenceError('ipc.forbidden_sender')) };
    requests.push({ channel: String(channel), payload });
    return dispatch(String(channel), payload);
  });
  await page.exposeBinding('__credenceHold', async (source, name: unknown) => {
    if (!trusted(source.frame)) return { ok: false, error: toErrorPayload(new CredenceError('ipc.forbidden_sender')) };
    return hold(String(name));
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
      // What crosses is the File's name: the test says where a file of that name is on disk.
      holdFile: (file: File) => (w.__credenceHold as (name: string) => Promise<unknown>)(file.name),
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
    // Files held by reference as main holds a dropped file (electron/main.ts).
    const dropped = new FileRefs('dropped');
    const filesOnDisk = new Map<string, string>();
    const requests: AppHarness['requests'] = [];
    const hold = (name: string) => {
      const path = filesOnDisk.get(name);
      if (path === undefined) return null;
      try {
        return { ok: true, value: holdDroppedFile(dropped, path) };
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    };
    const dispatch = createDispatch(
      createHandlers({ store, dataDir, version: '0.0.0-e2e', transport: 'test', emit, importFileRef: (ref) => dropped.take(ref) }),
      (error) => console.error(error),
    );
    const server = await serveRenderer(RENDERER_DIR);
    const foreignRequests: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin + '/') || url.startsWith('data:')) return route.continue();
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await bridgePage(page, server.origin, dispatch, hold, requests);
    await use({ url: `${server.origin}/index.html`, origin: server.origin, dataDir, store, dispatch, foreignRequests, filesOnDisk, requests });
    store.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
