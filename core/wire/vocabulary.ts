// zod schemas of core/shared's vocabulary, for the wire shapes every layer above declares. They
// live apart from core/shared because the renderer imports that folder and must not bundle zod.
// Objects are strict: a field a producer adds without adding it here fails the response check in
// main (core/ipc/registry.ts) instead of vanishing from the answer.

import { z } from 'zod';
import { errorCodes, type ErrorCode, type ErrorPayload } from '../shared/errors.ts';
import { LOCALES, type Locale } from '../shared/localized-text.ts';

/** `{ 'zh-CN': …, en: … }`, built from core/shared's list of locales. */
export const localizedText = z.strictObject(Object.fromEntries(LOCALES.map((locale) => [locale, z.string()])) as Record<Locale, z.ZodString>);

/**
 * An error as it reaches a user (core/shared/errors.ts). The pure layer declares the type (the
 * CLI and every layer build it without zod); `satisfies` keeps this schema from lacking a field.
 */
export const errorPayloadSchema = z.strictObject({
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: localizedText,
  details: z.record(z.string(), z.unknown()),
}) satisfies z.ZodType<ErrorPayload>;

/** A calendar day `YYYY-MM-DD`, China wall clock (UTC+8). */
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A month `YYYY-MM`. */
export const month = z.string();
/** An amount in integer fen. */
export const fen = z.number().int();
/** A database row id. */
export const rowId = z.number().int();
