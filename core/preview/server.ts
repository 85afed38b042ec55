import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, relative, resolve } from 'node:path';
import { events, isEventName } from '../ipc/contract.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { createDispatch, type Dispatch, type Emit } from '../ipc/registry.ts';
import { AppLock } from '../ipc/lock/app-lock.ts';
import { CONTENT_SECURITY_POLICY } from '../security/csp.ts';
import { contentTypeFor, resolveStaticPath } from '../security/static-files.ts';
import type { ProfileSource } from '../storage/profile-store.ts';
import { uploadSchemas } from '../ipc/channels/imports.ts';
import { CredenceError, toErrorPayload } from '../shared/errors.ts';
import { createToken, isAuthorised, TOKEN_PATTERN } from './token.ts';
import { UPLOAD_CHUNK_BYTES, UploadStore } from './uploads.ts';

// `npm run preview`: the built renderer and the one IPC contract over HTTP on 127.0.0.1, for
// machines where Electron cannot be downloaded. Secured like a local notebook server: a per-run
// token in a request header, an exact Host (DNS rebinding), no foreign Origin, no CORS at all,
// bounded bodies, and the app's CSP on every response. test/unit/preview/server.test.ts asserts
// each refusal and that a refused request changes nothing.

const MiB = 1024 * 1024;

/** Every channel but one carries a few small fields; 1 MiB is far above any of them. */
export const DEFAULT_BODY_LIMIT = 1 * MiB;

/**
 * The Import page here uploads its files in raw chunks (uploads.ts) and names them by reference;
 * another client may still send files as base64 in `import.files`, as the page does where it has no
 * upload (the desktop window's drop, the test page): at most 256 MiB of file bytes per request
 * (renderer/src/import/encode.ts, MAX_BYTES_PER_REQUEST; one file may be 200 MiB, MAX_FILE_BYTES),
 * which is 341⅓ MiB as base64; up to 50 names and the JSON around them add well under 1 MiB.
 * 352 MiB admits every such request, and nothing much larger.
 * test/unit/preview/limits.test.ts keeps this in step with the renderer's own limits.
 */
export const IMPORT_BODY_LIMIT = 352 * MiB;

/** One stream per page; a few tabs may be open, a runaway client may not open hundreds. */
export const MAX_EVENT_STREAMS = 8;
/** A stream whose reader has stopped reading is dropped rather than buffered without bound. */
const MAX_STREAM_BACKLOG = 4 * MiB;
const HEARTBEAT_MS = 15_000;

export function bodyLimitFor(channel: string): number {
  return channel === 'import.files' ? IMPORT_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

export interface PreviewServerOptions {
  /** The built renderer (out/renderer): public build output, served without the token. */
  rendererDir: string;
  /** The profiles the page works on: a data folder (ProfileStore) or one file (SingleFileProfileStore). */
  store: ProfileSource;
  /** Shown by `app.info` (Settings): the data folder, or the `--db` file. */
  dataDir: string;
  version: string;
  /**
   * Where the page's uploads are kept until imported: a folder of the server's own inside the
   * data folder (a bill stays on this computer's profile disk), emptied at start and close.
   */
  uploadDir: string;
  /** Where the app lock keeps its idle setting (`<data folder>/app-lock.json`); in memory when absent. */
  lockSettingsFile?: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  /** A fresh random token unless given (tests); must be 43 base64url characters. */
  token?: string;
  log?: (error: unknown) => void;
}

export interface PreviewServer {
  /** The one URL to open: the token rides in the fragment, which is never sent to a server. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The `emit` the handlers use: validated against the contract, written to every event stream. */
  emit: Emit;
  close(): Promise<void>;
}

const BASE_HEADERS: OutgoingHttpHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const API_HEADERS: OutgoingHttpHeaders = { ...BASE_HEADERS, 'Cache-Control': 'no-store' };

/**
 * Every refusal: a status, no body, no detail, no Access-Control-* header, and the connection
 * closed so that an unread request body is never parsed as a next request.
 */
function refuse(res: ServerResponse, status: number, extra: OutgoingHttpHeaders = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...API_HEADERS, ...extra, 'Content-Length': 0, Connection: 'close' });
  res.end();
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

