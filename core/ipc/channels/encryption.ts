import { z } from 'zod';
import { profileId } from '../schemas.ts';
import { backupInfo } from './backups.ts';
import { profileSecret } from './lock.ts';

// Encrypting a profile and changing what unlocks it (core/storage/encryption; handlers in
// core/ipc/profile-keys.ts). Every one of them needs the profile unlocked first.

const passphrase = z.string().min(1).max(1024);

export const encryptionChannels = {
  'profile.encrypt': {
    request: z.strictObject({ profileId, passphrase, quickUnlock: z.boolean().optional() }),
    response: z.object({ recoveryCode: z.string(), backup: backupInfo, reencryptedBackups: z.number().int() }),
  },
  'profile.passphrase': {
    request: z.strictObject({ profileId, current: profileSecret, next: passphrase }),
    response: z.object({ changed: z.literal(true) }),
  },
  'profile.rekey': {
    request: z.strictObject({ profileId, passphrase }),
    response: z.object({ recoveryCode: z.string() }),
  },
  'profile.quickUnlock': {
    request: z.strictObject({ profileId, enabled: z.boolean() }),
    response: z.object({ enabled: z.boolean() }),
  },
} as const;
