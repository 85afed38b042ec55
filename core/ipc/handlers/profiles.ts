// The main-process side of the app and profile channels (core/ipc/channels/profiles.ts).

import type { ProfileSummary } from '../../storage/profile-store.ts';
import type { appChannels, profileChannels } from '../channels/profiles.ts';
import type { DomainHandlers, HandlerContext } from '../handler-context.ts';

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

export function profileHandlers(ctx: HandlerContext): DomainHandlers<typeof appChannels & typeof profileChannels> {
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
