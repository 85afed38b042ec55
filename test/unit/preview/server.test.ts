import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/csp.ts';
import { DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, MAX_EVENT_STREAMS } from '../../../core/preview/server.ts';
import { createToken } from '../../../core/preview/token.ts';
import { bill } from '../../helpers/fixtures.ts';
import { JSON_HEADERS, raw, snapshot, startServer, type RawResponse, type Running } from './helpers.ts';

const CREATE = { method: 'POST', path: '/ipc/profiles.create', body: JSON.stringify({ name: '张三' }) };

function noCors(response: RawResponse): void {
  for (const name of Object.keys(response.headers)) expect(name.toLowerCase().startsWith('access-control-')).toBe(false);
}

/** The refusal every test expects: the status, no body, no CORS header, and the data folder as it was. */
async function expectRefused(app: Running, response: Promise<RawResponse>, status: number | number[]): Promise<RawResponse> {
  const before = snapshot(app.dataDir);
  const answer = await response;
  expect([status].flat()).toContain(answer.status);
  expect(answer.body).toBe('');
  noCors(answer);
  expect(snapshot(app.dataDir)).toEqual(before);
  expect(app.store.list()).toEqual([]);
  return answer;
}

describe('the preview server: happy path', () => {
  it('answers profiles.create then profiles.list with the dispatcher\'s envelopes', async () => {
    const app = await startServer();
    const created = await raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth } });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    expect(created.headers['referrer-policy']).toBe('no-referrer');
    noCors(created);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { profile: { name: '张三' } } });

    // The custom header works as well as Authorization.
    const listed = await raw(app.port, {
      method: 'POST',
      path: '/ipc/profiles.list',
      headers: { ...JSON_HEADERS, 'x-credence-token': app.token },
      body: '{}',
    });
    expect(listed.status).toBe(200);
    const envelope = JSON.parse(listed.body);
    expect(envelope).toEqual({ ok: true, value: { profiles: [expect.objectContaining({ name: '张三' })] } });
    expect(listed.body).not.toContain('.sqlite');
    expect(app.store.list().map((p) => p.name)).toEqual(['张三']);
  });

  it('answers app.info with transport "http" and the data folder', async () => {
    const app = await startServer();
    const info = await raw(app.port, { method: 'POST', path: '/ipc/app.info', headers: { ...JSON_HEADERS, ...app.auth }, body: '{}' });
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { version: '0.0.0-preview-test', dataDir: app.dataDir, transport: 'http' } });
  });

  it('accepts Host localhost:PORT and its own Origin', async () => {
    const app = await startServer();
    const viaLocalhost = await raw(app.port, {
      ...CREATE,
      headers: { ...JSON_HEADERS, ...app.auth, host: `localhost:${app.port}`, origin: `http://localhost:${app.port}` },
    });
    expect(viaLocalhost.status).toBe(200);
    const sameOrigin = await raw(app.port, {
      method: 'POST',
      path: '/ipc/profiles.list',
      headers: { ...JSON_HEADERS, ...app.auth, origin: `http://127.0.0.1:${app.port}`, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(JSON.parse(sameOrigin.body).value.profiles).toHaveLength(1);
  });

  it('passes validation failures through as envelopes, as Electron does', async () => {
    const app = await startServer();
    const call = (path: string, body: string) => raw(app.port, { method: 'POST', path, headers: { ...JSON_HEADERS, ...app.auth }, body });
    const invalid = JSON.parse((await call('/ipc/profiles.create', JSON.stringify({ name: 42 }))).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request', details: { channel: 'profiles.create' } } });
    const unknown = JSON.parse((await call('/ipc/fs.readFile', JSON.stringify({ path: '/etc/passwd' }))).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel', details: { channel: 'fs.readFile' } } });
    const inherited = JSON.parse((await call('/ipc/toString', '{}')).body);
    expect(inherited).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    // An empty body is an absent payload, as invoke(channel) with no argument.
    const empty = JSON.parse((await call('/ipc/profiles.list', '')).body);
    expect(empty).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request' } });
    expect(app.store.list()).toEqual([]);
  });

  it('imports a bill over HTTP and streams its progress on /events', async () => {
    const app = await startServer();
    const profile = app.store.create('导入');
    const events = await openEvents(app);
    const bytes = readFileSync(bill('meituan/meituan-2025.csv'));
    const importId = '6f1c1a52-2f6e-4c59-9d0b-1c7a4e0f3b11';
    const response = await raw(app.port, {
      method: 'POST',
      path: '/ipc/import.files',
      headers: { ...JSON_HEADERS, ...app.auth },
      body: JSON.stringify({ profileId: profile.id, importId, files: [{ name: 'meituan-2025.csv', dataBase64: bytes.toString('base64') }] }),
    });
    expect(response.status).toBe(200);
    const envelope = JSON.parse(response.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.reports).toEqual([expect.objectContaining({ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 })]);
    const lines = await events.until((line) => line.event === 'import.progress');
    expect(lines.find((line) => line.event === 'import.progress')).toMatchObject({ event: 'import.progress', payload: { importId, file: 'meituan-2025.csv' } });
    events.close();
  });
});

interface EventLine {
  event: string;
  payload: Record<string, unknown>;
}

/** GET /events with the token, read as newline-delimited JSON. */
async function openEvents(app: Running) {
  const controller = new AbortController();
  const response = await fetch(`${app.server.origin}/events`, { headers: app.auth, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: EventLine[] = [];
  let buffered = '';
  return {
    async until(found: (line: EventLine) => boolean): Promise<EventLine[]> {
      while (!seen.some(found)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const parts = buffered.split('\n');
        buffered = parts.pop() ?? '';
        for (const part of parts) if (part.trim() !== '') seen.push(JSON.parse(part));
      }
      return seen;
    },
    close: () => controller.abort(),
  };
}

describe('the preview server: events', () => {
  it('sends contract events to the stream and refuses anything outside the contract', async () => {
    const app = await startServer();
    const events = await openEvents(app);
    expect(() => app.server.emit('app.notice', { message: { 'zh-CN': 42 } } as never)).toThrow(/does not match/);
    expect(() => app.server.emit('fs.changed' as never, {} as never)).toThrow(/Unknown event/);
    app.server.emit('app.notice', { message: { 'zh-CN': '你好', en: 'Hello' } });
    const lines = await events.until((line) => line.event === 'app.notice');
    // The malformed and unknown events never reached the stream.
    expect(lines).toEqual([{ event: 'app.notice', payload: { message: { 'zh-CN': '你好', en: 'Hello' } } }]);
    events.close();
  });

  it('refuses the stream without the token, with a foreign Origin, and on POST', async () => {
    const app = await startServer();
    await expectRefused(app, raw(app.port, { path: '/events' }), 401);
    await expectRefused(app, raw(app.port, { path: '/events', headers: { authorization: `Bearer ${createToken()}` } }), 401);
    await expectRefused(app, raw(app.port, { path: '/events', headers: { ...app.auth, origin: 'http://evil.example' } }), 403);
    await expectRefused(app, raw(app.port, { method: 'POST', path: '/events', headers: app.auth }), 405);
  });

  it(`holds at most ${MAX_EVENT_STREAMS} streams`, async () => {
    const app = await startServer();
    const open = [];
    for (let i = 0; i < MAX_EVENT_STREAMS; i++) open.push(await openEvents(app));
    await expectRefused(app, raw(app.port, { path: '/events', headers: app.auth }), 429);
    open.forEach((stream) => stream.close());
  });
});

describe('the preview server: every refusal changes nothing', () => {
  it('refuses a wrong token (401, no detail)', async () => {
    const app = await startServer();
    const wrong = await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, authorization: `Bearer ${createToken()}` } }), 401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, 'x-credence-token': app.token.slice(0, -1) } }), 401);
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, authorization: app.token } }), 401);
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, authorization: `Basic ${app.token}` } }), 401);
    // One right and one wrong credential is still refused.
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth, 'x-credence-token': createToken() } }), 401);
  });

  it('refuses a missing token', async () => {
    const app = await startServer();
    await expectRefused(app, raw(app.port, { ...CREATE, headers: JSON_HEADERS }), 401);
  });

  it('refuses a token carried only in a cookie or the query string', async () => {
    const app = await startServer();
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, cookie: `token=${app.token}; credence=${app.token}` } }), 401);
    await expectRefused(app, raw(app.port, { ...CREATE, path: `/ipc/profiles.create?token=${app.token}`, headers: JSON_HEADERS }), 401);
  });

  it('refuses a foreign Host (DNS rebinding), even with the right token', async () => {
    const app = await startServer();
    for (const host of [`evil.example:${app.port}`, `127.0.0.1:${app.port + 1}`, `localhost:${app.port + 1}`, '127.0.0.1', `127.0.0.1.:${app.port}`, `[::1]:${app.port}`, `0.0.0.0:${app.port}`]) {
      await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth, host } }), 421);
    }
    // No Host at all: node:http itself answers 400 before the request reaches the server's code.
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth }, noHost: true }), [400, 421]);
    // Static files too: a rebound page may not read even the public build output.
    await expectRefused(app, raw(app.port, { path: '/', headers: { host: `evil.example:${app.port}` } }), 421);
  });

  it('refuses a foreign Origin, even with the right token', async () => {
    const app = await startServer();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${app.port + 1}`, `https://127.0.0.1:${app.port}`, `http://127.0.0.1:${app.port}, http://evil.example`]) {
      await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth, origin } }), 403);
    }
    await expectRefused(app, raw(app.port, { path: '/', headers: { origin: 'http://evil.example' } }), 403);
    // A cross-site fetch that somehow has no Origin still says where it came from.
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth, 'sec-fetch-site': 'cross-site' } }), 403);
  });

  it('refuses an oversized body: by Content-Length before reading it, and while streaming', async () => {
    const app = await startServer();
    // Declared larger than the import limit: refused before a byte of the body is read.
    await expectRefused(
      app,
      raw(app.port, { method: 'POST', path: '/ipc/import.files', headers: { ...JSON_HEADERS, ...app.auth, 'content-length': String(IMPORT_BODY_LIMIT + 1) }, body: '{' }),
      413,
    );
    // Any other channel has a 1 MiB limit.
    const big = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth }, body: big }), 413);
    // No Content-Length (chunked): counted as it arrives and cut off past the limit.
    const answer = await expectRefused(
      app,
      raw(app.port, { method: 'POST', path: '/ipc/profiles.create', headers: { ...JSON_HEADERS, ...app.auth }, stream: { chunk: Buffer.alloc(64 * 1024, 0x20), count: 64 } }),
      413,
    );
    expect(answer.status).toBe(413);
    // The server is still there and still answers.
    const after = await raw(app.port, { method: 'POST', path: '/ipc/profiles.list', headers: { ...JSON_HEADERS, ...app.auth }, body: '{}' });
    expect(after.status).toBe(200);
  });

  it('refuses a CORS preflight (405, no Access-Control-* headers)', async () => {
    const app = await startServer();
    const preflight = await expectRefused(
      app,
      raw(app.port, {
        method: 'OPTIONS',
        path: '/ipc/profiles.create',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      }),
      [403, 405],
    );
    noCors(preflight);
    const ownPreflight = await expectRefused(
      app,
      raw(app.port, { method: 'OPTIONS', path: '/ipc/profiles.create', headers: { 'access-control-request-method': 'POST' } }),
      405,
    );
    noCors(ownPreflight);
  });

  it('refuses GET on an API path and methods other than GET and POST', async () => {
    const app = await startServer();
    await expectRefused(app, raw(app.port, { path: '/ipc/profiles.list', headers: app.auth }), 405);
    await expectRefused(app, raw(app.port, { path: '/ipc/profiles.create?name=x', headers: app.auth }), 405);
    for (const method of ['PUT', 'DELETE', 'PATCH', 'HEAD', 'TRACE']) {
      const answer = await raw(app.port, { ...CREATE, method, headers: { ...JSON_HEADERS, ...app.auth } });
      expect(answer.status).toBe(405);
    }
    await expectRefused(app, raw(app.port, { method: 'POST', path: '/index.html', headers: { ...JSON_HEADERS, ...app.auth }, body: '{}' }), 405);
    expect(app.store.list()).toEqual([]);
  });

  it('refuses a body that is not JSON, or not declared as JSON (no form posts)', async () => {
    const app = await startServer();
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...app.auth, 'content-type': 'text/plain' } }), 415);
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...app.auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' }), 415);
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...app.auth } }), 415);
    await expectRefused(app, raw(app.port, { ...CREATE, headers: { ...JSON_HEADERS, ...app.auth }, body: '{"name":' }), 400);
  });

  it('refuses path traversal on static files', async () => {
    const app = await startServer();
    const secret = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    for (const path of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/../../package.json',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '/%00index.html',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/C:%5cWindows%5cwin.ini',
      'http://evil.example/index.html',
    ]) {
      const answer = await expectRefused(app, raw(app.port, { path }), [400, 404]);
      expect(answer.body).not.toContain(secret.slice(0, 40));
    }
  });
});

describe('the preview server: static files and listening', () => {
  it('serves the page without the token, with the CSP and no-sniff', async () => {
    const app = await startServer();
    const page = await raw(app.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['set-cookie']).toBeUndefined();
    noCors(page);
    const script = await raw(app.port, { path: '/assets/app.js?v=1' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(app.port, { path: '/assets/missing.js' })).status).toBe(404);
    expect((await raw(app.port, { path: '/assets' })).status).toBe(404);
  });

  it('listens on 127.0.0.1 only, and prints a URL with the token in the fragment', async () => {
    const app = await startServer();
    expect(app.server.url).toBe(`http://127.0.0.1:${app.port}/#token=${app.token}`);
    expect(app.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ipv6 = await new Promise<string>((done) => {
      const socket = connect({ host: '::1', port: app.port });
      socket.on('connect', () => {
        socket.destroy();
        done('connected');
      });
      socket.on('error', () => done('refused'));
    });
    expect(ipv6).toBe('refused');
  });
});
