import { z } from 'zod';
import { BACKUP_REASONS } from '../../shared/backup-reasons.ts';
import { profileId } from '../schemas.ts';
import { profileSecret } from './lock.ts';

// Backups and restore (core/storage/backups.ts; handlers in core/ipc/backups.ts). The page never
// touches a file: in the desktop app a location is chosen in main's own file dialog; the preview
// server and the CLI, which have no dialog, take a path typed by the user.

export const backupInfo = z.object({
  name: z.string(),
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int(),
  encrypted: z.boolean(),
});

const path = z.string().min(1).max(4096);

export const backupChannels = {
  'backups.list': {
    request: z.strictObject({ profileId }),
    response: z.object({ backups: z.array(backupInfo), folder: z.string(), locations: z.enum(['dialog', 'path']) }),
  },
  'backups.create': {
    request: z.strictObject({
      profileId,
      destination: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('folder') }),
        z.strictObject({ kind: z.literal('dialog') }),
        z.strictObject({ kind: z.literal('path'), path }),
      ]),
    }),
    response: z.object({ backup: backupInfo }),
  },
  'backups.restore': {
    request: z.strictObject({
      profileId,
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('backup'), name: z.string().min(1).max(200) }),
        z.strictObject({ kind: z.literal('dialog') }),
        z.strictObject({ kind: z.literal('path'), path }),
      ]),
      /** Only for a backup made under an earlier key: the passphrase or recovery code of that time. */
      secret: profileSecret.optional(),
    }),
    response: z.object({ restored: z.string(), safety: backupInfo }),
  },
} as const;
