// Combines every domain's handlers (core/ipc/handlers/<domain>.ts) into the one table the
// dispatcher serves, with the app lock in front of all of them.
//
// A domain's module is loaded on the first call to one of its channels, not with the table: the
// table is what every process makes first (each CLI command, the app, the preview server), and
// every domain with what it imports was a third of the modules any CLI command loaded
// (docs/engineering/performance.md). The contract (every channel's schemas) is loaded as before:
// the dispatcher validates each request and response with it.

import { backupChannels } from './channels/backups.ts';
import { bureauChannels } from './channels/bureau.ts';
import { chartChannels } from './channels/charts.ts';
import { checklistChannels } from './channels/checklist.ts';
import { consentChannels } from './channels/consent.ts';
import { encryptionChannels } from './channels/encryption.ts';
import { importChannels } from './channels/imports.ts';
import { ledgerChannels } from './channels/ledger.ts';
import { planChannels } from './channels/plan.ts';
import { appChannels, profileChannels } from './channels/profiles.ts';
import { scoreChannels } from './channels/score.ts';
import { transactionChannels } from './channels/transactions.ts';
import { whatifChannels } from './channels/whatif.ts';
import type { DomainHandlers, HandlerContext } from './handler-context.ts';
import { guardWithLock, lockHandlers } from './handlers/lock.ts';
import { AppLock } from './lock/app-lock.ts';
import type { Handlers } from './registry.ts';

type AnyHandler = (request: unknown) => unknown;

/** Once, on first use: what `make` resolves to, shared by every caller. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

/**
 * The domain's channels, each answered by its handler once `load` has made the domain's handlers
 * (the first call of any of them loads it; later ones wait for the same load).
 */
function lazily<Channels extends object>(channels: Channels, load: () => Promise<DomainHandlers<Channels>>): DomainHandlers<Channels> {
  const loaded = once(load);
  const table: Record<string, AnyHandler> = {};
  for (const channel of Object.keys(channels)) {
    table[channel] = async (request) => ((await loaded()) as unknown as Record<string, AnyHandler>)[channel]!(request);
  }
  return table as unknown as DomainHandlers<Channels>;
}

/**
 * The main-process side of every channel; the same functions serve Electron, tests, preview and
 * the CLI. Each domain contributes its handlers; a channel without one fails the typecheck here.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  const lock = ctx.lock ?? new AppLock(ctx.store, { emit: ctx.emit, keychain: ctx.keychain });
  // One read model per profile for the report and the scores: a page that shows both loads once.
  const readModels = once(async () => new (await import('../score/ledger-cache.ts')).LedgerCache());
  const handlers: Handlers = {
    ...lazily({ ...appChannels, ...profileChannels }, async () => (await import('./handlers/profiles.ts')).profileHandlers(ctx, lock)),
    ...lazily(importChannels, async () => (await import('./handlers/imports.ts')).importHandlers(ctx, lock)),
    ...lazily(ledgerChannels, async () => (await import('./handlers/ledger.ts')).ledgerHandlers(ctx)),
    ...lazily(bureauChannels, async () => (await import('./handlers/bureau.ts')).bureauHandlers(ctx, await readModels())),
    ...lazily(scoreChannels, async () => (await import('./handlers/score.ts')).scoreHandlers(ctx, await readModels())),
    // The lock's own handlers answer the unlock screen and are small: made with the table.
    ...lockHandlers(ctx, lock),
    ...lazily(encryptionChannels, async () => (await import('./handlers/encryption.ts')).encryptionHandlers(ctx)),
    ...lazily(backupChannels, async () => (await import('./handlers/backups.ts')).backupHandlers(ctx)),
    ...lazily(consentChannels, async () => (await import('./handlers/consent.ts')).consentHandlers(ctx)),
    ...lazily(transactionChannels, async () => (await import('./handlers/transactions.ts')).transactionHandlers(ctx)),
    ...lazily(whatifChannels, async () => (await import('./handlers/whatif.ts')).whatifHandlers(ctx)),
    ...lazily(chartChannels, async () => (await import('./handlers/charts.ts')).chartHandlers(ctx, await readModels())),
    ...lazily(planChannels, async () => (await import('./handlers/plan.ts')).planHandlers(ctx)),
    ...lazily(checklistChannels, async () => (await import('./handlers/checklist.ts')).checklistHandlers(ctx)),
  };
  return guardWithLock(handlers, lock);
}
