// Combines every domain's handlers (core/ipc/handlers/<domain>.ts) into the one table the
// dispatcher serves.

import { LedgerCache } from '../score/ledger-cache.ts';
import type { HandlerContext } from './handler-context.ts';
import { bureauHandlers } from './handlers/bureau.ts';
import { importHandlers } from './handlers/imports.ts';
import { ledgerHandlers } from './handlers/ledger.ts';
import { profileHandlers } from './handlers/profiles.ts';
import { scoreHandlers } from './handlers/score.ts';
import type { Handlers } from './registry.ts';

/**
 * The main-process side of every channel; the same functions serve Electron, tests and preview.
 * Each domain contributes its handlers; a channel without one fails the typecheck here.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  // One read model per profile for the report and the scores: a page that shows both loads once.
  const readModels = new LedgerCache();
  return {
    ...profileHandlers(ctx),
    ...importHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...bureauHandlers(ctx, readModels),
    ...scoreHandlers(ctx, readModels),
  };
}
