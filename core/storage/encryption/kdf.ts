import crypto from 'node:crypto';
import { z } from 'zod';
import { CredenceError } from '../../shared/errors.ts';

// Key-encryption keys (KEKs): what turns a passphrase or a recovery code into the 256-bit key that
// wraps a profile's data key (key-wrap.ts). Parameters are stored with each wrap, so costs can rise
// later without locking anyone out of a file written today.

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Argon2id at RFC 9106's second recommended setting (t=3, p=4, m=64 MiB); 0.12 s here. Node has
 * it from 24.7 (`crypto.argon2`); Electron 45's Node (BoringSSL) does not, hence the feature test.
 */
export const ARGON2ID = { name: 'argon2id', version: 19, memoryKiB: 65536, passes: 3, parallelism: 4 } as const;

/**
 * scrypt at OWASP's setting (N=2^17, r=8, p=1), which every Node and Electron has; 0.3 s here.
 * It needs 128·N·r = 128 MiB, above Node's 32 MiB default `maxmem`, so maxmem is set (and stored).
 */
export const SCRYPT = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1, maxmem: 256 * MiB } as const;

const salt = z.string().regex(/^[A-Za-z0-9+/]{22}==$/, '16 bytes, base64');

export const kdfSchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int().min(8192).max(4 * 1024 * 1024),
    passes: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt,
  }),
  z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    maxmem: z.number().int().min(32 * MiB).max(4096 * MiB),
    salt,
  }),
  // Recovery codes carry 160 random bits: nothing to stretch, so a plain HKDF binds them to the file.
  z.strictObject({ name: z.literal('hkdf-sha256'), salt }),
]);

export type KdfParams = z.output<typeof kdfSchema>;

const KEK_BYTES = 32;

let argon2Checked: boolean | undefined;

/** Whether this runtime computes Argon2id (tested once with a tiny derivation, not inferred from a version). */
export function argon2Available(): boolean {
  if (argon2Checked === undefined) {
    try {
      const argon2Sync = (crypto as { argon2Sync?: typeof crypto.argon2Sync }).argon2Sync;
      argon2Checked =
        typeof argon2Sync === 'function' &&
        argon2Sync('argon2id', { message: 'x', nonce: Buffer.alloc(16), memory: 64, passes: 1, parallelism: 1, tagLength: 32 }).length === 32;
    } catch {
      argon2Checked = false;
    }
  }
  return argon2Checked;
}

function newSalt(): string {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * The KDFs a new passphrase wrap is made with: Argon2id where this runtime has it, and always scrypt
 * too, so a profile whose passphrase was set by the CLI on Node 24 still opens in the desktop app,
 * whose Electron has no Argon2. An attacker gains nothing from two wraps: either costs the same
 * guessing work as it does alone, and both are at or above the published minimums.
 */
export function newPassphraseKdfs(): KdfParams[] {
  const kdfs: KdfParams[] = [];
  if (argon2Available()) kdfs.push({ ...ARGON2ID, salt: newSalt() });
  kdfs.push({ ...SCRYPT, salt: newSalt() });
  return kdfs;
}

export function newRecoveryKdf(): KdfParams {
  return { name: 'hkdf-sha256', salt: newSalt() };
}

/** Whether this runtime can compute a stored KDF. */
export function canDerive(kdf: KdfParams): boolean {
  return kdf.name !== 'argon2id' || argon2Available();
}

/**
 * Passphrases are compared as Unicode NFC, so that the same Chinese or accented passphrase typed
 * through different input methods (composed or decomposed) is the same key.
 */
export function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

function argon2Parameters(kdf: Extract<KdfParams, { name: 'argon2id' }>, secret: Buffer) {
  return {
    message: secret,
    nonce: Buffer.from(kdf.salt, 'base64'),
    memory: kdf.memoryKiB,
    passes: kdf.passes,
    parallelism: kdf.parallelism,
    tagLength: KEK_BYTES,
  };
}

function unavailable(kdf: KdfParams): CredenceError {
  return new CredenceError('key.kdf_unavailable', { kdf: kdf.name });
}

const HKDF_INFO = 'credence recovery-code key-encryption key v1';

function hkdf(kdf: Extract<KdfParams, { name: 'hkdf-sha256' }>, secret: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.from(kdf.salt, 'base64'), HKDF_INFO, KEK_BYTES));
}

/** The KEK for `secret` under `kdf`, off the main thread (the desktop app's main process must not stall). */
export function deriveKek(kdf: KdfParams, secret: Buffer): Promise<Buffer> {
  if (!canDerive(kdf)) return Promise.reject(unavailable(kdf));
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, key: Buffer) => (error ? reject(error) : resolve(key));
    if (kdf.name === 'argon2id') crypto.argon2('argon2id', argon2Parameters(kdf, secret), done);
    else if (kdf.name === 'scrypt') crypto.scrypt(secret, Buffer.from(kdf.salt, 'base64'), KEK_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: kdf.maxmem }, done);
    else resolve(hkdf(kdf, secret));
  });
}

/** The same, blocking: for the one-shot CLI, whose commands open their database synchronously. */
export function deriveKekSync(kdf: KdfParams, secret: Buffer): Buffer {
  if (!canDerive(kdf)) throw unavailable(kdf);
  if (kdf.name === 'argon2id') return crypto.argon2Sync('argon2id', argon2Parameters(kdf, secret));
  if (kdf.name === 'scrypt') return crypto.scryptSync(secret, Buffer.from(kdf.salt, 'base64'), KEK_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: kdf.maxmem });
  return hkdf(kdf, secret);
}
