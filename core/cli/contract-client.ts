// The CLI on the app's contract: the profile database named by --db, served by the very handlers
// and dispatcher the app's window talks to (zod on every request and response), so a command
// prints what the app shows. A failed request comes back as the same error the app would show.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CredenceError } from '../errors.ts';
import type { Channel, Request, Response } from '../ipc/contract.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createDispatch } from '../ipc/registry.ts';
import { SingleFileProfileStore } from '../preview/single-file-store.ts';
import type { CliContext } from './io.ts';
import { packageVersion } from './version.ts';

export interface ContractClient {
  profileId: string;
  call<C extends Channel>(channel: C, payload: Request<C>): Promise<Response<C>>;
}

/** Runs `use` with a client on --db's profile (never creating one), then closes the file. */
export async function withProfile<T>(ctx: CliContext, command: string, use: (client: ContractClient) => Promise<T>): Promise<T> {
  if (typeof ctx.options.db !== 'string') throw new CredenceError('cli.usage', { reason: `${command} needs --db FILE` });
  const file = resolve(ctx.options.db);
  if (!existsSync(file)) throw new CredenceError('db.not_found', { file });
  const store = new SingleFileProfileStore(file);
  try {
    const [profile] = store.list();
    if (profile.problem) throw new CredenceError(profile.problem.code, profile.problem.details);
    const handlers = createHandlers({ store, dataDir: dirname(file), version: packageVersion(), transport: 'cli', emit: () => {} });
    // What the app would log in its main process goes to stderr.
    const dispatch = createDispatch(handlers, (error) => ctx.io.err(String((error as Error)?.stack ?? error)));
    const call = async <C extends Channel>(channel: C, payload: Request<C>): Promise<Response<C>> => {
      const result = await dispatch(channel, payload);
      if (!result.ok) throw new CredenceError(result.error.code, result.error.details);
      return result.value as Response<C>;
    };
    return await use({ profileId: profile.id, call });
  } finally {
    store.close();
  }
}
