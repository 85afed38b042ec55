// The consent record as granted: Kantara Consent Receipt v1.1 in shape
// (docs/domain/consent-law.md#consent-records), with the PIPL Art. 17/23/29/39 items. Stored once in consents.record_json, never changed.

import type { Locale } from '../shared/localized-text.ts';
import type { LegalBasis, TickCode } from './catalogue.ts';
import type { ConsentTerms } from './terms.ts';

export const RECORD_SCHEMA = 'credence.consent/1';
export const RECEIPT_VERSION = 'KI-CR-v1.1.0+credence.1';

export type ConsentVia = 'dashboard' | 'cli';

export interface ConsentRecord {
  schema: typeof RECORD_SCHEMA;
  consentId: string;
  receiptVersion: typeof RECEIPT_VERSION;
  catalogueVersion: string;
  jurisdiction: 'CN';
  language: Locale;
  /** The profile's id stands for the person; the name travels only redacted. */
  principal: { profileId: string; display: string };
  recipient: ConsentTerms['recipient'];
  purpose: ConsentTerms['purpose'];
  /** One file per export, handed over by the person. */
  method: 'one_time_file';
  categories: { code: string; sensitive: boolean; restricted: string[]; fields: string[] }[];
  legalBasis: LegalBasis[];
  crossBorder: boolean;
  notice: { version: string; language: Locale; sha256: string };
  redactionProfile: string;
  noOnwardTransfer: true;
  validFrom: string;
  expiresAt: string;
  maxExports: number;
  recipientDeleteBy: string;
  /** GB/T 42574-2023 同意证据留存: how the consent was given. */
  collectionMethod: 'separate_screen+typed_name' | 'cli_notice_hash+typed_name';
  evidence: { typedName: string; ticks: TickCode[]; via: ConsentVia };
  supersedes: string | null;
}
