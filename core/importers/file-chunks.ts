// How a file's bytes are read for an import, by the import's thread and by the thread that reads a
// large text bill for it (read-worker.ts): the same pieces in both, so that the encoding is sniffed
// from the same first chunk and the progress moves by the same steps.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Small reads keep each decoded chunk and its records in V8's young generation: at 1M rows,
 * 1 MiB reads peaked at ~290 MB RSS, 64 KiB reads at ~200 MB, at the same speed.
 */
export const CHUNK_BYTES = 64 * 1024;
/**
 * A file is read in larger pieces, and handed on cut into CHUNK_BYTES: each read of a stream is a
 * round trip through libuv's thread pool and the stream's promises (at 64 KiB, 4,400 of them for
 * a 139 MB export, read twice: to hash it, then to parse it). 1 MiB reads saved no more CPU and
 * peaked 30 MB higher.
 */
const READ_BYTES = 4 * CHUNK_BYTES;

/** What the report says of a file that could not be read (import.file_unreadable). */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

/** The file's bytes in CHUNK_BYTES pieces; a read's error is thrown as it came. */
export async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const read of createReadStream(path, { highWaterMark: READ_BYTES }) as AsyncIterable<Buffer>) {
    for (let at = 0; at < read.length; at += CHUNK_BYTES) yield read.subarray(at, at + CHUNK_BYTES);
  }
}

/**
 * The same pieces, read into one buffer used again for every read: for a reader that is done with
 * each piece before it asks for the next, once `reuse()` says so. Until then each read has a
 * buffer of its own (what decodeStream keeps of the first pieces to sniff the encoding).
 */
export async function* readChunksReused(path: string, reuse: () => boolean): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      if (!reuse()) buffer = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await file.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      for (let at = 0; at < bytesRead; at += CHUNK_BYTES) yield buffer.subarray(at, Math.min(bytesRead, at + CHUNK_BYTES));
    }
  } finally {
    await file.close();
  }
}
