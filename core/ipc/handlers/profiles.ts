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
    'profiles.create': ({ name }) => ({ profile: publicProfile(ctx.store.create(name)) }),
    'profiles.delete': ({ id }) => {
      ctx.store.delete(id);
      return { deleted: true as const };
    },
  };
}
