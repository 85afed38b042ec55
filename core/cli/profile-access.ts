import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createDispatch } from '../ipc/registry.ts';
import { AppLock } from '../ipc/lock/app-lock.ts';
import { SingleFileProfileStore } from '../storage/single-file-store.ts';
import type { Db } from '../storage/database.ts';
import { readKeyFile, unwrapDataKeySync, type ProfileSecret } from '../storage/encryption/key-wrap.ts';
import { ProfileFiles } from '../storage/profile-files.ts';
import { isEncryptedFile } from '../storage/profile-paths.ts';
import { cliVersion, stringOption as option, type CliContext } from './io.ts';

// How every CLI command reaches an encrypted profile: its secret comes from a file (never the
// command line, where other users of the machine could read it in the process list), named by
// --passphrase-file or CREDENCE_PASSPHRASE_FILE, or --recovery-code-file.

/** A secret file's text: one trailing line break dropped (what `echo` and editors add), nothing else touched. */
export function readSecretFile(option: string, path: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new CredenceError('cli.secret_file_unreadable', { option, file: path, reason: (error as Error).message });
  }
  return text.replace(/\r?\n$/, '');
}

/** The passphrase given by --passphrase-file or CREDENCE_PASSPHRASE_FILE, if any. */
export function passphraseOption(ctx: CliContext): string | undefined {
  const file = option(ctx, 'passphrase-file') ?? ctx.io.env.CREDENCE_PASSPHRASE_FILE;
  if (file === undefined || file === '') return undefined;
  return readSecretFile(option(ctx, 'passphrase-file') ? '--passphrase-file' : 'CREDENCE_PASSPHRASE_FILE', file);
}

/** The secret that unlocks a profile for this command: the passphrase, or else the recovery code. */
export function secretOption(ctx: CliContext): ProfileSecret | undefined {
  const passphrase = passphraseOption(ctx);
  if (passphrase !== undefined) return { kind: 'passphrase', passphrase };
  const codeFile = option(ctx, 'recovery-code-file');
  if (codeFile !== undefined) return { kind: 'recovery', code: readSecretFile('--recovery-code-file', codeFile) };
  return undefined;
}

function requiredSecret(ctx: CliContext, file: string): Exclude<ProfileSecret, { kind: 'keychain' }> {
  const secret = secretOption(ctx);
  if (!secret || secret.kind === 'keychain') throw new CredenceError('cli.secret_required', { file });
  return secret;
}

/**
 * Opens the profile database a command works on (checked, migrated, backed up first when it
 * migrates), unlocking it with the command's secret when it is encrypted. The caller closes it.
 */
export function openProfileDatabase(ctx: CliContext, file: string): Db {
  const files = new ProfileFiles();
  if (isEncryptedFile(file)) {
    const unwrapped = unwrapDataKeySync(readKeyFile(file), requiredSecret(ctx, file));
    let lastError: unknown;
    for (const { key } of unwrapped) {
      try {
        files.remember(file, key);
        return files.database(file, () => file);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }
  return files.database(file, () => file);
}

/**
 * The app's own IPC handlers over the one `--db` file, its profile unlocked with the command's
 * secret: what `profile encrypt|passphrase|rekey` and `backup …` run through, exactly as the app does.
 */
export async function profileDispatch(ctx: CliContext, file: string) {
  const store = new SingleFileProfileStore(file);
  const [profile] = store.list();
  if (!profile) throw new CredenceError('db.not_found', { file });
  if (profile.problem) throw new CredenceError(profile.problem.code, profile.problem.details);
  if (profile.encryption) await store.unlock(profile.id, requiredSecret(ctx, file));
  const lock = new AppLock(store, { checkEveryMs: 0 });
  const dispatch = createDispatch(createHandlers({ store, dataDir: file, version: cliVersion(), transport: 'cli', emit: () => {}, lock }));
  return {
    profile,
    store,
    /** The value of a call; its error thrown as the CredenceError main would have sent. */
    async call(channel: string, payload: unknown): Promise<any> {
      const envelope = await dispatch(channel, payload);
      if (!envelope.ok) throw new CredenceError(envelope.error.code, envelope.error.details);
      return envelope.value;
    },
    close: () => store.close(),
  };
}
