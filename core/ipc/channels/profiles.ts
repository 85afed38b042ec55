import { z } from 'zod';
import { errorPayloadSchema, profileId } from '../schemas.ts';

const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  problem: errorPayloadSchema.optional(),
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
    // Length rules live in the store, whose error names the rule in both languages.
    request: z.strictObject({ name: z.string().max(1000) }),
    response: z.object({ profile: profileSummary }),
  },
  'profiles.delete': {
    request: z.strictObject({ id: profileId }),
    response: z.object({ deleted: z.literal(true) }),
  },
} as const;
