import { z } from 'zod';
import { CREDIT_EVENT_KINDS } from '../../shared/credit-events.ts';
import { errorPayloadSchema, localizedText, profileId } from '../schemas.ts';

const creditEventKind = z.enum(CREDIT_EVENT_KINDS);
const directionTotal = z.object({ count: z.number().int(), fen: z.number().int() });
const localizedNotice = z.object({
  code: z.string(),
  line: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  message: localizedText,
});

const periodBound = z.object({ iso: z.string(), epoch: z.number().int() });
const exportPeriod = z.object({ start: periodBound, end: periodBound, source: z.enum(['stated', 'rows']) });

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
  period: exportPeriod.nullable(),
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

export const importChannels = {
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

export const importEvents = {
  'import.progress': z.object({
    importId: z.string(),
    file: z.string(),
    fileIndex: z.number().int(),
    fileCount: z.number().int(),
    rowsRead: z.number().int(),
    percent: z.number().nullable(),
  }),
} as const;
