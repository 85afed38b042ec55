// Receipts (Australian CDR: one when a consent is given, amended, withdrawn or expires; Kantara
// Consent Receipt v1.1 fields): a JSON document as issued, stored with its sha256 and its entry
// in the chained log, and the same receipt as readable text in either language.

import type { Locale, LocalizedText } from '../shared/localized-text.ts';
import { appendAudit, chainHead } from '../storage/audit-chain.ts';
import type { Db } from '../storage/database.ts';
import { toUtc8Iso } from '../shared/calendar.ts';
import { LOCATION_LABELS, RECIPIENT_KIND_LABELS } from './catalogue.ts';
import { categoryOf } from './categories/index.ts';
import { sha256Hex } from './digest.ts';
import { uuidv7 } from './ids.ts';
import { RECEIPT_VERSION, type ConsentRecord, type ConsentVia } from './record.ts';
import { stateName, type ConsentState } from './state.ts';

export const RECEIPT_KINDS = ['granted', 'amended', 'withdrawn', 'expired', 'superseded'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

export interface ExportSummary {
  exportId: string;
  createdAt: string;
  fileName: string;
  packageSha256: string;
}

export interface ConsentReceipt {
  schema: 'credence.consent-receipt/1';
  version: typeof RECEIPT_VERSION;
  consentReceiptID: string;
  event: ReceiptKind;
  issuedAt: string;
  jurisdiction: 'CN';
  language: Locale;
  consentTimestamp: string;
  collectionMethod: ConsentRecord['collectionMethod'];
  piiPrincipalId: string;
  principalDisplay: string;
  piiControllers: { piiController: string; onBehalf: false; contact: string; kind: string; location: string }[];
  services: {
    service: 'Credence export';
    purposes: {
      purpose: string;
      purposeCode: string;
      consentType: 'separate_explicit';
      piiCategory: string[];
      primaryPurpose: true;
      termination: string;
      thirdPartyDisclosure: true;
      thirdPartyName: string;
    }[];
  }[];
  sensitive: true;
  spiCat: ['financial_account'];
  consent: ConsentRecord;
  /** The consent's state once this event is recorded. */
  status: ConsentState;
  withdrawal: { at: string; via: ConsentVia } | null;
  supersededBy: string | null;
  /** What had already been sent when the receipt was issued: a withdrawal does not recall it. */
  exportsMade: ExportSummary[];
  /** The head of the chained log just before this receipt's own entry. */
  chain: { entry: number; hash: string };
}

export interface IssuedReceipt {
  id: string;
  kind: ReceiptKind;
  issuedAt: string;
  sha256: string;
  auditId: number;
  receipt: ConsentReceipt;
}

export interface ReceiptContext {
  kind: ReceiptKind;
  /** Who caused the event: the person in the app or the CLI, or Credence noticing an expiry. */
  actor: 'user' | 'cli' | 'system';
  record: ConsentRecord;
  status: ConsentState;
  withdrawal?: { at: string; via: ConsentVia } | null;
  supersededBy?: string | null;
  exportsMade: ExportSummary[];
}

function buildReceipt(db: Db, ctx: ReceiptContext, now: Date): ConsentReceipt {
  const r = ctx.record;
  const head = chainHead(db);
  return {
    schema: 'credence.consent-receipt/1',
    version: RECEIPT_VERSION,
    consentReceiptID: uuidv7(now),
    event: ctx.kind,
    issuedAt: toUtc8Iso(now),
    jurisdiction: 'CN',
    language: r.language,
    consentTimestamp: r.validFrom,
    collectionMethod: r.collectionMethod,
    piiPrincipalId: r.principal.profileId,
    principalDisplay: r.principal.display,
    piiControllers: [{ piiController: r.recipient.name, onBehalf: false, contact: r.recipient.contact, kind: r.recipient.kind, location: r.recipient.location }],
    services: [
      {
        service: 'Credence export',
        purposes: [
          {
            purpose: r.purpose.text,
            purposeCode: r.purpose.code,
            consentType: 'separate_explicit',
            piiCategory: r.categories.map((c) => c.code),
            primaryPurpose: true,
            termination: r.expiresAt,
            thirdPartyDisclosure: true,
            thirdPartyName: r.recipient.name,
          },
        ],
      },
    ],
    sensitive: true,
    spiCat: ['financial_account'],
    consent: r,
    status: ctx.status,
    withdrawal: ctx.withdrawal ?? null,
    supersededBy: ctx.supersededBy ?? null,
    exportsMade: ctx.exportsMade,
    chain: { entry: head.id, hash: head.hash },
  };
}

/** Issues, stores and logs one receipt. Call inside the transaction that records the event. */
export function issueReceipt(db: Db, ctx: ReceiptContext, now: Date = new Date()): IssuedReceipt {
  const receipt = buildReceipt(db, ctx, now);
  const json = JSON.stringify(receipt);
  const digest = sha256Hex(json);
  const entry = appendAudit(db, {
    actor: ctx.actor,
    action: `consent.${ctx.kind}`,
    subject: ctx.record.consentId,
    details: { receiptId: receipt.consentReceiptID, receiptSha256: digest, status: ctx.status },
  });
  db.prepare(
    'INSERT INTO consent_receipts (id, consent_id, kind, issued_at, receipt_json, receipt_sha256, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(receipt.consentReceiptID, ctx.record.consentId, ctx.kind, receipt.issuedAt, json, digest, entry.id);
  return { id: receipt.consentReceiptID, kind: ctx.kind, issuedAt: receipt.issuedAt, sha256: digest, auditId: entry.id, receipt };
}

export function listReceipts(db: Db, consentId: string): IssuedReceipt[] {
  const rows = db
    .prepare('SELECT id, kind, issued_at, receipt_json, receipt_sha256, audit_id FROM consent_receipts WHERE consent_id = ? ORDER BY audit_id')
    .all(consentId) as { id: string; kind: ReceiptKind; issued_at: string; receipt_json: string; receipt_sha256: string; audit_id: number }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, issuedAt: r.issued_at, sha256: r.receipt_sha256, auditId: r.audit_id, receipt: JSON.parse(r.receipt_json) as ConsentReceipt }));
}

