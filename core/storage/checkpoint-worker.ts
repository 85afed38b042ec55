// The thread a profile's WAL is checkpointed in while an import goes on (wal-checkpoint.ts starts
// it): one passive checkpoint on a connection of its own, then the connection closes and the
// thread ends. It writes no row; a checkpoint copies committed pages only, so a process killed in
// the middle of one leaves the file as SQLite's recovery finds it: every committed transaction
// there, nothing else.

import Database from 'better-sqlite3-multiple-ciphers';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from './encryption/cipher.ts';

export interface CheckpointWorkerData {
  file: string;
  /** The profile's data key when it is encrypted. */
  key: Uint8Array | null;
}

/** What the thread tells the one that started it: a failure (the checkpoint is then left to the connections' close). */
export type CheckpointMessage = { type: 'failed'; message: string };

if (parentPort) {
  const { file, key } = workerData as CheckpointWorkerData;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    if (key) applyKey(db, Buffer.from(key));
    // PASSIVE: copies what it can and waits for no one; the import's connection reads and writes
    // on meanwhile (its new frames go after the ones copied).
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies CheckpointMessage);
  } finally {
    db?.close();
  }
}
