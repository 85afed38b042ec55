// Nothing leaves a profile except through an export under a consent: every IPC channel and every
// CLI command is called on a profile full of data, and only export.create / `credence export`
// with a valid consent ever asks for a destination, hands bytes to the page or writes a file.
// Writes are watched where a handler could put them: the data folder, the working folder and
// the temporary folder (TMPDIR) of the process.

import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../core/cli/commands/index.ts';
import { main } from '../../../core/cli/credence.ts';
import { channels, type Channel } from '../../../core/ipc/contract.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { wellFormedRequests } from '../../helpers/channel-requests.ts';
import { tempDir } from '../../helpers/temp.ts';
import { grant, liveTerms, seedCliWalk, seedProfile } from './helpers.ts';

function filesUnder(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(relative(dir, e.parentPath), e.name))
      // The profile's own database (and its WAL files, and its clean-close marker: size, time and
      // inode, no data) is where the data lives, not out of it.
      .filter((name) => !/\.sqlite(-wal|-shm|\.clean)?$/.test(name))
      .map((name) => `${dir}:${name}`),
  ).sort();
}

let cwd: string;
let tmp: string;
const saved = { cwd: process.cwd(), tmp: process.env.TMPDIR };
beforeEach(() => {
  cwd = tempDir('credence-cwd-');
  tmp = tempDir('credence-tmp-');
  process.chdir(cwd);
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.tmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved.tmp;
});

describe('every IPC channel', () => {
  it('is walked, and only export.create under a valid consent asks for a destination or returns a package', async () => {
    const { db, store, dataDir, profileId } = await seedProfile();
    const active = grant(db, liveTerms(), new Date()).consent.id;
    const withdrawn = grant(db, liveTerms(), new Date()).consent.id;
    const accountId = (db.prepare('SELECT id FROM credit_accounts ORDER BY id LIMIT 1').pluck().get() as number);
    const transactionId = db.prepare('SELECT id FROM transactions ORDER BY id LIMIT 1').pluck().get() as number;
    const queryId = db.prepare('SELECT id FROM credit_queries LIMIT 1').pluck().get() as number;
    const asked: string[] = [];
    const dispatch = createDispatch(
      createHandlers({
        store,
        dataDir,
        version: 't',
        transport: 'electron',
        emit: () => {},
        // Main's open dialog for bills, cancelled: it hands the page nothing, and writes nothing.
        chooseImportFiles: async () => null,
        chooseExportPath: async (name) => {
          asked.push(name);
          return { path: join(cwd, name), overwrite: false };
        },
      }),
    );
    const noticeSha = (await dispatch('consent.notice', { profileId, terms: liveTerms() })) as { ok: true; value: { sha256: string; requiredTicks: string[] } };
    // One realistic request per channel; deletions last.
    const observationId = 1;
    const samples: Record<Channel, unknown> = {
      ...wellFormedRequests({
        profileId,
        accountId,
        transactionId,
        queryId,
        observationId,
        consentId: active,
        withdrawnConsentId: withdrawn,
        importId: randomUUID(),
        noticeSha256: noticeSha.value.sha256,
        requiredTicks: noticeSha.value.requiredTicks,
        terms: liveTerms(),
        passphrase: 'a long enough passphrase',
      }),
      // Rewriting this profile's own file (encryption, a new key) is not a way out, but it would
      // move the files this test watches: these ask for a profile that does not exist.
      'profile.encrypt': { profileId: randomUUID(), passphrase: 'a long enough passphrase' },
      'profile.passphrase': { profileId: randomUUID(), current: { kind: 'passphrase', passphrase: 'a long enough passphrase' }, next: 'a new passphrase' },
      'profile.rekey': { profileId: randomUUID(), passphrase: 'a long enough passphrase' },
      'profiles.checkName': { name: '第三位客户' },
      'profiles.delete': { id: randomUUID() },
    };
    expect(Object.keys(samples).sort()).toEqual([...channels].sort());
    const before = filesUnder(dataDir, cwd, tmp);
    const ran: string[] = [];
    for (const channel of Object.keys(samples) as Channel[]) {
      const envelope = await dispatch(channel, samples[channel]);
      // Request validation passed: the handler itself ran (its own refusals are fine).
      if (!envelope.ok) expect(envelope.error.code, channel).not.toMatch(/^ipc\./);
      else ran.push(channel);
      expect(JSON.stringify(envelope), channel).not.toMatch(/"dataBase64":"/);
      expect(filesUnder(dataDir, cwd, tmp), channel).toEqual(before);
    }
    expect(asked).toEqual([]);
    // Refused by their handlers, as they should be: the withdrawn consent's export, the absent
    // profiles and backup, quick unlock of a plaintext profile, and records that do not exist; and
    // the three that answer a review (review.resolve, .resolveGroup, .undo): the seeded bill's only
    // credit event names 花呗 in its method column and waits for none.
    expect(ran.length).toBeGreaterThanOrEqual(channels.length - 13);

    // The one way out, with a valid consent: one destination asked for, one file, recorded.
    const made = await dispatch('export.create', { profileId, consentId: active, password: 'long enough' });
    expect(made).toMatchObject({ ok: true, value: { outcome: 'saved' } });
    expect(asked.length).toBe(1);
    expect(filesUnder(dataDir, cwd, tmp)).toEqual([...before, `${cwd}:${asked[0]}`].sort());
  });
});

describe('every CLI command', () => {
  async function run(args: string[]) {
    const err: string[] = [];
    const code = await main([...args, '--lang', 'en'], { out: () => {}, err: (t) => err.push(t), env: {} });
    return { code, stderr: err.join('\n') };
  }

  it('is walked, and only `credence export` under a valid consent writes a file', async () => {
    // Encrypting rewrites a profile's own files in place: the walk names one that does not exist.
    const { ids, invocations } = await seedCliWalk(tmp, 'absent');
    const out = join(cwd, 'package.zip');
    const samples = { ...invocations, export: [['export', '--consent', ids.withdrawnConsent, '--out', out, '--password-file', ids.passwordFile, '--db', ids.db]] };
    const walked = commands.flatMap((c) => Object.keys(c.subcommands).map((s) => (s === '' ? c.name : `${c.name} ${s}`))).sort();
    expect(Object.keys(samples).sort()).toEqual(walked);

    const before = filesUnder(cwd, tmp);
    for (const [name, runs] of Object.entries(samples)) {
      for (const args of runs) {
        const { code, stderr } = await run(args);
        expect(code, `${name}: ${stderr}`).toBeLessThan(2); // the command ran (usage errors are 2)
        expect(filesUnder(cwd, tmp), name).toEqual(before);
      }
    }
    expect((await run(['export', '--consent', ids.activeConsent, '--out', out, '--password-file', ids.passwordFile, '--db', ids.db])).code).toBe(0);
    expect(filesUnder(cwd, tmp)).toEqual([...before, `${cwd}:package.zip`].sort());
  });
});
