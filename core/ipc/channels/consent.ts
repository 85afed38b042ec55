import { z } from 'zod';
import { TICK_CODES } from '../../consent/catalogue.ts';
import { columnSchema } from '../../consent/categories/types.ts';
import { logVerificationSchema } from '../../consent/consent-log.ts';
import { renderedNoticeSchema } from '../../consent/notice.ts';
import { RECEIPT_KINDS } from '../../consent/receipts.ts';
import { consentViewSchema, exportViewSchema } from '../../consent/records.ts';
import { day, localizedText } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// Consent and export (core/consent): the catalogue the consent screen is built from, the notice
// of draft terms, granting on the separate consent screen, withdrawing, receipts, exports under
// a consent and the chained log's check. Terms travel as a plain record: core validates them and
// names each bad field (consent.invalid_terms). The consent's and the export's shapes:
// core/consent/record.ts and records.ts.

const consentId = z.uuid();
const scope = z.array(z.strictObject({ code: z.string().max(40), fields: z.array(z.string().max(40)).max(50) })).max(20);

/** A receipt as issued (core/consent/receipts.ts), with its JSON and readable text (core/ipc/handlers/consent.ts). */
const receiptView = z.strictObject({
  id: z.string(),
  kind: z.enum(RECEIPT_KINDS),
  issuedAt: z.string(),
  sha256: z.string(),
  auditId: z.number().int(),
  /** The receipt as issued (JSON), and as readable text in both languages. */
  json: z.string(),
  text: localizedText,
});

export const consentChannels = {
  'consent.catalogue': {
    request: z.strictObject({}),
    response: z.strictObject({
      categories: z.array(z.strictObject({ code: z.string(), label: localizedText, purpose: localizedText, sensitive: z.boolean(), restricted: z.array(z.string()), columns: z.array(columnSchema) })),
      purposes: z.array(z.strictObject({ code: z.string(), label: localizedText })),
      ticks: z.array(z.strictObject({ code: z.enum(TICK_CODES), label: localizedText })),
      redaction: z.strictObject({ profile: z.string(), rules: z.array(z.strictObject({ id: z.string(), label: localizedText, example: z.tuple([z.string(), z.string()]) })) }),
      limits: z.strictObject({ maxDays: z.number().int(), maxExports: z.number().int(), minPasswordLength: z.number().int() }),
      /** Main's today (UTC+8), for the form's default dates. */
      today: day,
    }),
  },
  'consent.notice': {
    request: z.strictObject({ profileId, terms: z.record(z.string(), z.unknown()) }),
    response: renderedNoticeSchema.extend({ requiredTicks: z.array(z.enum(TICK_CODES)) }),
  },
  'consent.grant': {
    request: z.strictObject({
      profileId,
      terms: z.record(z.string(), z.unknown()),
      noticeSha256: z.string().max(64),
      evidence: z.strictObject({ typedName: z.string().max(200), ticks: z.array(z.string().max(40)).max(20) }),
      supersedes: consentId.nullable().optional(),
    }),
    response: z.strictObject({ consent: consentViewSchema, receipt: receiptView }),
  },
  'consent.list': {
    request: z.strictObject({ profileId }),
    response: z.strictObject({ consents: z.array(consentViewSchema) }),
  },
  'consent.withdraw': {
    request: z.strictObject({ profileId, consentId }),
    response: z.strictObject({ consent: consentViewSchema, receipt: receiptView }),
  },
  'consent.receipts': {
    request: z.strictObject({ profileId, consentId }),
    response: z.strictObject({ receipts: z.array(receiptView) }),
  },
  'export.create': {
    request: z.strictObject({
      profileId,
      consentId,
      /** Absent: core generates one and answers it once. */
      password: z.string().max(1000).optional(),
      unencrypted: z.literal(true).optional(),
      /** The sample profile (core/sample) is refused unless this is chosen explicitly (export.synthetic_profile). */
      includeSample: z.literal(true).optional(),
      scope: scope.optional(),
    }),
    response: z.strictObject({
      /** saved: main wrote the file where the person chose; download: the page hands the bytes to the browser; cancelled: the save dialog was closed. */
      outcome: z.enum(['saved', 'download', 'cancelled']),
      export: exportViewSchema.nullable(),
      consent: consentViewSchema.nullable(),
      fileName: z.string().nullable(),
      download: z.strictObject({ fileName: z.string(), dataBase64: z.string() }).nullable(),
      generatedPassword: z.string().nullable(),
    }),
  },
  'audit.verify': {
    request: z.strictObject({ profileId }),
    response: logVerificationSchema,
  },
} as const;
