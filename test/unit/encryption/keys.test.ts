// Keys without lockouts (core/storage/encryption/key-wrap.ts, kdf.ts, recovery-code.ts): every
// way in opens the same data key, every wrong one is refused clearly, and nothing is written.

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argon2Available, ARGON2ID, SCRYPT } from '../../../core/storage/encryption/kdf.ts';
import {
  keyFileFor,
  newDataKey,
  newKeyEntry,
  readKeyFile,
  unwrapDataKey,
  unwrapDataKeySync,
  writeKeyFile,
  type KeyFile,
  type Keychain,
} from '../../../core/storage/encryption/key-wrap.ts';
import { formatRecoveryCode, parseRecoveryCode } from '../../../core/storage/encryption/recovery-code.ts';
import { CIPHER_ID } from '../../../core/storage/encryption/cipher.ts';
import { tempDir } from '../../helpers/temp.ts';
import { PASSPHRASE } from './helpers.ts';

/** A stand-in for Electron's safeStorage: reversible only with its own secret, as the OS keychain is. */
export function fakeKeychain(): Keychain & { reset(): void } {
  let secret = randomBytes(32);
  return {
    backend: async () => 'test-keychain',
    seal: async (text) => Buffer.concat([secret.subarray(0, 4), Buffer.from(text).map((byte, i) => byte ^ secret[i % 32]!)]),
    open: async (sealed) => {
      if (!sealed.subarray(0, 4).equals(secret.subarray(0, 4))) throw new Error('keychain changed');
      return Buffer.from(sealed.subarray(4).map((byte, i) => byte ^ secret[i % 32]!)).toString();
    },
    reset: () => {
      secret = randomBytes(32);
    },
  };
}

async function keyFileWith(keychain?: Keychain, passphrase = PASSPHRASE) {
  const { key, keyId } = newDataKey();
  const { entry, recoveryCode } = await newKeyEntry(key, keyId, passphrase, keychain);
  const keyFile: KeyFile = {
    format: 'credence.profile-keys/1',
    cipher: CIPHER_ID,
    profile: { id: '11111111-2222-4333-8444-555555555555', name: '张三', createdAt: '2026-11-21T20:00:00+08:00' },
    keys: [entry],
    updatedAt: '2026-11-21T20:00:00+08:00',
  };
  return { key, keyFile, recoveryCode };
}

describe('recovery codes', () => {
  it('are 32 Crockford base32 characters in 8 groups, and read back however they are typed', () => {
    const bytes = randomBytes(20);
    const code = formatRecoveryCode(bytes);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryCode(code).equals(bytes)).toBe(true);
    expect(parseRecoveryCode(code.toLowerCase().replace(/-/g, ' ')).equals(bytes)).toBe(true);
    // O for 0 and I/L for 1: handwriting mistakes Crockford's alphabet forgives.
    const known = formatRecoveryCode(Buffer.alloc(20, 0));
    expect(known).toBe('0000-0000-0000-0000-0000-0000-0000-0000');
    expect(parseRecoveryCode('OOOO-OOOO-OOOO-OOOO-OOOO-OOOO-OOOO-OOOO').equals(Buffer.alloc(20, 0))).toBe(true);
    expect(() => parseRecoveryCode('ABCD-EFGH')).toThrow(expect.objectContaining({ code: 'key.recovery_malformed' }));
    expect(() => parseRecoveryCode('U'.repeat(32))).toThrow(expect.objectContaining({ code: 'key.recovery_malformed' }));
  });
});

