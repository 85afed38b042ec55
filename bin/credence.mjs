#!/usr/bin/env node
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
const { main } = await import('../core/cli/credence.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
});
