// The audit log as a hash chain: each entry stores the hash of the entry before it and its own
// hash over its content and that link. Every write to audit_log goes through appendAudit, every
// consent event and export is one of its entries (core/consent/consent-log.ts), and verifyAuditChain
// names the first entry that an edit, a deletion or a reordering broke. A deleted last entry leaves
// no broken link behind it: receipts and export manifests carry the chain head they were issued
// at, and the consent tables point at their own entries, so those deletions are caught too.

import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { toUtc8Iso } from '../shared/calendar.ts';

type Db = Database.Database;

/** The link the first entry points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details_json: string;
  prev_hash: string | null;
  entry_hash: string | null;
}

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string;
  details?: unknown;
}

const chainHeadSchema = z.strictObject({
  /** 0 and GENESIS_HASH for an empty log. */
  id: z.number().int(),
  hash: z.string(),
});
export type ChainHead = z.output<typeof chainHeadSchema>;

/** sha256 over the entry's fields and its link, as one JSON array (one unambiguous encoding). */
export function auditEntryHash(row: Omit<AuditRow, 'entry_hash'>): string {
  const canonical = JSON.stringify([row.prev_hash, row.id, row.at, row.actor, row.action, row.subject, row.details_json]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The SQL function migration 0010 uses to hash the entries written before the chain existed;
 * registered on every connection openDatabase makes, before migrating.
 */
export function registerAuditHashFunction(db: Db): void {
  db.function('credence_audit_hash', { deterministic: true }, (prev, id, at, actor, action, subject, details) =>
    auditEntryHash({
      prev_hash: prev as string | null,
      id: Number(id),
      at: at as string,
      actor: actor as string,
      action: action as string,
      subject: subject as string | null,
      details_json: details as string,
    }),
  );
}

export function chainHead(db: Db): ChainHead {
  const row = db.prepare('SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; entry_hash: string | null }
    | undefined;
  return row ? { id: row.id, hash: row.entry_hash ?? '' } : { id: 0, hash: GENESIS_HASH };
}

const chained = new WeakMap<Db, boolean>();

/** A database migrated only up to before 0010 (what the upgrade tests write as an older build) has no chain yet. */
function hasChain(db: Db): boolean {
  let known = chained.get(db);
  if (known === undefined) {
    known = (db.prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'entry_hash'").pluck().get() as number) > 0;
    chained.set(db, known);
  }
  return known;
}

/** Appends one entry linked to the current head; returns the new head. Call inside the write's transaction. */
export function appendAudit(db: Db, entry: AuditEntry): ChainHead {
  if (!hasChain(db)) {
    const details = JSON.stringify(entry.details ?? {});
    const id = db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, ?, ?, ?)')
      .run(toUtc8Iso(), entry.actor, entry.action, entry.subject ?? null, details).lastInsertRowid;
    return { id: Number(id), hash: '' };
  }
  const head = chainHead(db);
  const row = {
    id: head.id + 1,
    at: toUtc8Iso(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    details_json: JSON.stringify(entry.details ?? {}),
    prev_hash: head.hash,
  };
  const hash = auditEntryHash(row);
  db.prepare(
    'INSERT INTO audit_log (id, at, actor, action, subject, details_json, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.id, row.at, row.actor, row.action, row.subject, row.details_json, row.prev_hash, hash);
  return { id: row.id, hash };
}

/**
 * How a link broke. content_changed: the entry's content (or its id) is not what was hashed: it
 * was edited, or moved to another place. link_broken: the entry does not point at the entry
 * before it: one was deleted, inserted or moved in between.
 */
export const CHAIN_BREAKS = ['content_changed', 'link_broken'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

/** The chain's check, as `credence audit verify` and the consent dashboard show it. */
export const chainVerificationSchema = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int(),
  head: chainHeadSchema,
  /** The first broken link, in id order. */
  firstBroken: z.strictObject({ id: z.number().int(), reason: z.enum(CHAIN_BREAKS), at: z.string(), action: z.string() }).nullable(),
});
export type ChainVerification = z.output<typeof chainVerificationSchema>;

export function verifyAuditChain(db: Db): ChainVerification {
  let prev = GENESIS_HASH;
  let entries = 0;
  let head: ChainHead = { id: 0, hash: GENESIS_HASH };
  let firstBroken: ChainVerification['firstBroken'] = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (firstBroken === null) {
      if (row.prev_hash !== prev) firstBroken = { id: row.id, reason: 'link_broken', at: row.at, action: row.action };
      else if (row.entry_hash !== auditEntryHash(row)) firstBroken = { id: row.id, reason: 'content_changed', at: row.at, action: row.action };
    }
    prev = row.entry_hash ?? '';
    head = { id: row.id, hash: prev };
  }
  return { ok: firstBroken === null, entries, head, firstBroken };
}
