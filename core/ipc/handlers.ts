import { bureauHandlers } from '../bureau/ipc-handlers.ts';
import { ImportJobs } from '../importers/jobs.ts';
import { ledgerHandlers } from '../ledger/ipc-handlers.ts';
import { AppLock } from '../lock/app-lock.ts';
import type { ProfileSource, ProfileSummary } from '../profiles/profile-store.ts';
import { listNeedsReview, resolveReview } from '../review/credit-review.ts';
import { scoreHandlers } from '../score/ipc-handlers.ts';
import type { Keychain } from '../storage/encryption/key-wrap.ts';
import { guardWithLock, lockHandlers } from './app-lock.ts';
import { backupHandlers, type BackupDialogs } from './backups.ts';
import type { importChannels } from './channels/imports.ts';
import type { appChannels, profileChannels } from './channels/profiles.ts';
import { encryptionHandlers } from './profile-keys.ts';
import type { Emit, Handlers } from './registry.ts';

export interface HandlerContext {
  store: ProfileSource;
  dataDir: string;
  version: string;
  transport: 'electron' | 'http' | 'test' | 'cli';
  emit: Emit;
  /** The app lock (core/lock/app-lock.ts); one with its idle setting in memory is made when not given. */
  lock?: AppLock;
  /** The OS keychain for quick unlock: the desktop app only. */
  keychain?: Keychain;
  /** Main's own file dialogs: the desktop app only (elsewhere a typed path is taken instead). */
  dialogs?: BackupDialogs;
}

/** Handlers of one domain's channel module (core/ipc/channels/<domain>.ts). */
type DomainHandlers<Channels> = Pick<Handlers, keyof Channels & keyof Handlers>;

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

function profileHandlers(ctx: HandlerContext): DomainHandlers<typeof appChannels & typeof profileChannels> {
  return {
    'app.info': () => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
    'profiles.list': () => ({ profiles: ctx.store.list().map(publicProfile) }),
    'profiles.create': async ({ name, passphrase, quickUnlock }) => {
      if (passphrase === undefined) return { profile: publicProfile(ctx.store.create(name)) };
      const created = await ctx.store.createEncrypted(name, passphrase, quickUnlock ? ctx.keychain : undefined);
      return { profile: publicProfile(created.profile), recoveryCode: created.recoveryCode };
    },
    'profiles.checkName': ({ name }) => ({ name: ctx.store.validateNewName(name) }),
    'profiles.delete': ({ id }) => {
      ctx.store.delete(id);
      return { deleted: true as const };
    },
  };
}

function importHandlers(ctx: HandlerContext, lock: AppLock): DomainHandlers<typeof importChannels> {
  const imports = new ImportJobs(ctx.store, ctx.emit);
  lock.onLock(() => imports.cancelAll());
  return {
    'import.files': ({ profileId, importId, files, password }) =>
      imports.run({
        profileId,
        importId,
        password,
        files: files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
      }),
    'import.cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'review.list': ({ profileId }) => listNeedsReview(ctx.store.database(profileId)),
    'review.resolve': ({ profileId, transactionId, action }) => resolveReview(ctx.store.database(profileId), transactionId, action),
  };
}

/**
 * The main-process side of every channel; the same functions serve Electron, tests and preview.
 * Each domain contributes its handlers; a channel without one fails the typecheck here.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  const lock = ctx.lock ?? new AppLock(ctx.store, { emit: ctx.emit, keychain: ctx.keychain });
  return guardWithLock(
    {
      ...profileHandlers(ctx),
      ...importHandlers(ctx, lock),
      ...ledgerHandlers(ctx),
      ...bureauHandlers(ctx),
      ...scoreHandlers(ctx),
      ...lockHandlers(ctx, lock),
      ...encryptionHandlers(ctx),
      ...backupHandlers(ctx),
    },
    lock,
  );
}
