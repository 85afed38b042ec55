import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyConsentLog } from '../../../core/consent/consent-log.ts';
import { exportUnderConsent } from '../../../core/consent/export.ts';
import { renderConsentNotice } from '../../../core/consent/notice.ts';
import { grantConsent, listConsents, requiredTicks, withdrawConsent } from '../../../core/consent/records.ts';
import { listReceipts, receiptText } from '../../../core/consent/receipts.ts';
import { parseTerms } from '../../../core/consent/terms.ts';
import { today } from '../../../core/shared/calendar.ts';
import { DAY_MS, expectCode, grant, NOW, PRINCIPAL, seedProfile, terms } from './helpers.ts';

describe('granting a consent', () => {
  it('records the Kantara-shaped record with the PIPL items and issues a receipt in the chained log', async () => {
    const { db, profileId } = await seedProfile();
    const { consent, receipt } = grant(db, terms({ categories: [{ code: 'profile', fields: ['name', 'monthlyIncomeFen'] }, { code: 'accounts', fields: ['limitFen', 'name'] }] }));
    expect(consent.state).toBe('active');
    expect(consent.record).toMatchObject({
      schema: 'credence.consent/1',
      receiptVersion: 'KI-CR-v1.1.0+credence.1',
      jurisdiction: 'CN',
      language: 'zh-CN',
      principal: { profileId, display: '张*' },
      recipient: { name: '王顾问', kind: 'individual', contact: 'adviser@example.com', location: 'CN' },
      purpose: { code: 'mortgage_readiness', text: '房贷准备评估' },
      method: 'one_time_file',
      // Catalogue order, whatever order the request named them in.
      categories: [
        { code: 'profile', sensitive: true, restricted: ['monthlyIncomeFen'], fields: ['name', 'monthlyIncomeFen'] },
        { code: 'accounts', sensitive: true, restricted: [], fields: ['name', 'limitFen'] },
      ],
      // Income is named: the regulation's Art. 14 joins the bases, and its tick was required.
      legalBasis: ['PIPL14', 'PIPL23', 'PIPL29', 'CRR20', 'CRR14'],
      crossBorder: false,
      noOnwardTransfer: true,
      redactionProfile: 'default@1',
      validFrom: '2026-08-15T10:00:00+08:00',
      expiresAt: '2026-09-14T23:59:59+08:00',
      maxExports: 2,
      recipientDeleteBy: '2026-10-14',
      collectionMethod: 'separate_screen+typed_name',
      evidence: { typedName: PRINCIPAL, ticks: ['notice_read', 'sensitive', 'recipient_scope', 'no_onward', 'restricted'], via: 'dashboard' },
      supersedes: null,
    });
    expect(consent.record.notice.version).toBe('consent-notice@1');
    expect(receipt.kind).toBe('granted');
    const stored = db.prepare('SELECT receipt_json, receipt_sha256, audit_id FROM consent_receipts').get() as { receipt_json: string; receipt_sha256: string; audit_id: number };
    expect(createHash('sha256').update(stored.receipt_json).digest('hex')).toBe(stored.receipt_sha256);
    const entry = db.prepare('SELECT action, subject, details_json FROM audit_log WHERE id = ?').get(stored.audit_id) as { action: string; subject: string; details_json: string };
    expect(entry).toMatchObject({ action: 'consent.granted', subject: consent.id });
    expect(JSON.parse(entry.details_json)).toMatchObject({ receiptSha256: stored.receipt_sha256 });
    expect(receipt.receipt).toMatchObject({
      event: 'granted',
      piiPrincipalId: profileId,
      piiControllers: [{ piiController: '王顾问', contact: 'adviser@example.com' }],
      services: [{ purposes: [{ purposeCode: 'mortgage_readiness', consentType: 'separate_explicit', thirdPartyDisclosure: true, termination: '2026-09-14T23:59:59+08:00' }] }],
      sensitive: true,
    });
    expect(verifyConsentLog(db)).toMatchObject({ ok: true, firstBroken: null, firstUnlogged: null });
  });

  it('cannot be passed by default: it needs the notice the person read, every tick and a typed name', async () => {
    const { db } = await seedProfile();
    const input = terms({ recipient: { name: 'Overseas Broker Ltd', kind: 'firm', contact: '+44 20 7946 0000', location: 'overseas' } });
    const parsed = parseTerms(input, today(NOW));
    const notice = renderConsentNotice(parsed, 'zh-CN');
    expect(notice.text).toContain('六、向境外提供');
    const all = requiredTicks(parsed);
    expect(all).toEqual(['notice_read', 'sensitive', 'recipient_scope', 'no_onward', 'restricted', 'cross_border']);
    const attempt = (noticeSha256: string, ticks: string[], typedName: string) => () =>
      grantConsent(db, { terms: input, noticeSha256, evidence: { typedName, ticks }, via: 'dashboard' }, NOW);
    await expectCode(attempt(notice.sha256, [], ''), 'consent.evidence_incomplete');
    await expectCode(attempt(notice.sha256, all.filter((t) => t !== 'cross_border'), PRINCIPAL), 'consent.evidence_incomplete');
    await expectCode(attempt(notice.sha256, all, '   '), 'consent.evidence_incomplete');
    // The English notice's hash, or any other text's, is not the notice of a zh-CN consent.
    await expectCode(attempt(renderConsentNotice(parsed, 'en').sha256, all, PRINCIPAL), 'consent.notice_changed');
    expect(db.prepare('SELECT count(*) FROM consents').pluck().get()).toBe(0);
    expect(attempt(notice.sha256, all, PRINCIPAL)().consent.record.legalBasis).toContain('PIPL39');
  });

  it('names every bad term in both languages', async () => {
    const { db } = await seedProfile();
    const bad = terms({ expiresOn: '2026-08-15', maxExports: 0, categories: [{ code: 'accounts', fields: ['nope'] }], purpose: { code: 'other' } });
    let error: { code: string; details: { fieldsZh: string; fieldsEn: string } } | undefined;
    try {
      grant(db, { ...terms(), categories: [] });
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.code).toBe('consent.invalid_terms');
    try {
      grantConsent(db, { terms: bad, noticeSha256: 'x', evidence: { typedName: 'x', ticks: [] }, via: 'cli' }, NOW);
    } catch (caught) {
      error = caught as typeof error;
    }
    // maxExports fails the schema first; fix it and the rest are named together.
    expect(error?.details.fieldsEn).toContain('Exports allowed');
    try {
      grantConsent(db, { terms: { ...bad, maxExports: 1 }, noticeSha256: 'x', evidence: { typedName: 'x', ticks: [] }, via: 'cli' }, NOW);
    } catch (caught) {
      error = caught as typeof error;
    }
    expect(error?.details.fieldsEn).toBe('accounts has no field nope; The expiry must be a date after today and within 365 days (YYYY-MM-DD); With “Other”, state the purpose (at most 200 characters)');
    expect(error?.details.fieldsZh).toContain('accounts 中没有字段 nope');
  });
});

