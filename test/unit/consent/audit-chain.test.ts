import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, verifyAuditChain, type AuditRow } from '../../../core/storage/audit-chain.ts';
import { openDatabase, type Db } from '../../../core/storage/database.ts';
import { loadMigrations } from '../../../core/storage/migrations.ts';
import { tempDir } from '../../helpers/temp.ts';

const migrations = loadMigrations();
const CHAIN_MIGRATION = migrations.findIndex((m) => m.name === 'consent_and_chain') + 1;

/** The chain's hash written out independently of core: sha256 of the JSON array [prev, id, at, actor, action, subject, details]. */
function expectedHash(row: { prev_hash: string; id: number; at: string; actor: string; action: string; subject: string | null; details_json: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([row.prev_hash, row.id, row.at, row.actor, row.action, row.subject, row.details_json]))
    .digest('hex');
}

function rows(db: Db) {
  return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as (AuditRow & { prev_hash: string; entry_hash: string })[];
}

/** Five entries through appendAudit, then the triggers dropped so the test can tamper as an attacker with the file would. */
function tamperable(): Db {
  const db = openDatabase(join(tempDir(), 'chain.sqlite'));
  for (let i = 1; i <= 5; i++) appendAudit(db, { actor: 'user', action: `test.step${i}`, subject: `s${i}`, details: { i } });
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return db;
}

describe('the chained audit log', () => {
  it('links every entry to the one before it, from the genesis hash', () => {
    const db = tamperable();
    const all = rows(db);
    expect(all.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(all[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 0; i < all.length; i++) {
      const row = all[i]!;
      if (i > 0) expect(row.prev_hash).toBe(all[i - 1]!.entry_hash);
      expect(row.entry_hash).toBe(expectedHash(row));
    }
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, head: { id: 5, hash: all[4]!.entry_hash }, firstBroken: null });
    db.close();
  });

  it('names an edited entry', () => {
    const db = tamperable();
    db.prepare(`UPDATE audit_log SET details_json = '{"i":99}' WHERE id = 3`).run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, entries: 5, firstBroken: { id: 3, reason: 'content_changed', action: 'test.step3' } });
    db.close();
  });

  it('names an edited entry even when the editor recomputed its own hash: the next link breaks', () => {
    const db = tamperable();
    const row = rows(db)[2]!;
    const forged = { ...row, details_json: '{"i":99}' };
    db.prepare('UPDATE audit_log SET details_json = ?, entry_hash = ? WHERE id = 3').run(forged.details_json, expectedHash(forged));
    expect(verifyAuditChain(db).firstBroken).toMatchObject({ id: 4, reason: 'link_broken' });
    db.close();
  });

  it('names the entry after a deleted one', () => {
    const db = tamperable();
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, entries: 4, firstBroken: { id: 3, reason: 'link_broken' } });
    db.close();
  });

  it('names the first of two entries swapped in place (the id is hashed)', () => {
    const db = tamperable();
    const [, two, three] = rows(db);
    const put = db.prepare('UPDATE audit_log SET at = ?, actor = ?, action = ?, subject = ?, details_json = ?, prev_hash = ?, entry_hash = ? WHERE id = ?');
    for (const [target, source] of [[2, three!], [3, two!]] as const) {
      put.run(source.at, source.actor, source.action, source.subject, source.details_json, source.prev_hash, source.entry_hash, target);
    }
    expect(verifyAuditChain(db).firstBroken).toMatchObject({ id: 2, reason: 'link_broken' });
    db.close();
  });

  it('names an entry moved to the end under a new id', () => {
    const db = tamperable();
    db.prepare('UPDATE audit_log SET id = 9 WHERE id = 2').run();
    expect(verifyAuditChain(db).firstBroken).toMatchObject({ id: 3, reason: 'link_broken' });
    db.close();
  });

  it('names an entry written past appendAudit', () => {
    const db = tamperable();
    db.prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES ('2026-01-01T00:00:00+08:00', 'x', 'forged', '{}')").run();
    appendAudit(db, { actor: 'user', action: 'after' });
    expect(verifyAuditChain(db).firstBroken).toMatchObject({ id: 6, reason: 'link_broken', action: 'forged' });
    db.close();
  });

  it('refuses edits and deletions while its triggers stand', () => {
    const db = openDatabase(join(tempDir(), 'plain.sqlite'));
    appendAudit(db, { actor: 'user', action: 'a' });
    expect(() => db.prepare("UPDATE audit_log SET entry_hash = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('chains the entries a database held before the chain existed, in id order, and goes on from them', () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrations: migrations.slice(0, CHAIN_MIGRATION - 1) });
    const insert = old.prepare('INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)');
    insert.run('2026-01-01T10:00:00+08:00', 'user', 'profile.create', 'p', '{"name":"甲"}');
    insert.run('2026-01-02T10:00:00+08:00', 'import', 'import.file', null, '{"rows":3}');
    insert.run('2026-01-03T10:00:00+08:00', 'user', 'ledger.account.update', '7', '{}');
    old.close();

    const db = openDatabase(file);
    const migrated = rows(db);
    let prev = GENESIS_HASH;
    for (const row of migrated) {
      expect(row.prev_hash).toBe(prev);
      expect(row.entry_hash).toBe(expectedHash({ ...row, prev_hash: prev }));
      prev = row.entry_hash;
    }
    appendAudit(db, { actor: 'user', action: 'consent.granted' });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4, head: { id: 4 } });
    expect(rows(db)[3]!.prev_hash).toBe(migrated[2]!.entry_hash);
    db.close();
  });
});
