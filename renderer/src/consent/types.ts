import type { Locale } from '../../../core/shared/localized-text.ts';
import type { Response } from '../../../core/ipc/contract.ts';

export type Catalogue = Response<'consent.catalogue'>;
export type ConsentView = Response<'consent.list'>['consents'][number];
export type LogCheck = Response<'audit.verify'>;
export type Receipt = Response<'consent.receipts'>['receipts'][number];
export type Notice = Response<'consent.notice'>;

/** The terms as the form builds them; core validates them (consent.invalid_terms names each bad field). */
export type TermsDraft = {
  recipient: { name: string; kind: 'individual' | 'firm'; contact: string; location: 'CN' | 'overseas' };
  purpose: { code: string; text?: string };
  categories: { code: string; fields: string[] }[];
  expiresOn: string;
  maxExports: number;
  recipientDeleteBy: string;
  language: Locale;
};
