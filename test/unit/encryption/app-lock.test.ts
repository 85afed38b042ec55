// The app lock (core/lock/app-lock.ts, core/ipc/app-lock.ts): while locked, every channel of the
// contract refuses a well-formed request, except the unlock screen's own, which carry no profile
// data; the idle lock; the preview server behaving the same over HTTP.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../../core/ipc/contract.ts';
import { channels } from '../../../core/ipc/contract.ts';
import { OPEN_WHILE_LOCKED } from '../../../core/ipc/handlers/lock.ts';
import { AppLock } from '../../../core/ipc/lock/app-lock.ts';
import { startPreviewServer } from '../../../core/preview/server.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { wellFormedRequests } from '../../helpers/channel-requests.ts';
import { tempDir } from '../../helpers/temp.ts';
import { appOver } from './helpers-ipc.ts';
import { importFixtures, PASSPHRASE, sensitiveStrings } from './helpers.ts';

/** One well-formed request per channel (test/helpers/channel-requests.ts), on the given profile. */
function requests(profileId: string): { [C in Channel]: Request<C> } {
  const uuid = '0b9f2c8e-4a61-4d2b-9a43-7f6f0e5c1d22';
  const terms: Request<'consent.notice'>['terms'] = {
    recipient: { name: 'Adviser', kind: 'individual', contact: 'a@example.com', location: 'CN' },
    purpose: { code: 'credit_review' },
    categories: [{ code: 'accounts', fields: ['name'] }],
    expiresOn: '2099-01-01',
    maxExports: 1,
    recipientDeleteBy: '2099-02-01',
    language: 'en',
  };
  return wellFormedRequests({
    profileId,
    accountId: 1,
    transactionId: 1,
    queryId: 1,
    observationId: 1,
    consentId: uuid,
    withdrawnConsentId: uuid,
    importId: uuid,
    noticeSha256: '0'.repeat(64),
    requiredTicks: [],
    terms,
    passphrase: PASSPHRASE,
  });
}

async function lockedAppWithData() {
  const app = appOver();
  const created = await app.call('profiles.create', { name: '王先生', passphrase: PASSPHRASE });
  const plain = app.store.create('明文档案');
  for (const id of [created.profile.id, plain.id]) await importFixtures(app.store.database(id));
  const strings = sensitiveStrings(app.store.database(plain.id));
  await app.call('lock.now', {});
  return { app, encryptedId: created.profile.id, plainId: plain.id, strings };
}

