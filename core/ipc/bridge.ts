import type { z } from 'zod';
import type { heldFileSchema, uploadSchemas } from './channels/imports.ts';
import type { Channel, Envelope, EventName, EventPayload, Request, Response } from './contract.ts';

export interface UploadOptions {
  /** Bytes the server has stored so far, after each chunk. */
  onProgress?: (sent: number, total: number) => void;
  /** Stops between two chunks (or during one) and gives the upload up: nothing of it is kept. */
  signal?: AbortSignal;
}

/** A complete upload: the reference `import.files` names it by. */
export type Uploaded = { fileRef: z.output<typeof uploadSchemas.started>['uploadId'] };

/**
 * What the page sees as `window.credence`: the preload's contextBridge object in Electron, or a
 * stand-in with the same shape from the test harness and the preview server. Nothing else.
 */
export interface CredenceBridge {
  invoke<C extends Channel>(channel: C, payload: Request<C>): Promise<Envelope<Response<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * The preview server's bridge only: sends a file's raw bytes in chunks (core/preview/uploads.ts)
   * for `import.files` to name by reference, so a large file never travels as base64 in JSON.
   * Resolves to the envelope of the last step (an error envelope names the file and the limit);
   * rejects when the transport broke.
   */
  upload?(file: Blob, name: string, options?: UploadOptions): Promise<Envelope<Uploaded>>;
  /** Gives up a complete upload that will not be imported (cancelled before its request): the server removes it. */
  discardUpload?(fileRef: string): Promise<void>;
  /**
   * The desktop app's preload only: main holds a File the page was handed (dropped, or from its
   * file input) by its path on disk, which the page never sees, and answers its name, size and a
   * one-time reference for `import.files` (electron/dropped-files.ts), so its bytes never cross
   * as base64. Null for a File with no path on disk (made by a page, dragged from a browser) or
   * not named as a bill: its bytes go in the request as before, and main says what it is.
   */
  holdFile?(file: File): Promise<Envelope<HeldFile> | null>;
}

/** A file main holds for the page: its name, size and reference (core/ipc/file-refs.ts). */
export type HeldFile = z.output<typeof heldFileSchema>;

export const BRIDGE_KEY = 'credence';
