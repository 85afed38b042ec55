// A large text bill's bytes read, hashed, decoded and cut into records on a thread of its own
// (read-worker.ts), beside the import's thread, which makes each record's cells strings from the
// text and cuts it is sent and does the rest as it would: the same records, lines and errors, in
// the same order, one chunk at a time (a few chunks ahead at most). Reading, hashing, decoding and
// cutting were about a quarter of the import thread's CPU in a re-import of stored rows
// (docs/engineering/performance.md, stop 30).

import { Worker } from 'node:worker_threads';
import { CredenceError } from '../shared/errors.ts';
import { emitRecords, RecordTooLong, UnterminatedQuote, type RecordHandler } from './csv.ts';
import { EncodingError } from './encoding.ts';

/**
 * From this size on (bytes) a text bill read from a file into a profile holding rows is read on a
 * thread of its own (import-file.ts holdsRows): below it, starting the thread (about 30 ms) is more
 * than it saves.
 */
export const READ_THREAD_FROM = 8 * 1024 * 1024;

/** How many chunks the reading thread may send before the import's thread has applied them. */
const AHEAD = 4;

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);

export interface ReadWorkerData {
  path: string;
  ahead: number;
}

/** What stopped the reading: as the import's thread would have raised it, and where. */
export interface ReadFailure {
  kind: 'unreadable' | 'encoding' | 'too_long' | 'unterminated' | 'other';
  line: number;
  limit: number;
  reason: string;
}

/** One decoded chunk's records (RecordCuts over `text`), the bytes read by then, and what ended the reading, if anything. */
export interface ReadMessage {
  text: string;
  /** RecordCuts' ints, filled to `length`; sent back once applied. */
  ints: Int32Array<ArrayBuffer>;
  length: number;
  quoted: string[];
  bytes: number;
  /** Raised after the records of this message. */
  failure: ReadFailure | null;
  /** The last message: the hash of every byte read, and their count. */
  end: { sha256: string; hashed: number } | null;
}

/** The error the import's own reading would have raised (import-file.ts textError maps the tokenizer's). */
function errorOf(failure: ReadFailure, file: string): Error {
  switch (failure.kind) {
    case 'unreadable':
      return new CredenceError('import.file_unreadable', { file, reason: failure.reason });
    case 'encoding':
      return new EncodingError('invalid byte sequence');
    case 'too_long':
      return new RecordTooLong(failure.line, failure.limit);
    case 'unterminated':
      return new UnterminatedQuote(failure.line);
    case 'other':
      return new Error(`the reading thread failed: ${failure.reason}`);
  }
}

/** Where the reading thread's chunks land: the bytes read so far, and the file's hash at the end. */
export interface ReadMeter {
  bytes: number;
  settle(sha256: string, hashed: number): void;
}

/**
 * The file's records, one chunk at a time: handed to `onRecord` in order, yielding after each
 * chunk but the last, as the tokenizer on the import's thread would. A failure is thrown as
 * `thrown(error, line)`, the line the import's own reading would have been at.
 */
export async function* readOnThread(
  path: string,
  file: string,
  meter: ReadMeter,
  onRecord: RecordHandler,
  thrown: (error: unknown, line: number) => unknown,
): AsyncGenerator<void> {
  const worker = new Worker(WORKER_URL, { workerData: { path, ahead: AHEAD } satisfies ReadWorkerData });
  const arrived: ReadMessage[] = [];
  let failed: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ReadMessage) => {
    arrived.push(message);
    woken();
  });
  worker.on('error', (error) => {
    failed ??= { error };
    woken();
  });
  worker.on('exit', (code) => {
    failed ??= { error: new Error(`the reading thread exited (${code}) before the file's end`) };
    woken();
  });
  try {
    for (;;) {
      while (arrived.length === 0 && failed === null) await new Promise<void>((resolve) => (wake = resolve));
      const message = arrived.shift();
      if (message === undefined) throw (failed as { error: unknown } | null)?.error;
      meter.bytes = message.bytes;
      emitRecords(message.text, { ints: message.ints, length: message.length, quoted: message.quoted }, onRecord);
      if (message.failure) throw thrown(errorOf(message.failure, file), message.failure.line);
      if (message.end) {
        meter.settle(message.end.sha256, message.end.hashed);
        return;
      }
      worker.postMessage(message.ints, [message.ints.buffer]);
      yield;
    }
  } finally {
    // It ends at its next chunk, or has ended (read-worker.ts); the process need not wait for it.
    worker.removeAllListeners();
    worker.on('error', () => {});
    worker.postMessage(null);
    worker.unref();
  }
}
