// Consents over their life: granted on the separate consent screen (or the CLI's equivalent),
// amended by a new consent that supersedes the old, withdrawn in one action, expired by the
// clock. Each event is one transaction that adds to the record (never rewrites its terms),
// issues a receipt and appends to the chained log.

import { z } from 'zod';
import { CredenceError } from '../shared/errors.ts';
import { today } from '../shared/calendar.ts';
import type { Db } from '../storage/database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { CATALOGUE_VERSION, TICKS, type LegalBasis, type TickCode } from './catalogue.ts';
import { categoryOf } from './categories/index.ts';
import { uuidv7 } from './ids.ts';
import { sha256Hex } from './digest.ts';
import { includesRestricted, renderConsentNotice } from './notice.ts';
import { CONSENT_VIAS, consentRecordSchema, RECEIPT_VERSION, RECORD_SCHEMA, type ConsentRecord, type ConsentVia } from './record.ts';
import { issueReceipt, listReceipts, RECEIPT_KINDS, type ExportSummary, type IssuedReceipt } from './receipts.ts';
import { REDACTION_PROFILE, surnameOnly } from './redaction.ts';
import { CONSENT_STATES, consentState } from './state.ts';
import { parseTerms, type ConsentTerms } from './terms.ts';

export interface ConsentRow {
  id: string;
  record_json: string;
  record_sha256: string;
  granted_at: string;
  expires_at: string;
  max_exports: number;
  supersedes: string | null;
  superseded_by: string | null;
  superseded_at: string | null;
  withdrawn_at: string | null;
  withdrawn_via: ConsentVia | null;
  expired_at: string | null;
}

// A consent and its exports as the dashboard and the CLI see them (core/ipc/channels/consent.ts):
// the wire shapes, declared once, and their types.

export const exportViewSchema = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  fileName: z.string(),
  delivery: z.enum(['file', 'download']),
  encrypted: z.boolean(),
  packageSha256: z.string(),
  packageBytes: z.number().int(),
  files: z.array(z.strictObject({ path: z.string(), rows: z.number().int().nullable() })),
});
export type ExportView = z.output<typeof exportViewSchema>;

export const consentViewSchema = z.strictObject({
  id: z.string(),
  state: z.enum(CONSENT_STATES),
  record: consentRecordSchema,
  grantedAt: z.string(),
  expiresAt: z.string(),
  maxExports: z.number().int(),
  exportsUsed: z.number().int(),
  exportsLeft: z.number().int(),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnVia: z.enum(CONSENT_VIAS).nullable(),
  expiredAt: z.string().nullable(),
  exports: z.array(exportViewSchema),
  receipts: z.array(z.strictObject({ id: z.string(), kind: z.enum(RECEIPT_KINDS), issuedAt: z.string(), sha256: z.string() })),
});
export type ConsentView = z.output<typeof consentViewSchema>;

export interface GrantInput {
  terms: unknown;
  /** The sha256 of the notice the person read: it must be the notice of these terms. */
  noticeSha256: string;
  evidence: { typedName: string; ticks: readonly string[] };
  supersedes?: string | null;
  via: ConsentVia;
}

/** An import holds its transaction open between chunks; a consent event must not join it. */
export function assertNotImporting(db: Db): void {
  if (db.inTransaction) throw new CredenceError('consent.busy');
}

/** The ticks the terms require, in screen order. */
export function requiredTicks(terms: ConsentTerms): TickCode[] {
  return TICKS.filter(
    (t) => t.when === 'always' || (t.when === 'restricted' && includesRestricted(terms)) || (t.when === 'overseas' && terms.recipient.location === 'overseas'),
  ).map((t) => t.code);
}

function legalBases(terms: ConsentTerms): LegalBasis[] {
  const bases: LegalBasis[] = ['PIPL14', 'PIPL23', 'PIPL29'];
  if (terms.recipient.location === 'overseas') bases.push('PIPL39');
  bases.push('CRR20');
  if (includesRestricted(terms)) bases.push('CRR14');
  return bases;
}

const endOfDay = (day: string) => `${day}T23:59:59+08:00`;

function consentRow(db: Db, id: string): ConsentRow {
  const row = db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
  if (!row) throw new CredenceError('consent.not_found', { id });
  return row;
}

