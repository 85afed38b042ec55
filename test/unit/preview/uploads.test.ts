import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '../../../core/preview/uploads.ts';
import { bill } from '../../helpers/fixtures.ts';
import { JSON_HEADERS, raw, startServer, type Running } from './helpers.ts';

// The page's uploads to the preview server (core/preview/uploads.ts), over real HTTP on a real
// server and data folder: chunks in order, then an import by reference; every way an upload can
// go wrong leaves no byte of it behind and the profile as it was.

const MEITUAN = readFileSync(bill('meituan/meituan-2025.csv'));
const uploadDir = (app: Running) => join(app.dataDir, '.credence-uploads');
const leftovers = (app: Running) => (existsSync(uploadDir(app)) ? readdirSync(uploadDir(app)) : []);

async function post(app: Running, path: string, body: unknown) {
  const response = await raw(app.port, { method: 'POST', path, headers: { ...JSON_HEADERS, ...app.auth }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return JSON.parse(response.body);
}

async function start(app: Running, name: string, size: number): Promise<string> {
  const answer = await post(app, '/upload', { name, size });
  expect(answer).toMatchObject({ ok: true, value: { chunkBytes: UPLOAD_CHUNK_BYTES } });
  return answer.value.uploadId as string;
}

async function sendChunk(app: Running, uploadId: string, offset: number, bytes: Buffer, headers: Record<string, string> = {}) {
  const response = await raw(app.port, {
    method: 'POST',
    path: `/upload/${uploadId}?offset=${offset}`,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), ...app.auth, ...headers },
    body: bytes,
  });
  return { status: response.status, envelope: response.status === 200 ? JSON.parse(response.body) : null };
}

async function importByRef(app: Running, profileId: string, uploadId: string, name: string) {
  return post(app, '/ipc/import.files', { profileId, importId: crypto.randomUUID(), files: [{ name, fileRef: uploadId }] });
}

const rows = (app: Running, profileId: string) => app.store.database(profileId).prepare('SELECT count(*) FROM transactions').pluck().get() as number;

