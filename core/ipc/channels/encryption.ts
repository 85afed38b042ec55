import { z } from 'zod';
import { encryptOutcomeSchema } from '../../storage/encryption/convert.ts';
import { profileSecretSchema } from '../../storage/encryption/key-wrap.ts';
import { profileId } from '../schemas.ts';

// Encrypting a profile and changing what unlocks it (core/storage/encryption; handlers in
// core/ipc/handlers/encryption.ts). Every one of them needs the profile unlocked first.

const passphrase = z.string().min(1).max(1024);

export const encryptionChannels = {
  'profile.encrypt': {
    request: z.strictObject({ profileId, passphrase, quickUnlock: z.boolean().optional() }),
    response: encryptOutcomeSchema,
  },
  'profile.passphrase': {
    request: z.strictObject({ profileId, current: profileSecretSchema, next: passphrase }),
    response: z.strictObject({ changed: z.literal(true) }),
  },
  'profile.rekey': {
    request: z.strictObject({ profileId, passphrase }),
    response: z.strictObject({ recoveryCode: z.string() }),
  },
  'profile.quickUnlock': {
    request: z.strictObject({ profileId, enabled: z.boolean() }),
    response: z.strictObject({ enabled: z.boolean() }),
  },
} as const;
