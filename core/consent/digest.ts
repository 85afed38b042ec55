import { createHash } from 'node:crypto';

/** The sha256 every consent record, notice, receipt and package is identified by (hex; text as UTF-8). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
