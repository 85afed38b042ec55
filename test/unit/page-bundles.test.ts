import { join } from 'node:path';
import { resolveConfig } from 'electron-vite';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

// The preload as electron-vite builds it for the app (electron.vite.config.ts), built in memory:
// a sandboxed preload bundles everything it imports, so what it imports is what it weighs.

const repo = join(import.meta.dirname, '..', '..');

async function built(target: 'preload' | 'renderer'): Promise<{ fileName: string; code: string }[]> {
  const resolved = await resolveConfig({ configFile: join(repo, 'electron.vite.config.ts'), logLevel: 'silent' }, 'build', 'production');
  const config = resolved.config![target]!;
  const output = (await build({ ...config, configFile: false, logLevel: 'silent', build: { ...config.build, write: false } })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  return (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).map((chunk) => ({ fileName: chunk.fileName, code: chunk.type === 'chunk' ? chunk.code : String(chunk.source) }));
}

describe('the built bundles of the page side', () => {
  it('is one file under 20 KB with no zod, no schema and no message catalogue, requiring only electron', async () => {
    const files = await built('preload');
    expect(files.map((f) => f.fileName)).toEqual(['index.cjs']);
    const { code } = files[0]!;
    // Measured 3.0 KB with the names in core/ipc/channel-names.ts; 259.6 KB when it imported the contract (zod, every schema) and the message catalogue.
    expect(Buffer.byteLength(code)).toBeLessThan(20 * 1024);
    expect(code).not.toMatch(/zod|ZodError|safeParse|strictObject/);
    // Messages of the catalogue (core/shared/errors.ts), in either language.
    expect(code).not.toMatch(/未知的请求通道|Unknown request channel|数据库/);
    expect([...code.matchAll(/require\((['"])([^'"]+)\1\)/g)].map((m) => m[2])).toEqual(['electron']);
    expect(code).toContain('"bureau.report"');
  }, 60_000);

  it('keeps zod out of the renderer: it reads the wire types off the schemas, never the schemas', async () => {
    const scripts = (await built('renderer')).filter((f) => f.fileName.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const { code } of scripts) expect(code).not.toMatch(/ZodError|safeParse|strictObject/);
  }, 60_000);
});
