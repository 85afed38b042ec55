import type { z } from 'zod';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import type { Emit } from './registry.ts';
import type { ProfileSource } from '../storage/profile-store.ts';
import { snapshotAfterImport } from '../score/snapshots.ts';
import { importBytes } from '../importers/import-file.ts';
import type { importOutcomeSchema } from './channels/imports.ts';

export interface ImportRequest {
  profileId: string;
  importId: string;
  files: Array<{ name: string; bytes: Uint8Array }>;
  password?: string;
}

export type ImportOutcome = z.output<typeof importOutcomeSchema>;

/**
 * Imports running for the UI, each cancellable by its id. Every import gets its own connection:
 * its transaction stays open across awaits (progress, cancel), and the app's shared connection
 * must never join it by accident. A file that fails rolls back alone; the others still land.
 */
export class ImportJobs {
  private readonly running = new Map<string, AbortController>();
  private readonly store: ProfileSource;
  private readonly emit: Emit;
  private readonly actor: string;

  constructor(store: ProfileSource, emit: Emit, actor = 'user') {
    this.store = store;
    this.emit = emit;
    this.actor = actor;
  }

  async run(request: ImportRequest): Promise<ImportOutcome> {
    if (this.running.has(request.importId)) throw new CredenceError('import.busy', { file: request.files[0]?.name ?? '' });
    // Refuses unknown, locked, corrupt or newer profiles before any work.
    const db = this.store.connect(request.profileId);
    const controller = new AbortController();
    this.running.set(request.importId, controller);
    db.pragma('busy_timeout = 10000');
    const outcome: ImportOutcome = { reports: [], failures: [] };
    try {
      for (const [fileIndex, file] of request.files.entries()) {
        try {
          if (controller.signal.aborted) throw new CredenceError('import.cancelled', { file: file.name });
          const reports = await importBytes(db, file.name, file.bytes, {
            password: request.password,
            signal: controller.signal,
            actor: this.actor,
            onProgress: (progress) =>
              this.emit('import.progress', {
                importId: request.importId,
                file: file.name,
                fileIndex,
                fileCount: request.files.length,
                rowsRead: progress.rowsRead,
                percent: progress.percent,
              }),
          });
          outcome.reports.push(...reports);
        } catch (error) {
          outcome.failures.push({ file: file.name, error: toErrorPayload(error) });
        }
      }
      // Score history (core/score/snapshots.ts): both scores as they stand after this import.
      if (outcome.reports.length > 0) snapshotAfterImport(db, (error) => console.error('score snapshot after import failed', error));
    } finally {
      db.close();
      this.running.delete(request.importId);
    }
    return outcome;
  }

  /** Cancels every running import (the app is being locked): each rolls back, as a cancel does. */
  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  cancel(importId: string): boolean {
    const controller = this.running.get(importId);
    controller?.abort();
    return controller !== undefined;
  }
}
