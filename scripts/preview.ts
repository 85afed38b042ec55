// `npm run preview`: the whole app in a local browser, for machines where Electron cannot be
// downloaded. Builds the renderer when out/renderer is missing or stale, then serves it and the
// one IPC contract on 127.0.0.1 (core/preview/server.ts) and prints one URL with this run's token.
//
//   npm run preview -- [--port N] [--data-dir DIR | --db FILE] [--no-build | --renderer-dir DIR]
//
// Data: the desktop app's own data folder by default (CREDENCE_DATA_DIR overrides it), or
// --data-dir DIR, or --db FILE: exactly one profile database file (see SingleFileProfileStore).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CredenceError } from '../core/shared/errors.ts';
import { rendererIsStale } from '../core/preview/freshness.ts';
import { startPreviewServer, type PreviewServer } from '../core/preview/server.ts';
import type { ProfileSource } from '../core/storage/profile-store.ts';
import { SingleFileProfileStore } from '../core/storage/single-file-store.ts';
import { ProfileStore } from '../core/storage/profile-store.ts';
import { defaultDataDir } from '../core/storage/data-dir.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const RENDERER_OUT = join(REPO_ROOT, 'out', 'renderer');
/** What the renderer bundle is made from: its sources, the core modules it imports, the build config and the locked packages. */
export const RENDERER_INPUTS = ['renderer', 'core', 'electron.vite.config.ts', 'package.json', 'package-lock.json'].map((path) => join(REPO_ROOT, path));

export interface PreviewIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export interface PreviewOverrides {
  /** Replaces the renderer build (tests). */
  build?: () => Promise<void>;
}

export interface RunningPreview {
  url: string;
  server: PreviewServer;
  stop(): Promise<void>;
}

export const USAGE = [
  'Usage: npm run preview -- [--port N] [--data-dir DIR | --db FILE] [--no-build | --renderer-dir DIR]',
  '用法：npm run preview -- [--port 端口] [--data-dir 文件夹 | --db 文件] [--no-build | --renderer-dir 文件夹]',
  '',
  'Serves Credence to a browser on this computer only (127.0.0.1), on the same profiles as the desktop app.',
  '在本机浏览器中使用 Credence（仅限 127.0.0.1），与桌面应用使用同一批档案。',
  '',
  '  --port N            listen on port N (default: a free port) / 监听端口（默认自动选择空闲端口）',
  '  --data-dir DIR      use the profiles in DIR (default: the desktop app\'s data folder) / 使用该文件夹中的档案',
  '  --db FILE           work on this one profile database file; created by "new profile" if absent / 只使用这一个档案数据库文件',
  '  --no-build          serve out/renderer as it is, without rebuilding it / 不重新构建界面',
  '  --renderer-dir DIR  serve an already built interface from DIR (implies --no-build) / 使用该文件夹中已构建的界面',
  '  --help              this text / 显示本帮助',
].join('\n');

