// The activity the Sesame-style estimate reads (core/ledger/activity.ts), kept and extended with
// the rows added since, must be what one read of every row gives, on a hand-built profile:
//   batch 1: 2026-01 alipay, 3 completed rows (one 充值缴费 bill, one huabei purchase), one closed
//            row (not counted), a transfer to 张三 twice (one contact), 微信红包 to 李四 on WeChat;
//   batch 2: 2026-01 alipay one more huabei purchase (the month's row grows to 4 rows, 2 huabei),
//            2026-02 alipay a transfer to 张三 (a new month, so a new contact);
//   a count no row of its group sets is null (SQL's sum over nulls: WeChat's month has no bill and
//   no credit event), as one read of every row gives it, kept or not;
//   an edit of a row's credit event (review) and a deletion move the counter, and it is read again;
//   while neither the highest id nor the counter moved, the activity read before on the connection
//   is given again (the same object), and rows another connection adds are counted; what was read
//   inside a transaction that was rolled back is never given again.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivity } from '../../../core/ledger/activity.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { tempDir } from '../../helpers/temp.ts';

interface Row {
  on: string;
  platform?: string;
  status?: string;
  category?: string;
  counterparty?: string;
  event?: string;
}

let order = 0;

function addBatch(db: Db, rows: Row[]): void {
  const batch = db
    .prepare("INSERT INTO import_batches (file_name, file_sha256, platform, variant, started_at) VALUES ('hand', '', 'alipay', 'hand', '2026-03-01T00:00:00+08:00')")
    .run().lastInsertRowid;
  const insert = db.prepare(
    `INSERT INTO transactions (batch_id, platform, platform_order_id, occurred_at, occurred_epoch, amount_fen, direction, status, status_class,
       category, counterparty, credit_event, needs_review, raw_row, source_line)
     VALUES (?, ?, ?, ?, 0, 100, 'expense', '交易成功', ?, ?, ?, ?, 0, '', 0)`,
  );
  for (const r of rows) {
    insert.run(batch, r.platform ?? 'alipay', `hand-${++order}`, `${r.on}T12:00:00+08:00`, r.status ?? 'completed', r.category ?? '日用百货', r.counterparty ?? null, r.event ?? null);
  }
}

