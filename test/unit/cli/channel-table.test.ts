// One API surface: every channel of the contract is reachable from `credence` (or belongs to the
// app's window, with the reason), every command goes through the contract (or says why it needs
// nothing of it), and what each command declares is what it really calls.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ONLY, channelTable, CLI_ONLY, subcommandsOf, type ChannelRow } from '../../../core/cli/channel-table.ts';
import { commands } from '../../../core/cli/commands/index.ts';
import type { Command } from '../../../core/cli/commands/command.ts';
import { SESSION_CHANNELS } from '../../../core/cli/contract-call.ts';
import { channels, type Channel } from '../../../core/ipc/contract.ts';
import { tempDir } from '../../helpers/temp.ts';
import { runCli, seedCliWalk } from '../consent/helpers.ts';

/** The channels no command reaches and no reason excuses: what the table must never have. */
function unreachable(table: ChannelRow[]): Channel[] {
  return table.filter((row) => row.commands.length === 0 && !row.appOnly && !row.session).map((row) => row.channel);
}

/** The same commands with one channel taken out of every declaration. */
function without(channel: Channel): Command[] {
  return commands.map((command) => ({
    ...command,
    subcommands: Object.fromEntries(Object.entries(command.subcommands).map(([name, sub]) => [name, { ...sub, channels: sub.channels.filter((c) => c !== channel) }])),
  }));
}

describe('the channel↔command table', () => {
  it('reaches every channel of the contract from a command, or names why the channel is the app’s alone', () => {
    const table = channelTable(commands);
    expect(table.map((row) => row.channel)).toEqual([...channels]);
    expect(unreachable(table)).toEqual([]);
    // An excused channel that a command does call is no longer the app's alone: the reason is stale.
    expect(table.filter((row) => row.appOnly && row.commands.length > 0).map((row) => row.channel)).toEqual([]);
    for (const [channel, reason] of Object.entries(APP_ONLY)) {
      expect(channels, channel).toContain(channel);
      expect(reason!['zh-CN'].length > 0 && reason!.en.length > 0, channel).toBe(true);
    }
  });

  it('fails when a channel that changes profile data loses its command', () => {
    // `credence month set` is the only way to the month's facts: without it the table is incomplete.
    expect(unreachable(channelTable(without('ledger.month.set')))).toEqual(['ledger.month.set']);
    expect(unreachable(channelTable(without('ledger.transaction.assign')))).toEqual(['ledger.transaction.assign']);
  });

  it('has every command go through the contract, or say why it needs none of it', () => {
    const subs = subcommandsOf(commands);
    expect(subs.filter((s) => s.channels.length === 0).map((s) => s.words)).toEqual(Object.keys(CLI_ONLY));
    for (const words of Object.keys(CLI_ONLY)) expect(subs.map((s) => s.words)).toContain(words);
  });
});

describe('each command', () => {
  let files: string;
  const saved = process.env.TMPDIR;
  beforeEach(() => {
    files = tempDir('credence-cli-walk-');
  });
  afterEach(() => {
    process.env.TMPDIR = saved;
  });

  it('calls exactly the channels it declares (and the session’s unlock), on a profile full of data', async () => {
    const { invocations } = await seedCliWalk(files);
    const declared = new Map(subcommandsOf(commands).map((s) => [s.words.replace(/^credence /, ''), new Set<string>(s.channels)]));
    expect([...declared.keys()].sort()).toEqual(Object.keys(invocations).sort());
    const seen = new Map<string, Set<string>>();
    for (const [words, runs] of Object.entries(invocations)) {
      const called = new Set<string>();
      for (const args of runs) {
        const { code, stderr, calls } = await runCli([...args, '--lang', 'en']);
        expect(code, `${words}: ${stderr}`).toBeLessThan(2);
        for (const channel of calls) called.add(channel);
      }
      seen.set(words, called);
      const allowed = new Set([...declared.get(words)!, ...SESSION_CHANNELS]);
      expect([...called].filter((c) => !allowed.has(c)), `${words} calls what it does not declare`).toEqual([]);
      expect([...declared.get(words)!].filter((c) => !called.has(c)), `${words} declares what it never calls`).toEqual([]);
    }
    // The encrypted scratch profile was unlocked the way the app's unlock screen does it.
    expect(seen.get('profile rekey')).toContain('lock.unlock');
  }, 120_000); // every command once, the sample client (profile create --sample) among them
});
