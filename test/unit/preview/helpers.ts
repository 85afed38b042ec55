import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../core/preview/server.ts';
import type { ProfileSource } from '../../../core/storage/profile-store.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';

export interface RawResponse {
  /** The HTTP status, or 'reset' when the server closed the connection before answering. */
  status: number | 'reset';
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Send the body in these many chunks of `chunk` (chunked encoding, no Content-Length). */
  stream?: { chunk: Buffer; count: number };
  /** Send no Host header at all. */
  noHost?: boolean;
}

/** node:http, so that Host, Origin and Content-Length can be set to anything. */
export function raw(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((done) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: !options.noHost && !(options.headers && 'host' in options.headers),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => done({ status: res.statusCode ?? 'reset', headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', () => done({ status: 'reset', headers: {}, body: '' }));
    if (options.stream) {
      const { chunk, count } = options.stream;
      let sent = 0;
      const pump = () => {
        while (sent < count) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    } else {
      req.end(options.body);
    }
  });
}

/** Every file under `dir` with its size and modification time: equal snapshots mean nothing changed. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        out.push(`${relative(dir, full)}/`);
        visit(full);
      } else {
        const info = statSync(full);
        out.push(`${relative(dir, full)} ${info.size} ${info.mtimeMs}`);
      }
    }
  };
  visit(dir);
  return out.sort();
}

/** A stand-in for out/renderer: an index.html and one asset, public build output. */
export function fakeRenderer(): string {
  const dir = tempDir('credence-preview-renderer-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Credence</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app");');
  return dir;
}

export interface Running {
  server: PreviewServer;
  dataDir: string;
  store: ProfileSource;
  port: number;
  token: string;
  auth: Record<string, string>;
}

/** A real preview server on 127.0.0.1 over a fresh data folder, closed after the test. */
export async function startServer(options: { store?: (dataDir: string) => ProfileSource; rendererDir?: string } = {}): Promise<Running> {
  const dataDir = tempDir('credence-preview-data-');
  const store = options.store ? options.store(dataDir) : new ProfileStore(dataDir);
  const server = await startPreviewServer({
    rendererDir: options.rendererDir ?? fakeRenderer(),
    store,
    dataDir,
    uploadDir: join(dataDir, '.credence-uploads'),
    version: '0.0.0-preview-test',
    log: () => {},
  });
  afterEach(async () => {
    await server.close();
    store.close();
  });
  return { server, dataDir, store, port: server.port, token: server.token, auth: { authorization: `Bearer ${server.token}` } };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
