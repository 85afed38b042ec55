import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../core/security/csp.ts';
import { contentTypeFor, resolveStaticPath } from '../../core/security/static-files.ts';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the built renderer on 127.0.0.1 with the app's CSP, as the app:// protocol does. */
export async function serveRenderer(root: string): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const file = resolveStaticPath(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
