// The consent record as granted: Kantara Consent Receipt v1.1 in shape
// (docs/domain/consent-law.md#consent-records), with the PIPL Art. 17/23/29/39 items. Stored once in
// consents.record_json, never changed. Declared once, as the zod schema main checks it against
// on its way to the page (core/ipc/channels/consent.ts); the type is read off it.

import { z } from 'zod';
import { LOCALES } from '../shared/localized-text.ts';
import { LEGAL_BASES, PURPOSE_CODES, RECIPIENT_KINDS, RECIPIENT_LOCATIONS, TICK_CODES, type LegalBasis } from './catalogue.ts';

export const RECORD_SCHEMA = 'credence.consent/1';
export const RECEIPT_VERSION = 'KI-CR-v1.1.0+credence.1';

export const CONSENT_VIAS = ['dashboard', 'cli'] as const;
export type ConsentVia = (typeof CONSENT_VIAS)[number];

const locale = z.enum(LOCALES);

export const consentRecordSchema = z.strictObject({
  schema: z.literal(RECORD_SCHEMA),
  consentId: z.string(),
  receiptVersion: z.literal(RECEIPT_VERSION),
  catalogueVersion: z.string(),
  jurisdiction: z.literal('CN'),
  language: locale,
  /** The profile's id stands for the person; the name travels only redacted. */
  principal: z.strictObject({ profileId: z.string(), display: z.string() }),
  recipient: z.strictObject({ name: z.string(), kind: z.enum(RECIPIENT_KINDS), contact: z.string(), location: z.enum(RECIPIENT_LOCATIONS) }),
  purpose: z.strictObject({ code: z.enum(PURPOSE_CODES), text: z.string() }),
  /** One file per export, handed over by the person. */
  method: z.literal('one_time_file'),
  categories: z.array(z.strictObject({ code: z.string(), sensitive: z.boolean(), restricted: z.array(z.string()), fields: z.array(z.string()) })),
  legalBasis: z.array(z.enum(Object.keys(LEGAL_BASES) as [LegalBasis, ...LegalBasis[]])),
  crossBorder: z.boolean(),
  notice: z.strictObject({ version: z.string(), language: locale, sha256: z.string() }),
  redactionProfile: z.string(),
  noOnwardTransfer: z.literal(true),
  validFrom: z.string(),
  expiresAt: z.string(),
  maxExports: z.number().int(),
  recipientDeleteBy: z.string(),
  /** GB/T 42574-2023 同意证据留存: how the consent was given. */
  collectionMethod: z.enum(['separate_screen+typed_name', 'cli_notice_hash+typed_name']),
  evidence: z.strictObject({ typedName: z.string(), ticks: z.array(z.enum(TICK_CODES)), via: z.enum(CONSENT_VIAS) }),
  supersedes: z.string().nullable(),
});
export type ConsentRecord = z.output<typeof consentRecordSchema>;
