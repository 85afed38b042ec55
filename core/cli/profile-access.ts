import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import type { ProfileSecret } from '../storage/encryption/key-wrap.ts';
import { textOption, type CliContext } from './io.ts';

// The secret that unlocks an encrypted profile for a CLI command (contract-call.ts unlocks with
// it): always from a file (never the command line, where other users of the machine could read
// it in the process list), named by --passphrase-file or CREDENCE_PASSPHRASE_FILE, or
// --recovery-code-file.

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
  const file = textOption(ctx, 'passphrase-file') ?? ctx.io.env.CREDENCE_PASSPHRASE_FILE;
  if (file === undefined || file === '') return undefined;
  return readSecretFile(textOption(ctx, 'passphrase-file') ? '--passphrase-file' : 'CREDENCE_PASSPHRASE_FILE', file);
}

/** The secret that unlocks a profile for this command: the passphrase, or else the recovery code. */
export function secretOption(ctx: CliContext): ProfileSecret | undefined {
  const passphrase = passphraseOption(ctx);
  if (passphrase !== undefined) return { kind: 'passphrase', passphrase };
  const codeFile = textOption(ctx, 'recovery-code-file');
  if (codeFile !== undefined) return { kind: 'recovery', code: readSecretFile('--recovery-code-file', codeFile) };
  return undefined;
}
