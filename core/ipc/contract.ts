import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../domain/credit-events.ts';
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

const creditEventKind = z.enum(CREDIT_EVENT_KINDS);
const directionTotal = z.object({ count: z.number().int(), fen: z.number().int() });
const localizedNotice = z.object({
  code: z.string(),
  line: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  message: localizedText,
});

export const importReportSchema = z.object({
  file: z.string(),
  platform: z.string(),
  variant: z.string(),
  batchId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string(), details: z.record(z.string(), z.unknown()), message: localizedText })),
  rejectedOmitted: z.number().int(),
  warnings: z.array(localizedNotice),
  warningsOmitted: z.number().int(),
  byDirection: z.object({ income: directionTotal, expense: directionTotal, neutral: directionTotal }),
  spending: directionTotal,
  statusClasses: z.record(z.string(), z.number().int()),
  refundsPaired: z.number().int(),
  reconciled: z.object({
    agrees: z.boolean().nullable(),
    checks: z.array(z.object({ field: z.string(), stated: z.number(), actual: z.number(), difference: z.number() })),
  }),
  creditEvents: z.partialRecord(creditEventKind, z.number().int()),
  needsReview: z.array(z.object({ line: z.number().int(), kind: creditEventKind, rule: z.string(), confidence: z.number() })),
  needsReviewOmitted: z.number().int(),
});

/** Files cross as base64 so that every transport (Electron IPC, tests, a local HTTP page) carries them alike. */
const importFile = z.strictObject({ name: z.string().min(1).max(255), dataBase64: z.base64() });

const reviewItem = z.object({
  id: z.number().int(),
  platform: z.string(),
  occurredAt: z.string(),
  amountFen: z.number().int(),
  direction: z.enum(['income', 'expense', 'neutral']),
  counterparty: z.string().nullable(),
  item: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  kind: creditEventKind,
  confidence: z.number().nullable(),
  sourceLine: z.number().int(),
  file: z.string(),
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
  'import.files': {
    request: z.strictObject({
      profileId,
      importId: z.uuid(),
      files: z.array(importFile).min(1).max(50),
      password: z.string().max(64).optional(),
    }),
    response: z.object({
      reports: z.array(importReportSchema),
      failures: z.array(z.object({ file: z.string(), error: errorPayloadSchema })),
    }),
  },
  'import.cancel': {
    request: z.strictObject({ importId: z.uuid() }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'review.list': {
    request: z.strictObject({ profileId }),
    response: z.object({ items: z.array(reviewItem), total: z.number().int() }),
  },
  'review.resolve': {
    request: z.strictObject({
      profileId,
      transactionId: z.number().int().positive(),
      // confirm: the event is right; correct: it is another kind, or (null) no credit event at all.
      action: z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('confirm') }),
        z.strictObject({ type: z.literal('correct'), kind: creditEventKind.nullable() }),
      ]),
    }),
    response: z.object({ remaining: z.number().int() }),
  },
} as const;

/** Events main may push to the renderer (none carry user-supplied channels). */
export const events = {
  'app.notice': z.object({ message: localizedText }),
  'import.progress': z.object({
    importId: z.string(),
    file: z.string(),
    fileIndex: z.number().int(),
    fileCount: z.number().int(),
    rowsRead: z.number().int(),
    percent: z.number().nullable(),
  }),
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
