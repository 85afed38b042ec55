// Packaging of the one native module: every target keeps exactly its own prebuild, and a fresh
// `npm ci` has nothing to compile.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const PACKAGE = 'better-sqlite3-multiple-ciphers';
const packageDir = join(repo, 'node_modules', PACKAGE);
// electron-builder's own YAML reader (a dependency of electron-builder, which reads this file).
const yaml = createRequire(join(repo, 'node_modules/app-builder-lib/package.json'))('js-yaml') as { load(text: string): unknown };

interface Config {
  files: string[];
  asarUnpack: string[];
  win: { files: string[]; target: Array<{ arch: string[] }> };
  mac: { files: string[]; target: Array<{ arch: string[] }> };
  linux: { files: string[] };
}
const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as Config;

/** What electron-builder ships of the package's files for one target: the last matching pattern decides, as in its file sets. */
function shipped(platform: 'win' | 'mac' | 'linux', arch: string): string[] {
  const patterns = [...config.files, ...config[platform].files].map((pattern) => pattern.replaceAll('${arch}', arch));
  const files = readdirSync(packageDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join('node_modules', PACKAGE, entry.parentPath.slice(packageDir.length), entry.name).replaceAll('\\', '/'));
  return files.filter((file) => {
    let keep = true;
    for (const pattern of patterns) {
      const negated = pattern.startsWith('!');
      if (negated && matchesGlob(file, pattern.slice(1))) keep = false;
    }
    return keep;
  });
}

describe('packaging better-sqlite3-multiple-ciphers', () => {
  it('ships 8 Node-API prebuilds and needs no compiler: no install script, gypfile false', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    expect(pkg.version).toBe('13.0.3');
    expect(pkg.gypfile).toBe(false);
    expect(pkg.scripts?.install).toBeUndefined();
    expect(readdirSync(join(packageDir, 'prebuilds')).sort()).toEqual(
      ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'linuxmusl-arm64', 'linuxmusl-x64', 'win32-arm64', 'win32-x64'].map((t) => `${t}.node`),
    );
    const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(root.dependencies[PACKAGE]).toBe('13.0.3');
    expect(root.dependencies['better-sqlite3']).toBeUndefined();
  });

  it.each([
    ['win', 'x64', ['win32-x64.node']],
    ['win', 'arm64', ['win32-arm64.node']],
    ['mac', 'x64', ['darwin-x64.node']],
    ['mac', 'arm64', ['darwin-arm64.node']],
    ['linux', 'x64', ['linux-x64.node', 'linuxmusl-x64.node']],
    ['linux', 'arm64', ['linux-arm64.node', 'linuxmusl-arm64.node']],
  ] as const)('%s %s keeps exactly its own prebuild and none of the C sources', (platform, arch, expected) => {
    const files = shipped(platform, arch);
    expect(files.filter((file) => file.endsWith('.node')).map((file) => file.split('/').pop()).sort()).toEqual([...expected]);
    expect(files.some((file) => file.includes('/deps/') || file.includes('/src/'))).toBe(false);
    expect(files).toContain(`node_modules/${PACKAGE}/lib/binding.js`);
  });

  it('unpacks the prebuilds from the asar (a .node cannot load from inside it)', () => {
    expect(config.asarUnpack).toEqual([`node_modules/${PACKAGE}/prebuilds/*.node`]);
  });

  it('keeps the package external in the main bundle: electron-vite externalises dependencies, and nothing turns that off', () => {
    const viteConfig = readFileSync(join(repo, 'electron.vite.config.ts'), 'utf8');
    const main = viteConfig.slice(viteConfig.indexOf('main:'), viteConfig.indexOf('preload:'));
    expect(main).not.toMatch(/externalizeDeps:\s*false/);
  });
});
