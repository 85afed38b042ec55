import { z } from 'zod';
import { profileSummarySchema } from '../../storage/profile-store.ts';
import { profileId } from '../schemas.ts';

export const appChannels = {
  'app.info': {
    request: z.strictObject({}),
    response: z.strictObject({ version: z.string(), dataDir: z.string(), transport: z.enum(['electron', 'http', 'test']) }),
  },
} as const;

export const profileChannels = {
  'profiles.list': {
    request: z.strictObject({}),
    response: z.strictObject({ profiles: z.array(profileSummarySchema) }),
  },
  'profiles.create': {
    // Length rules live in the store, whose error names the rule in both languages.
    request: z.strictObject({ name: z.string().max(1000) }),
    response: z.strictObject({ profile: profileSummarySchema }),
  },
  'profiles.delete': {
    request: z.strictObject({ id: profileId }),
    response: z.strictObject({ deleted: z.literal(true) }),
  },
} as const;
