import { CredenceError } from '../../shared/errors.ts';
import type { AppLock } from '../lock/app-lock.ts';
import { IDLE_CHOICES } from '../lock/lock-settings.ts';
import type { lockChannels } from '../channels/lock.ts';
import type { Channel } from '../contract.ts';
import type { HandlerContext } from '../handler-context.ts';
import type { Handlers } from '../registry.ts';

type LockHandlers = Pick<Handlers, keyof typeof lockChannels>;

/**
 * What answers while the app is locked: what the unlock screen needs (the lock itself, the
 * profiles' names as listed before unlocking, the version), nothing that reads a profile's data.
 * Every other channel, present or added later, refuses until the app is unlocked.
 */
export const OPEN_WHILE_LOCKED: ReadonlySet<Channel> = new Set<Channel>([
  'app.info',
  'profiles.list',
  'lock.status',
  'lock.now',
  'lock.unlock',
  'lock.activity',
]);

export function lockHandlers(ctx: HandlerContext, lock: AppLock): LockHandlers {
  const status = async () => ({
    locked: lock.isLocked,
    idleMinutes: lock.idleMinutes,
    idleChoices: [...IDLE_CHOICES],
    quickUnlockAvailable: ctx.keychain ? (await ctx.keychain.backend()) !== null : false,
  });
  return {
    'lock.status': status,
    'lock.now': () => {
      lock.lock('user');
      return { locked: true as const };
    },
    'lock.unlock': async ({ profileId, secret }) => {
      await lock.unlock(profileId, secret);
      return { locked: false as const };
    },
    'lock.activity': () => {
      if (!lock.isLocked) lock.touch();
      return { locked: lock.isLocked };
    },
    'lock.settings.save': ({ idleMinutes }) => {
      lock.saveSettings({ idleMinutes });
      return status();
    },
  };
}

function summaryOrNull(lock: AppLock, profileId: string) {
  try {
    return lock.store.summary(profileId);
  } catch {
    return null;
  }
}

/**
 * Puts the lock in front of every handler: while the app is locked only OPEN_WHILE_LOCKED answers;
 * unlocked, a request naming an encrypted profile whose key this process does not hold is refused
 * before its handler runs, whatever that handler would read (a cache included).
 */
export function guardWithLock(handlers: Handlers, lock: AppLock): Handlers {
  const guarded = {} as Record<Channel, (request: unknown) => unknown>;
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as (request: unknown) => unknown;
    if (OPEN_WHILE_LOCKED.has(channel)) {
      guarded[channel] = handler;
      continue;
    }
    guarded[channel] = (request) => {
      if (lock.isLocked) throw new CredenceError('app.locked');
      const profileId = (request as { profileId?: unknown }).profileId;
      // An unknown or unreadable profile is the handler's to refuse, in its own words; the store refuses a locked one again.
      const profile = typeof profileId === 'string' ? summaryOrNull(lock, profileId) : null;
      if (profile?.encryption?.locked) throw new CredenceError('profile.locked', { name: profile.name });
      return handler(request);
    };
  }
  return guarded as Handlers;
}
