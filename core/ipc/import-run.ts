// One import request on a connection of its own to the profile: each file read, parsed and
// written in its own transaction, then the score snapshot after it. Run in a worker thread for
// the app (import-worker.ts), in the calling thread for the CLI (import-jobs.ts). A file that
// fails rolls back alone; a cancel rolls back the file under way before the outcome returns.

import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { importBytes, importFile } from '../importers/import-file.ts';
import { snapshotAfterImport } from '../score/snapshots.ts';
import { openDatabase } from '../storage/database.ts';
import { deferCheckpoints, WalCheckpointer } from '../storage/wal-checkpoint.ts';
import type { z } from 'zod';
import type { importOutcomeSchema } from './channels/imports.ts';

export type ImportOutcome = z.output<typeof importOutcomeSchema>;

/** A file to import: a path the shell chose (the CLI's argument), or its bytes. */
export type ImportSource = { name: string; path: string } | { name: string; bytes: Uint8Array };

export interface ImportRunData {
  dbFile: string;
  /** The profile's data key when it is encrypted. */
  key: Uint8Array | null;
  files: ImportSource[];
  password?: string;
  actor: string;
  /** The day the score snapshot after the import is taken as of (the starting thread's today). */
  asOfDay: number;
}

/**
 * `read`: the file is hashed, read, written and committed (a cancel rolls it back); `ledger`: every
 * file is committed, and the accounts, histories and scores are brought up to date (too late to cancel).
 */
export type ImportPhase = 'read' | 'ledger';

/** What a running import tells the thread that started it. */
export type ImportMessage =
  | { type: 'progress'; fileIndex: number; file: string; rowsRead: number; percent: number | null; phase: ImportPhase }
  | { type: 'log'; message: string }
  | { type: 'done'; outcome: ImportOutcome };


function cancelled(file: string): ImportOutcome['failures'][number] {
  return { file, error: toErrorPayload(new CredenceError('import.cancelled', { file })) };
}

export async function runImportRequest(data: ImportRunData, signal: AbortSignal, post: (message: ImportMessage) => void): Promise<ImportOutcome> {
  // Cancelled before it began (the app's worker was still loading its modules): nothing opened.
  if (signal.aborted) return { reports: [], failures: data.files.map((file) => cancelled(file.name)) };
  const db = openDatabase(data.dbFile, { create: false, inspected: true, ...(data.key ? { key: Buffer.from(data.key) } : {}) });
  db.pragma('busy_timeout = 10000');
  // Each file's COMMIT leaves its WAL checkpoint to a thread of its own, beside the work that follows it.
  const checkpointsBack = deferCheckpoints(db);
  const checkpoints = new WalCheckpointer(db, data.dbFile, data.key, (message) => post({ type: 'log', message: `WAL checkpoint beside the import failed: ${message}` }));
  const outcome: ImportOutcome = { reports: [], failures: [] };
  try {
    for (const [fileIndex, file] of data.files.entries()) {
      if (signal.aborted) {
        outcome.failures.push(cancelled(file.name));
        continue;
      }
      const options = {
        password: data.password,
        signal,
        actor: data.actor,
        onProgress: (progress: { rowsRead: number; percent: number | null }) =>
          post({ type: 'progress', fileIndex, file: file.name, rowsRead: progress.rowsRead, percent: progress.percent, phase: 'read' }),
      };
      try {
        const reports = 'path' in file ? await importFile(db, file.path, options, file.name) : await importBytes(db, file.name, file.bytes, options);
        outcome.reports.push(...reports);
        if (reports.some((report) => report.batchId !== null)) checkpoints.afterCommit();
      } catch (error) {
        outcome.failures.push({ file: file.name, error: toErrorPayload(error) });
      }
    }
    checkpointsBack();
    // Score history (core/score/snapshots.ts): both scores as they stand after this import, unless
    // every file was one imported before (recognised by its hash: nothing was written at all).
    if (outcome.reports.some((report) => report.batchId !== null)) {
      const last = outcome.reports.at(-1)!;
      post({ type: 'progress', fileIndex: data.files.length - 1, file: last.file, rowsRead: last.rowsRead, percent: 100, phase: 'ledger' });
      snapshotAfterImport(db, (error) => post({ type: 'log', message: `score snapshot after import failed: ${(error as Error)?.stack ?? String(error)}` }), data.asOfDay);
    }
  } finally {
    await checkpoints.close();
    db.close();
  }
  return outcome;
}
