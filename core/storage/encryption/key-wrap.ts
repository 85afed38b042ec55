import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { CredenceError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../atomic-file.ts';
import { CIPHER_ID, KEY_BYTES } from './cipher.ts';
import { deriveKek, deriveKekSync, kdfSchema, newPassphraseKdfs, newRecoveryKdf, passphraseBytes, canDerive, type KdfParams } from './kdf.ts';
import { newRecoveryCode, parseRecoveryCode } from './recovery-code.ts';

// The key file beside an encrypted profile (`<profile>.sqlite.keys.json`): everything needed to
// turn a passphrase, a recovery code or the OS keychain into the profile's data key, readable
// before the database opens. It holds no key in the clear: each wrap is the data key encrypted
// with AES-256-GCM under a key-encryption key derived as its `kdf` says (kdf.ts), the wrap's
// context bound in as associated data. docs/engineering/encryption.md describes the format field by field.

export const KEY_FILE_FORMAT = 'credence.profile-keys/1';
export const KEY_FILE_SUFFIX = '.keys.json';
export const MIN_PASSPHRASE_LENGTH = 8;

const b64 = (bytes: number) => z.string().base64().refine((text) => Buffer.from(text, 'base64').length === bytes, `${bytes} bytes, base64`);

const sealedWrap = {
  kdf: kdfSchema,
  nonce: b64(12),
  ciphertext: b64(KEY_BYTES),
  tag: b64(16),
};

const wrapSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), ...sealedWrap }),
  z.strictObject({ kind: z.literal('recovery'), ...sealedWrap }),
  // Electron's safeStorage output: opaque bytes only this user's OS keychain can open.
  z.strictObject({ kind: z.literal('keychain'), backend: z.string().max(40), sealed: z.string().base64().max(4096) }),
]);

const keyEntrySchema = z.strictObject({
  /** Names this data key; a backup whose key file shows the same id opens with the same key. */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  /** HMAC-SHA256(data key, "credence data key check " + keyId): tells a right key from a wrong one without the database. */
  check: b64(32),
  wraps: z.array(wrapSchema).min(1).max(8),
});

export const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  cipher: z.literal(CIPHER_ID),
  /**
   * What the profile list and the unlock screen show while the profile is locked, as a file name
   * would be: the name the user gave it. Nothing else about the profile is readable without a key.
   */
  profile: z.strictObject({ id: z.uuid(), name: z.string().min(1).max(80), createdAt: z.string().max(40) }),
  /** One data key; two only while a key rotation is being committed (the database opens with one of them). */
  keys: z.array(keyEntrySchema).min(1).max(2),
  updatedAt: z.string().max(40),
});

export type KeyFile = z.output<typeof keyFileSchema>;
export type KeyEntry = z.output<typeof keyEntrySchema>;
export type Wrap = z.output<typeof wrapSchema>;

/** What unlocks an encrypted profile, as a request carries it. Lengths bound the request only; the rules are below. */
export const profileSecretSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }),
  z.strictObject({ kind: z.literal('recovery'), code: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('keychain') }),
]);
export type ProfileSecret = z.output<typeof profileSecretSchema>;

/**
 * The OS keychain as the desktop app offers it (electron/keychain.ts over safeStorage's async API).
 * Absent in the CLI, the preview server and tests that do not supply a stand-in.
 */
export interface Keychain {
  /** The backend's name when it protects secrets for real; null when it cannot (Linux's `basic_text` uses a hard-coded password). */
  backend(): Promise<string | null>;
  seal(text: string): Promise<Buffer>;
  open(sealed: Buffer): Promise<string>;
}

export function keyFileFor(dbFile: string): string {
  return dbFile + KEY_FILE_SUFFIX;
}

export function hasKeyFile(dbFile: string): boolean {
  return existsSync(keyFileFor(dbFile));
}