describe('a consent over its life', () => {
  it('is withdrawn in one action, with a receipt that states what was already sent; a second withdrawal is refused', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db, terms({ language: 'en' }));
    const made = await exportUnderConsent(db, { consentId: consent.id, password: 'long enough', via: 'dashboard', appVersion: 't' }, { kind: 'download' }, NOW);
    const later = new Date(NOW.getTime() + DAY_MS);
    const { consent: after, receipt } = withdrawConsent(db, consent.id, 'dashboard', later);
    expect(after).toMatchObject({ state: 'withdrawn', withdrawnAt: '2026-08-16T10:00:00+08:00', withdrawnVia: 'dashboard', exportsUsed: 1 });
    const text = receiptText(receipt.receipt, 'en');
    expect(text).toContain('Consent receipt: withdrawn');
    expect(text).toContain('Withdrawal is not retroactive');
    expect(text).toContain(made.export.packageSha256);
    expect(receiptText(receipt.receipt, 'zh-CN')).toContain('撤回不溯及既往');
    await expectCode(() => withdrawConsent(db, consent.id, 'dashboard', later), 'consent.not_withdrawable');
  });

  it('expires by the clock: the expiry is recorded once, with its receipt', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db, terms({ expiresOn: '2026-08-20' }));
    expect(listConsents(db, new Date('2026-08-20T15:59:59Z'))[0]!.state).toBe('active'); // 23:59:59 China time, its last second
    const after = new Date('2026-08-20T16:00:00Z');
    expect(listConsents(db, after)[0]).toMatchObject({ state: 'expired', expiredAt: '2026-08-21T00:00:00+08:00' });
    listConsents(db, new Date(after.getTime() + DAY_MS));
    expect(listReceipts(db, consent.id).map((r) => r.kind)).toEqual(['granted', 'expired']);
    expect(receiptText(listReceipts(db, consent.id)[1]!.receipt, 'zh-CN')).toContain('授权到期回执');
  });

  it('is amended by a new consent that supersedes it: both receipts, and the old one can no longer be amended', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    const { consent: amended } = grant(db, terms({ maxExports: 3, categories: [{ code: 'scores', fields: ['score'] }] }), NOW, consent.id);
    expect(amended).toMatchObject({ state: 'active', supersedes: consent.id, maxExports: 3 });
    const [newest, old] = listConsents(db, NOW);
    expect(newest!.id).toBe(amended.id);
    expect(old).toMatchObject({ id: consent.id, state: 'superseded', supersededBy: amended.id });
    expect(listReceipts(db, consent.id)[1]!.receipt.supersededBy).toBe(amended.id);
    await expectCode(() => grant(db, terms(), NOW, consent.id), 'consent.not_amendable');
  });

  it('keeps its terms: the database refuses a rewrite and a deletion', async () => {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    expect(() => db.prepare('UPDATE consents SET max_exports = 99 WHERE id = ?').run(consent.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM consents').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM consent_receipts').run()).toThrow(/append-only/);
    withdrawConsent(db, consent.id, 'cli', NOW);
    expect(() => db.prepare("UPDATE consents SET withdrawn_at = NULL, withdrawn_via = NULL WHERE id = ?").run(consent.id)).toThrow(/append-only/);
  });
});

