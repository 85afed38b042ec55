// Combines every domain's handlers (core/ipc/handlers/<domain>.ts) into the one table the
// dispatcher serves, with the app lock in front of all of them.

import { LedgerCache } from '../score/ledger-cache.ts';
import type { HandlerContext } from './handler-context.ts';
import { backupHandlers } from './handlers/backups.ts';
import { bureauHandlers } from './handlers/bureau.ts';
import { chartHandlers } from './handlers/charts.ts';
import { checklistHandlers } from './handlers/checklist.ts';
import { consentHandlers } from './handlers/consent.ts';
import { encryptionHandlers } from './handlers/encryption.ts';
import { importHandlers } from './handlers/imports.ts';
import { ledgerHandlers } from './handlers/ledger.ts';
import { guardWithLock, lockHandlers } from './handlers/lock.ts';
import { profileHandlers } from './handlers/profiles.ts';
import { scoreHandlers } from './handlers/score.ts';
import { transactionHandlers } from './handlers/transactions.ts';
import { whatifHandlers } from './handlers/whatif.ts';
import { planHandlers } from './handlers/plan.ts';
import { AppLock } from './lock/app-lock.ts';
import type { Handlers } from './registry.ts';

/**
 * The main-process side of every channel; the same functions serve Electron, tests, preview and
 * the CLI. Each domain contributes its handlers; a channel without one fails the typecheck here.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  const lock = ctx.lock ?? new AppLock(ctx.store, { emit: ctx.emit, keychain: ctx.keychain });
  // One read model per profile for the report and the scores: a page that shows both loads once.
  const readModels = new LedgerCache();
  return guardWithLock(
    {
      ...profileHandlers(ctx, lock),
      ...importHandlers(ctx, lock),
      ...ledgerHandlers(ctx),
      ...bureauHandlers(ctx, readModels),
      ...scoreHandlers(ctx, readModels),
      ...lockHandlers(ctx, lock),
      ...encryptionHandlers(ctx),
      ...backupHandlers(ctx),
      ...consentHandlers(ctx),
      ...transactionHandlers(ctx),
      ...whatifHandlers(ctx),
      ...chartHandlers(ctx, readModels),
      ...planHandlers(ctx),
      ...checklistHandlers(ctx),
    },
    lock,
  );
}