function exportRows(db: Db, consentId: string): ExportView[] {
  const rows = db
    .prepare('SELECT id, created_at, file_name, delivery, encrypted, package_sha256, package_bytes, manifest_json FROM consent_exports WHERE consent_id = ? ORDER BY created_at, rowid')
    .all(consentId) as { id: string; created_at: string; file_name: string; delivery: 'file' | 'download'; encrypted: number; package_sha256: string; package_bytes: number; manifest_json: string }[];
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    fileName: r.file_name,
    delivery: r.delivery,
    encrypted: r.encrypted === 1,
    packageSha256: r.package_sha256,
    packageBytes: r.package_bytes,
    files: (JSON.parse(r.manifest_json) as { files: { path: string; rows: number | null }[] }).files.map((f) => ({ path: f.path, rows: f.rows })),
  }));
}

export const exportSummaries = (exports: readonly ExportView[]): ExportSummary[] =>
  exports.map((e) => ({ exportId: e.id, createdAt: e.createdAt, fileName: e.fileName, packageSha256: e.packageSha256 }));

function view(db: Db, row: ConsentRow, nowIso: string): ConsentView {
  const exports = exportRows(db, row.id);
  return {
    id: row.id,
    state: consentState(row, exports.length, nowIso),
    record: JSON.parse(row.record_json) as ConsentRecord,
    grantedAt: row.granted_at,
    expiresAt: row.expires_at,
    maxExports: row.max_exports,
    exportsUsed: exports.length,
    exportsLeft: Math.max(0, row.max_exports - exports.length),
    supersedes: row.supersedes,
    supersededBy: row.superseded_by,
    supersededAt: row.superseded_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnVia: row.withdrawn_via,
    expiredAt: row.expired_at,
    exports,
    receipts: listReceipts(db, row.id).map(({ id, kind, issuedAt, sha256 }) => ({ id, kind, issuedAt, sha256 })),
  };
}

function principal(db: Db): { profileId: string; name: string } {
  const row = db.prepare('SELECT uuid, name FROM profile WHERE id = 1').get() as { uuid: string; name: string };
  return { profileId: row.uuid, name: row.name };
}

export function getConsent(db: Db, id: string, now: Date = new Date()): ConsentView {
  return view(db, consentRow(db, id), toUtc8Iso(now));
}

/** Records the expiry of every consent whose end has passed (once each, with its receipt). */
export function recordExpiries(db: Db, now: Date = new Date()): IssuedReceipt[] {
  if (db.inTransaction) return []; // during an import: recorded on the next look
  const nowIso = toUtc8Iso(now);
  const due = db
    .prepare('SELECT * FROM consents WHERE withdrawn_at IS NULL AND superseded_by IS NULL AND expired_at IS NULL AND expires_at < ? ORDER BY expires_at')
    .all(nowIso) as ConsentRow[];
  return due.map((row) =>
    db.transaction(() => {
      db.prepare('UPDATE consents SET expired_at = ? WHERE id = ?').run(nowIso, row.id);
      const exports = exportRows(db, row.id);
      return issueReceipt(db, { kind: 'expired', actor: 'system', record: JSON.parse(row.record_json) as ConsentRecord, status: 'expired', exportsMade: exportSummaries(exports) }, now);
    })(),
  );
}

/** Every consent, newest first, after recording any expiry that is due. */
export function listConsents(db: Db, now: Date = new Date()): ConsentView[] {
  recordExpiries(db, now);
  const nowIso = toUtc8Iso(now);
  const rows = db.prepare('SELECT * FROM consents ORDER BY granted_at DESC, rowid DESC').all() as ConsentRow[];
  return rows.map((row) => view(db, row, nowIso));
}

