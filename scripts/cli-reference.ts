// `npm run docs:cli`: writes the CLI's command list and its channel↔command table
// into README.md between the cli-reference markers, from the command table itself
// (test/unit/cli/help.test.ts fails while the README differs from it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelTable, CLI_ONLY } from '../core/cli/channel-table.ts';
import { commands } from '../core/cli/commands/index.ts';
import { cliReference, CLI_REFERENCE_END as END, CLI_REFERENCE_START as START } from '../core/cli/help.ts';

const readme = join(import.meta.dirname, '..', 'README.md');
const text = readFileSync(readme, 'utf8');
const at = text.indexOf(START);
const end = text.indexOf(END);
if (at < 0 || end < at) throw new Error(`README.md has no ${START} … ${END} block`);
const block = cliReference(commands, channelTable(commands), CLI_ONLY, 'en');
writeFileSync(readme, `${text.slice(0, at + START.length)}\n${block}\n${text.slice(end)}`);
console.log(`README.md: ${block.split('\n').length} lines of CLI reference`);
