// The thread that reads a large text bill for the import's thread (read-thread.ts): it reads the
// file, hashes it, decodes it and cuts its records, and sends each decoded chunk's text with its
// cuts; the import's thread makes the cells strings and does everything else, in the file's order.

import { createHash } from 'node:crypto';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CsvTokenizer, RecordTooLong, UnterminatedQuote, type CutText } from './csv.ts';
import { decodeStream, EncodingError } from './encoding.ts';
import { readChunksReused, reasonOf } from './file-chunks.ts';
import type { ReadFailure, ReadMessage, ReadWorkerData } from './read-thread.ts';

/** Reads the file at `path` to its end or its first failure, sending each chunk's records to `port`. */
async function readFile({ path, ahead }: ReadWorkerData, port: MessagePort): Promise<void> {
  const sha256 = createHash('sha256');
  let bytes = 0;
  let readFailed = false;
  // Once the encoding is known, decodeStream is done with each piece before it asks for the next.
  let decoding = false;

  async function* hashed(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of readChunksReused(path, () => decoding)) {
        sha256.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    } catch (error) {
      readFailed = true;
      throw error;
    }
  }

  // Messages the import's thread has not applied yet: at most `ahead`, so that what waits stays a
  // few chunks. Each applied message's cuts come back, to be filled again (no buffer a chunk).
  // A `null` instead says to stop: the import is over (its end, a failure or a cancel).
  let unapplied = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  const spare: Array<Int32Array<ArrayBuffer>> = [];
  port.on('message', (ints: Int32Array<ArrayBuffer> | null) => {
    if (ints === null) stopped = true;
    else spare.push(ints);
    unapplied--;
    wake?.();
    wake = null;
  });

  /** A spare buffer with room for `length` ints, or a new one. */
  const buffer = (length: number): Int32Array<ArrayBuffer> => {
    const at = spare.findIndex((ints) => ints.length >= length);
    return at < 0 ? new Int32Array(Math.max(length, 1 << 15)) : spare.splice(at, 1)[0]!;
  };

  const failureOf = (error: unknown, line: number): ReadFailure => {
    if (readFailed) return { kind: 'unreadable', line, limit: 0, reason: reasonOf(error) };
    if (error instanceof EncodingError) return { kind: 'encoding', line, limit: 0, reason: '' };
    if (error instanceof RecordTooLong) return { kind: 'too_long', line: error.line, limit: error.limit, reason: '' };
    if (error instanceof UnterminatedQuote) return { kind: 'unterminated', line: error.line, limit: 0, reason: '' };
    return { kind: 'other', line, limit: 0, reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  };

  /** Sends a chunk's records; then waits while `ahead` are unapplied (not after the last). */
  const send = async (cut: CutText, end: boolean): Promise<void> => {
    const ints = buffer(cut.cuts.length);
    ints.set(cut.cuts.ints.subarray(0, cut.cuts.length));
    const message: ReadMessage = {
      text: cut.text,
      ints,
      length: cut.cuts.length,
      quoted: cut.cuts.quoted,
      bytes,
      failure: cut.error ? failureOf(cut.error, 0) : null,
      end: end && !cut.error ? { sha256: sha256.digest('hex'), hashed: bytes } : null,
    };
    port.postMessage(message, [ints.buffer]);
    unapplied++;
    while (!end && !stopped && message.failure === null && unapplied >= ahead) await new Promise<void>((resolve) => (wake = resolve));
  };

  const tokenizer = new CsvTokenizer();
  try {
    for await (const text of decodeStream(hashed(), () => (decoding = true))) {
      const cut = tokenizer.cut(text, false);
      await send(cut, false);
      if (cut.error !== null || stopped) return;
    }
    await send(tokenizer.cut('', true), true);
  } catch (error) {
    const message: ReadMessage = { text: '', ints: new Int32Array(0), length: 0, quoted: [], bytes, failure: failureOf(error, tokenizer.currentLine), end: null };
    port.postMessage(message);
  } finally {
    // Nothing more to send (the file is closed): the thread ends by itself.
    port.close();
  }
}

// Never stopped from outside (`worker.terminate()`), as the app's import worker is not
// (docs/engineering/known-crashes.md): the import's thread asks, and this one ends at its next chunk.
void readFile(workerData as ReadWorkerData, parentPort!);
