// Bill exports never declare their encoding: Alipay writes GBK, WeChat/JD/Meituan UTF-8 (often
// with a BOM). Decide once from the first bytes, then decode the rest as a stream.

export type TextEncoding = 'utf-8' | 'gb18030';

/** Enough to contain the preamble and first rows of every known export. */
const SNIFF_BYTES = 64 * 1024;
/** Pure ASCII says nothing about the encoding: keep looking this far for a non-ASCII byte. */
const ASCII_LOOKAHEAD_BYTES = 8 * 1024 * 1024;

/** Raised when bytes after the sniffed prefix are not valid in the chosen encoding. */
export class EncodingError extends Error {}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * BOM → UTF-8; else strict UTF-8 over the prefix; else GB18030 (the superset of GBK that
 * WHATWG's `gbk` label also decodes as). `stream: true` keeps a multi-byte character cut off
 * at the end of the prefix from counting as invalid.
 */
export function sniffEncoding(prefix: Uint8Array): TextEncoding {
  if (hasUtf8Bom(prefix)) return 'utf-8';
  const firstNonAscii = prefix.findIndex((byte) => byte >= 0x80);
  if (firstNonAscii < 0) return 'utf-8';
  try {
    const window = prefix.subarray(firstNonAscii, firstNonAscii + SNIFF_BYTES);
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes a byte stream to text chunks, sniffing the encoding from its first 64 KiB. */
export async function* decodeStream(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let sawNonAscii = false;

  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new EncodingError('invalid byte sequence');
    }
  };
  const start = (): string => {
    const prefix = Buffer.concat(head);
    const encoding = sniffEncoding(prefix);
    onEncoding?.(encoding);
    // A fatal UTF-8 decoder: a file that turns invalid after a valid prefix is damaged, and
    // replacement characters would silently corrupt ids and amounts.
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    return decode(prefix, true);
  };

  for await (const chunk of chunks) {
    if (decoder) {
      const text = decode(chunk, true);
      if (text) yield text;
      continue;
    }
    head.push(chunk);
    headBytes += chunk.length;
    sawNonAscii ||= chunk.some((byte) => byte >= 0x80);
    if ((headBytes >= SNIFF_BYTES && sawNonAscii) || headBytes >= ASCII_LOOKAHEAD_BYTES) {
      const text = start();
      if (text) yield text;
    }
  }
  if (!decoder) {
    const text = start();
    if (text) yield text;
  }
  const tail = decode(new Uint8Array(0), false);
  if (tail) yield tail;
}
