import { rmSync } from 'node:fs';
import { CredenceError } from '../../shared/errors.ts';
import { toUtc8Iso } from '../../shared/calendar.ts';
import { partialName } from '../atomic-file.ts';
import { appendAudit } from '../database.ts';
import type { ProfileFiles } from '../profile-files.ts';
import { isEncryptedFile } from '../profile-paths.ts';
import { openRaw, tableCounts, verifyCopy, writeCopy } from './encrypted-copy.ts';
import {
  keychainWrap,
  keyMatches,
  newDataKey,
  newKeyEntry,
  passphraseWraps,
  readKeyFile,
  unwrapDataKey,
  validatePassphrase,
  writeKeyFile,
  type KeyFile,
  type Keychain,
  type ProfileSecret,
} from './key-wrap.ts';

// Changing what unlocks an encrypted profile: its passphrase, its quick unlock, and its data key.

interface Target {
  files: ProfileFiles;
  file: string;
  name: string;
  actor: string;
}

function unlockedKey(target: Target): Buffer {
  if (!isEncryptedFile(target.file)) throw new CredenceError('key.not_encrypted', { name: target.name });
  const key = target.files.keyOf(target.file);
  if (!key) throw new CredenceError('profile.locked', { name: target.name });
  return key;
}

/** The key file's entry for the key in use (the one the database opens with). */
function currentEntry(keyFile: KeyFile, key: Buffer) {
  const entry = keyFile.keys.find((candidate) => keyMatches(candidate, key));
  if (!entry) throw new CredenceError('key.file_invalid', { file: keyFile.profile.id, reason: 'no entry for the key in use' });
  return entry;
}

/**
 * Re-wraps the data key under a new passphrase: only the key file changes (atomically), the
 * database is not touched. The current passphrase or the recovery code must be given, and is
 * checked first: a wrong one is refused with nothing changed.
 */
export async function changePassphrase(target: Target & { current: ProfileSecret; next: string; keychain?: Keychain }): Promise<void> {
  const key = unlockedKey(target);
  validatePassphrase(target.next);
  const keyFile = readKeyFile(target.file);
  const proven = await unwrapDataKey(keyFile, target.current, target.keychain);
  const entry = currentEntry(keyFile, key);
  if (!proven.some((found) => found.entry.keyId === entry.keyId)) throw new CredenceError('key.passphrase_wrong', { name: target.name });
  const wraps = [...entry.wraps.filter((wrap) => wrap.kind !== 'passphrase'), ...(await passphraseWraps(key, entry.keyId, target.next))];
  writeKeyFile(target.file, { ...keyFile, keys: [{ ...entry, wraps }], updatedAt: toUtc8Iso() });
  appendAudit(target.files.database(target.file, () => target.name), { actor: target.actor, action: 'profile.passphrase', details: {} });
}

/** Turns quick unlock with the OS keychain on (a keychain wrap is added) or off (removed). */
export async function setQuickUnlock(target: Target & { enabled: boolean; keychain?: Keychain }): Promise<void> {
  const key = unlockedKey(target);
  const keyFile = readKeyFile(target.file);
  const entry = currentEntry(keyFile, key);
  const others = entry.wraps.filter((wrap) => wrap.kind !== 'keychain');
  if (target.enabled && !target.keychain) throw new CredenceError('key.keychain_unavailable', { reason: 'not the desktop app' });
  const wraps = target.enabled ? [...others, await keychainWrap(key, target.keychain!)] : others;
  writeKeyFile(target.file, { ...keyFile, keys: [{ ...entry, wraps }], updatedAt: toUtc8Iso() });
  appendAudit(target.files.database(target.file, () => target.name), { actor: target.actor, action: 'profile.quick_unlock', details: { enabled: target.enabled } });
}

/**
 * Rotates the data key: a copy re-encrypted under a new random key (VACUUM INTO, then
 * SQLite3MultipleCiphers' rekey on the copy), verified, then swapped in. The key file lists both
 * keys while the swap is committed, so at every instant one of its keys opens the database:
 * 1. the copy under the new key is written and verified, and records the rotation in its audit log;
 * 2. the key file is written with the new key's wraps and the old key's (atomically);
 * 3. the copy is renamed over the database; 4. the key file is written with the new key alone.
 * The passphrase is needed (it wraps the new key); a new recovery code replaces the old one; quick
 * unlock is carried over when it was on. Backups made before keep the old key (and their own key file).
 */
export async function rotateDataKey(target: Target & { passphrase: string; keychain?: Keychain }): Promise<{ recoveryCode: string }> {
  const oldKey = unlockedKey(target);
  if (target.files.inUse(target.file)) throw new CredenceError('key.busy', { name: target.name });
  const keyFile = readKeyFile(target.file);
  const oldEntry = currentEntry(keyFile, oldKey);
  const proven = await unwrapDataKey(keyFile, { kind: 'passphrase', passphrase: target.passphrase });
  if (!proven.some((found) => found.entry.keyId === oldEntry.keyId)) throw new CredenceError('key.passphrase_wrong', { name: target.name });
  const hadKeychain = oldEntry.wraps.some((wrap) => wrap.kind === 'keychain');
  const { key, keyId } = newDataKey();
  const staging = partialName(target.file, 'rekey');
  try {
    const { entry, recoveryCode } = await newKeyEntry(key, keyId, target.passphrase, hadKeychain ? target.keychain : undefined);
    const source = target.files.database(target.file, () => target.name);
    const expected = { counts: tableCounts(source), userVersion: source.pragma('user_version', { simple: true }) as number };
    writeCopy(source, oldKey, { file: staging, key });
    verifyCopy({ file: staging, key }, expected);
    const copy = openRaw({ file: staging, key });
    try {
      appendAudit(copy, { actor: target.actor, action: 'profile.rekey', details: {} });
    } finally {
      copy.close();
    }
    writeKeyFile(target.file, { ...keyFile, keys: [entry, oldEntry], updatedAt: toUtc8Iso() });
    target.files.replace(target.file, staging);
    target.files.remember(target.file, key);
    writeKeyFile(target.file, { ...keyFile, keys: [entry], updatedAt: toUtc8Iso() });
    return { recoveryCode };
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  } finally {
    key.fill(0);
  }
}
