// Every CLI command goes through the contract and the handlers the app uses (createDispatch:
// request validation, the app lock, the handler, response validation, errors as payloads), over
// a profile source of its own: the one database file `--db` names (the single-file store the
// preview serves too), or the data folder (`--data-dir`, else the desktop app's) with `--profile`
// naming one. An encrypted profile is unlocked as the app's unlock screen does it (`lock.unlock`),
// with the secret from --passphrase-file or --recovery-code-file; the key lives as long as the command.

import { dirname, resolve } from 'node:path';
import type { Channel, Request, Response } from '../ipc/contract.ts';
import type { HandlerContext } from '../ipc/handler-context.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { AppLock } from '../ipc/lock/app-lock.ts';
import { createDispatch, type Dispatch } from '../ipc/registry.ts';
import { CredenceError } from '../shared/errors.ts';
import { defaultDataDir } from '../storage/data-dir.ts';
import { ProfileStore, type ProfileSource, type ProfileSummary } from '../storage/profile-store.ts';
import { SingleFileProfileStore } from '../storage/single-file-store.ts';
import { cliVersion, textOption, type CliContext } from './io.ts';
import { secretOption } from './profile-access.ts';

export type ContractCall = <C extends Channel>(channel: C, payload: Request<C>) => Promise<Response<C>>;

export interface StoreSession {
  call: ContractCall;
  /**
   * The same handlers as envelopes, for a page this command opens (the printed plan's print
   * view): its calls are the page's own, as the app window's are, not the command's.
   */
  dispatch: Dispatch;
  store: ProfileSource;
  /** Unlocks an encrypted profile with the command's secret (`lock.unlock`); a plaintext one needs none. */
  unlock(profile: ProfileSummary): Promise<void>;
}

export interface ContractSession extends StoreSession {
  profileId: string;
  profile: ProfileSummary;
}

/** What a session calls for any command, beside the channels the command declares. */
export const SESSION_CHANNELS: readonly Channel[] = ['lock.unlock'];

/** What the CLI gives handlers that the app gets from its windows (the export's destination from --out, the files to import from its arguments). */
export type SessionExtras = Pick<HandlerContext, 'chooseExportPath' | 'importFileRef' | 'printPlanPdf'>;

export function dataDirOf(ctx: CliContext): string {
  const dir = textOption(ctx, 'data-dir');
  return dir ? resolve(dir) : defaultDataDir(ctx.io.env);
}

/** The store `--db` or the data folder gives, and the contract over it; closed again after `use`. */
export async function withStore<T>(ctx: CliContext, use: (session: StoreSession) => Promise<T>, extras: SessionExtras = {}): Promise<T> {
  const file = textOption(ctx, 'db');
  const store: ProfileSource = file ? new SingleFileProfileStore(resolve(file)) : new ProfileStore(dataDirOf(ctx));
  // No idle timer: a CLI process holds a key only for the one command it runs.
  const lock = new AppLock(store, { checkEveryMs: 0 });
  const dispatch = createDispatch(
    createHandlers({ store, dataDir: file ? dirname(resolve(file)) : dataDirOf(ctx), version: cliVersion(), transport: 'cli', emit: () => {}, lock, ...extras }),
    (error) => ctx.io.err(String((error as Error)?.stack ?? error)),
  );
  const call: ContractCall = async (channel, payload) => {
    ctx.io.onCall?.(channel);
    const envelope = await dispatch(channel, payload);
    if (!envelope.ok) throw new CredenceError(envelope.error.code, envelope.error.details);
    return envelope.value as Response<typeof channel>;
  };
  const unlock = async (profile: ProfileSummary) => {
    if (!profile.encryption?.locked) return;
    const secret = secretOption(ctx);
    if (!secret) throw new CredenceError('cli.secret_required', { file: store.fileFor(profile.id) });
    await call('lock.unlock', { profileId: profile.id, secret });
  };
  try {
    return await use({ call, dispatch, store, unlock });
  } finally {
    store.close();
  }
}

/** The profile a command works on: the `--db` file's, or the one `--profile` names by id or name. */
function chooseProfile(ctx: CliContext, profiles: ProfileSummary[], command: string): ProfileSummary {
  const file = textOption(ctx, 'db');
  const wanted = textOption(ctx, 'profile');
  let profile: ProfileSummary | undefined;
  if (file) {
    profile = profiles[0];
    if (!profile) throw new CredenceError('db.not_found', { file: resolve(file) });
  } else if (wanted) {
    profile = profiles.find((p) => p.id === wanted) ?? profiles.find((p) => p.name.toLocaleLowerCase() === wanted.trim().toLocaleLowerCase());
    if (!profile) throw new CredenceError('profile.not_found', { id: wanted });
  } else {
    throw new CredenceError('cli.usage', { reason: `${command} needs --db FILE, or --profile NAME in the data folder` });
  }
  if (profile.problem) throw new CredenceError(profile.problem.code, profile.problem.details);
  return profile;
}

/** Opens the command's profile (unlocked when it is encrypted) and runs `use` with a typed call into the contract. */
export async function withContract<T>(ctx: CliContext, command: string, use: (session: ContractSession) => Promise<T>, extras: SessionExtras = {}): Promise<T> {
  if (!textOption(ctx, 'db') && !textOption(ctx, 'profile')) chooseProfile(ctx, [], command);
  return withStore(
    ctx,
    async (session) => {
      // Which profile is the source's own business (its files), not a request; the handlers then
      // refuse an unknown, corrupt or newer one exactly as they do for the app.
      const profile = chooseProfile(ctx, session.store.list(), command);
      await session.unlock(profile);
      return use({ ...session, profileId: profile.id, profile });
    },
    extras,
  );
}