describe('audit verify over consent events', () => {
  async function history() {
    const { db } = await seedProfile();
    const { consent } = grant(db);
    await exportUnderConsent(db, { consentId: consent.id, password: 'long enough', via: 'dashboard', appVersion: 't' }, { kind: 'download' }, NOW);
    withdrawConsent(db, consent.id, 'dashboard', NOW);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const ids = db.prepare("SELECT id, action FROM audit_log WHERE action LIKE 'consent.%' ORDER BY id").all() as { id: number; action: string }[];
    return { db, ids };
  }

  it('is intact after grant, export and withdrawal, the profile and ledger entries before them included', async () => {
    const { db, ids } = await history();
    expect(ids.map((r) => r.action)).toEqual(['consent.granted', 'consent.export', 'consent.withdrawn']);
    expect(verifyConsentLog(db)).toMatchObject({ ok: true, firstUnlogged: null });
  });

  it('names an edited export entry', async () => {
    const { db, ids } = await history();
    const exported = ids.find((r) => r.action === 'consent.export')!;
    db.prepare("UPDATE audit_log SET details_json = replace(details_json, 'download', 'file') WHERE id = ?").run(exported.id);
    expect(verifyConsentLog(db).firstBroken).toMatchObject({ id: exported.id, reason: 'content_changed' });
  });

  it('names a deleted grant, and a deleted last entry through the receipt that points at it', async () => {
    const { db, ids } = await history();
    db.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[0]!.id);
    expect(verifyConsentLog(db).firstBroken).toMatchObject({ id: ids[1]!.id, reason: 'link_broken' });

    const fresh = await history();
    const last = fresh.ids.at(-1)!;
    fresh.db.prepare('DELETE FROM audit_log WHERE id = ?').run(last.id);
    const check = verifyConsentLog(fresh.db);
    expect(check.firstBroken).toBeNull(); // the chain alone cannot see its tail go
    expect(check).toMatchObject({ ok: false, firstUnlogged: { kind: 'receipt', auditId: last.id } });
  });

  it('names the first of two consent entries swapped', async () => {
    const { db, ids } = await history();
    const rows = db.prepare('SELECT * FROM audit_log WHERE id IN (?, ?) ORDER BY id').all(ids[0]!.id, ids[1]!.id) as Record<string, unknown>[];
    const put = db.prepare('UPDATE audit_log SET at = @at, actor = @actor, action = @action, subject = @subject, details_json = @details_json, prev_hash = @prev_hash, entry_hash = @entry_hash WHERE id = @target');
    put.run({ ...rows[1], target: ids[0]!.id });
    put.run({ ...rows[0], target: ids[1]!.id });
    expect(verifyConsentLog(db).firstBroken).toMatchObject({ id: ids[0]!.id, reason: 'link_broken' });
  });
});
