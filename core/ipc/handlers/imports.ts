// The main-process side of the import and review channels (core/ipc/channels/imports.ts).

import { listNeedsReview, resolveReview } from '../../ledger/credit-review.ts';
import { listReviewGroups, resolveReviewGroup, undoReviewDecision } from '../../ledger/review-by-rule.ts';
import type { importChannels } from '../channels/imports.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { ImportJobs } from '../import-jobs.ts';
import type { AppLock } from '../lock/app-lock.ts';

export function importHandlers(ctx: HandlerContext, lock: AppLock): DomainHandlers<typeof importChannels> {
  const imports = new ImportJobs(ctx.store, ctx.emit, actorOf(ctx));
  // Locking closes the profiles' databases: an import under way is cancelled first.
  lock.onLock(() => imports.cancelAll());
  return {
    'import.files': ({ profileId, importId, files, password }) =>
      imports.run({
        profileId,
        importId,
        password,
        files: files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
      }),
    'import.cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'review.list': ({ profileId }) => listNeedsReview(ctx.store.database(profileId)),
    'review.resolve': ({ profileId, transactionId, action }) => resolveReview(ctx.store.database(profileId), transactionId, action, actorOf(ctx)),
    'review.groups': ({ profileId }) => listReviewGroups(ctx.store.database(profileId)),
    'review.resolveGroup': ({ profileId, key, action }) => resolveReviewGroup(ctx.store.database(profileId), key, action, actorOf(ctx)),
    'review.undo': ({ profileId, decisionId }) => undoReviewDecision(ctx.store.database(profileId), decisionId, actorOf(ctx)),
  };
}