export function grantConsent(db: Db, input: GrantInput, now: Date = new Date()): { consent: ConsentView; receipt: IssuedReceipt } {
  assertNotImporting(db);
  recordExpiries(db, now);
  const terms = parseTerms(input.terms, today(now));
  const notice = renderConsentNotice(terms, terms.language);
  if (notice.sha256 !== input.noticeSha256) throw new CredenceError('consent.notice_changed');
  const required = requiredTicks(terms);
  const ticked = new Set(input.evidence.ticks);
  const missing = required.filter((code) => !ticked.has(code));
  const typedName = input.evidence.typedName.trim();
  if (missing.length > 0 || typedName.length < 1 || typedName.length > 80) {
    const labels = (locale: 'zh-CN' | 'en') => [
      ...(typedName.length < 1 || typedName.length > 80 ? [locale === 'zh-CN' ? '输入你的姓名（1 到 80 个字）' : 'type your name (1 to 80 characters)'] : []),
      ...missing.map((code) => TICKS.find((t) => t.code === code)!.label[locale]),
    ];
    throw new CredenceError('consent.evidence_incomplete', { missing, missingZh: labels('zh-CN').join('；'), missingEn: labels('en').join('; ') });
  }
  const nowIso = toUtc8Iso(now);
  const supersedes = input.supersedes ?? null;
  const old = supersedes ? consentRow(db, supersedes) : null;
  if (old) {
    const state = consentState(old, exportRows(db, old.id).length, nowIso);
    if (state !== 'active' && state !== 'used_up') throw new CredenceError('consent.not_amendable', { id: old.id, state });
  }
  const person = principal(db);
  const id = uuidv7(now);
  const record: ConsentRecord = {
    schema: RECORD_SCHEMA,
    consentId: id,
    receiptVersion: RECEIPT_VERSION,
    catalogueVersion: CATALOGUE_VERSION,
    jurisdiction: 'CN',
    language: terms.language,
    principal: { profileId: person.profileId, display: surnameOnly(person.name) },
    recipient: terms.recipient,
    purpose: terms.purpose,
    method: 'one_time_file',
    categories: terms.categories.map((c) => ({ code: c.code, sensitive: categoryOf(c.code)!.sensitive, restricted: categoryOf(c.code)!.restricted.filter((f) => c.fields.includes(f)), fields: c.fields })),
    legalBasis: legalBases(terms),
    crossBorder: terms.recipient.location === 'overseas',
    notice: { version: notice.version, language: notice.language, sha256: notice.sha256 },
    redactionProfile: REDACTION_PROFILE,
    noOnwardTransfer: true,
    validFrom: nowIso,
    expiresAt: endOfDay(terms.expiresOn),
    maxExports: terms.maxExports,
    recipientDeleteBy: terms.recipientDeleteBy,
    collectionMethod: input.via === 'cli' ? 'cli_notice_hash+typed_name' : 'separate_screen+typed_name',
    evidence: { typedName, ticks: required, via: input.via },
    supersedes,
  };
  const json = JSON.stringify(record);
  const actor = input.via === 'cli' ? 'cli' : 'user';
  return db.transaction(() => {
    db.prepare('INSERT INTO consents (id, record_json, record_sha256, granted_at, expires_at, max_exports, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      json,
      sha256Hex(json),
      nowIso,
      record.expiresAt,
      record.maxExports,
      supersedes,
    );
    const receipt = issueReceipt(db, { kind: old ? 'amended' : 'granted', actor, record, status: 'active', exportsMade: [] }, now);
    if (old) {
      db.prepare('UPDATE consents SET superseded_by = ?, superseded_at = ? WHERE id = ?').run(id, nowIso, old.id);
      const oldRecord = JSON.parse(old.record_json) as ConsentRecord;
      issueReceipt(db, { kind: 'superseded', actor, record: oldRecord, status: 'superseded', supersededBy: id, exportsMade: exportSummaries(exportRows(db, old.id)) }, now);
    }
    return { consent: view(db, consentRow(db, id), nowIso), receipt };
  })();
}

/** Withdraws in one action; what was exported before stays exported (and is listed in the receipt). */
export function withdrawConsent(db: Db, id: string, via: ConsentVia, now: Date = new Date()): { consent: ConsentView; receipt: IssuedReceipt } {
  assertNotImporting(db);
  recordExpiries(db, now);
  const row = consentRow(db, id);
  const nowIso = toUtc8Iso(now);
  const exports = exportRows(db, id);
  const state = consentState(row, exports.length, nowIso);
  if (state !== 'active' && state !== 'used_up') throw new CredenceError('consent.not_withdrawable', { id, state, at: row.withdrawn_at ?? row.superseded_at ?? row.expires_at });
  return db.transaction(() => {
    db.prepare('UPDATE consents SET withdrawn_at = ?, withdrawn_via = ? WHERE id = ?').run(nowIso, via, id);
    const receipt = issueReceipt(
      db,
      { kind: 'withdrawn', actor: via === 'cli' ? 'cli' : 'user', record: JSON.parse(row.record_json) as ConsentRecord, status: 'withdrawn', withdrawal: { at: nowIso, via }, exportsMade: exportSummaries(exports) },
      now,
    );
    return { consent: view(db, consentRow(db, id), nowIso), receipt };
  })();
}
