import { Worker } from 'node:worker_threads';
import { today } from '../shared/calendar.ts';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { IMPORT_YOUNG_GENERATION_MB } from './young-generation.ts';
import type { EventPayload } from './contract.ts';
import type { Emit } from './registry.ts';
import { markImportRunning } from '../storage/database.ts';
import type { ProfileSource } from '../storage/profile-store.ts';
import { runImportRequest, type ImportMessage, type ImportOutcome, type ImportRunData, type ImportSource } from './import-run.ts';
import type { ImportWorkerCommand } from './import-worker.ts';

export type { ImportOutcome, ImportSource } from './import-run.ts';

export interface ImportRequest {
  profileId: string;
  importId: string;
  files: ImportSource[];
  password?: string;
}

/**
 * The worker's module beside this one: the TypeScript source when core/ runs from source (the
 * CLI, the preview, tests), the bundled entry in the app (electron.vite.config.ts builds
 * out/main/import-worker.js beside the main bundle).
 */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './import-worker.ts' : './import-worker.js', import.meta.url);

/** How often the page hears of a running import at least, whatever phase it is in. */
export const PROGRESS_BEAT_MS = 250;

type ProgressPayload = EventPayload<'import.progress'>;

/**
 * The import's progress as the page sees it: each update from the import as it comes, and the
 * last one again whenever PROGRESS_BEAT_MS passed without one (while the file is hashed, while
 * its figures are summed before COMMIT, while the ledger is derived after it), so that the page
 * hears at least twice a second that the import is alive and in which phase.
 */
class ProgressBeat {
  private last: ProgressPayload;
  private lastAt = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly emit: (payload: ProgressPayload) => void;

  constructor(emit: (payload: ProgressPayload) => void, first: ProgressPayload) {
    this.emit = emit;
    this.last = first;
    this.send();
    this.timer = setInterval(() => {
      if (performance.now() - this.lastAt >= PROGRESS_BEAT_MS) this.send();
    }, PROGRESS_BEAT_MS / 2);
  }

  update(change: Omit<ProgressPayload, 'importId' | 'fileCount'>): void {
    this.last = { ...this.last, ...change };
    this.send();
  }

