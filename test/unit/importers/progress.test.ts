// Progress reporting, cancellation (rolls back) and the audit trail.

import { afterEach, describe, expect, it } from 'vitest';
import { importBytes, type ImportProgress } from '../../../core/importers/import-file.ts';
import { bigWechat, expectCredenceError, readBill, snapshot, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
afterEach(() => t?.close());

describe('progress and cancellation', () => {
  it('reports rows read and a rising percentage up to 100', async () => {
    t = tempDb();
    const seen: ImportProgress[] = [];
    const [report] = await importBytes(t.db, 'big.csv', bigWechat(40_000), { onProgress: (p) => seen.push(p) });
    expect(report.imported).toBe(40_000);
    expect(seen.length).toBeGreaterThanOrEqual(2); // at most one per 100 ms, plus the final one
    const percents = seen.map((p) => p.percent!);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ file: 'big.csv', rowsRead: 40_000, percent: 100 });
  });

  it('rolls back when aborted from a progress callback', async () => {
    t = tempDb();
    const before = snapshot(t.db);
    const controller = new AbortController();
    const running = importBytes(t.db, 'big.csv', bigWechat(40_000), { signal: controller.signal, onProgress: () => controller.abort() });
    await expectCredenceError(running, 'import.cancelled', { file: 'big.csv' });
    expect(snapshot(t.db)).toEqual(before);
    expect(t.db.inTransaction).toBe(false);
  });

  it('rolls back when aborted from elsewhere while it runs', async () => {
    t = tempDb();
    const before = snapshot(t.db);
    const controller = new AbortController();
    const running = importBytes(t.db, 'big.csv', bigWechat(40_000), { signal: controller.signal });
    setImmediate(() => controller.abort());
    await expectCredenceError(running, 'import.cancelled');
    expect(snapshot(t.db)).toEqual(before);
  });

  it('writes one batch row and one audit entry per import', async () => {
    t = tempDb();
    const [report] = await importBytes(t.db, 'jd.csv', readBill('jd/jd-2025.csv'), { actor: 'tester' });
    const batch = t.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(report.batchId) as Record<string, unknown>;
    expect(batch).toMatchObject({ file_name: 'jd.csv', platform: 'jd', variant: 'csv', rows_read: 26, rows_imported: 26, rows_duplicate: 0 });
    expect(batch.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(batch.report_json as string)).toEqual(report);
    const audit = t.db.prepare("SELECT actor, action, subject, details_json FROM audit_log WHERE action = 'import.file'").all() as Array<Record<string, string>>;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'tester', subject: 'jd.csv' });
    expect(JSON.parse(audit[0].details_json)).toMatchObject({ batchId: report.batchId, imported: 26, duplicates: 0 });
  });

  it('refuses to start inside another transaction on the same connection', async () => {
    t = tempDb();
    t.db.exec('BEGIN');
    await expectCredenceError(importBytes(t.db, 'jd.csv', readBill('jd/jd-2025.csv')), 'import.busy');
    t.db.exec('ROLLBACK');
  });
});
