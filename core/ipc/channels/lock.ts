import { z } from 'zod';
import { idleMinutesSchema, LOCK_REASONS } from '../lock/lock-settings.ts';
import { profileSecretSchema } from '../../storage/encryption/key-wrap.ts';
import { profileId } from '../schemas.ts';

// The app lock and unlocking (core/ipc/lock/app-lock.ts; handlers in core/ipc/handlers/lock.ts).
// These are the only channels besides app.info and profiles.list that answer while the app is locked.

const idleMinutes = idleMinutesSchema;

const lockStatus = z.strictObject({
  locked: z.boolean(),
  idleMinutes,
  idleChoices: z.array(z.number()),
  /** Whether this app can offer quick unlock with the OS keychain (the desktop app, with a real keychain). */
  quickUnlockAvailable: z.boolean(),
});

export const lockChannels = {
  'lock.status': { request: z.strictObject({}), response: lockStatus },
  'lock.now': { request: z.strictObject({}), response: z.strictObject({ locked: z.literal(true) }) },
  'lock.unlock': {
    request: z.strictObject({ profileId, secret: profileSecretSchema.optional() }),
    response: z.strictObject({ locked: z.literal(false) }),
  },
  /** The page saw the user type or click (sent at most every few seconds): the idle time restarts. */
  'lock.activity': { request: z.strictObject({}), response: z.strictObject({ locked: z.boolean() }) },
  'lock.settings.save': { request: z.strictObject({ idleMinutes }), response: lockStatus },
} as const;

export const lockEvents = {
  'lock.changed': z.strictObject({ locked: z.boolean(), reason: z.enum(LOCK_REASONS) }),
} as const;
