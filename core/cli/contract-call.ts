// CLI commands that do what the app does go through the same contract and handlers as the app
// (createDispatch: validation, handler, errors as payloads), on the one profile file --db names.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import type { Channel, Request, Response } from '../ipc/contract.ts';
import { createHandlers } from '../ipc/handlers.ts';
import type { HandlerContext } from '../ipc/handler-context.ts';
import { createDispatch } from '../ipc/registry.ts';
import { SingleFileProfileStore } from '../storage/single-file-store.ts';
import { cliVersion, type CliContext } from './io.ts';

export type ContractCall = <C extends Channel>(channel: C, payload: Request<C>) => Promise<Response<C>>;

export interface ContractSession {
  call: ContractCall;
  profileId: string;
}

/** Opens the --db profile, runs `use` with a typed call into the contract, closes it again. */
export async function withContract<T>(
  ctx: CliContext,
  command: string,
  use: (session: ContractSession) => Promise<T>,
  extra: Pick<HandlerContext, 'chooseExportPath'> = {},
): Promise<T> {
  if (typeof ctx.options.db !== 'string') throw new CredenceError('cli.usage', { reason: `${command} needs --db FILE` });
  const file = resolve(ctx.options.db);
  if (!existsSync(file)) throw new CredenceError('db.not_found', { file });
  const store = new SingleFileProfileStore(file);
  try {
    const [profile] = store.list();
    if (!profile) throw new CredenceError('db.not_found', { file });
    if (profile.problem) throw new CredenceError(profile.problem.code, profile.problem.details);
    const dispatch = createDispatch(
      createHandlers({ store, dataDir: dirname(file), version: cliVersion(), transport: 'cli', emit: () => {}, ...extra }),
      (error) => ctx.io.err(String((error as Error)?.stack ?? error)),
    );
    const call: ContractCall = async (channel, payload) => {
      const envelope = await dispatch(channel, payload);
      if (!envelope.ok) throw new CredenceError(envelope.error.code, envelope.error.details);
      return envelope.value as Response<typeof channel>;
    };
    return await use({ call, profileId: profile.id });
  } finally {
    store.close();
  }
}
