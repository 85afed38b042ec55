// `credence audit verify`: the chained log (core/storage/audit-chain.ts) and, beside it, every
// receipt and export the consent tables hold checked against its own entry in the log. The
// chain alone cannot see its last entries deleted; these references can.

import { z } from 'zod';
import { chainVerificationSchema, verifyAuditChain } from '../storage/audit-chain.ts';
import type { Db } from '../storage/database.ts';

export const logVerificationSchema = chainVerificationSchema.extend({
  /** The first receipt or export whose log entry is missing or says something else. */
  firstUnlogged: z.strictObject({ kind: z.enum(['receipt', 'export']), id: z.string(), auditId: z.number().int() }).nullable(),
});
export type LogVerification = z.output<typeof logVerificationSchema>;

export function verifyConsentLog(db: Db): LogVerification {
  const chain = verifyAuditChain(db);
  const entry = db.prepare('SELECT action, details_json FROM audit_log WHERE id = ?');
  const matches = (auditId: number, action: (a: string) => boolean, key: string, value: string) => {
    const row = entry.get(auditId) as { action: string; details_json: string } | undefined;
    if (!row || !action(row.action)) return false;
    try {
      return (JSON.parse(row.details_json) as Record<string, unknown>)[key] === value;
    } catch {
      return false;
    }
  };
  let firstUnlogged: LogVerification['firstUnlogged'] = null;
  const receipts = db.prepare('SELECT id, kind, receipt_sha256, audit_id FROM consent_receipts ORDER BY audit_id').all() as { id: string; kind: string; receipt_sha256: string; audit_id: number }[];
  for (const r of receipts) {
    if (!matches(r.audit_id, (a) => a === `consent.${r.kind}`, 'receiptSha256', r.receipt_sha256)) {
      firstUnlogged = { kind: 'receipt', id: r.id, auditId: r.audit_id };
      break;
    }
  }
  if (firstUnlogged === null) {
    const exports = db.prepare('SELECT id, package_sha256, audit_id FROM consent_exports ORDER BY audit_id').all() as { id: string; package_sha256: string; audit_id: number }[];
    const found = exports.find((e) => !matches(e.audit_id, (a) => a === 'consent.export', 'packageSha256', e.package_sha256));
    if (found) firstUnlogged = { kind: 'export', id: found.id, auditId: found.audit_id };
  }
  return { ...chain, ok: chain.ok && firstUnlogged === null, firstUnlogged };
}
