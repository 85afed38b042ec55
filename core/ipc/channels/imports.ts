import { z } from 'zod';
import { importReportSchema } from '../../importers/report-schema.ts';
import { reviewActionSchema, reviewListSchema } from '../../ledger/credit-review.ts';
import { resolveGroupRequest, resolveGroupResponse, reviewGroupsSchema, undoDecisionResponse } from '../../ledger/review-by-rule.ts';
import { errorPayloadSchema } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// Imports (core/importers, run by core/ipc/import-jobs.ts) and the review queue of credit events
// that rest on heuristics (core/ledger/credit-review.ts). The report's shape:
// core/importers/report-schema.ts.

/**
 * A file crosses as base64 so that every transport (Electron IPC, tests, a local HTTP page)
 * carries it alike; or as a reference the shell's own process handed out for a file it chose
 * (the CLI's argument), resolved by that shell (HandlerContext.importFileRef), so that a large
 * export is read from disk as a stream and never copied through the message.
 */
const importFile = z.union([
  z.strictObject({ name: z.string().min(1).max(255), dataBase64: z.base64() }),
  z.strictObject({ name: z.string().min(1).max(255), fileRef: z.string().min(1).max(4096) }),
]);

export const importOutcomeSchema = z.strictObject({
  reports: z.array(importReportSchema),
  failures: z.array(z.strictObject({ file: z.string(), error: errorPayloadSchema })),
});

export const importChannels = {
  'import.files': {
    request: z.strictObject({
      profileId,
      importId: z.uuid(),
      files: z.array(importFile).min(1).max(50),
      password: z.string().max(64).optional(),
    }),
    response: importOutcomeSchema,
  },
  'import.cancel': {
    request: z.strictObject({ importId: z.uuid() }),
    response: z.strictObject({ cancelled: z.boolean() }),
  },
  'review.list': {
    request: z.strictObject({ profileId }),
    response: reviewListSchema,
  },
  'review.resolve': {
    request: z.strictObject({ profileId, transactionId: z.number().int().positive(), action: reviewActionSchema }),
    response: z.strictObject({ remaining: z.number().int() }),
  },
  /** The waiting events by rule and pattern (core/ledger/review-by-rule.ts), and the decisions that can be undone. */
  'review.groups': {
    request: z.strictObject({ profileId }),
    response: reviewGroupsSchema,
  },
  /** One decision for every event of a group: all confirmed, or all corrected to one kind (or none). */
  'review.resolveGroup': {
    request: z.strictObject({ profileId, ...resolveGroupRequest.shape }),
    response: resolveGroupResponse,
  },
  'review.undo': {
    request: z.strictObject({ profileId, decisionId: z.number().int().positive() }),
    response: undoDecisionResponse,
  },
} as const;

export const importEvents = {
  'import.progress': z.strictObject({
    importId: z.string(),
    file: z.string(),
    fileIndex: z.number().int(),
    fileCount: z.number().int(),
    rowsRead: z.number().int(),
    percent: z.number().nullable(),
  }),
} as const;
