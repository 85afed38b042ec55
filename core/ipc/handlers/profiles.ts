// The main-process side of the app and profile channels (core/ipc/channels/profiles.ts).

import { rosterEntry } from '../../plan/roster.ts';
import { today } from '../../shared/calendar.ts';
import { editClientDetails, setArchived } from '../../settings/client-details.ts';
import type { ProfileSummary } from '../../storage/profile-store.ts';
import type { appChannels, profileChannels } from '../channels/profiles.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

/** The roster line of a profile this process can read; none for a locked or unreadable one (listed all the same). */
function withRoster(ctx: HandlerContext, profile: ProfileSummary) {
  if (profile.problem || profile.encryption?.locked) return publicProfile(profile);
  try {
    return { ...publicProfile(profile), client: rosterEntry(ctx.store.database(profile.id), today()) };
  } catch {
    return publicProfile(profile);
  }
}

export function profileHandlers(ctx: HandlerContext): DomainHandlers<typeof appChannels & typeof profileChannels> {
  return {
    'app.info': () => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
    'profiles.list': () => ({ profiles: ctx.store.list().map((profile) => withRoster(ctx, profile)) }),
    'profiles.create': async ({ name, passphrase, quickUnlock }) => {
      if (passphrase === undefined) return { profile: publicProfile(ctx.store.create(name)) };
      const created = await ctx.store.createEncrypted(name, passphrase, quickUnlock ? ctx.keychain : undefined);
      return { profile: publicProfile(created.profile), recoveryCode: created.recoveryCode };
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