describe('the key file', () => {
  it('wraps the data key by the passphrase (Argon2id and scrypt), the recovery code and the keychain, parameters stored', async () => {
    const keychain = fakeKeychain();
    const { key, keyFile, recoveryCode } = await keyFileWith(keychain);
    const wraps = keyFile.keys[0]!.wraps;
    expect(wraps.map((wrap) => (wrap.kind === 'keychain' ? 'keychain' : `${wrap.kind}:${wrap.kdf.name}`))).toEqual([
      ...(argon2Available() ? ['passphrase:argon2id'] : []),
      'passphrase:scrypt',
      'recovery:hkdf-sha256',
      'keychain',
    ]);
    const scrypt = wraps.find((wrap) => wrap.kind === 'passphrase' && wrap.kdf.name === 'scrypt')!;
    expect(scrypt.kind === 'passphrase' && scrypt.kdf).toMatchObject({ N: SCRYPT.N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    if (argon2Available()) {
      const argon = wraps.find((wrap) => wrap.kind === 'passphrase' && wrap.kdf.name === 'argon2id')!;
      expect(argon.kind === 'passphrase' && argon.kdf).toMatchObject({ memoryKiB: ARGON2ID.memoryKiB, passes: 3, parallelism: 4 });
    }
    for (const secret of [{ kind: 'passphrase' as const, passphrase: PASSPHRASE }, { kind: 'recovery' as const, code: recoveryCode }, { kind: 'keychain' as const }]) {
      const [found] = await unwrapDataKey(keyFile, secret, keychain);
      expect(found!.key.equals(key)).toBe(true);
    }
    // The blocking path the CLI uses opens the same key.
    expect(unwrapDataKeySync(keyFile, { kind: 'recovery', code: recoveryCode })[0]!.key.equals(key)).toBe(true);
    // No wrap holds the key in the clear.
    expect(JSON.stringify(keyFile)).not.toContain(key.toString('base64'));
    expect(JSON.stringify(keyFile)).not.toContain(key.toString('hex'));
  });

  it('opens with scrypt alone, as the desktop app (Electron has no Argon2) must', async () => {
    const { key, keyFile } = await keyFileWith();
    const scryptOnly: KeyFile = { ...keyFile, keys: [{ ...keyFile.keys[0]!, wraps: keyFile.keys[0]!.wraps.filter((w) => w.kind !== 'passphrase' || w.kdf.name === 'scrypt') }] };
    const [found] = await unwrapDataKey(scryptOnly, { kind: 'passphrase', passphrase: PASSPHRASE });
    expect(found!.key.equals(key)).toBe(true);
  });

  it('treats the passphrase as Unicode NFC: composed and decomposed input are the same passphrase', async () => {
    const composed = 'café 密码 über';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const { key, keyFile } = await keyFileWith(undefined, composed);
    const [found] = await unwrapDataKey(keyFile, { kind: 'passphrase', passphrase: decomposed });
    expect(found!.key.equals(key)).toBe(true);
  });

  it('refuses a wrong passphrase, a wrong recovery code and a changed keychain with clear messages', async () => {
    const keychain = fakeKeychain();
    const { keyFile } = await keyFileWith(keychain);
    await expect(unwrapDataKey(keyFile, { kind: 'passphrase', passphrase: 'not the passphrase' })).rejects.toMatchObject({
      code: 'key.passphrase_wrong',
      localized: { en: expect.stringContaining('Wrong passphrase'), 'zh-CN': expect.stringContaining('密码不正确') },
    });
    await expect(unwrapDataKey(keyFile, { kind: 'recovery', code: formatRecoveryCode(randomBytes(20)) })).rejects.toMatchObject({ code: 'key.recovery_wrong' });
    keychain.reset();
    await expect(unwrapDataKey(keyFile, { kind: 'keychain' }, keychain)).rejects.toMatchObject({ code: 'key.keychain_failed' });
    await expect(unwrapDataKey(keyFile, { kind: 'keychain' })).rejects.toMatchObject({ code: 'key.keychain_unavailable' });
  });

  it('detects a tampered wrap: cheaper KDF parameters written into the file open nothing', async () => {
    const { keyFile } = await keyFileWith();
    const tampered = structuredClone(keyFile);
    for (const wrap of tampered.keys[0]!.wraps) if (wrap.kind === 'passphrase' && wrap.kdf.name === 'scrypt') wrap.kdf.N = 2 ** 14;
    const onlyScrypt = { ...tampered, keys: [{ ...tampered.keys[0]!, wraps: tampered.keys[0]!.wraps.filter((w) => w.kind === 'passphrase' && w.kdf.name === 'scrypt') }] };
    await expect(unwrapDataKey(onlyScrypt, { kind: 'passphrase', passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'key.passphrase_wrong' });
  });

  it('is written atomically and refused with the file named when damaged', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.sqlite');
    const { keyFile } = await keyFileWith();
    writeKeyFile(db, keyFile);
    expect(readKeyFile(db)).toEqual(keyFile);
    writeFileSync(keyFileFor(db), readFileSync(keyFileFor(db), 'utf8').slice(0, 200));
    expect(() => readKeyFile(db)).toThrow(expect.objectContaining({ code: 'key.file_invalid', localized: expect.objectContaining({ en: expect.stringContaining(keyFileFor(db)) }) }));
  });
});
