// Large files from the page, without base64 in JSON: the page sends a file's raw bytes in
// numbered chunks (POST /upload/<id>?offset=N, application/octet-stream), each streamed straight to
// a file in the profile's data folder; a complete upload is then imported by reference, as the
// CLI's files are (HandlerContext.importFileRef), and deleted when that import is done. Nothing of
// an upload survives an abort, a dropped connection, an import or the server's close.

import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CredenceError } from '../shared/errors.ts';

const MiB = 1024 * 1024;

/** The largest file the page may upload: far above any real bill export (a 1M-row one is 140 MB). */
export const MAX_UPLOAD_BYTES = 1024 * MiB;
/** One chunk's body at most: a request of its own, so the page can show progress and stop between two. */
export const UPLOAD_CHUNK_BYTES = 8 * MiB;
/** Uploads in progress or waiting for their import at once (a request carries at most 50 files). */
export const MAX_PENDING_UPLOADS = 50;

const PART = '.part';
const DONE = '.upload';

interface Upload {
  name: string;
  size: number;
  received: number;
  /** A chunk is being written: a second one at the same time is out of order by definition. */
  writing: boolean;
  complete: boolean;
}

export type ChunkResult = { received: number; complete: boolean };

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MiB).toLocaleString('en')} MB`;
}

/** Counts a chunk's bytes as they pass, failing it the moment it holds more than it may. */
function bounded(limit: number, tooLong: () => Error, count: (bytes: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) return done(tooLong());
      count(chunk.length);
      done(null, chunk);
    },
  });
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly dir: string;

  /**
   * `dir` is the store's own, made at the first upload: what a killed server left there is
   * removed now, and the folder itself when the store is cleared.
   */
  constructor(dir: string) {
    this.dir = dir;
    if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.endsWith(PART) || name.endsWith(DONE)) rmSync(join(dir, name), { force: true });
  }

  private path(id: string, complete: boolean): string {
    return join(this.dir, id + (complete ? DONE : PART));
  }

  /** Announces a file: its size is refused here when too large, before a byte is sent. */
  start(name: string, size: number): { uploadId: string; chunkBytes: number } {
    if (size > MAX_UPLOAD_BYTES) throw new CredenceError('import.upload_too_large', { file: name, size: megabytes(size), limit: megabytes(MAX_UPLOAD_BYTES) });
    if (this.uploads.size >= MAX_PENDING_UPLOADS) throw new CredenceError('import.busy', { file: name });
    const uploadId = randomUUID();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.uploads.set(uploadId, { name, size, received: 0, writing: false, complete: false });
    // An empty file is complete at once (the import then says plainly that it is empty).
    if (size === 0) this.finish(uploadId, this.uploads.get(uploadId)!);
    else writeFileSync(this.path(uploadId, false), '', { flag: 'wx', mode: 0o600 });
    return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  /**
   * Appends one chunk, which must start where the last one ended and stay within the size
   * announced. A chunk that breaks off (the page went away, the body was too long) discards the
   * whole upload: a file is imported whole or not at all.
   */
  async chunk(uploadId: string, offset: number, body: IncomingMessage): Promise<ChunkResult> {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.complete) throw new CredenceError('import.upload_unknown');
    if (upload.writing || offset !== upload.received) {
      throw new CredenceError('import.upload_out_of_order', { file: upload.name, expected: upload.received, offset });
    }
    const room = Math.min(UPLOAD_CHUNK_BYTES, upload.size - upload.received);
    const tooLong = () => new CredenceError('import.upload_too_large', { file: upload.name, size: megabytes(upload.size + 1), limit: megabytes(upload.size) });
    upload.writing = true;
    let written = 0;
    try {
      await pipeline(body, bounded(room, tooLong, (bytes) => (written += bytes)), createWriteStream(this.path(uploadId, false), { flags: 'a' }));
      // A body that ended early (the page's own Content-Length was honoured by Node) is the same as one that broke.
      if (!body.complete) throw new CredenceError('import.upload_unknown');
    } catch (error) {
      this.abort(uploadId);
      throw error instanceof CredenceError ? error : new CredenceError('import.upload_unknown');
    } finally {
      upload.writing = false;
    }
    upload.received += written;
    if (upload.received === upload.size) this.finish(uploadId, upload);
    return { received: upload.received, complete: upload.complete };
  }

  private finish(uploadId: string, upload: Upload): void {
    if (upload.size > 0) renameSync(this.path(uploadId, false), this.path(uploadId, true));
    else writeFileSync(this.path(uploadId, true), '', { flag: 'wx', mode: 0o600 });
    upload.complete = true;
  }

  /** The page gave up on an upload (Cancel): its bytes are removed. */
  abort(uploadId: string): boolean {
    const upload = this.uploads.get(uploadId);
    if (!upload) return false;
    this.uploads.delete(uploadId);
    rmSync(this.path(uploadId, upload.complete), { force: true });
    return true;
  }

  /** The file of a complete upload, for the import that names it (HandlerContext.importFileRef). */
  fileOf(uploadId: string): string | null {
    const upload = this.uploads.get(uploadId);
    return upload?.complete ? this.path(uploadId, true) : null;
  }

  /** Ends every upload and removes its file (the server is closing). */
  clear(): void {
    for (const id of [...this.uploads.keys()]) this.abort(id);
    if (existsSync(this.dir) && readdirSync(this.dir).length === 0) rmSync(this.dir, { recursive: true });
  }

  get pending(): number {
    return this.uploads.size;
  }
}