export function readKeyFile(dbFile: string): KeyFile {
  const file = keyFileFor(dbFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CredenceError('key.file_invalid', { file, reason: (error as Error).message });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CredenceError('key.file_invalid', { file, reason: 'not JSON' });
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CredenceError('key.file_invalid', { file, reason: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

export function writeKeyFile(dbFile: string, keyFile: KeyFile): void {
  writeFileAtomic(keyFileFor(dbFile), JSON.stringify(keyFileSchema.parse(keyFile), null, 2) + '\n');
}

export function newDataKey(): { key: Buffer; keyId: string } {
  return { key: randomBytes(KEY_BYTES), keyId: randomBytes(16).toString('hex') };
}

export function keyCheck(key: Buffer, keyId: string): string {
  return createHmac('sha256', key).update(`credence data key check ${keyId}`).digest('base64');
}

export function keyMatches(entry: KeyEntry, key: Buffer): boolean {
  return timingSafeEqual(Buffer.from(keyCheck(key, entry.keyId), 'base64'), Buffer.from(entry.check, 'base64'));
}

export function validatePassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new CredenceError('key.passphrase_too_short', { min: MIN_PASSPHRASE_LENGTH });
}

/** Binds a wrap to its file format, key and purpose, so that no field can be moved or swapped unnoticed. */
function associatedData(keyId: string, kind: string, kdf: KdfParams): Buffer {
  return Buffer.from(`${KEY_FILE_FORMAT}\n${keyId}\n${kind}\n${JSON.stringify(kdf)}`, 'utf8');
}

function seal(kind: 'passphrase' | 'recovery', kdf: KdfParams, kek: Buffer, key: Buffer, keyId: string): Wrap {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(associatedData(keyId, kind, kdf));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  kek.fill(0);
  return { kind, kdf, nonce: nonce.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** The data key, or null when this KEK is not the one (GCM's tag fails). */
function open(wrap: Extract<Wrap, { kdf: KdfParams }>, kek: Buffer, keyId: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.nonce, 'base64'));
    decipher.setAAD(associatedData(keyId, wrap.kind, wrap.kdf));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export async function passphraseWraps(key: Buffer, keyId: string, passphrase: string): Promise<Wrap[]> {
  validatePassphrase(passphrase);
  const secret = passphraseBytes(passphrase);
  try {
    const wraps: Wrap[] = [];
    for (const kdf of newPassphraseKdfs()) wraps.push(seal('passphrase', kdf, await deriveKek(kdf, secret), key, keyId));
    return wraps;
  } finally {
    secret.fill(0);
  }
}

/** A new recovery code and its wrap; the code is returned once, to be shown once. */
export async function recoveryWrap(key: Buffer, keyId: string): Promise<{ wrap: Wrap; code: string }> {
  const { code, bytes } = newRecoveryCode();
  const kdf = newRecoveryKdf();
  const wrap = seal('recovery', kdf, await deriveKek(kdf, bytes), key, keyId);
  bytes.fill(0);
  return { wrap, code };
}

export async function keychainWrap(key: Buffer, keychain: Keychain): Promise<Wrap> {
  const backend = await keychain.backend();
  if (backend === null) throw new CredenceError('key.keychain_unavailable', { reason: 'no secure backend' });
  return { kind: 'keychain', backend, sealed: (await keychain.seal(key.toString('hex'))).toString('base64') };
}

/** A fresh data key's entry: passphrase wraps and a recovery code (plus the keychain when asked). */
export async function newKeyEntry(key: Buffer, keyId: string, passphrase: string, keychain?: Keychain): Promise<{ entry: KeyEntry; recoveryCode: string }> {
  const wraps = await passphraseWraps(key, keyId, passphrase);
  const recovery = await recoveryWrap(key, keyId);
  wraps.push(recovery.wrap);
  if (keychain) wraps.push(await keychainWrap(key, keychain));
  return { entry: { keyId, check: keyCheck(key, keyId), wraps }, recoveryCode: recovery.code };
}

function secretBytes(secret: Exclude<ProfileSecret, { kind: 'keychain' }>): Buffer {
  return secret.kind === 'passphrase' ? passphraseBytes(secret.passphrase) : parseRecoveryCode(secret.code);
}

type SealedWrap = Extract<Wrap, { kdf: KdfParams }>;

/**
 * Every (key, wrap) pair a passphrase or recovery code may open, the cheapest KDF first (Argon2id
 * before scrypt where both can run). A file whose only wraps of that kind need a KDF this runtime
 * lacks is refused by name rather than reported as a wrong passphrase.
 */
function attempts(keyFile: KeyFile, kind: 'passphrase' | 'recovery'): Array<{ entry: KeyEntry; wrap: SealedWrap }> {
  const all = keyFile.keys.flatMap((entry) =>
    entry.wraps.filter((wrap): wrap is SealedWrap => wrap.kind === kind).map((wrap) => ({ entry, wrap })),
  );
  const usable = all.filter(({ wrap }) => canDerive(wrap.kdf)).sort((a, b) => Number(b.wrap.kdf.name === 'argon2id') - Number(a.wrap.kdf.name === 'argon2id'));
  if (usable.length === 0 && all.length > 0) throw new CredenceError('key.kdf_unavailable', { kdf: all[0]!.wrap.kdf.name });
  return usable;
}

function opened(found: Unwrapped[], secret: ProfileSecret, keyFile: KeyFile): Unwrapped[] {
  if (found.length > 0) return found;
  throw new CredenceError(secret.kind === 'passphrase' ? 'key.passphrase_wrong' : 'key.recovery_wrong', { name: keyFile.profile.name });
}

export interface Unwrapped {
  key: Buffer;
  entry: KeyEntry;
}

/** The data key(s) a secret opens (two only mid-rotation), or a clear refusal; nothing is written. */
export async function unwrapDataKey(keyFile: KeyFile, secret: ProfileSecret, keychain?: Keychain): Promise<Unwrapped[]> {
  if (secret.kind === 'keychain') return unwrapWithKeychain(keyFile, keychain);
  const bytes = secretBytes(secret);
  try {
    const found: Unwrapped[] = [];
    for (const { entry, wrap } of attempts(keyFile, secret.kind)) {
      if (found.some((f) => f.entry === entry)) continue;
      const key = open(wrap, await deriveKek(wrap.kdf, bytes), entry.keyId);
      if (key && keyMatches(entry, key)) found.push({ key, entry });
    }
    return opened(found, secret, keyFile);
  } finally {
    bytes.fill(0);
  }
}

/** The same, blocking (the CLI's synchronous open). */
export function unwrapDataKeySync(keyFile: KeyFile, secret: Exclude<ProfileSecret, { kind: 'keychain' }>): Unwrapped[] {
  const bytes = secretBytes(secret);
  try {
    const found: Unwrapped[] = [];
    for (const { entry, wrap } of attempts(keyFile, secret.kind)) {
      if (found.some((f) => f.entry === entry)) continue;
      const key = open(wrap, deriveKekSync(wrap.kdf, bytes), entry.keyId);
      if (key && keyMatches(entry, key)) found.push({ key, entry });
    }
    return opened(found, secret, keyFile);
  } finally {
    bytes.fill(0);
  }
}

async function unwrapWithKeychain(keyFile: KeyFile, keychain: Keychain | undefined): Promise<Unwrapped[]> {
  const name = keyFile.profile.name;
  if (!keychain) throw new CredenceError('key.keychain_unavailable', { reason: 'not the desktop app' });
  const found: Unwrapped[] = [];
  let anyWrap = false;
  for (const entry of keyFile.keys) {
    for (const wrap of entry.wraps) {
      if (wrap.kind !== 'keychain') continue;
      anyWrap = true;
      let key: Buffer;
      try {
        key = Buffer.from(await keychain.open(Buffer.from(wrap.sealed, 'base64')), 'hex');
      } catch {
        continue;
      }
      if (key.length === KEY_BYTES && keyMatches(entry, key)) found.push({ key, entry });
    }
  }
  if (!anyWrap) throw new CredenceError('key.keychain_not_set', { name });
  if (found.length === 0) throw new CredenceError('key.keychain_failed', { name });
  return found;
}
