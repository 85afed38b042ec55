import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererIsStale } from '../../../core/preview/freshness.ts';
import { RENDERER_INPUTS, RENDERER_OUT, runPreview, type RunningPreview } from '../../../scripts/preview.ts';
import { tempDir } from '../../helpers/temp.ts';
import { fakeRenderer } from './helpers.ts';

const URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)\/#token=[A-Za-z0-9_-]{43}/g;

async function run(args: string[], env: NodeJS.ProcessEnv = {}, build?: () => Promise<void>) {
  const out: string[] = [];
  const err: string[] = [];
  const result = await runPreview(args, { out: (line) => out.push(line), err: (line) => err.push(line), env }, { build });
  return { result, out: out.join('\n'), err: err.join('\n') };
}

async function running(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ preview: RunningPreview; out: string }> {
  const { result, out, err } = await run(args, env);
  if (typeof result === 'number') throw new Error(`preview exited ${result}: ${err}`);
  return { preview: result, out };
}

async function appInfo(preview: RunningPreview) {
  const response = await fetch(`${preview.server.origin}/ipc/app.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${preview.server.token}` },
    body: '{}',
  });
  return (await response.json()).value as { dataDir: string; transport: string };
}

describe('npm run preview (scripts/preview.ts)', () => {
  it('prints exactly one URL, with the token in its fragment, and serves the data folder given', async () => {
    const dataDir = tempDir();
    const { preview, out } = await running(['--renderer-dir', fakeRenderer(), '--data-dir', dataDir]);
    const urls = out.match(URL_PATTERN) ?? [];
    expect(urls).toEqual([preview.url]);
    expect(out).toContain(dataDir);
    const page = await fetch(preview.server.origin + '/');
    expect(page.status).toBe(200);
    expect(await appInfo(preview)).toMatchObject({ dataDir, transport: 'http' });
    expect(existsSync(join(dataDir, 'profiles'))).toBe(true);
    await preview.stop();
    await expect(fetch(preview.server.origin + '/')).rejects.toThrow();
  });

  it('uses the desktop app\'s data folder by default (CREDENCE_DATA_DIR honoured)', async () => {
    const dataDir = tempDir();
    const { preview } = await running(['--renderer-dir', fakeRenderer()], { CREDENCE_DATA_DIR: dataDir });
    expect((await appInfo(preview)).dataDir).toBe(dataDir);
    await preview.stop();
  });

  it('serves one database file with --db, and refuses a file that is not a Credence profile, untouched', async () => {
    const dir = tempDir();
    const file = join(dir, 'client.sqlite');
    const { preview } = await running(['--renderer-dir', fakeRenderer(), '--db', file]);
    expect((await appInfo(preview)).dataDir).toBe(file);
    await preview.stop();

    const broken = join(dir, 'notes.sqlite');
    writeFileSync(broken, 'my notes, not a database');
    const refused = await run(['--renderer-dir', fakeRenderer(), '--db', broken]);
    expect(refused.result).toBe(1);
    expect(refused.err).toMatch(/integrity|完整性/);
    expect(readFileSync(broken, 'utf8')).toBe('my notes, not a database');

    const nowhere = await run(['--renderer-dir', fakeRenderer(), '--db', join(dir, 'missing', 'x.sqlite')]);
    expect(nowhere.result).toBe(1);
  });

  it('listens on the port asked for, and says so when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const taken = (blocker.address() as { port: number }).port;
    const busy = await run(['--renderer-dir', fakeRenderer(), '--data-dir', tempDir(), '--port', String(taken)]);
    expect(busy.result).toBe(1);
    expect(busy.err).toMatch(/EADDRINUSE|could not start/);
    await new Promise<void>((done) => blocker.close(() => done()));
    const { preview } = await running(['--renderer-dir', fakeRenderer(), '--data-dir', tempDir(), '--port', String(taken)]);
    expect(preview.server.port).toBe(taken);
    await preview.stop();
  });

  it('answers --help and refuses bad arguments with exit code 2', async () => {
    const help = await run(['--help']);
    expect(help.result).toBe(0);
    expect(help.out).toMatch(/npm run preview/);
    for (const args of [['--db', 'a.sqlite', '--data-dir', 'x'], ['--port', 'http'], ['--port', '70000'], ['--bogus'], ['positional']]) {
      const refused = await run(args);
      expect(refused.result, args.join(' ')).toBe(2);
      expect(refused.err).toMatch(/Usage/);
    }
  });

  it('refuses to serve a folder with no built interface', async () => {
    const refused = await run(['--renderer-dir', tempDir(), '--data-dir', tempDir()]);
    expect(refused.result).toBe(1);
    expect(refused.err).toMatch(/index\.html/);
  });

  it('builds the interface exactly when out/renderer is missing or older than its sources', async () => {
    const stale = rendererIsStale(join(RENDERER_OUT, 'index.html'), RENDERER_INPUTS);
    let built = 0;
    const { result } = await run(['--data-dir', tempDir()], {}, async () => {
      built++;
    });
    if (typeof result !== 'number') await result.stop();
    expect(built).toBe(stale ? 1 : 0);
    const skipped = await run(['--data-dir', tempDir(), '--no-build'], {}, async () => {
      built++;
    });
    if (typeof skipped.result !== 'number') await skipped.result.stop();
    expect(built).toBe(stale ? 1 : 0);
  });
});

describe('rendererIsStale', () => {
  it('is stale when the output is missing or any input is newer', () => {
    const dir = tempDir();
    const out = join(dir, 'out', 'index.html');
    const src = join(dir, 'src');
    mkdirSync(join(src, 'deep'), { recursive: true });
    writeFileSync(join(src, 'deep', 'a.ts'), 'a');
    expect(rendererIsStale(out, [src])).toBe(true);
    mkdirSync(join(dir, 'out'));
    writeFileSync(out, 'built');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(src, 'deep', 'a.ts'), past, past);
    expect(rendererIsStale(out, [src, join(dir, 'missing.json')])).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(src, 'deep', 'a.ts'), future, future);
    expect(rendererIsStale(out, [src])).toBe(true);
  });
});
