// `npm start`: the desktop app where Electron can run (its binary downloads on first run where the
// network allows); where it cannot, say why and start the same app in the browser instead
// (`npm run preview`: scripts/preview.ts), unless --no-preview-fallback.
//
//   npm start [-- --preview] [-- --no-preview-fallback] [-- preview options: --port N, --data-dir DIR, --db FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const PREVIEW_SCRIPT = join(ROOT, 'scripts', 'preview.ts');

function electronDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** The Electron executable, when its binary has been downloaded. */
export function electronBinary(dir = electronDir()) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function downloadElectron(dir = electronDir()) {
  console.log('Downloading Electron (first run) / 首次运行，正在下载 Electron…');
  const download = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit' });
  return download.status === 0;
}

/** Whether the binary starts at all (a minimal system may lack the libraries it links). */
function electronRuns(binary) {
  const probe = spawnSync(binary, ['--version'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 30_000,
  });
  return probe.status === 0;
}

const REASONS = {
  download: [
    'Electron could not be downloaded on this machine (no network access to its release files).',
    '无法在本机下载 Electron（无法访问其发布文件）。',
  ],
  display: [
    'Electron needs a graphical display, and this session has none (no DISPLAY or WAYLAND_DISPLAY).',
    'Electron 需要图形界面，而当前会话没有（未设置 DISPLAY 或 WAYLAND_DISPLAY）。',
  ],
  run: [
    'Electron was downloaded but cannot run on this system (missing system libraries?).',
    '已下载 Electron，但无法在本系统上运行（可能缺少系统库）。',
  ],
};

/**
 * What `npm start` does: 'electron', 'preview' (with the reason Electron cannot run, or none when
 * asked for with --preview) or 'fail' (Electron cannot run and --no-preview-fallback).
 * Each probe is a function so that tests can decide the answers.
 */
export function planStart({ args, platform = process.platform, env = process.env, binary, download, runs }) {
  if (args.includes('--preview')) return { kind: 'preview', reason: undefined };
  const fallback = args.includes('--no-preview-fallback') ? 'fail' : 'preview';
  let found = binary();
  if (!found) {
    if (!download() || !(found = binary())) return { kind: fallback, reason: 'download' };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { kind: fallback, reason: 'display' };
  if (!runs(found)) return { kind: fallback, reason: 'run' };
  return { kind: 'electron', reason: undefined };
}

/** The arguments meant for scripts/preview.ts: everything but start's own flags. */
export function previewArgs(args) {
  return args.filter((arg) => arg !== '--preview' && arg !== '--no-preview-fallback');
}

/**
 * Runs a long-lived child (the app, or the preview server) with this terminal, passing on the
 * signals that stop it, so that stopping `npm start` never leaves a server behind. Resolves to its exit code.
 */
function runChild(file, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    signals.forEach((signal) => process.on(signal, forward));
    child.on('error', () => done(1));
    child.on('exit', (code) => {
      signals.forEach((name) => process.off(name, forward));
      done(code ?? 1);
    });
  });
}

async function main(args) {
  const plan = planStart({ args, binary: () => electronBinary(), download: () => downloadElectron(), runs: electronRuns });
  if (plan.kind === 'electron') {
    return runChild(require.resolve('electron-vite/bin/electron-vite.js'), ['preview']);
  }
  if (plan.reason) console.error(['', ...REASONS[plan.reason]].join('\n'));
  if (plan.kind === 'fail') {
    console.error(
      [
        'Run the same app in your browser instead: npm run preview',
        'The core also runs headless: npx credence --help',
        '可改为在浏览器中使用同一应用：npm run preview；核心功能也可通过命令行使用：npx credence --help',
      ].join('\n'),
    );
    return 1;
  }
  if (plan.reason) {
    console.error(
      [
        'Starting the same app in your browser instead (npm run preview)…',
        '改为在浏览器中启动同一应用（npm run preview）……',
        '',
      ].join('\n'),
    );
  }
  return runChild(PREVIEW_SCRIPT, previewArgs(args));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