describe('a locked app', () => {
  it('refuses every channel of the contract but the unlock screen’s, for encrypted and plaintext profiles alike', async () => {
    const { app, encryptedId, plainId, strings } = await lockedAppWithData();
    expect(app.events).toContainEqual({ event: 'lock.changed', payload: { locked: true, reason: 'user' } });
    for (const profileId of [encryptedId, plainId]) {
      const all = requests(profileId);
      for (const channel of channels) {
        const envelope = await app.dispatch(channel, all[channel]);
        const text = JSON.stringify(envelope);
        // Whatever answers carries none of the profile's data.
        for (const secret of strings) expect(text, `${channel} leaked ${secret}`).not.toContain(secret);
        if (OPEN_WHILE_LOCKED.has(channel)) {
          // lock.unlock on the plaintext profile lifts the lock (its file never had a secret): lock again.
          await app.call('lock.now', {});
          continue;
        }
        expect(envelope, channel).toMatchObject({ ok: false, error: { code: 'app.locked' } });
      }
    }
    expect([...OPEN_WHILE_LOCKED].sort()).toEqual(['app.info', 'lock.activity', 'lock.now', 'lock.status', 'lock.unlock', 'profiles.list']);
    // The wrong passphrase (in the walk above) left it locked; the list shows names and lock state only.
    expect(await app.call('lock.status', {})).toMatchObject({ locked: true });
    const listed = await app.call('profiles.list', {});
    expect(listed.profiles.map((p: object) => Object.keys(p).sort().join(',')).sort()).toEqual(['createdAt,encryption,id,name', 'createdAt,id,name']);
    // The keys are gone from memory with the lock: the store itself refuses the encrypted profile.
    expect(() => app.store.database(encryptedId)).toThrow(expect.objectContaining({ code: 'profile.locked' }));
  });

  it('unlocks with the passphrase; another encrypted profile stays locked until its own passphrase is given', async () => {
    const { app, encryptedId } = await lockedAppWithData();
    const other = await app.store.createEncrypted('李女士', 'her own passphrase');
    app.store.lock();
    await expect(app.call('lock.unlock', { profileId: encryptedId, secret: { kind: 'passphrase', passphrase: 'wrong!!!' } })).rejects.toMatchObject({
      payload: { code: 'key.passphrase_wrong' },
    });
    await app.call('lock.unlock', { profileId: encryptedId, secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    expect((await app.dispatch('score.report', { profileId: encryptedId })).ok).toBe(true);
    expect(await app.dispatch('score.report', { profileId: other.profile.id })).toMatchObject({ ok: false, error: { code: 'profile.locked' } });
    expect(await app.dispatch('profiles.delete', { id: other.profile.id })).toMatchObject({ ok: false, error: { code: 'profile.locked' } });
    expect(app.events.at(-1)).toEqual({ event: 'lock.changed', payload: { locked: false, reason: 'user' } });
  });

  it('locks itself after the idle time the user chose, and not while the user is active', async () => {
    let now = 0;
    const dataDir = tempDir();
    const app = appOver({ dataDir, lockOptions: { now: () => now, checkEveryMs: 0, settingsFile: `${dataDir}/app-lock.json` } });
    const { lock, store } = app;
    const { profile } = await app.call('profiles.create', { name: 'Idle', passphrase: PASSPHRASE });
    expect((await app.call('lock.status', {})).idleMinutes).toBe(10);
    await app.call('lock.settings.save', { idleMinutes: 5 });
    now += 4 * 60_000;
    await app.call('lock.activity', {});
    now += 4 * 60_000;
    lock.checkIdle();
    expect((await app.dispatch('score.report', { profileId: profile.id })).ok).toBe(true);
    now += 60_000;
    lock.checkIdle();
    expect(await app.dispatch('score.report', { profileId: profile.id })).toMatchObject({ ok: false, error: { code: 'app.locked' } });
    // The setting survives a restart; "never" is a choice too.
    expect(new AppLock(store, { checkEveryMs: 0, settingsFile: `${dataDir}/app-lock.json` }).idleMinutes).toBe(5);
    await app.call('lock.unlock', { profileId: profile.id, secret: { kind: 'passphrase', passphrase: PASSPHRASE } });
    await app.call('lock.settings.save', { idleMinutes: null });
    now += 24 * 3600_000;
    lock.checkIdle();
    expect((await app.call('lock.status', {})).locked).toBe(false);
    expect(await app.dispatch('lock.settings.save', { idleMinutes: 7 })).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request' } });
  });
});

describe('the preview server', () => {
  it('behaves the same over HTTP: locked, every channel but the unlock screen’s refuses', async () => {
    const dataDir = tempDir();
    const store = new ProfileStore(dataDir);
    const profile = store.create('Preview');
    await importFixtures(store.database(profile.id));
    const strings = sensitiveStrings(store.database(profile.id));
    const server = await startPreviewServer({ rendererDir: tempDir(), store, dataDir, uploadDir: join(dataDir, '.credence-uploads'), version: 't', log: () => {} });
    const post = async (channel: string, payload: unknown) => {
      const response = await fetch(`${server.origin}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify(payload),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string } };
    };
    try {
      expect((await post('score.report', { profileId: profile.id })).ok).toBe(true);
      expect(await post('lock.now', {})).toMatchObject({ ok: true });
      const all = requests(profile.id);
      for (const channel of channels) {
        const envelope = await post(channel, all[channel]);
        for (const secret of strings) expect(JSON.stringify(envelope)).not.toContain(secret);
        if (OPEN_WHILE_LOCKED.has(channel)) await post('lock.now', {});
        else expect(envelope, channel).toMatchObject({ ok: false, error: { code: 'app.locked' } });
      }
      // A plaintext profile needs no secret to lift the lock (its file never had one); the screen says so.
      expect(await post('lock.unlock', { profileId: profile.id })).toMatchObject({ ok: true });
      expect((await post('score.report', { profileId: profile.id })).ok).toBe(true);
    } finally {
      await server.close();
      store.close();
    }
  });
});