const JSON_TYPE = /^application\/json\s*(;.*)?$/i;
const BYTES_TYPE = /^application\/octet-stream\s*$/i;
const UPLOAD_PATH = /^\/upload\/([0-9a-f-]{36})(\/abort)?$/;

type BodyResult = { ok: true; text: string } | { ok: false; status: 400 | 413 };

/** Reads a request body up to `limit` bytes: refused by Content-Length before reading, and while streaming. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) return Promise.resolve({ ok: false, status: 400 });
    if (length > limit) return Promise.resolve({ ok: false, status: 413 });
  }
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      done(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, text: Buffer.concat(chunks, size).toString('utf8') }));
    req.on('error', () => finish({ ok: false, status: 400 }));
    // Closed before its end: the client went away mid-body (after 'end' this is a no-op).
    req.on('close', () => finish({ ok: false, status: 400 }));
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? createToken();
  if (!TOKEN_PATTERN.test(token)) throw new Error('The preview token must be 43 base64url characters (32 random bytes).');
  const log = options.log ?? ((error: unknown) => console.error(error));
  const rendererRoot = resolve(options.rendererDir);

  const streams = new Set<ServerResponse>();
  const emit: Emit = (event, payload) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const checked = events[event].safeParse(payload);
    if (!checked.success) throw new Error(`Payload for event ${event} does not match the contract`);
    const line = JSON.stringify({ event, payload: checked.data }) + '\n';
    for (const stream of streams) {
      if (stream.writableLength > MAX_STREAM_BACKLOG) {
        streams.delete(stream);
        stream.destroy();
      } else {
        stream.write(line);
      }
    }
  };

  // The same lock as the desktop app's: locked, every channel but the unlock screen's refuses.
  const lock = new AppLock(options.store, { settingsFile: options.lockSettingsFile, emit });
  const uploads = new UploadStore(options.uploadDir);
  // Locking drops every upload with the rest; while locked, none starts or continues.
  lock.onLock(() => uploads.clear());
  const dispatch: Dispatch = createDispatch(
    createHandlers({
      store: options.store,
      dataDir: options.dataDir,
      version: options.version,
      transport: 'http',
      emit,
      lock,
      importFileRef: (ref) => uploads.fileOf(ref),
      releaseImportFile: (ref) => void uploads.abort(ref),
    }),
    log,
  );

  let port = 0;
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = () => ownHosts().map((host) => `http://${host}`);

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStaticPath(rendererRoot, pathname);
    if (!file) return refuse(res, 404);
    try {
      // Symlinks must not lead out of the root either.
      const [realRoot, realFile] = await Promise.all([realpath(rendererRoot), realpath(file)]);
      if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return refuse(res, 404);
      const body = await readFile(realFile);
      res.writeHead(200, { ...BASE_HEADERS, 'Cache-Control': 'no-cache', 'Content-Type': contentTypeFor(realFile), 'Content-Length': body.length });
      res.end(body);
    } catch {
      refuse(res, 404);
    }
  }

  async function serveIpc(req: IncomingMessage, res: ServerResponse, rawChannel: string): Promise<void> {
    let channel: string;
    try {
      channel = decodeURIComponent(rawChannel);
    } catch {
      return refuse(res, 400);
    }
    if (rawChannel.includes('/')) return refuse(res, 404);
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse(res, 415);
    const body = await readBody(req, bodyLimitFor(channel));
    if (!body.ok) return refuse(res, body.status);
    let payload: unknown;
    try {
      // An empty body is `undefined`, as `ipcRenderer.invoke(channel)` with no argument would send.
      payload = body.text === '' ? undefined : JSON.parse(body.text);
    } catch {
      return refuse(res, 400);
    }
    answer(res, await dispatch(channel, payload));
  }

  /** An envelope; the connection closed when the request's body was not read to its end (never parsed as a next request). */
  function answer(res: ServerResponse, envelope: unknown, req?: IncomingMessage): void {
    const text = JSON.stringify(envelope);
    const close = req && !req.complete ? { Connection: 'close' } : {};
    res.writeHead(200, { ...API_HEADERS, ...close, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** Runs one upload step: its value, or its error, as an envelope, the IPC channels' shape. */
  async function uploadStep<T>(req: IncomingMessage, res: ServerResponse, step: () => T | Promise<T>): Promise<void> {
    try {
      answer(res, { ok: true, value: await step() }, req);
    } catch (error) {
      answer(res, { ok: false, error: toErrorPayload(error) }, req);
    }
  }

  /** The page's uploads (uploads.ts): announced in JSON, then raw chunks in order, or given up. */
  async function serveUpload(req: IncomingMessage, res: ServerResponse, pathname: string, search: string): Promise<void> {
    if (lock.isLocked) return uploadStep(req, res, () => Promise.reject(new CredenceError('app.locked')));
    if (pathname === '/upload') {
      if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse(res, 415);
      const body = await readBody(req, DEFAULT_BODY_LIMIT);
      if (!body.ok) return refuse(res, body.status);
      let parsed;
      try {
        parsed = uploadSchemas.start.safeParse(JSON.parse(body.text));
      } catch {
        return refuse(res, 400);
      }
      if (!parsed.success) return refuse(res, 400);
      const { name, size } = parsed.data;
      return uploadStep(req, res, () => uploadSchemas.started.parse(uploads.start(name, size)));
    }
    const match = UPLOAD_PATH.exec(pathname);
    if (!match) return refuse(res, 404);
    const uploadId = match[1]!;
    if (match[2]) return uploadStep(req, res, () => uploadSchemas.aborted.parse({ aborted: uploads.abort(uploadId) }));
    if (!BYTES_TYPE.test(req.headers['content-type'] ?? '')) return refuse(res, 415);
    const offset = Number(new URLSearchParams(search).get('offset') ?? '');
    if (!Number.isSafeInteger(offset) || offset < 0) return refuse(res, 400);
    const declared = Number(req.headers['content-length'] ?? '');
    // A chunk is one bounded body with its length stated (fetch of a Blob states it).
    if (!Number.isSafeInteger(declared) || declared < 0) return refuse(res, 411);
    if (declared > UPLOAD_CHUNK_BYTES) {
      uploads.abort(uploadId);
      return refuse(res, 413);
    }
    return uploadStep(req, res, async () => uploadSchemas.chunk.parse(await uploads.chunk(uploadId, offset, req)));
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) return refuse(res, 429);
    res.writeHead(200, { ...API_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
    res.flushHeaders();
    streams.add(res);
    const drop = () => streams.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '';
    // Origin-form only: an absolute-form target ("GET http://elsewhere/") names another server.
    if (!target.startsWith('/') || target.startsWith('//')) return refuse(res, 400);
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends Host: evil.example.
    if (!ownHosts().includes(req.headers.host ?? '')) return refuse(res, 421);
    // No cross-origin request at all, and no CORS: an Origin header must be our own.
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin)) return refuse(res, 403);

    const method = req.method ?? '';
    if (method !== 'GET' && method !== 'POST') return refuse(res, 405, { Allow: 'GET, POST' });

    const pathname = target.split(/[?#]/, 1)[0]!;
    const search = target.slice(pathname.length).split('#', 1)[0]!;
    const isIpc = pathname === '/ipc' || pathname.startsWith('/ipc/');
    const isEvents = pathname === '/events';
    const isUpload = pathname === '/upload' || pathname.startsWith('/upload/');
    if (!isIpc && !isEvents && !isUpload) {
      if (method !== 'GET') return refuse(res, 405, { Allow: 'GET' });
      return serveStatic(res, pathname);
    }

    // The API: the page's own fetch() calls, nothing else.
    if ((isIpc || isUpload) && method !== 'POST') return refuse(res, 405, { Allow: 'POST' });
    if (isEvents && method !== 'GET') return refuse(res, 405, { Allow: 'GET' });
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403);
    if (!isAuthorised(req.headers, token)) return refuse(res, 401, { 'WWW-Authenticate': 'Bearer' });
    if (isEvents) return serveEvents(req, res);
    if (isUpload) return serveUpload(req, res, pathname, search);
    if (pathname === '/ipc') return refuse(res, 404);
    return serveIpc(req, res, pathname.slice('/ipc/'.length));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(error);
      refuse(res, 500);
    });
  });
  // Uploads of a few hundred MiB over loopback take seconds; the default 300 s bound stays.
  server.headersTimeout = 30_000;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write('\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    emit,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(heartbeat);
        lock.dispose();
        uploads.clear();
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
