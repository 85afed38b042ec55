import { z } from 'zod';
import { localizedText, profileId } from '../schemas.ts';

// Node-free like every channel module (the preload bundles the contract).
// Consent and export (core/consent): the catalogue the consent screen is built from, the notice
// of draft terms, granting on the separate consent screen, withdrawing, receipts, exports under
// a consent and the chained log's check. Terms travel as a plain record: core validates them and
// names each bad field (consent.invalid_terms).

const locale = z.enum(['zh-CN', 'en']);
const consentId = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const state = z.enum(['active', 'expired', 'used_up', 'withdrawn', 'superseded']);
const receiptKind = z.enum(['granted', 'amended', 'withdrawn', 'expired', 'superseded']);
const scope = z.array(z.strictObject({ code: z.string().max(40), fields: z.array(z.string().max(40)).max(50) })).max(20);

const recordSchema = z.object({
  schema: z.string(),
  consentId: z.string(),
  receiptVersion: z.string(),
  catalogueVersion: z.string(),
  jurisdiction: z.literal('CN'),
  language: locale,
  principal: z.object({ profileId: z.string(), display: z.string() }),
  recipient: z.object({ name: z.string(), kind: z.enum(['individual', 'firm']), contact: z.string(), location: z.enum(['CN', 'overseas']) }),
  purpose: z.object({ code: z.string(), text: z.string() }),
  method: z.string(),
  categories: z.array(z.object({ code: z.string(), sensitive: z.boolean(), restricted: z.array(z.string()), fields: z.array(z.string()) })),
  legalBasis: z.array(z.string()),
  crossBorder: z.boolean(),
  notice: z.object({ version: z.string(), language: locale, sha256: z.string() }),
  redactionProfile: z.string(),
  noOnwardTransfer: z.literal(true),
  validFrom: z.string(),
  expiresAt: z.string(),
  maxExports: z.number().int(),
  recipientDeleteBy: z.string(),
  collectionMethod: z.string(),
  evidence: z.object({ typedName: z.string(), ticks: z.array(z.string()), via: z.enum(['dashboard', 'cli']) }),
  supersedes: z.string().nullable(),
});

const exportView = z.object({
  id: z.string(),
  createdAt: z.string(),
  fileName: z.string(),
  delivery: z.enum(['file', 'download']),
  encrypted: z.boolean(),
  packageSha256: z.string(),
  packageBytes: z.number().int(),
  files: z.array(z.object({ path: z.string(), rows: z.number().int().nullable() })),
});

export const consentViewSchema = z.object({
  id: z.string(),
  state,
  record: recordSchema,
  grantedAt: z.string(),
  expiresAt: z.string(),
  maxExports: z.number().int(),
  exportsUsed: z.number().int(),
  exportsLeft: z.number().int(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnVia: z.enum(['dashboard', 'cli']).nullable(),
  expiredAt: z.string().nullable(),
  exports: z.array(exportView),
  receipts: z.array(z.object({ id: z.string(), kind: receiptKind, issuedAt: z.string(), sha256: z.string() })),
});

const receiptView = z.object({
  id: z.string(),
  kind: receiptKind,
  issuedAt: z.string(),
  sha256: z.string(),
  auditId: z.number().int(),
  /** The receipt as issued (JSON), and as readable text in both languages. */
  json: z.string(),
  text: localizedText,
});

const logCheck = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ id: z.number().int(), hash: z.string() }),
  firstBroken: z.object({ id: z.number().int(), reason: z.enum(['content_changed', 'link_broken']), at: z.string(), action: z.string() }).nullable(),
  firstUnlogged: z.object({ kind: z.enum(['receipt', 'export']), id: z.string(), auditId: z.number().int() }).nullable(),
});

const column = z.object({ key: z.string(), type: z.string(), label: localizedText });

export const consentChannels = {
  'consent.catalogue': {
    request: z.strictObject({}),
    response: z.object({
      categories: z.array(z.object({ code: z.string(), label: localizedText, purpose: localizedText, sensitive: z.boolean(), restricted: z.array(z.string()), columns: z.array(column) })),
      purposes: z.array(z.object({ code: z.string(), label: localizedText })),
      ticks: z.array(z.object({ code: z.string(), label: localizedText })),
      redaction: z.object({ profile: z.string(), rules: z.array(z.object({ id: z.string(), label: localizedText, example: z.tuple([z.string(), z.string()]) })) }),
      limits: z.object({ maxDays: z.number().int(), maxExports: z.number().int(), minPasswordLength: z.number().int() }),
      /** Main's today (UTC+8), for the form's default dates. */
      today: z.string(),
    }),
  },
  'consent.notice': {
    request: z.strictObject({ profileId, terms: z.record(z.string(), z.unknown()) }),
    response: z.object({ version: z.string(), language: locale, text: z.string(), sha256, requiredTicks: z.array(z.string()) }),
  },
  'consent.grant': {
    request: z.strictObject({
      profileId,
      terms: z.record(z.string(), z.unknown()),
      noticeSha256: z.string().max(64),
      evidence: z.strictObject({ typedName: z.string().max(200), ticks: z.array(z.string().max(40)).max(20) }),
      supersedes: consentId.nullable().optional(),
    }),
    response: z.object({ consent: consentViewSchema, receipt: receiptView }),
  },
  'consent.list': {
    request: z.strictObject({ profileId }),
    response: z.object({ consents: z.array(consentViewSchema) }),
  },
  'consent.withdraw': {
    request: z.strictObject({ profileId, consentId }),
    response: z.object({ consent: consentViewSchema, receipt: receiptView }),
  },
  'consent.receipts': {
    request: z.strictObject({ profileId, consentId }),
    response: z.object({ receipts: z.array(receiptView) }),
  },
  'export.create': {
    request: z.strictObject({
      profileId,
      consentId,
      /** Absent: core generates one and answers it once. */
      password: z.string().max(1000).optional(),
      unencrypted: z.literal(true).optional(),
      scope: scope.optional(),
    }),
    response: z.object({
      /** saved: main wrote the file where the person chose; download: the page hands the bytes to the browser; cancelled: the save dialog was closed. */
      outcome: z.enum(['saved', 'download', 'cancelled']),
      export: exportView.nullable(),
      consent: consentViewSchema.nullable(),
      fileName: z.string().nullable(),
      download: z.object({ fileName: z.string(), dataBase64: z.string() }).nullable(),
      generatedPassword: z.string().nullable(),
    }),
  },
  'audit.verify': {
    request: z.strictObject({ profileId }),
    response: logCheck,
  },
} as const;