/** electron-vite's own renderer build (the same config and presets as `electron-vite build`), renderer only. */
export async function buildRenderer(): Promise<void> {
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig({ root: REPO_ROOT, configFile: join(REPO_ROOT, 'electron.vite.config.ts') }, 'build', 'production');
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer build.');
  await build(renderer);
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function describe(error: unknown): string {
  if (error instanceof CredenceError) return `${error.localized['zh-CN']}\n${error.localized.en}`;
  return error instanceof Error ? error.message : String(error);
}

/** The page's uploads wait for their import in a folder beside the profiles (core/preview/uploads.ts). */
const UPLOADS_FOLDER = '.credence-uploads';

function openStore(values: { db?: string; 'data-dir'?: string }, env: NodeJS.ProcessEnv): { store: ProfileSource; shown: string; uploadDir: string; lockSettingsFile?: string } {
  if (values.db !== undefined) {
    const file = resolve(values.db);
    if (!existsSync(dirname(file))) throw new CredenceError('db.not_found', { file });
    // An existing file must be a readable Credence profile: checked read-only, refused untouched otherwise.
    if (existsSync(file)) {
      try {
        const [listed] = new SingleFileProfileStore(file).list();
        if (listed?.problem) throw new CredenceError(listed.problem.code, listed.problem.details);
      } catch (error) {
        if (error instanceof CredenceError) throw error;
        throw new CredenceError('db.corrupt', { file, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { store: new SingleFileProfileStore(file), shown: file, uploadDir: join(dirname(file), UPLOADS_FOLDER) };
  }
  const dataDir = values['data-dir'] !== undefined ? resolve(values['data-dir']) : defaultDataDir(env);
  return { store: new ProfileStore(dataDir), shown: dataDir, uploadDir: join(dataDir, UPLOADS_FOLDER), lockSettingsFile: join(dataDir, 'app-lock.json') };
}

/**
 * Parses the arguments, builds if needed, starts the server and prints its URL. Returns the running
 * preview, or an exit code (0 for --help, 1 when it could not start, 2 for a usage error).
 */
export async function runPreview(argv: string[], io: PreviewIo, overrides: PreviewOverrides = {}): Promise<RunningPreview | number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-build': { type: 'boolean' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.db !== undefined && values['data-dir'] !== undefined) {
    io.err(`--db and --data-dir cannot be used together. / --db 与 --data-dir 不能同时使用。\n\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`--port must be a whole number from 0 to 65535. / --port 须为 0 到 65535 的整数。\n\n${USAGE}`);
    return 2;
  }

  const rendererDir = values['renderer-dir'] !== undefined ? resolve(values['renderer-dir']) : RENDERER_OUT;
  if (!values['no-build'] && values['renderer-dir'] === undefined && rendererIsStale(join(RENDERER_OUT, 'index.html'), RENDERER_INPUTS)) {
    io.out('Building the interface… / 正在构建界面…');
    try {
      await (overrides.build ?? buildRenderer)();
    } catch (error) {
      io.err(`The interface could not be built: ${describe(error)}\n界面构建失败。`);
      return 1;
    }
  }
  if (!existsSync(join(rendererDir, 'index.html'))) {
    io.err(`${rendererDir} holds no built interface (index.html); run without --no-build. / 该文件夹中没有已构建的界面，请去掉 --no-build 再运行。`);
    return 1;
  }

  let opened: ReturnType<typeof openStore>;
  try {
    opened = openStore(values, io.env);
  } catch (error) {
    io.err(describe(error));
    return 1;
  }
  let server: PreviewServer;
  try {
    server = await startPreviewServer({ rendererDir, store: opened.store, dataDir: opened.shown, uploadDir: opened.uploadDir, version: packageVersion(), port, lockSettingsFile: opened.lockSettingsFile });
  } catch (error) {
    opened.store.close();
    io.err(`The preview server could not start: ${describe(error)}\n预览服务器无法启动。`);
    return 1;
  }

  io.out(
    [
      'Credence is running. Open this address in a browser on this computer:',
      'Credence 已启动。请在本机的浏览器中打开以下地址：',
      '',
      `  ${server.url}`,
      '',
      `Data / 数据: ${opened.shown}`,
      'The address carries this run\'s secret key: do not share it. Stop with Ctrl+C.',
      '地址中含有本次运行的密钥，请勿分享。按 Ctrl+C 停止。',
    ].join('\n'),
  );
  let stopped = false;
  return {
    url: server.url,
    server,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      opened.store.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io: PreviewIo = { out: (line) => console.log(line), err: (line) => console.error(line), env: process.env };
  const result = await runPreview(process.argv.slice(2), io);
  if (typeof result === 'number') {
    process.exitCode = result;
  } else {
    // `npm start` passes its signals on, so the same one may arrive twice: stop once, exit once.
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      void result.stop().then(() => process.exit(0));
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
  }
}
