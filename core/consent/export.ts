// The one function that writes profile data out of a profile. It takes a consent id and refuses,
// naming why and writing nothing, unless the consent is active, not expired, has exports left and
// covers every field asked for; it checks again inside the transaction that records the export,
// so a withdrawal that lands while the package is built still stops it. The file appears only
// once the export is recorded (written beside its destination, then renamed into place).

import { randomInt } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CredenceError } from '../shared/errors.ts';
import { formatDay, today } from '../shared/calendar.ts';
import { appendAudit, chainHead } from '../storage/audit-chain.ts';
import { schemaVersion, type Db } from '../storage/database.ts';
import { isSyntheticProfile } from '../storage/profile-store.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { LIMITS } from './catalogue.ts';
import { categoryOf, collectCategory } from './categories/index.ts';
import type { Row } from './categories/types.ts';
import { sha256Hex } from './digest.ts';
import { uuidv7 } from './ids.ts';
import { renderPackageNotice } from './notice.ts';
import { writePackage, type CategoryData } from './package.ts';
import type { ConsentRecord, ConsentVia } from './record.ts';
import { listReceipts } from './receipts.ts';
import { assertNotImporting, getConsent, recordExpiries, type ConsentView, type ExportView } from './records.ts';
import { createRedactor, surnameOnly } from './redaction.ts';
import { consentState } from './state.ts';
import { invalidTerms, normaliseScope, type Scope, type TermsProblem } from './terms.ts';

export interface ExportRequest {
  consentId: string;
  /** The id the package gets, when the destination was proposed by it (the save dialog's neutral name). */
  exportId?: string;
  /** The fields to export; everything the consent covers when absent. */
  scope?: Scope;
  /** The package password; absent: a strong one is generated and returned once. */
  password?: string;
  /** Only when the person chose it explicitly: a package without encryption. */
  unencrypted?: boolean;
  /** Only when the person chose it explicitly: a package of the synthetic sample profile's made-up data. */
  includeSample?: boolean;
  via: ConsentVia;
  appVersion: string;
}

export type Destination =
  /** A path the person chose (Electron's save dialog, the CLI's --out). */
  | { kind: 'file'; path: string; overwrite: boolean }
  /** The bytes go back to the page, which hands them to the browser's download (preview). */
  | { kind: 'download' };

export interface ExportOutcome {
  export: ExportView;
  consent: ConsentView;
  fileName: string;
  /** The package, for a download destination. */
  bytes: Uint8Array | null;
  generatedPassword: string | null;
}

export const packageFileName = (exportId: string) => `credence-export-${exportId}.zip`;

/** 20 characters from an alphabet without look-alikes: about 113 bits. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Refuses unless the consent may be used now for `scope`; the reasons in the order a person would fix them. */
export function assertExportable(db: Db, consentId: string, scope: Scope | undefined, nowIso: string): { record: ConsentRecord; scope: Scope } {
  const row = db.prepare('SELECT * FROM consents WHERE id = ?').get(consentId) as
    | { record_json: string; expires_at: string; max_exports: number; withdrawn_at: string | null; superseded_by: string | null }
    | undefined;
  if (!row) throw new CredenceError('export.consent_not_found', { id: consentId });
  const used = db.prepare('SELECT count(*) FROM consent_exports WHERE consent_id = ?').pluck().get(consentId) as number;
  const state = consentState(row, used, nowIso);
  if (state === 'withdrawn') throw new CredenceError('export.consent_withdrawn', { id: consentId, at: row.withdrawn_at });
  if (state === 'superseded') throw new CredenceError('export.consent_superseded', { id: consentId, by: row.superseded_by });
  if (state === 'expired') throw new CredenceError('export.consent_expired', { id: consentId, at: row.expires_at });
  if (state === 'used_up') throw new CredenceError('export.consent_used_up', { id: consentId, max: row.max_exports });
  const record = JSON.parse(row.record_json) as ConsentRecord;
  if (!scope) return { record, scope: record.categories.map(({ code, fields }) => ({ code, fields })) };
  const problems: TermsProblem[] = [];
  const wanted = normaliseScope(scope, problems);
  if (problems.length > 0) throw invalidTerms(problems);
  const outside = wanted.flatMap((w) => {
    const granted = record.categories.find((c) => c.code === w.code);
    return w.fields.filter((f) => !granted?.fields.includes(f)).map((f) => `${w.code}.${f}`);
  });
  if (outside.length > 0) throw new CredenceError('export.fields_out_of_scope', { id: consentId, fields: outside.join(', ') });
  return { record, scope: wanted.filter((w) => w.fields.length > 0) };
}

