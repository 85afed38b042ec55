// `npm run bench`: every benchmark, one after another, each printing its own figures.
//   npm run bench                 all of them
//   npm run bench -- import       only bench/import.bench.ts (any name prefix)
//   npm run bench -- import 100000   …with its arguments after the name
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [only, ...rest] = process.argv.slice(2);
const benches = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.startsWith(only)))
  .sort();
for (const file of benches) {
  console.log(`\n=== ${file}`);
  execFileSync(process.execPath, [join(import.meta.dirname, file), ...rest], { stdio: 'inherit' });
}