const EVENT_TITLES: Record<ReceiptKind, LocalizedText> = {
  granted: { 'zh-CN': '授权回执', en: 'Consent receipt: granted' },
  amended: { 'zh-CN': '修改授权回执（新授权取代原授权）', en: 'Consent receipt: amended (this consent replaces an earlier one)' },
  withdrawn: { 'zh-CN': '撤回授权回执', en: 'Consent receipt: withdrawn' },
  expired: { 'zh-CN': '授权到期回执', en: 'Consent receipt: expired' },
  superseded: { 'zh-CN': '授权被修改回执（本授权已被新授权取代）', en: 'Consent receipt: superseded (replaced by an amendment)' },
};


/** The receipt as a person reads it. */
export function receiptText(receipt: ConsentReceipt, locale: Locale): string {
  const r = receipt.consent;
  const zh = locale === 'zh-CN';
  const sep = zh ? '：' : ': ';
  const line = (zhLabel: string, enLabel: string, value: string) => `${zh ? zhLabel : enLabel}${sep}${value}`;
  const scope = r.categories.map((c) => {
    const source = categoryOf(c.code);
    const fields = c.fields.map((f) => source?.columns.find((col) => col.key === f)?.label[locale] ?? f);
    return `  - ${source?.label[locale] ?? c.code}${sep}${fields.join(zh ? '、' : ', ')}`;
  });
  const kind = RECIPIENT_KIND_LABELS[r.recipient.kind][locale];
  const where = LOCATION_LABELS[r.recipient.location][locale];
  const lines = [
    `Credence — ${EVENT_TITLES[receipt.event][locale]}`,
    line('回执编号', 'Receipt', receipt.consentReceiptID),
    line('签发时间', 'Issued', receipt.issuedAt),
    line('同意编号', 'Consent', r.consentId),
    line('当前状态', 'State', stateName(receipt.status, locale)),
    line('本人', 'Person', r.principal.display),
    line('接收方', 'Recipient', zh ? `${r.recipient.name}（${kind}，${where}）` : `${r.recipient.name} (${kind}, ${where})`),
    line('联系方式', 'Contact', r.recipient.contact),
    line('目的', 'Purpose', r.purpose.text),
    `${zh ? '数据' : 'Data'}${sep}`,
    ...scope,
    line('有效期', 'Valid', `${r.validFrom} — ${r.expiresAt}`),
    line('可导出次数', 'Exports allowed', String(r.maxExports)),
    line('接收方删除期限', 'Recipient deletes by', r.recipientDeleteBy),
    line('不得再提供给第三方', 'No onward transfer', zh ? '是' : 'yes'),
    line('法律依据', 'Legal basis', r.legalBasis.join(', ')),
    line('告知书', 'Notice', `${r.notice.version} (${r.notice.language}) sha256 ${r.notice.sha256}`),
    line('同意方式', 'How it was given', `${r.collectionMethod}; ${zh ? '签名' : 'signed'} ${r.evidence.typedName}; ${r.evidence.ticks.join(', ')}`),
  ];
  if (r.supersedes) lines.push(line('取代的授权', 'Replaces consent', r.supersedes));
  if (receipt.supersededBy) lines.push(line('被此授权取代', 'Replaced by consent', receipt.supersededBy));
  if (receipt.withdrawal) {
    lines.push(line('撤回时间', 'Withdrawn', `${receipt.withdrawal.at} (${receipt.withdrawal.via})`));
    lines.push(
      zh
        ? '撤回后不能再依据本授权导出。撤回不溯及既往：以下已导出的文件不会被收回，请联系接收方删除。'
        : 'Nothing more can be exported under this consent. Withdrawal is not retroactive: the files below were already exported; ask the recipient to delete them.',
    );
  }
  lines.push(`${zh ? '已导出' : 'Exported so far'}${sep}${receipt.exportsMade.length}`);
  for (const e of receipt.exportsMade) lines.push(`  - ${e.createdAt} ${e.fileName} sha256 ${e.packageSha256}`);
  lines.push(line('日志位置', 'Log position', `#${receipt.chain.entry} ${receipt.chain.hash}`));
  return lines.join('\n');
}