function assertDestination(destination: Destination): void {
  if (destination.kind !== 'file') return;
  const dir = dirname(destination.path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CredenceError('export.destination_missing', { dir });
  if (!destination.overwrite && existsSync(destination.path)) throw new CredenceError('export.destination_exists', { file: destination.path });
}

/** Only the consented columns, empty text as null (so CSV and JSON hold the same values), redacted. */
function projectRows(code: string, fields: readonly string[], rows: readonly Row[], redact: (code: string, row: Row) => Row): Row[] {
  return rows.map((row) => {
    const kept: Row = {};
    for (const key of fields) {
      const value = row[key] ?? null;
      kept[key] = value === '' ? null : value;
    }
    // Redaction rules may read a column outside the scope (a transfer's category); they see the full row but only kept columns leave.
    const redacted = redact(code, { ...row, ...kept });
    return Object.fromEntries(fields.map((key) => [key, redacted[key] ?? null]));
  });
}

function writeAtomically(path: string, bytes: Uint8Array): void {
  const partial = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  try {
    writeFileSync(partial, bytes, { flag: 'wx' });
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new CredenceError('export.write_failed', { file: path, reason: (error as Error).message });
  }
}

/** The sample profile's data is made up: it leaves only when the person says so, so it is never passed off as someone's report. */
export function assertNotSample(db: Db, includeSample: boolean | undefined): void {
  if (includeSample || !isSyntheticProfile(db)) return;
  throw new CredenceError('export.synthetic_profile', { name: db.prepare('SELECT name FROM profile WHERE id = 1').pluck().get() as string });
}

export async function exportUnderConsent(db: Db, request: ExportRequest, destination: Destination, now: Date = new Date()): Promise<ExportOutcome> {
  assertNotSample(db, request.includeSample);
  assertNotImporting(db);
  recordExpiries(db, now);
  const nowIso = toUtc8Iso(now);
  const { record, scope } = assertExportable(db, request.consentId, request.scope, nowIso);
  const password = request.unencrypted ? null : (request.password ?? generatePassword());
  if (password !== null && [...password].length < LIMITS.minPasswordLength) throw new CredenceError('export.password_too_short', { min: LIMITS.minPasswordLength });
  assertDestination(destination);

  const exportId = request.exportId ?? uuidv7(now);
  const fileName = destination.kind === 'file' ? basename(destination.path) : packageFileName(exportId);
  const asOfDay = today(now);
  const profileName = db.prepare('SELECT name FROM profile WHERE id = 1').pluck().get() as string;
  const redactor = createRedactor([profileName, record.evidence.typedName]);
  const data: CategoryData[] = scope.map(({ code, fields }) => {
    const source = categoryOf(code)!;
    const rows = collectCategory(db, code, { asOfDay, locale: record.language });
    return { code, columns: source.columns.filter((c) => fields.includes(c.key)), rows: projectRows(code, fields, rows, redactor.row) };
  });
  const grantReceipt = listReceipts(db, record.consentId).find((r) => r.kind === 'granted' || r.kind === 'amended')!;
  const receipt = { ...grantReceipt.receipt, consent: { ...grantReceipt.receipt.consent, evidence: { ...record.evidence, typedName: surnameOnly(record.evidence.typedName) } } };
  const terms = { recipient: record.recipient, purpose: record.purpose, categories: scope, expiresOn: record.expiresAt.slice(0, 10), maxExports: record.maxExports, recipientDeleteBy: record.recipientDeleteBy, language: record.language };
  const facts = { consentId: record.consentId, exportId, grantedAt: record.validFrom, principal: record.principal.display, terms };
  const { bytes, manifest } = await writePackage({
    manifest: {
      exportId,
      consentId: record.consentId,
      createdAt: nowIso,
      asOf: formatDay(asOfDay),
      app: { name: 'Credence', version: request.appVersion },
      schemaVersion: schemaVersion(db),
      scope,
      consentReceipt: { receiptId: grantReceipt.id, redacted: ['consent.evidence.typedName'] },
      auditHead: chainHead(db),
    },
    receipt,
    notices: { 'zh-CN': renderPackageNotice(facts, 'zh-CN'), en: renderPackageNotice(facts, 'en') },
    data,
    password,
  });
  const packageSha256 = sha256Hex(bytes);

  let written = false;
  try {
    db.transaction(() => {
      assertExportable(db, request.consentId, scope, nowIso);
      const entry = appendAudit(db, {
        actor: request.via === 'cli' ? 'cli' : 'user',
        action: 'consent.export',
        subject: record.consentId,
        details: { exportId, fileName, packageSha256, bytes: bytes.length, delivery: destination.kind, encrypted: password !== null, files: manifest.files.map((f) => f.path) },
      });
      db.prepare(
        'INSERT INTO consent_exports (id, consent_id, created_at, file_name, delivery, encrypted, package_sha256, package_bytes, manifest_json, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(exportId, record.consentId, nowIso, fileName, destination.kind, password === null ? 0 : 1, packageSha256, bytes.length, JSON.stringify(manifest), entry.id);
      if (destination.kind === 'file') {
        writeAtomically(destination.path, bytes);
        written = true;
      }
    })();
  } catch (error) {
    // The commit itself failed after the file was put in place: the file goes too.
    if (written && destination.kind === 'file') rmSync(destination.path, { force: true });
    throw error;
  }
  const consent = getConsent(db, record.consentId, now);
  return {
    export: consent.exports.find((e) => e.id === exportId)!,
    consent,
    fileName,
    bytes: destination.kind === 'download' ? bytes : null,
    generatedPassword: request.password === undefined && password !== null ? password : null,
  };
}