  private send(): void {
    this.lastAt = performance.now();
    this.emit(this.last);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** A running import as its starter sees it: something to cancel. */
interface Running {
  cancel(): void;
}

/**
 * Imports running for the UI, each cancellable by its id, each on its own connection to the
 * profile (import-run.ts): its transaction stays open across awaits, and the app's shared
 * connection must never join it. For the app (`inWorker`), each request runs in a worker thread
 * (import-worker.ts), so that the thread answering IPC stays free for every other call while a
 * million rows go in; the CLI, which answers nothing else meanwhile, runs it in its own thread and
 * saves loading the modules a second time. The connection opened here first refuses an unknown,
 * locked, corrupt or newer profile before any work, and holds the file as in use (a swap of the
 * file waits for it) until the import is done.
 */
export class ImportJobs {
  private readonly running = new Map<string, Running>();
  private readonly store: ProfileSource;
  private readonly emit: Emit;
  private readonly actor: string;
  private readonly inWorker: boolean;

  constructor(store: ProfileSource, emit: Emit, actor = 'user', options: { inWorker?: boolean } = {}) {
    this.store = store;
    this.emit = emit;
    this.actor = actor;
    this.inWorker = options.inWorker ?? true;
  }

  async run(request: ImportRequest): Promise<ImportOutcome> {
    if (this.running.has(request.importId)) throw new CredenceError('import.busy', { file: request.files[0]?.name ?? '' });
    // The page hears of the import at once, before its connection is opened.
    const progress = new ProgressBeat((payload) => this.emit('import.progress', payload), {
      importId: request.importId,
      file: request.files[0]?.name ?? '',
      fileIndex: 0,
      fileCount: request.files.length,
      rowsRead: 0,
      percent: 0,
      phase: 'read',
    });
    try {
      return await this.runOpened(request, progress);
    } finally {
      progress.stop();
    }
  }

  private async runOpened(request: ImportRequest, progress: ProgressBeat): Promise<ImportOutcome> {
    const db = this.store.connect(request.profileId);
    const importDone = markImportRunning(this.store.database(request.profileId));
    const dbFile = this.store.fileFor(request.profileId);
    const key = this.store.files.keyOf(dbFile);
    const data: ImportRunData = {
      dbFile,
      key: key ? new Uint8Array(key) : null,
      files: request.files,
      ...(request.password === undefined ? {} : { password: request.password }),
      actor: this.actor,
      asOfDay: today(),
    };
    const onMessage = (message: ImportMessage): void => {
      if (message.type === 'progress') {
        progress.update({ file: message.file, fileIndex: message.fileIndex, rowsRead: message.rowsRead, percent: message.percent, phase: message.phase });
      } else if (message.type === 'log') console.error(message.message);
    };
    try {
      return this.inWorker ? await this.inWorkerThread(request, data, onMessage) : await this.inThisThread(request, data, onMessage);
    } finally {
      importDone();
      db.close();
      this.running.delete(request.importId);
    }
  }

  private async inThisThread(request: ImportRequest, data: ImportRunData, onMessage: (message: ImportMessage) => void): Promise<ImportOutcome> {
    const controller = new AbortController();
    this.running.set(request.importId, { cancel: () => controller.abort() });
    // The CLI's process holds its young generation as the worker's is (bin/credence.mjs).
    return runImportRequest(data, controller.signal, onMessage);
  }

  private async inWorkerThread(request: ImportRequest, data: ImportRunData, onMessage: (message: ImportMessage) => void): Promise<ImportOutcome> {
    // The bytes of files sent whole move to the worker instead of being copied.
    const transferList = request.files.flatMap((file) =>
      'bytes' in file && file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength ? [file.bytes.buffer as ArrayBuffer] : [],
    );
    const worker = new Worker(WORKER_URL, { workerData: data, transferList, resourceLimits: { maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB } });
    // A cancel is always a message, never worker.terminate(): a thread stopped from outside may be
    // loading the SQLite addon or inside one of its calls (WiseLibs/better-sqlite3#1507: an abort
    // of the whole process), and a test process died of SIGSEGV beside such stops
    // (docs/engineering/known-crashes.md). A thread still loading its modules finds the cancel
    // waiting when it starts, before it opens anything (import-worker.ts).
    this.running.set(request.importId, { cancel: () => worker.postMessage({ type: 'cancel' } satisfies ImportWorkerCommand) });
    try {
      return await new Promise<ImportOutcome>((resolve, reject) => {
        let outcome: ImportOutcome | undefined;
        worker.on('message', (message: ImportMessage) => {
          if (message.type === 'done') outcome = message.outcome;
          else onMessage(message);
        });
        // An error after the outcome (in the thread's teardown) leaves what it committed committed.
        worker.on('error', (error) => (outcome ? resolve(outcome) : reject(error)));
        // Answered once the thread is gone, not when its outcome arrives: a process that ends while
        // a thread with the SQLite addon is still tearing down races that teardown (a test runner's
        // fork ending after its last test, the app quitting after an import).
        worker.on('exit', (code) => {
          if (outcome) resolve(outcome);
          else reject(new Error(`import worker exited with code ${code} before its outcome`));
        });
      });
    } catch (error) {
      // The worker died (out of memory, a bug): what it had open rolled back with its connection.
      console.error('import worker failed', error);
      return { reports: [], failures: request.files.map((file) => ({ file: file.name, error: toErrorPayload(error) })) };
    }
  }

  /** Cancels every running import (the app is being locked): each rolls back, as a cancel does. */
  cancelAll(): void {
    for (const running of this.running.values()) running.cancel();
  }

  cancel(importId: string): boolean {
    const running = this.running.get(importId);
    running?.cancel();
    return running !== undefined;
  }
}
