// The printed plan leaves a profile the way a package does: under a consent that covers the plan
// category (categories/plan.ts), checked before the page is printed and again inside the
// transaction that records the export, so a withdrawal that lands meanwhile still stops it. The
// PDF's bytes come from the shell that printed the print view (the desktop window's printToPDF,
// the CLI's Chromium); the file appears only once the export is recorded.

import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { toUtc8Iso } from '../shared/calendar.ts';
import { CredenceError } from '../shared/errors.ts';
import { appendAudit } from '../storage/audit-chain.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import type { Db } from '../storage/database.ts';
import { planCategory } from './categories/plan.ts';
import { sha256Hex } from './digest.ts';
import { assertExportable } from './export.ts';
import { uuidv7 } from './ids.ts';
import type { ConsentVia } from './record.ts';
import { assertNotImporting, getConsent, recordExpiries, type ConsentView } from './records.ts';

/** What a plan PDF export needs the consent to cover: every column of the plan category. */
export const PLAN_SCOPE = [{ code: planCategory.code, fields: planCategory.columns.map((c) => c.key) }];

/** Refuses unless the consent may carry the printed plan now (before anything is printed). */
export function assertPlanExportable(db: Db, consentId: string, now: Date = new Date()): void {
  recordExpiries(db, now);
  assertExportable(db, consentId, PLAN_SCOPE, toUtc8Iso(now));
}

export interface PlanPdfExport {
  consentId: string;
  pdf: Uint8Array;
  lang: string;
  /** Printed in presentation mode: amounts and identifiers masked. */
  presentation: boolean;
  steps: number;
  via: ConsentVia;
}

export function exportPlanPdf(db: Db, request: PlanPdfExport, destination: { path: string; overwrite: boolean }, now: Date = new Date()): { exportId: string; consent: ConsentView } {
  assertNotImporting(db);
  recordExpiries(db, now);
  const nowIso = toUtc8Iso(now);
  const { record } = assertExportable(db, request.consentId, PLAN_SCOPE, nowIso);
  const dir = dirname(destination.path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CredenceError('export.destination_missing', { dir });
  if (!destination.overwrite && existsSync(destination.path)) throw new CredenceError('export.destination_exists', { file: destination.path });
  const exportId = uuidv7(now);
  const fileName = basename(destination.path);
  const sha = sha256Hex(request.pdf);
  let written = false;
  try {
    db.transaction(() => {
      assertExportable(db, request.consentId, PLAN_SCOPE, nowIso);
      const entry = appendAudit(db, {
        actor: request.via === 'cli' ? 'cli' : 'user',
        action: 'consent.export',
        subject: record.consentId,
        details: { exportId, fileName, packageSha256: sha, bytes: request.pdf.length, delivery: 'file', encrypted: false, kind: 'plan_pdf', lang: request.lang, presentation: request.presentation },
      });
      const manifest = { kind: 'plan_pdf', lang: request.lang, presentation: request.presentation, scope: PLAN_SCOPE, files: [{ path: fileName, rows: request.steps }] };
      db.prepare(
        'INSERT INTO consent_exports (id, consent_id, created_at, file_name, delivery, encrypted, package_sha256, package_bytes, manifest_json, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(exportId, record.consentId, nowIso, fileName, 'file', 0, sha, request.pdf.length, JSON.stringify(manifest), entry.id);
      try {
        writeFileAtomic(destination.path, request.pdf);
      } catch (error) {
        throw new CredenceError('export.write_failed', { file: destination.path, reason: (error as Error).message });
      }
      written = true;
    })();
  } catch (error) {
    if (written) rmSync(destination.path, { force: true });
    throw error;
  }
  return { exportId, consent: getConsent(db, record.consentId, now) };
}
