#!/usr/bin/env node
import module from 'node:module';
import { fileURLToPath } from 'node:url';
// The credence CLI runs core/ straight from its TypeScript sources, which needs Node 22.18+ (type
// stripping) and is what better-sqlite3 13 requires anyway. `npx credence` in the project uses the
// Node 24 that the project installs.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `credence needs Node.js 22.18 or newer (this is ${process.version}). Run it as \`npx credence\` inside the project, which uses the project's Node 24.\n` +
      `credence 需要 Node.js 22.18 或更新版本（当前为 ${process.version}）。请在项目目录中以 \`npx credence\` 运行，它使用项目自带的 Node 24。`,
  );
  process.exit(1);
}
process.removeAllListeners('warning');
// `credence … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', (error) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : (() => { throw error; })()));
// Node keeps what it compiled of core's sources (type stripping included) in a cache beside them,
// checked against each source's hash, so a later run skips it: that is most of a run's start
// (about 0.7 of 1.0 CPU s for `credence --version`, bench/import.bench.ts). A folder it cannot
// write leaves the run as it was; NODE_DISABLE_COMPILE_CACHE=1 turns it off, NODE_COMPILE_CACHE
// moves it. Not Node's default, the shared temporary folder: someone else's files there would run as ours.
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE || fileURLToPath(new URL('../node_modules/.cache/credence-compile-cache', import.meta.url)));
// A long import's thread would otherwise grow V8's young generation to 128 MB, and in some runs its
// old generation to 120 MB of mostly dead objects (core/ipc/young-generation.ts).
const heap = await import('../core/ipc/young-generation.ts');
heap.holdYoungGeneration();
heap.holdOldGeneration();
const { main } = await import('../core/cli/credence.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
});
