import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (npm start), no type declarations.
import { electronBinary, planStart, previewArgs } from '../../../scripts/start.mjs';
import { tempDir } from '../../helpers/temp.ts';
import { fakeRenderer } from './helpers.ts';

const START = resolve(import.meta.dirname, '../../../scripts/start.mjs');

type Plan = { kind: 'electron' | 'preview' | 'fail'; reason?: string };
const plan = (options: Record<string, unknown>): Plan =>
  planStart({ args: [], platform: 'linux', env: { DISPLAY: ':0' }, binary: () => '/electron', download: () => true, runs: () => true, ...options });

describe('npm start (scripts/start.mjs)', () => {
  it('starts Electron where it can', () => {
    expect(plan({})).toEqual({ kind: 'electron', reason: undefined });
    expect(plan({ platform: 'darwin', env: {} })).toEqual({ kind: 'electron', reason: undefined });
    let calls = 0;
    const binary = () => (calls++ === 0 ? undefined : '/electron');
    expect(plan({ binary })).toEqual({ kind: 'electron', reason: undefined });
  });

  it('falls back to the browser preview, saying why, where Electron cannot run', () => {
    expect(plan({ binary: () => undefined, download: () => false })).toEqual({ kind: 'preview', reason: 'download' });
    expect(plan({ binary: () => undefined, download: () => true })).toEqual({ kind: 'preview', reason: 'download' });
    expect(plan({ env: {} })).toEqual({ kind: 'preview', reason: 'display' });
    expect(plan({ env: { WAYLAND_DISPLAY: 'wayland-0' } }).kind).toBe('electron');
    expect(plan({ runs: () => false })).toEqual({ kind: 'preview', reason: 'run' });
  });

  it('fails instead with --no-preview-fallback, and goes straight to the preview with --preview', () => {
    expect(plan({ args: ['--no-preview-fallback'], binary: () => undefined, download: () => false })).toEqual({ kind: 'fail', reason: 'download' });
    let probed = false;
    expect(plan({ args: ['--preview'], binary: () => ((probed = true), undefined) })).toEqual({ kind: 'preview', reason: undefined });
    expect(probed).toBe(false);
    expect(previewArgs(['--preview', '--port', '0', '--no-preview-fallback', '--db', 'x'])).toEqual(['--port', '0', '--db', 'x']);
  });
});

/** Runs start.mjs until it prints the preview URL (then stops it) or exits. */
function start(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string; url?: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [START, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let url: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}/.exec(out);
      if (found && !url) {
        url = found[0];
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => done({ code, out, err, url }));
  });
}

describe('npm start, end to end', () => {
  it('--preview starts the browser version and prints its URL', async () => {
    const result = await start(['--preview', '--renderer-dir', fakeRenderer(), '--data-dir', tempDir()], {});
    expect(result.url).toBeDefined();
  });

  // Only where the binary is absent: elsewhere this would start the real desktop app.
  it.skipIf(electronBinary() !== undefined)('where Electron cannot be downloaded, says so and starts the preview instead', async () => {
    // An unreachable mirror and an empty cache: the download fails at once, without the network.
    const offline = { ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: tempDir() };
    const fallback = await start(['--renderer-dir', fakeRenderer(), '--data-dir', tempDir()], offline);
    expect(fallback.err).toMatch(/could not be downloaded/);
    expect(fallback.err).toMatch(/npm run preview/);
    expect(fallback.url).toBeDefined();

    const refused = await start(['--no-preview-fallback', '--data-dir', tempDir()], offline);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/could not be downloaded/);
    expect(refused.err).toMatch(/npm run preview/);
    expect(refused.url).toBeUndefined();
  });
});
