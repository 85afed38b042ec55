import { z } from 'zod';
import { errorPayloadSchema, profileId } from '../schemas.ts';

const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  problem: errorPayloadSchema.optional(),
  encryption: z.object({ locked: z.boolean(), quickUnlock: z.boolean() }).optional(),
});

export const appChannels = {
  'app.info': {
    request: z.strictObject({}),
    response: z.object({ version: z.string(), dataDir: z.string(), transport: z.enum(['electron', 'http', 'test', 'cli']) }),
  },
} as const;

export const profileChannels = {
  'profiles.list': {
    request: z.strictObject({}),
    response: z.object({ profiles: z.array(profileSummary) }),
  },
  'profiles.create': {
    // Length rules live in the store, whose error names the rule in both languages. With a
    // passphrase the profile is encrypted (the app's default); without one it is plaintext.
    request: z.strictObject({ name: z.string().max(1000), passphrase: z.string().min(1).max(1024).optional(), quickUnlock: z.boolean().optional() }),
    response: z.object({ profile: profileSummary, recoveryCode: z.string().optional() }),
  },
  /** The store's own name rules, before the app asks for a passphrase: a taken or blank name is refused first. */
  'profiles.checkName': {
    request: z.strictObject({ name: z.string().max(1000) }),
    response: z.object({ name: z.string() }),
  },
  'profiles.delete': {
    request: z.strictObject({ id: profileId }),
    response: z.object({ deleted: z.literal(true) }),
  },
} as const;
