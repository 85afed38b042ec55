import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../shared/errors.ts';

// Schemas shared by the channel modules under core/ipc/channels.

export const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });

export const errorPayloadSchema = z.object({
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: localizedText,
  details: z.record(z.string(), z.unknown()),
});

export const profileId = z.uuid();
