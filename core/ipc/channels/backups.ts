import { z } from 'zod';
import { backupInfoSchema, restoreOutcomeSchema } from '../../storage/backups.ts';
import { profileSecretSchema } from '../../storage/encryption/key-wrap.ts';
import { profileId } from '../schemas.ts';

// Backups and restore (core/storage/backups.ts; handlers in core/ipc/handlers/backups.ts). The page never
// touches a file: in the desktop app a location is chosen in main's own file dialog; the preview
// server and the CLI, which have no dialog, take a path typed by the user. A backup's shape:
// core/storage/backups.ts.

const path = z.string().min(1).max(4096);

export const backupChannels = {
  'backups.list': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ backups: z.array(backupInfoSchema), folder: z.string(), locations: z.enum(['dialog', 'path']) }),
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
    response: z.strictObject({ backup: backupInfoSchema }),
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
      secret: profileSecretSchema.optional(),
    }),
    response: restoreOutcomeSchema,
  },
} as const;
