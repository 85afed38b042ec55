import type { ProfileStore, ProfileSummary } from '../profiles/profile-store.ts';
import type { Emit, Handlers } from './registry.ts';

export interface HandlerContext {
  store: ProfileStore;
  dataDir: string;
  version: string;
  transport: 'electron' | 'http' | 'test';
  emit: Emit;
}

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

/** The main-process side of every channel; the same functions serve Electron, tests and preview. */
export function createHandlers(ctx: HandlerContext): Handlers {
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
