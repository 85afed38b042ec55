// The main-process side of the import and review channels (core/ipc/channels/imports.ts).

import { listNeedsReview, resolveReview } from '../../ledger/credit-review.ts';
import { listReviewGroups, resolveReviewGroup, undoReviewDecision } from '../../ledger/review-by-rule.ts';
import type { importChannels } from '../channels/imports.ts';
import { actorOf, type DomainHandlers, type HandlerContext } from '../handler-context.ts';
import { FileRefs } from '../file-refs.ts';
import { ImportJobs, type ImportSource } from '../import-jobs.ts';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import type { Request } from '../contract.ts';
import type { AppLock } from '../lock/app-lock.ts';

type RequestFile = Request<'import.files'>['files'][number];

/** A file's bytes, or the path behind a reference only this shell's process can have handed out. */
function importSource(ctx: HandlerContext, chosen: FileRefs, file: RequestFile): ImportSource {
  if ('dataBase64' in file) return { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') };
  const path = chosen.take(file.fileRef) ?? ctx.importFileRef?.(file.fileRef) ?? null;
  if (path === null) throw new CredenceError('import.file_unreadable', { file: file.name, reason: 'not a file this program chose' });
  return { name: file.name, path };
}

async function chooseFiles(ctx: HandlerContext, chosen: FileRefs): Promise<{ files: { name: string; fileRef: string; size: number }[] }> {
  if (!ctx.chooseImportFiles) throw new CredenceError('import.dialog_unavailable');
  const paths = (await ctx.chooseImportFiles()) ?? [];
  return { files: paths.map((path) => ({ name: basename(path), fileRef: chosen.add(path), size: statSync(path).size })) };
}

export function importHandlers(ctx: HandlerContext, lock: AppLock): DomainHandlers<typeof importChannels> {
  // The CLI answers nothing else while it imports: no worker thread (import-jobs.ts).
  const imports = new ImportJobs(ctx.store, ctx.emit, actorOf(ctx), { inWorker: ctx.transport !== 'cli' });
  // Locking closes the profiles' databases: an import under way is cancelled first.
  lock.onLock(() => imports.cancelAll());
  const chosen = new FileRefs('chosen');
  return {
    'import.files': async ({ profileId, importId, files, password }) => {
      const refs = files.flatMap((file) => ('fileRef' in file ? [file.fileRef] : []));
      try {
        return await imports.run({ profileId, importId, password, files: files.map((file) => importSource(ctx, chosen, file)) });
      } finally {
        for (const ref of refs) ctx.releaseImportFile?.(ref);
      }
    },
    'import.chooseFiles': () => chooseFiles(ctx, chosen),
    'import.cancel': ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'review.list': ({ profileId }) => listNeedsReview(ctx.store.database(profileId)),
    'review.resolve': ({ profileId, transactionId, action }) => resolveReview(ctx.store.database(profileId), transactionId, action, actorOf(ctx)),
    'review.groups': ({ profileId }) => listReviewGroups(ctx.store.database(profileId)),
    'review.resolveGroup': ({ profileId, key, action }) => resolveReviewGroup(ctx.store.database(profileId), key, action, actorOf(ctx)),
    'review.undo': ({ profileId, decisionId }) => undoReviewDecision(ctx.store.database(profileId), decisionId, actorOf(ctx)),
  };
}
