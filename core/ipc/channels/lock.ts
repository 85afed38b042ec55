import { z } from 'zod';
import { idleMinutesSchema } from '../lock/lock-settings.ts';
import { profileId } from '../schemas.ts';

// The app lock and unlocking (core/lock/app-lock.ts; handlers in core/ipc/app-lock.ts). These are
// the only channels besides app.info and profiles.list that answer while the app is locked.

/** What unlocks an encrypted profile. Lengths bound the request only; the rules live in core/storage/encryption. */
export const profileSecret = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }),
  z.strictObject({ kind: z.literal('recovery'), code: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('keychain') }),
]);

const idleMinutes = idleMinutesSchema;

const lockStatus = z.object({
  locked: z.boolean(),
  idleMinutes,
  idleChoices: z.array(z.number()),
  /** Whether this app can offer quick unlock with the OS keychain (the desktop app, with a real keychain). */
  quickUnlockAvailable: z.boolean(),
});

export const lockChannels = {
  'lock.status': { request: z.strictObject({}), response: lockStatus },
  'lock.now': { request: z.strictObject({}), response: z.object({ locked: z.literal(true) }) },
  'lock.unlock': {
    request: z.strictObject({ profileId, secret: profileSecret.optional() }),
    response: z.object({ locked: z.literal(false) }),
  },
  /** The page saw the user type or click (sent at most every few seconds): the idle time restarts. */
  'lock.activity': { request: z.strictObject({}), response: z.object({ locked: z.boolean() }) },
  'lock.settings.save': { request: z.strictObject({ idleMinutes }), response: lockStatus },
} as const;

export const lockEvents = {
  'lock.changed': z.object({ locked: z.boolean(), reason: z.enum(['user', 'idle', 'system']) }),
} as const;
