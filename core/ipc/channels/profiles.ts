import { z } from 'zod';
import { rosterProfileSchema } from '../../plan/roster.ts';
import { clientDetailsSchema } from '../../settings/client-details.ts';
import { profileSummarySchema } from '../../storage/profile-store.ts';
import { profileId } from '../schemas.ts';

/** Who asks: the desktop app, the preview page, a test harness, or the `credence` CLI. */
export const TRANSPORTS = ['electron', 'http', 'test', 'cli'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const appChannels = {
  'app.info': {
    request: z.strictObject({}),
    response: z.strictObject({ version: z.string(), dataDir: z.string(), transport: z.enum(TRANSPORTS) }),
  },
} as const;

export const profileChannels = {
  /** With each readable profile's roster line (client details, last import, the plan's next action). */
  'profiles.list': {
    request: z.strictObject({}),
    response: z.strictObject({ profiles: z.array(rosterProfileSchema) }),
  },
  'profiles.create': {
    // Length rules live in the store, whose error names the rule in both languages. With a
    // passphrase the profile is encrypted (the app's default); without one it is plaintext.
    request: z.strictObject({ name: z.string().max(1000), passphrase: z.string().min(1).max(1024).optional(), quickUnlock: z.boolean().optional() }),
    response: z.strictObject({ profile: profileSummarySchema, recoveryCode: z.string().optional() }),
  },
  /**
   * A new plaintext profile holding the synthetic sample client (core/sample): made-up data,
   * flagged as such (migration sample_profile_checklist), for a first look without exports of one's own.
   */
  'profiles.createSample': {
    request: z.strictObject({ name: z.string().max(1000) }),
    response: z.strictObject({ profile: profileSummarySchema, files: z.number().int(), rows: z.number().int(), accounts: z.number().int() }),
  },
  /** The store's own name rules, before the app asks for a passphrase: a taken or blank name is refused first. */
  'profiles.checkName': {
    request: z.strictObject({ name: z.string().max(1000) }),
    response: z.strictObject({ name: z.string() }),
  },
  /** An adviser's details of the client (core/settings/client-details.ts checks the fields; a field left out is kept). */
  'profiles.editClient': {
    request: z.strictObject({ id: profileId, phone: z.string().max(1000).nullable().optional(), tags: z.array(z.string().max(1000)).max(1000).optional(), notes: z.string().max(100_000).optional() }),
    response: z.strictObject({ details: clientDetailsSchema }),
  },
  /** Archived profiles leave the roster's default view; their data is untouched. */
  'profiles.archive': {
    request: z.strictObject({ id: profileId, archived: z.boolean() }),
    response: z.strictObject({ details: clientDetailsSchema }),
  },
  'profiles.delete': {
    request: z.strictObject({ id: profileId }),
    response: z.strictObject({ deleted: z.literal(true) }),
  },
} as const;
