import { randomBytes } from 'node:crypto';
import { CredenceError } from '../../shared/errors.ts';

// The recovery code: 160 random bits the user writes down or prints when a profile is encrypted,
// and the one way back in when the passphrase is forgotten and the keychain is gone (Signal's
// users had none: docs/engineering/encryption-at-rest.md#keys).
// Crockford's base32 alphabet: digits and capitals without I, L, O and U, so it reads aloud and
// survives handwriting; O, I and L typed by mistake are read as 0, 1 and 1.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_BYTES = 20;
const CHARACTERS = (RECOVERY_CODE_BYTES * 8) / 5; // 32
const GROUP = 4;

function encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function decode(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** `XXXX-XXXX-…`, 8 groups of 4. */
export function formatRecoveryCode(bytes: Buffer): string {
  return encode(bytes).match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

export function newRecoveryCode(): { code: string; bytes: Buffer } {
  const bytes = randomBytes(RECOVERY_CODE_BYTES);
  return { code: formatRecoveryCode(bytes), bytes };
}

/** The code's bytes, from what the user typed: any case, spaces or dashes anywhere, O/I/L as 0/1/1. */
export function parseRecoveryCode(typed: string): Buffer {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CHARACTERS || [...cleaned].some((char) => !ALPHABET.includes(char))) {
    throw new CredenceError('key.recovery_malformed', { found: cleaned.length });
  }
  return decode(cleaned);
}
