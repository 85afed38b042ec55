// The main-process side of the app and profile channels (core/ipc/channels/profiles.ts).

import { buildSampleProfile } from '../../sample/build-sample.ts';
import { rosterEntry } from '../../plan/roster.ts';
import { today } from '../../shared/calendar.ts';
import { editClientDetails, setArchived } from '../../settings/client-details.ts';
import type { ProfileSummary } from '../../storage/profile-store.ts';
import type { appChannels, profileChannels } from '../channels/profiles.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';
import type { AppLock } from '../lock/app-lock.ts';

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

/**
 * The roster line of a profile this process can read; none for a locked or unreadable one (listed
 * all the same), and none for any while the app is locked: the unlock screen lists names only.
 */
function withRoster(ctx: HandlerContext, lock: AppLock, profile: ProfileSummary) {
  if (lock.isLocked || profile.problem || profile.encryption?.locked) return publicProfile(profile);
  try {
    return { ...publicProfile(profile), client: rosterEntry(ctx.store.database(profile.id), today()) };
  } catch {
    return publicProfile(profile);
  }
}

export function profileHandlers(ctx: HandlerContext, lock: AppLock): DomainHandlers<typeof appChannels & typeof profileChannels> {
  return {
    'app.info': () => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
    'profiles.list': () => ({ profiles: ctx.store.list().map((profile) => withRoster(ctx, lock, profile)) }),
    'profiles.create': async ({ name, passphrase, quickUnlock }) => {
      if (passphrase === undefined) return { profile: publicProfile(ctx.store.create(name)) };
      const created = await ctx.store.createEncrypted(name, passphrase, quickUnlock ? ctx.keychain : undefined);
      return { profile: publicProfile(created.profile), recoveryCode: created.recoveryCode };
    },
    // Built on a connection of its own (its imports hold a transaction across awaits); a failure
    // removes the half-built profile, so the store is as it was.
    'profiles.createSample': async ({ name }) => {
      const created = ctx.store.create(name);
      const db = ctx.store.connect(created.id);
      try {
        const built = await buildSampleProfile(db, today());
        db.close();
        return { profile: publicProfile(ctx.store.summary(created.id)), ...built };
      } catch (error) {
        db.close();
        ctx.store.delete(created.id);
        throw error;
      }
    },
    'profiles.checkName': ({ name }) => ({ name: ctx.store.validateNewName(name) }),
    'profiles.editClient': ({ id, ...edit }) => ({ details: editClientDetails(ctx.store.database(id), edit) }),
    'profiles.archive': ({ id, archived }) => ({ details: setArchived(ctx.store.database(id), archived) }),
    'profiles.delete': ({ id }) => {
      ctx.store.delete(id);
      return { deleted: true as const };
    },
  };
}
