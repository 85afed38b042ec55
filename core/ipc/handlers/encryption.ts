import { encryptProfile } from '../../storage/encryption/convert.ts';
import { changePassphrase, rotateDataKey, setQuickUnlock } from '../../storage/encryption/key-changes.ts';
import type { encryptionChannels } from '../channels/encryption.ts';
import type { HandlerContext } from '../handler-context.ts';
import type { Handlers } from '../registry.ts';

type EncryptionHandlers = Pick<Handlers, keyof typeof encryptionChannels>;

export function actorOf(ctx: HandlerContext): string {
  return ctx.transport === 'cli' ? 'cli' : 'user';
}

/** The handlers of core/ipc/channels/encryption.ts: each works on the profile's own files through the store. */
export function encryptionHandlers(ctx: HandlerContext): EncryptionHandlers {
  const target = (profileId: string) => {
    const profile = ctx.store.summary(profileId);
    return { files: ctx.store.files, file: profile.file, name: profile.name, actor: actorOf(ctx), profile };
  };
  return {
    'profile.encrypt': async ({ profileId, passphrase, quickUnlock }) => {
      const { files, file, actor, profile } = target(profileId);
      const outcome = await encryptProfile({
        files,
        file,
        profile: { id: profile.id, name: profile.name, createdAt: profile.createdAt },
        passphrase,
        keychain: quickUnlock ? ctx.keychain : undefined,
        actor,
      });
      return outcome;
    },
    'profile.passphrase': async ({ profileId, current, next }) => {
      await changePassphrase({ ...target(profileId), current, next, keychain: ctx.keychain });
      return { changed: true as const };
    },
    'profile.rekey': async ({ profileId, passphrase }) => rotateDataKey({ ...target(profileId), passphrase, keychain: ctx.keychain }),
    'profile.quickUnlock': async ({ profileId, enabled }) => {
      await setQuickUnlock({ ...target(profileId), enabled, keychain: ctx.keychain });
      return { enabled };
    },
  };
}
