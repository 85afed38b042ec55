import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/** core/storage finds its SQL migrations beside its own module; in the bundle that is out/main. */
function copyMigrations(): Plugin {
  return {
    name: 'credence:copy-migrations',
    apply: 'build',
    writeBundle(options) {
      const outDir = options.dir ?? resolve(root, 'out/main');
      cpSync(resolve(root, 'core/storage/migrations'), resolve(outDir, 'migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // The import worker (core/ipc/import-jobs.ts) and the WAL checkpoint's beside an import
        // (core/storage/wal-checkpoint.ts) are entries of their own, beside index.js; shared chunks
        // stay in the same folder, so `./import-worker.js` and `./checkpoint-worker.js` resolve from any.
        input: {
          index: resolve(root, 'electron/main.ts'),
          'import-worker': resolve(root, 'core/ipc/import-worker.ts'),
          'checkpoint-worker': resolve(root, 'core/storage/checkpoint-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: one self-contained CommonJS file.
      isolatedEntries: true,
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
      },
    },
  },
});
