import { z } from 'zod';
import { importReportSchema } from '../../importers/report-schema.ts';
import { reviewActionSchema, reviewListSchema } from '../../ledger/credit-review.ts';
import { resolveGroupRequest, resolveGroupResponse, reviewGroupsSchema, undoDecisionResponse } from '../../ledger/review-by-rule.ts';
import { errorPayloadSchema } from '../../wire/vocabulary.ts';
import { profileId } from '../schemas.ts';

// Imports (core/importers, run by core/ipc/import-jobs.ts) and the review queue of credit events
// that rest on heuristics (core/ledger/credit-review.ts). The report's shape:
// core/importers/report-schema.ts.

const fileName = z.string().min(1).max(255);
const fileRef = z.string().min(1).max(4096);

/**
 * A file crosses as a reference the shell's own process handed out for a file it holds, resolved
 * by that shell alone (HandlerContext.importFileRef), so that a large export is read from disk as
 * a stream and never copied through a message: the CLI's argument, a file the desktop app's own
 * dialog chose (`import.chooseFiles`) or that was dropped on its window (electron/dropped-files.ts),
 * a file the page uploaded to the preview server in chunks (core/preview/uploads.ts). Or, for a
 * file with no path on disk or not named as a bill, or one sent by a test, as base64, which every
 * transport carries alike.
 */
const importFile = z.union([z.strictObject({ name: fileName, dataBase64: z.base64() }), z.strictObject({ name: fileName, fileRef })]);

/**
 * A file main holds for the page by reference (core/ipc/file-refs.ts): one its dialog chose, or
 * one dropped on the desktop window (electron/dropped-files.ts). Its name and size, never its path.
 */
export const heldFileSchema = z.strictObject({ name: fileName, fileRef, size: z.number().int().nonnegative() });

/**
 * The preview server's upload (core/preview/uploads.ts), outside the channels because its chunks
 * are raw bytes, not JSON: POST /upload announces a file, POST /upload/<id>?offset=N sends each
 * chunk, POST /upload/<id>/abort gives it up. Each answers an envelope of these.
 */
export const uploadSchemas = {
  start: z.strictObject({ name: fileName, size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
  started: z.strictObject({ uploadId: z.uuid(), chunkBytes: z.number().int().positive() }),
  chunk: z.strictObject({ received: z.number().int().nonnegative(), complete: z.boolean() }),
  aborted: z.strictObject({ aborted: z.boolean() }),
} as const;

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
  /**
   * The desktop app's own open dialog, in main: the files chosen there, each by a reference for
   * `import.files` (never its path, which the page cannot name or change). Elsewhere refused
   * (import.dialog_unavailable): the page then takes files through its own file input.
   */
  'import.chooseFiles': {
    request: z.strictObject({}),
    response: z.strictObject({ files: z.array(heldFileSchema) }),
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
    /** core/ipc/import-run.ts ImportPhase: still cancellable (`read`), or committed and being derived (`ledger`). */
    phase: z.enum(['read', 'ledger']),
  }),
} as const;
