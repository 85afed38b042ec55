import { rmSync } from 'node:fs';
import { z } from 'zod';
import { CredenceError } from '../../shared/errors.ts';
import { toUtc8Iso } from '../../shared/calendar.ts';
import { partialName } from '../atomic-file.ts';
import { backupInfoSchema, createBackup, encryptOldBackups, type BackupInfo } from '../backups.ts';
import { appendAudit } from '../database.ts';
import type { ProfileFiles } from '../profile-files.ts';
import { isEncryptedFile } from '../profile-paths.ts';
import { CIPHER_ID } from './cipher.ts';
import { openRaw, tableCounts, verifyCopy, writeCopy } from './encrypted-copy.ts';
import { KEY_FILE_FORMAT, keyFileFor, keyFileSchema, newDataKey, newKeyEntry, writeKeyFile, type KeyFile, type Keychain } from './key-wrap.ts';

export interface EncryptRequest {
  files: ProfileFiles;
  file: string;
  profile: { id: string; name: string; createdAt: string };
  passphrase: string;
  keychain?: Keychain;
  actor: string;
}

/** What encrypting answers with (core/ipc/channels/encryption.ts): the wire shape and its type. */
export const encryptOutcomeSchema = z.strictObject({
  recoveryCode: z.string(),
  backup: backupInfoSchema,
  /** Earlier plaintext backups of the profile, now encrypted with the new key. */
  reencryptedBackups: z.number().int(),
});
export type EncryptOutcome = z.output<typeof encryptOutcomeSchema>;

/**
 * Encrypts a plaintext profile. The plaintext file stays the profile until the very last step:
 * 1. an encrypted copy is written to a `.partial` beside it (ATTACH … KEY and a schema-and-rows
 *    export: encrypted-copy.ts), then checked (integrity_check, every table's row count, schema
 *    version) and its audit log records the conversion;
 * 2. the key file is written (atomically), and the copy is filed as the "before-encryption" backup
 *    (encrypted: a plaintext backup would leave a readable copy behind; its content is the
 *    profile's as it was);
 * 3. the copy is renamed over the plaintext file, and older plaintext backups are encrypted too.
 * A kill before 3's rename leaves the plaintext database whole (a key file beside a plaintext
 * database is ignored: profile-paths.ts); after it, the encrypted one with its key file. The
 * plaintext file's old blocks are freed, not wiped: docs/engineering/encryption.md says what that means.
 */
export async function encryptProfile(request: EncryptRequest): Promise<EncryptOutcome> {
  const { files, file, profile } = request;
  if (isEncryptedFile(file)) throw new CredenceError('key.already_encrypted', { name: profile.name });
  if (files.inUse(file)) throw new CredenceError('key.busy', { name: profile.name });
  const source = files.database(file, () => profile.name);
  const { key, keyId } = newDataKey();
  const staging = partialName(file, 'encrypt');
  try {
    const { entry, recoveryCode } = await newKeyEntry(key, keyId, request.passphrase, request.keychain);
    const now = toUtc8Iso();
    const keyFile: KeyFile = keyFileSchema.parse({ format: KEY_FILE_FORMAT, cipher: CIPHER_ID, profile, keys: [entry], updatedAt: now });
    const expected = { counts: tableCounts(source), userVersion: source.pragma('user_version', { simple: true }) as number };
    writeCopy(source, undefined, { file: staging, key });
    verifyCopy({ file: staging, key }, expected);
    writeKeyFile(file, keyFile);
    const copy = openRaw({ file: staging, key });
    let backup: BackupInfo;
    try {
      appendAudit(copy, { actor: request.actor, action: 'profile.encrypt', details: { cipher: CIPHER_ID } });
      backup = createBackup(copy, { file, key, profileId: profile.id, reason: 'before-encryption', actor: request.actor });
    } finally {
      copy.close();
    }
    files.replace(file, staging);
    files.remember(file, key);
    const reencryptedBackups = encryptOldBackups(file, profile.id, key);
    return { recoveryCode, backup, reencryptedBackups };
  } catch (error) {
    rmSync(staging, { force: true });
    // A key file written for a copy that never replaced the database wraps a key that opens nothing.
    if (!isEncryptedFile(file)) rmSync(keyFileFor(file), { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}