/** What one read of every row gives: the same grouping, from scratch (on a connection of its own, so nothing read on `db` is served). */
function everyRow(db: Db): ReturnType<typeof readActivity> {
  const other = openDatabase(db.name);
  try {
    other.prepare("DELETE FROM ledger_state WHERE key = 'activity'").run();
    const fresh = readActivity(other);
    return { months: fresh.months, contacts: [...fresh.contacts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
  } finally {
    other.close();
  }
}

function sorted(activity: ReturnType<typeof readActivity>): ReturnType<typeof readActivity> {
  return { months: activity.months, contacts: [...activity.contacts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

function kept(db: Db): { through: number } {
  return JSON.parse(db.prepare("SELECT value FROM ledger_state WHERE key = 'activity'").pluck().get() as string) as { through: number };
}

describe('the imported activity, kept and extended', () => {
  it('adds the rows of a later import to what it kept, and reads every row again after an edit or a deletion', () => {
    const db = openDatabase(join(tempDir(), 'activity.sqlite'));
    addBatch(db, [
      { on: '2026-01-05', category: '充值缴费' },
      { on: '2026-01-06', event: 'huabei_purchase' },
      { on: '2026-01-07', category: '转账红包', counterparty: '张三' },
      { on: '2026-01-08', category: '转账红包', counterparty: '张三' },
      { on: '2026-01-09', status: 'closed', event: 'huabei_purchase' },
      { on: '2026-01-10', platform: 'wechat', category: '微信红包（单发）', counterparty: '李四' },
    ]);
    const first = readActivity(db);
    expect(first.months).toEqual([
      { month: '2026-01', platform: 'alipay', rows: 4, billPayments: 1, creditPurchases: { huabei: 1, baitiao: 0, meituan_yuefu: 0 } },
      { month: '2026-01', platform: 'wechat', rows: 1, billPayments: null, creditPurchases: { huabei: null, baitiao: null, meituan_yuefu: null } },
    ]);
    expect(first.contacts).toEqual([
      { month: '2026-01', platform: 'alipay', counterparty: '张三' },
      { month: '2026-01', platform: 'wechat', counterparty: '李四' },
    ]);
    expect(kept(db).through).toBe(6);

    addBatch(db, [
      { on: '2026-01-20', event: 'huabei_purchase' },
      { on: '2026-02-02', category: '转账红包', counterparty: '张三' },
    ]);
    const second = readActivity(db);
    expect(kept(db).through).toBe(8);
    expect(second.months).toEqual([
      { month: '2026-01', platform: 'alipay', rows: 5, billPayments: 1, creditPurchases: { huabei: 2, baitiao: 0, meituan_yuefu: 0 } },
      { month: '2026-01', platform: 'wechat', rows: 1, billPayments: null, creditPurchases: { huabei: null, baitiao: null, meituan_yuefu: null } },
      { month: '2026-02', platform: 'alipay', rows: 1, billPayments: null, creditPurchases: { huabei: null, baitiao: null, meituan_yuefu: null } },
    ]);
    expect(second.contacts).toEqual([...first.contacts, { month: '2026-02', platform: 'alipay', counterparty: '张三' }]);
    expect(sorted(second)).toEqual(everyRow(db));

    // A review changes a row's event (no new row): the kept activity must not be served.
    db.prepare("UPDATE transactions SET credit_event = 'baitiao_purchase' WHERE id = 2").run();
    const edited = readActivity(db);
    expect(edited.months[0]!.creditPurchases).toEqual({ huabei: 1, baitiao: 1, meituan_yuefu: 0 });
    expect(sorted(edited)).toEqual(everyRow(db));

    // Pairing a refund touches a column the activity does not read: what was kept still holds.
    const edits = () => db.prepare('SELECT transaction_edits FROM data_version').pluck().get();
    const before = edits();
    db.prepare('UPDATE transactions SET refund_of = 1 WHERE id = 3').run();
    expect(edits()).toBe(before);
    // Neither the highest id nor the counter moved: the activity read before is given again, as it is.
    expect(readActivity(db, edited)).toBe(edited);
    expect(readActivity(db)).toBe(edited);

    db.prepare('DELETE FROM transactions WHERE id = 8').run();
    const deleted = readActivity(db, edited);
    expect(deleted).not.toBe(edited);
    expect(deleted.months.map((m) => m.month)).toEqual(['2026-01', '2026-01']);
    expect(deleted.contacts).toHaveLength(2);

    // Rows added through another connection (an import's own): the highest id moved, so what this one read before is not served.
    const importer = openDatabase(db.name);
    addBatch(importer, [{ on: '2026-03-01' }]);
    importer.close();
    const imported = readActivity(db, deleted);
    expect(imported.months.map((m) => m.month)).toEqual(['2026-01', '2026-01', '2026-03']);

    // Rows read inside a transaction that is rolled back, then other rows committed under the same
    // ids and counters (a cancelled import, then another): the rolled-back rows' activity must not
    // be served. The first: one 2026-04 row; the second: one 2026-05 row, the same id.
    db.exec('BEGIN');
    addBatch(db, [{ on: '2026-04-01' }]);
    expect(readActivity(db, imported).months.map((m) => m.month)).toContain('2026-04');
    db.exec('ROLLBACK');
    addBatch(db, [{ on: '2026-05-01' }]);
    const months = readActivity(db, imported).months.map((m) => m.month);
    expect(months).toContain('2026-05');
    expect(months).not.toContain('2026-04');
    db.close();
  });

  it('keeps an activity first read by a reader that may not write when the next reader that may is served it', () => {
    // The what-if reads with write: false. After an edit (the counter 0 -> 1), its read is the
    // first; the dashboard's next read is served from the connection, and must still keep it in
    // ledger_state, or the next open groups every row again.
    const db = openDatabase(join(tempDir(), 'activity-kept-later.sqlite'));
    addBatch(db, [{ on: '2026-01-05' }, { on: '2026-01-06', event: 'huabei_purchase' }]);
    readActivity(db);
    const keptEdits = () => (JSON.parse(db.prepare("SELECT value FROM ledger_state WHERE key = 'activity'").pluck().get() as string) as { edits: number }).edits;
    const counter = () => db.prepare('SELECT transaction_edits FROM data_version').pluck().get() as number;
    db.prepare("UPDATE transactions SET credit_event = 'baitiao_purchase' WHERE id = 2").run();
    const whatIf = readActivity(db, undefined, { write: false });
    expect(keptEdits()).toBe(counter() - 1);
    expect(readActivity(db)).toBe(whatIf);
    expect(keptEdits()).toBe(counter());
    db.close();
  });
});