describe('uploads to the preview server', () => {
  it('takes a file in chunks in order, imports it by reference, then removes it', async () => {
    const app = await startServer();
    const profile = app.store.create('上传');
    const id = await start(app, 'meituan-2025.csv', MEITUAN.length);
    // Three chunks of a third each (the page may send any size up to chunkBytes).
    const cut = [0, 1000, 2500, MEITUAN.length];
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await sendChunk(app, id, cut[i]!, MEITUAN.subarray(cut[i], cut[i + 1]))).envelope);
    expect(answers.map((a) => a.value)).toEqual([
      { received: 1000, complete: false },
      { received: 2500, complete: false },
      { received: MEITUAN.length, complete: true },
    ]);
    // The complete file, byte for byte, waits in the data folder's own upload folder.
    const waiting = leftovers(app);
    expect(waiting).toEqual([`${id}.upload`]);
    expect(readFileSync(join(uploadDir(app), waiting[0]!)).equals(MEITUAN)).toBe(true);

    const outcome = await importByRef(app, profile.id, id, 'meituan-2025.csv');
    // The fixture's 29 rows, as the base64 path imports them (server.test.ts).
    expect(outcome.value.reports).toEqual([expect.objectContaining({ file: 'meituan-2025.csv', rowsRead: 29, imported: 29 })]);
    expect(rows(app, profile.id)).toBe(29);
    expect(leftovers(app)).toEqual([]);
    // A reference names one file for one import.
    const again = await importByRef(app, profile.id, id, 'meituan-2025.csv');
    expect(again).toMatchObject({ ok: false, error: { code: 'import.file_unreadable', details: { file: 'meituan-2025.csv' } } });
  });

  it('refuses a chunk out of order, naming the file and the byte it expected, and goes on from there', async () => {
    const app = await startServer();
    const id = await start(app, 'meituan-2025.csv', MEITUAN.length);
    expect((await sendChunk(app, id, 0, MEITUAN.subarray(0, 1000))).envelope.ok).toBe(true);
    const skipped = await sendChunk(app, id, 2000, MEITUAN.subarray(2000));
    expect(skipped.envelope).toMatchObject({ ok: false, error: { code: 'import.upload_out_of_order', details: { file: 'meituan-2025.csv', expected: 1000, offset: 2000 } } });
    expect(skipped.envelope.error.message.en).toContain('meituan-2025.csv');
    const repeated = await sendChunk(app, id, 0, MEITUAN.subarray(0, 1000));
    expect(repeated.envelope).toMatchObject({ ok: false, error: { code: 'import.upload_out_of_order', details: { expected: 1000, offset: 0 } } });
    // Nothing of the refused chunks was written: the rest from byte 1000 completes the same bytes.
    expect((await sendChunk(app, id, 1000, MEITUAN.subarray(1000))).envelope.value).toEqual({ received: MEITUAN.length, complete: true });
    expect(readFileSync(join(uploadDir(app), `${id}.upload`)).equals(MEITUAN)).toBe(true);
  });

  it('leaves nothing when the page goes away mid-chunk, when it gives up, and when the server closes', async () => {
    const app = await startServer();
    const profile = app.store.create('中断');
    const id = await start(app, 'meituan-2025.csv', MEITUAN.length);
    expect((await sendChunk(app, id, 0, MEITUAN.subarray(0, 1000))).envelope.ok).toBe(true);
    // The second chunk announces 2,000 bytes, sends 500 and the connection drops.
    await new Promise<void>((done) => {
      const req = request({
        host: '127.0.0.1',
        port: app.port,
        method: 'POST',
        path: `/upload/${id}?offset=1000`,
        headers: { 'content-type': 'application/octet-stream', 'content-length': '2000', ...app.auth },
        agent: false,
      });
      req.on('error', () => done());
      req.write(MEITUAN.subarray(1000, 1500), () => setTimeout(() => req.destroy(), 50));
      req.on('close', () => done());
    });
    await expect.poll(() => leftovers(app)).toEqual([]);
    // The upload is gone as a whole: neither its next chunk nor an import finds it.
    expect((await sendChunk(app, id, 1000, MEITUAN.subarray(1000))).envelope).toMatchObject({ ok: false, error: { code: 'import.upload_unknown' } });
    expect(await importByRef(app, profile.id, id, 'meituan-2025.csv')).toMatchObject({ ok: false, error: { code: 'import.file_unreadable' } });
    expect(rows(app, profile.id)).toBe(0);

    // Given up on purpose (the page's Cancel): removed.
    const given = await start(app, 'meituan-2025.csv', MEITUAN.length);
    await sendChunk(app, given, 0, MEITUAN.subarray(0, 1000));
    expect(await post(app, `/upload/${given}/abort`, {})).toEqual({ ok: true, value: { aborted: true } });
    expect(leftovers(app)).toEqual([]);

    // Complete but never imported: the server's close removes it.
    const kept = await start(app, 'meituan-2025.csv', MEITUAN.length);
    await sendChunk(app, kept, 0, MEITUAN);
    expect(leftovers(app)).toEqual([`${kept}.upload`]);
    await app.server.close();
    expect(leftovers(app)).toEqual([]);
  });

  it('refuses a file over the limit before a byte is sent, and a chunk longer than the file announced', async () => {
    const app = await startServer();
    const big = await post(app, '/upload', { name: 'huge.csv', size: MAX_UPLOAD_BYTES + 1 });
    // 1 GiB is 1,024 MiB; one byte more rounds up to 1,025 MB.
    expect(big).toMatchObject({ ok: false, error: { code: 'import.upload_too_large', details: { file: 'huge.csv', size: '1,025 MB', limit: '1,024 MB' } } });
    expect(big.error.message['zh-CN']).toContain('huge.csv');
    expect(leftovers(app)).toEqual([]);

    // Announced as 100 bytes, sent as 200: refused, and the upload discarded.
    const id = await start(app, 'short.csv', 100);
    const long = await sendChunk(app, id, 0, MEITUAN.subarray(0, 200));
    expect(long.envelope).toMatchObject({ ok: false, error: { code: 'import.upload_too_large', details: { file: 'short.csv' } } });
    expect(leftovers(app)).toEqual([]);

    // A chunk body over the chunk size is refused by its Content-Length, unread.
    const other = await start(app, 'meituan-2025.csv', MEITUAN.length);
    const over = await raw(app.port, {
      method: 'POST',
      path: `/upload/${other}?offset=0`,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(UPLOAD_CHUNK_BYTES + 1), ...app.auth },
      body: 'x',
    });
    expect(over.status).toBe(413);
    expect(leftovers(app)).toEqual([]);
  });

  it('takes uploads only with the token, as raw bytes, and not while the app is locked', async () => {
    const app = await startServer();
    const noToken = await raw(app.port, { method: 'POST', path: '/upload', headers: JSON_HEADERS, body: JSON.stringify({ name: 'a.csv', size: 1 }) });
    expect(noToken.status).toBe(401);
    const id = await start(app, 'meituan-2025.csv', MEITUAN.length);
    // A chunk must be octet-stream (a form post from another page is neither this nor authorised).
    const asText = await sendChunk(app, id, 0, MEITUAN, { 'content-type': 'text/plain' });
    expect(asText.status).toBe(415);
    expect(existsSync(join(uploadDir(app), `${id}.part`))).toBe(true);
    expect((await post(app, '/ipc/lock.now', {})).ok).toBe(true);
    // Locking dropped the upload; a new one is refused while locked.
    expect(leftovers(app)).toEqual([]);
    expect(await post(app, '/upload', { name: 'a.csv', size: 1 })).toMatchObject({ ok: false, error: { code: 'app.locked' } });
  });
});
