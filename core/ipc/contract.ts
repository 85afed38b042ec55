import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../errors.ts';

// The one IPC contract. Main validates every request and response against it, the preload
// exposes only its channel and event names, and the renderer's calls are typed from it.

const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });

export const errorPayloadSchema = z.object({
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: localizedText,
  details: z.record(z.string(), z.unknown()),
});

const profileId = z.uuid();

const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  problem: errorPayloadSchema.optional(),
});

export const contract = {
  'app.info': {
    request: z.strictObject({}),
    response: z.object({ version: z.string(), dataDir: z.string(), transport: z.enum(['electron', 'http', 'test']) }),
  },
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

/** Events main may push to the renderer (none carry user-supplied channels). */
export const events = {
  'app.notice': z.object({ message: localizedText }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<Contract[C]['request']>;
export type Response<C extends Channel> = z.output<Contract[C]['response']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type ErrorPayloadWire = z.output<typeof errorPayloadSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayloadWire };

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
