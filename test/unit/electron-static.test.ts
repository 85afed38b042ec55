import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } = await import('../../electron/security.ts');

// Source-level guards: things that must never appear in the shipped code, and the renderer's
// CSP meta tag agreeing with the header main sends.

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|html)$/;

function sources(dir: string): string[] {
  const root = join(repo, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((file) => !file.includes('node_modules') && SOURCE.test(file) && statSync(file).isFile());
}

const shipped = ['electron', 'core', 'renderer'].flatMap(sources);

describe('shipped sources', () => {
  it('exist (the scan is not vacuous)', () => {
    expect(shipped.some((file) => file.endsWith(join('electron', 'main.ts')))).toBe(true);
    expect(shipped.some((file) => file.endsWith(join('electron', 'preload.ts')))).toBe(true);
    expect(shipped.some((file) => file.includes(`${join('core', 'ipc')}`))).toBe(true);
  });

  it.each([
    ['shell.openExternal', /\bopenExternal\b/],
    ['nodeIntegration: true (any variant)', /nodeIntegration\w*['"]?\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation['"]?\s*:\s*false/],
    ['sandbox: false', /\bsandbox['"]?\s*:\s*false/],
    ['webSecurity: false', /webSecurity['"]?\s*:\s*false/],
    ['allowRunningInsecureContent: true', /allowRunningInsecureContent['"]?\s*:\s*true/],
    ['webviewTag: true', /webviewTag['"]?\s*:\s*true/],
    ['the remote module', /@electron\/remote|enableRemoteModule/],
  ])('contain no %s', (_label, pattern) => {
    const offenders = shipped
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repo, file));
    expect(offenders).toEqual([]);
  });
});

describe('electron/ sources', () => {
  it('never load the renderer from file:// (it is served from app://credence/)', () => {
    const offenders = sources('electron')
      .filter((file) => /\.loadFile\s*\(|['"`]file:\/\//.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repo, file));
    expect(offenders).toEqual([]);
  });
});

describe('the preload import graph', () => {
  // Sandboxed preloads can require only `electron` (and a few polyfills), so everything the
  // preload imports must be bundled and free of Node built-ins and native modules.
  function graph(entry: string, seen = new Set<string>(), external = new Set<string>()) {
    if (seen.has(entry)) return { seen, external };
    seen.add(entry);
    const text = readFileSync(entry, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const line = match[0];
      const specifier = match[1];
      if (/^\s*(?:import|export)\s+type\s/.test(line)) continue;
      if (specifier.startsWith('.')) graph(resolve(dirname(entry), specifier), seen, external);
      else external.add(specifier);
    }
    return { seen, external };
  }

  it('reaches only electron, the bridge key and the plain list of contract names: no zod, no schema, no message catalogue', () => {
    const { seen, external } = graph(join(repo, 'electron', 'preload.ts'));
    expect([...external].sort()).toEqual(['electron']);
    const files = [...seen].map((file) => relative(repo, file)).sort();
    expect(files).toEqual([join('core', 'ipc', 'bridge.ts'), join('core', 'ipc', 'channel-names.ts'), join('electron', 'ipc-wire.ts'), join('electron', 'preload.ts')]);
  });
});

describe('renderer/index.html CSP', () => {
  const file = join(repo, 'renderer', 'index.html');

  function directives(policy: string): string[] {
    return policy
      .split(';')
      .map((directive) => directive.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
  }

  it('equals the header policy minus frame-ancestors (not allowed in a meta tag)', () => {
    expect(existsSync(file), 'renderer/index.html must exist').toBe(true);
    const html = readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]);
    const cspMetas = metas.filter((tag) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(tag));
    expect(cspMetas).toHaveLength(1);
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(cspMetas[0]);
    expect(content).not.toBeNull();
    const meta = directives(content![1] ?? content![2]);
    const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'));
    expect(meta).toEqual(expected);
    expect(meta.join('; ')).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta.some((d) => d.startsWith('frame-ancestors'))).toBe(false);
  });
});
