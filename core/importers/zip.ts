// Bills arrive as password-protected ZIPs (Alipay: WinZip AES-256; WeChat: ZipCrypto or AES),
// opened here in memory so the decrypted bill never touches the disk.

import {
  configure,
  ERR_ENCRYPTED,
  ERR_INVALID_PASSWORD,
  Uint8ArrayReader,
  ZipReader,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js';

// Web workers do not exist in plain Node and would only add latency for files this small.
configure({ useWebWorkers: false });

export class ZipPasswordRequired extends Error {}
export class ZipPasswordWrong extends Error {}
export class ZipCorrupt extends Error {}

export interface ZipFileEntry {
  name: string;
  size: number;
  encrypted: boolean;
  /** Decrypted, decompressed bytes in chunks; applies backpressure to the decompressor. */
  chunks(): AsyncGenerator<Uint8Array>;
  bytes(): Promise<Uint8Array>;
}

function isFileEntry(entry: Entry): entry is FileEntry {
  return !entry.directory;
}

/** Names written by Chinese Windows zip tools are GBK without the UTF-8 flag. */
function entryName(entry: FileEntry): string {
  if (entry.filenameUTF8) return entry.filename;
  return new TextDecoder('gb18030').decode(entry.rawFilename);
}

function translate(error: unknown, encrypted: boolean): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message === ERR_ENCRYPTED) return new ZipPasswordRequired(message);
  if (message === ERR_INVALID_PASSWORD) return new ZipPasswordWrong(message);
  // ZipCrypto checks a password against one byte only: 1 in 256 wrong passwords pass that
  // check and then fail as a CRC or inflate error.
  if (encrypted) return new ZipPasswordWrong(message);
  return new ZipCorrupt(message);
}

/**
 * Streams an entry through a WritableStream whose writes resolve only once the consumer has
 * taken the chunk, so a 200 MB bill is never held whole.
 */
async function* streamEntry(entry: FileEntry, password: string | undefined): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let wake: (() => void) | null = null;
  let release: (() => void) | null = null;
  let finished = false;
  let failure: unknown = null;
  let abandoned = false;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      if (abandoned) throw new Error('reader stopped');
      queue.push(chunk);
      notify();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  });
  entry.getData(sink, { password, checkSignature: true }).then(
    () => {
      finished = true;
      notify();
    },
    (error: unknown) => {
      failure = error;
      finished = true;
      notify();
    },
  );
  try {
    for (;;) {
      if (queue.length > 0) {
        const chunk = queue.shift()!;
        const resume = release;
        release = null;
        yield chunk;
        (resume as (() => void) | null)?.();
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // The consumer may stop early (cancelled import): let the decompressor run into an error.
    abandoned = true;
    (release as (() => void) | null)?.();
  }
  if (failure !== null) throw translate(failure, entry.encrypted);
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Lists the files of a ZIP held in memory; an encrypted entry needs `password` to be read. */
export async function openZip(bytes: Uint8Array, password?: string): Promise<ZipFileEntry[]> {
  let entries: Entry[];
  try {
    entries = await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
  } catch (error) {
    throw new ZipCorrupt(error instanceof Error ? error.message : String(error));
  }
  return entries.filter(isFileEntry).map((entry) => {
    const chunks = (): AsyncGenerator<Uint8Array> => {
      if (entry.encrypted && !password) throw new ZipPasswordRequired(ERR_ENCRYPTED);
      return streamEntry(entry, password || undefined);
    };
    return {
      name: entryName(entry),
      size: entry.uncompressedSize,
      encrypted: entry.encrypted,
      chunks,
      bytes: () => collect(chunks()),
    };
  });
}
