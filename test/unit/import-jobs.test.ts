import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Envelope, EventName } from '../../core/ipc/contract.ts';
import { createHandlers } from '../../core/ipc/handlers.ts';
import { createDispatch } from '../../core/ipc/registry.ts';
import { ProfileStore } from '../../core/storage/profile-store.ts';
import { alipayRow, bill, syntheticAlipayCsv } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';

type Outcome = { reports: Array<Record<string, unknown>>; failures: Array<{ file: string; error: { code: string } }> };

function setup() {
  const dataDir = tempDir();
  const store = new ProfileStore(dataDir);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const handlers = createHandlers({
    store,
    dataDir,
    version: 't',
    transport: 'test',
    emit: (event, payload) => {
      events.push({ event, payload });
      if (onEvent) onEvent(event, payload);
    },
  });
  let onEvent: ((event: EventName, payload: unknown) => void) | undefined;
  const dispatch = createDispatch(handlers);
  const profile = store.create('Importer');
  const count = () => store.database(profile.id).prepare('SELECT count(*) FROM transactions').pluck().get() as number;
  return { store, dispatch, profile, events, count, setOnEvent: (f: typeof onEvent) => (onEvent = f) };
}

function unwrap<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message.en}`);
  return envelope.value as T;
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe('import.files through the dispatcher', () => {
  it('imports a fixture sent as base64, and a second time adds nothing', async () => {
    const { dispatch, profile, count, store } = setup();
    const files = [{ name: 'meituan-2025.csv', dataBase64: b64(readFileSync(bill('meituan/meituan-2025.csv'))) }];
    const first = unwrap<Outcome>(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files }));
    expect(first.failures).toEqual([]);
    expect(first.reports).toEqual([expect.objectContaining({ platform: 'meituan', rowsRead: 29, imported: 29, duplicates: 0 })]);
    expect(count()).toBe(29);
    const again = unwrap<Outcome>(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files }));
    expect(again.reports).toEqual([expect.objectContaining({ imported: 0, duplicates: 29 })]);
    expect(count()).toBe(29);
    store.close();
  });

  it('rolls back only the file that fails: the others in the same request still land', async () => {
    const { dispatch, profile, count, store } = setup();
    const files = [
      { name: 'notes.txt', dataBase64: b64('这不是账单\nnot a bill at all\n') },
      { name: 'jd-2025.csv', dataBase64: b64(readFileSync(bill('jd/jd-2025.csv'))) },
    ];
    const outcome = unwrap<Outcome>(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files }));
    expect(outcome.failures).toEqual([expect.objectContaining({ file: 'notes.txt', error: expect.objectContaining({ code: 'import.not_a_bill' }) })]);
    expect(outcome.reports).toEqual([expect.objectContaining({ platform: 'jd', imported: 26 })]);
    expect(count()).toBe(26);
    store.close();
  });

  it('reports progress, and cancelling mid-file rolls the whole file back', async () => {
    const { dispatch, profile, count, events, setOnEvent, store } = setup();
    const rows = Array.from({ length: 120_000 }, (_, i) =>
      alipayRow({
        time: '2023-02-12 21:32:14',
        counterparty: '合成商户',
        item: `合成商品 ${i}`,
        direction: '支出',
        amount: '1.00',
        method: '余额',
        status: '交易成功',
        orderId: `SYNTH${String(i).padStart(12, '0')}`,
      }),
    );
    const big = syntheticAlipayCsv(rows);
    const importId = randomUUID();
    setOnEvent((event) => {
      if (event === 'import.progress') void dispatch('import.cancel', { importId });
    });
    const outcome = unwrap<Outcome>(
      await dispatch('import.files', { profileId: profile.id, importId, files: [{ name: 'synthetic-big.csv', dataBase64: b64(big) }] }),
    );
    expect(events.some((e) => e.event === 'import.progress')).toBe(true);
    expect(outcome.failures).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'import.cancelled' }) })]);
    expect(outcome.reports).toEqual([]);
    expect(count()).toBe(0);
    expect(unwrap<{ cancelled: boolean }>(await dispatch('import.cancel', { importId }))).toEqual({ cancelled: false });
    store.close();
  });

  it('a large import in the worker has its WAL copied into the file by a thread the worker starts, the shared connection open', async () => {
    // 60,000 rows write about 40 MB of 16 KiB pages: past SQLite's 1,000-page threshold, so the
    // import's COMMIT leaves the checkpoint to a thread of its own (core/storage/wal-checkpoint.ts),
    // started from the import's worker. The shared connection stays open (as the app keeps it),
    // so no close checkpoints the file: it holds the rows because a checkpoint ran, and none failed.
    const { dispatch, profile, count, store } = setup();
    const logged = vi.spyOn(console, 'error');
    const rows = Array.from({ length: 60_000 }, (_, i) =>
      alipayRow({ time: '2023-02-12 21:32:14', counterparty: '合成商户', item: `合成商品 ${i}`, direction: '支出', amount: '1.00', method: '余额', status: '交易成功', orderId: `SYNTH${String(i).padStart(12, '0')}` }),
    );
    const file = store.fileFor(profile.id);
    const before = statSync(file).size;
    try {
      const outcome = unwrap<Outcome>(await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name: 'synthetic-wal.csv', dataBase64: b64(syntheticAlipayCsv(rows)) }] }));
      expect(outcome.failures).toEqual([]);
      expect(count()).toBe(60_000);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(16 * 1000 * 1024);
      expect(statSync(file).size).toBeGreaterThan(before + 16 * 1024 * 1024);
      expect(logged.mock.calls.flat().join('\n')).not.toMatch(/checkpoint/);
    } finally {
      logged.mockRestore();
      store.close();
    }
  });

  it('a cancel sent right behind the request, before the import handlers have loaded, finds and cancels it', async () => {
    // The handler table loads a domain's module on its first call (core/ipc/handlers.ts): both
    // calls wait for that one load, and the cancel must reach the same import jobs as the request.
    const { dispatch, profile, count, store } = setup();
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      alipayRow({ time: '2023-02-12 21:32:14', counterparty: '合成商户', item: `合成商品 ${i}`, direction: '支出', amount: '1.00', method: '余额', status: '交易成功', orderId: `SYNTH${String(i).padStart(12, '0')}` }),
    );
    const importId = randomUUID();
    const request = dispatch('import.files', { profileId: profile.id, importId, files: [{ name: 'synthetic-first-call.csv', dataBase64: b64(syntheticAlipayCsv(rows)) }] });
    const cancel = dispatch('import.cancel', { importId });
    expect(unwrap<{ cancelled: boolean }>(await cancel)).toEqual({ cancelled: true });
    const outcome = unwrap<Outcome>(await request);
    expect(outcome.failures).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'import.cancelled' }) })]);
    expect(count()).toBe(0);
    store.close();
  });

  it('refuses an import into a profile that does not exist', async () => {
    const { dispatch, store } = setup();
    const result = await dispatch('import.files', {
      profileId: randomUUID(),
      importId: randomUUID(),
      files: [{ name: 'x.csv', dataBase64: b64('a') }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'db.not_found' } });
    store.close();
  });
});

describe('the needs-review list', () => {
  it('lists heuristic credit events, and confirm or correct resolves them, audited', async () => {
    const { dispatch, profile, store } = setup();
    const csv = syntheticAlipayCsv([
      alipayRow({ time: '2023-02-10 10:00:00', category: '信用借还', counterparty: '借呗', item: '借呗放款至银行卡', direction: '不计收支', amount: '5000.00', status: '放款成功', orderId: 'SYNTHJB0001' }),
      alipayRow({ time: '2023-02-11 10:00:00', category: '信用借还', counterparty: '蚂蚁借呗', item: '蚂蚁借呗还款', direction: '不计收支', amount: '500.00', method: '余额宝', status: '还款成功', orderId: 'SYNTHJB0002' }),
    ]);
    const outcome = unwrap<Outcome>(
      await dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name: 'alipay-synthetic-jiebei.csv', dataBase64: b64(csv) }] }),
    );
    expect(outcome.failures).toEqual([]);
    const listed = unwrap<{ items: Array<{ id: number; kind: string; file: string }>; total: number }>(await dispatch('review.list', { profileId: profile.id }));
    expect(listed.total).toBe(2);
    expect(listed.items.map((i) => i.kind).sort()).toEqual(['jiebei_disbursement', 'jiebei_repayment']);
    expect(listed.items[0].file).toBe('alipay-synthetic-jiebei.csv');

    const [first, second] = listed.items;
    expect(unwrap(await dispatch('review.resolve', { profileId: profile.id, transactionId: first.id, action: { type: 'confirm' } }))).toEqual({ remaining: 1 });
    expect(
      unwrap(await dispatch('review.resolve', { profileId: profile.id, transactionId: second.id, action: { type: 'correct', kind: null } })),
    ).toEqual({ remaining: 0 });
    const db = store.database(profile.id);
    const rows = db.prepare('SELECT id, credit_event, needs_review, credit_confidence FROM transactions ORDER BY id').all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: first.id, credit_event: first.kind, needs_review: 0, credit_confidence: 1 },
        { id: second.id, credit_event: null, needs_review: 0, credit_confidence: 1 },
      ]),
    );
    const audit = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'review.%' ORDER BY id").pluck().all();
    expect(audit).toEqual(['review.confirm', 'review.correct']);
    const twice = await dispatch('review.resolve', { profileId: profile.id, transactionId: first.id, action: { type: 'confirm' } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'review.not_found' } });
    store.close();
  });
});

describe('re-importing the very same file', () => {
  it('is recognised by its hash: nothing added, the earlier figures returned, and audited', async () => {
    const { dispatch, profile, count, store } = setup();
    const bytes = readFileSync(bill('alipay/alipay-app-2023.csv'));
    const send = (name: string) =>
      dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name, dataBase64: b64(bytes) }] });
    const first = unwrap<Outcome>(await send('alipay-app-2023.csv')).reports[0];
    const again = unwrap<Outcome>(await send('renamed-copy.csv')).reports[0];
    expect(again).toMatchObject({ file: 'renamed-copy.csv', batchId: null, imported: 0, duplicates: first.imported, rowsRead: first.rowsRead });
    expect(again.byDirection).toEqual(first.byDirection);
    expect((again.warnings as Array<{ code: string }>)[0].code).toBe('import.warn.same_file');
    expect(count()).toBe(first.imported as number);
    const db = store.database(profile.id);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'import.repeat'").pluck().get()).toBe(1);
    store.close();
  });

  it('still probes row by row when the bytes differ, so overlapping exports add only what is new', async () => {
    const { dispatch, profile, count, store } = setup();
    const bytes = readFileSync(bill('meituan/meituan-2025.csv'));
    const send = (data: Uint8Array) =>
      dispatch('import.files', { profileId: profile.id, importId: randomUUID(), files: [{ name: 'm.csv', dataBase64: b64(data) }] });
    await send(bytes);
    const edited = Buffer.concat([bytes, Buffer.from('\r\n')]);
    const again = unwrap<Outcome>(await send(edited)).reports[0];
    expect(again).toMatchObject({ imported: 0, duplicates: 29 });
    expect(again.batchId).not.toBeNull();
    expect(count()).toBe(29);
    store.close();
  });
});
