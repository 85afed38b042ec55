// The main-process side of the import and review channels (core/ipc/channels/imports.ts).

import { listNeedsReview, resolveReview } from '../../ledger/credit-review.ts';
import { listReviewGroups, resolveReviewGroup, undoReviewDecision } from '../../ledger/review-by-rule.ts';
import type { importChannels } from '../channels/imports.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { ImportJobs, type ImportSource } from '../import-jobs.ts';
import { CredenceError } from '../../shared/errors.ts';
import type { Request } from '../contract.ts';
import type { AppLock } from '../lock/app-lock.ts';

type RequestFile = Request<'import.files'>['files'][number];

/** A file's bytes, or the path behind a reference only this shell's process can have handed out. */
function importSource(ctx: HandlerContext, file: RequestFile): ImportSource {
  if ('dataBase64' in file) return { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') };
  const path = ctx.importFileRef?.(file.fileRef) ?? null;
  if (path === null) throw new CredenceError('import.file_unreadable', { file: file.name, reason: 'not a file this program chose' });
  return { name: file.name, path };
}

export function importHandlers(ctx: HandlerContext, lock: AppLock): DomainHandlers<typeof importChannels> {
  // The CLI answers nothing else while it imports: no worker thread (import-jobs.ts).
  const imports = new ImportJobs(ctx.store, ctx.emit, actorOf(ctx), { inWorker: ctx.transport !== 'cli' });
  // Locking closes the profiles' databases: an import under way is cancelled first.
  lock.onLock(() => imports.cancelAll());
  return {
    'import.files': ({ profileId, importId, files, password }) =>
      imports.run({ profileId, importId, password, files: files.map((file) => importSource(ctx, file)) }),
    'import.cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'review.list': ({ profileId }) => listNeedsReview(ctx.store.database(profileId)),
    'review.resolve': ({ profileId, transactionId, action }) => resolveReview(ctx.store.database(profileId), transactionId, action, actorOf(ctx)),
    'review.groups': ({ profileId }) => listReviewGroups(ctx.store.database(profileId)),
    'review.resolveGroup': ({ profileId, key, action }) => resolveReviewGroup(ctx.store.database(profileId), key, action, actorOf(ctx)),
    'review.undo': ({ profileId, decisionId }) => undoReviewDecision(ctx.store.database(profileId), decisionId, actorOf(ctx)),
  };
}
