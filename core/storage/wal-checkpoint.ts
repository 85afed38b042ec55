// A long write's WAL checkpoint, off the writer's thread. A connection with SQLite's automatic
// checkpoint copies the whole WAL into the database file in the COMMIT that takes it past 1,000
// pages: after a 1M-row import about 0.45 CPU s, mostly system time, and a second of wall with
// the fsyncs' wait, all on the import's critical path (docs/engineering/performance.md, stop 30). An
// import's connection turns that off (`deferCheckpoints`) and has a worker thread run a passive
// checkpoint on a connection of its own after each COMMIT instead: on the second core, while the
// import's thread derives the ledger (a passive checkpoint blocks neither readers nor writers).
// A checkpoint copies committed pages only: durability and atomicity are SQLite's as ever.

import { statSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.ts';
import type { CheckpointMessage, CheckpointWorkerData } from './checkpoint-worker.ts';

/**
 * The worker's module beside this one: the TypeScript source when core/ runs from source, the
 * bundled entry in the app (electron.vite.config.ts builds out/main/checkpoint-worker.js).
 */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './checkpoint-worker.ts' : './checkpoint-worker.js', import.meta.url);

/** SQLite's own threshold (`wal_autocheckpoint`'s default), in pages: a smaller WAL is left to the close, as SQLite would leave it. */
const CHECKPOINT_PAGES = 1000;

/**
 * Turns the connection's automatic checkpoints off while a WalCheckpointer runs them; the returned
 * function turns them back on as they were, so that what the connection commits after the import
 * (the derivation) is checkpointed as ever, by its COMMIT, unless the worker's is still running
 * (then SQLite skips it: one checkpoint at a time, and a passive one never waits).
 */
export function deferCheckpoints(db: Db): () => void {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  return () => void db.pragma(`wal_autocheckpoint = ${pages}`);
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * The checkpoints of one import's connection, each in a thread of its own that ends with it, so
 * that the thread's memory (about 15 MB resident) is not held through the derivation after it.
 */
export class WalCheckpointer {
  private readonly data: CheckpointWorkerData;
  private readonly threshold: number;
  private readonly onFailure: (message: string) => void;
  /** The checkpoints asked for, one after the other. */
  private running: Promise<void> = Promise.resolve();
  private asked = false;

  constructor(db: Db, file: string, key: Uint8Array | null, onFailure: (message: string) => void) {
    this.data = { file, key };
    this.threshold = CHECKPOINT_PAGES * (db.pragma('page_size', { simple: true }) as number);
    this.onFailure = onFailure;
  }

  /**
   * After a COMMIT: a passive checkpoint in a worker if the WAL has grown past SQLite's own
   * threshold. By its file's size: SQLite reuses the file and does not shrink it until the last
   * connection closes, so after a large write every later COMMIT asks too, which costs a thread's
   * start (about 50 ms of CPU) and a checkpoint with little to copy.
   */
  afterCommit(): void {
    if (walBytes(this.data.file) < this.threshold) return;
    // The first starts at once: a worker starts its thread as it is made, whatever this one does next.
    this.running = this.asked ? this.running.then(() => this.checkpoint()) : this.checkpoint();
    this.asked = true;
  }

  private checkpoint(): Promise<void> {
    // A worker does not inherit the compile cache its process enabled (bin/credence.mjs): from
    // source, without it, stripping the worker's types loads the stripper too, about 30 MB more.
    const cache = getCompileCacheDir();
    const worker = new Worker(WORKER_URL, { workerData: this.data, ...(cache ? { env: { ...process.env, NODE_COMPILE_CACHE: cache } } : {}) });
    worker.on('message', (message: CheckpointMessage) => this.onFailure(message.message));
    return new Promise((resolve) => {
      worker.on('error', (error) => this.onFailure(error.message));
      worker.on('exit', () => resolve());
    });
  }

  /**
   * Waits for the checkpoints asked for and their threads' end: called before the import's own
   * connection closes, so that the last connection to close (which removes the WAL) is never a
   * worker's, and no thread with the SQLite addon outlives the import.
   */
  async close(): Promise<void> {
    await this.running;
  }
}
