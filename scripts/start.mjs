// `npm start`: make sure Electron's binary is here (it downloads on first run where the network
// allows), then build and open the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

function binaryPresent() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

if (!binaryPresent()) {
  console.log('Downloading Electron (first run) / 首次运行，正在下载 Electron…');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (download.status !== 0 || !binaryPresent()) {
    console.error(
      [
        '',
        'Electron could not be downloaded on this machine (no network access to its release files).',
        'The core still runs headless: try `npx credence --help`.',
        '无法在本机下载 Electron（无法访问其发布文件）。核心功能仍可通过命令行使用：npx credence --help',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const run = spawnSync(process.execPath, [createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js'), 'preview'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
