import { bureauHandlers } from '../bureau/ipc-handlers.ts';
import { ImportJobs } from '../importers/jobs.ts';
import { ledgerHandlers } from '../ledger/ipc-handlers.ts';
import type { ProfileSource, ProfileSummary } from '../profiles/profile-store.ts';
import { listNeedsReview, resolveReview } from '../review/credit-review.ts';
import { scoreHandlers } from '../score/ipc-handlers.ts';
import type { importChannels } from './channels/imports.ts';
import type { appChannels, profileChannels } from './channels/profiles.ts';
import { transactionHandlers } from './handlers/transactions.ts';
import type { Emit, Handlers } from './registry.ts';

export interface HandlerContext {
  store: ProfileSource;
  dataDir: string;
  version: string;
  transport: 'electron' | 'http' | 'test' | 'cli';
  emit: Emit;
}

/** Handlers of one domain's channel module (core/ipc/channels/<domain>.ts). */
export type DomainHandlers<Channels> = Pick<Handlers, keyof Channels & keyof Handlers>;

function publicProfile({ file: _file, ...profile }: ProfileSummary) {
  return profile;
}

function profileHandlers(ctx: HandlerContext): DomainHandlers<typeof appChannels & typeof profileChannels> {
  return {
    'app.info': () => ({ version: ctx.version, dataDir: ctx.dataDir, transport: ctx.transport }),
    'profiles.list': () => ({ profiles: ctx.store.list().map(publicProfile) }),
    'profiles.create': ({ name }) => ({ profile: publicProfile(ctx.store.create(name)) }),
    'profiles.delete': ({ id }) => {
      ctx.store.delete(id);
      return { deleted: true as const };
    },
  };
}

function importHandlers(ctx: HandlerContext): DomainHandlers<typeof importChannels> {
  const imports = new ImportJobs(ctx.store, ctx.emit);
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
    'review.resolve': ({ profileId, transactionId, action }) => resolveReview(ctx.store.database(profileId), transactionId, action),
  };
}

/**
 * The main-process side of every channel; the same functions serve Electron, tests and preview.
 * Each domain contributes its handlers; a channel without one fails the typecheck here.
 */
export function createHandlers(ctx: HandlerContext): Handlers {
  return {
    ...profileHandlers(ctx),
    ...importHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...bureauHandlers(ctx),
    ...scoreHandlers(ctx),
    ...transactionHandlers(ctx),
  };
}
