// The plan channels over a real profile file: the checklist tracked against what the user records
// by hand afterwards (plan.show), and the printed plan, which leaves the profile only under a
// consent that covers the plan category (plan.pdf.export; the printer here is a stand-in for the
// desktop window's printToPDF, test/e2e/plan-print.spec.ts prints for real).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withdrawConsent } from '../../../core/consent/records.ts';
import { createHandlers } from '../../../core/ipc/handlers.ts';
import type { HandlerContext } from '../../../core/ipc/handler-context.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { createAccount } from '../../../core/ledger/accounts/commands.ts';
import { setMonthFact } from '../../../core/ledger/accounts/month-facts.ts';
import { queryRecords } from '../../../core/ledger/queries.ts';
import { addMonthsToDay } from '../../../core/bureau/windows.ts';
import { dayOfMonth, formatDay, formatMonth, monthOfDay, parseDay, today } from '../../../core/shared/calendar.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { markPlan, saveScenario } from '../../../core/whatif/saved-scenarios.ts';
import { grantPlanConsent } from '../../helpers/plan-profile.ts';
import { CLIENT as WHATIF_CLIENT } from '../whatif/client-profile.ts';
import { writeHandProfile } from '../whatif/hand-profile.ts';
import { fillSentence } from '../../../core/shared/plan-sentence.ts';
import type { Response } from '../../../core/ipc/contract.ts';
import { tempDir } from '../../helpers/temp.ts';

function setup(extra: Partial<HandlerContext> = {}) {
  const dataDir = tempDir('credence-plan-');
  const store = new ProfileStore(dataDir);
  const profile = store.create('客户丙');
  const db = store.database(profile.id);
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: 't', transport: 'test', emit: () => {}, ...extra }));
  return { dataDir, store, profileId: profile.id, db, dispatch };
}

describe('plan.show over a profile', () => {
  it('answers no plan until a scenario is applied to the plan', async () => {
    const { profileId, dispatch } = setup();
    expect(await dispatch('plan.show', { profileId })).toEqual({ ok: true, value: { plan: null } });
  });

  it('marks a payment missed while the ledger lacks it, done once the amount paid is recorded by hand; a pause missed once a query lands in it', async () => {
    const { profileId, db, dispatch } = setup();
    const now = today();
    const lastMonth = monthOfDay(now) - 1;
    // A card with statement day 5 and due day 23; the plan, applied 70 days ago, pays ¥3,000 the
    // day before last month's due day (the 22nd), and pauses applications for one month from 60 days ago.
    const card = createAccount(db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', limitFen: 2_000_000, openedOn: '2023-03-01', statementDay: 5, dueDay: 23 });
    const pauseFrom = now - 60;
    const plan = saveScenario(db, null, { name: '还款并暂停申请', actions: [
      { type: 'pay', accountId: card.account.id, amountFen: 300_000, month: formatMonth(lastMonth), timing: 'before_due' },
      { type: 'stop_applications', from: formatDay(pauseFrom), months: 1 },
    ] }, 'user');
    markPlan(db, plan.id, now - 70, 'user');
    const deadline = formatDay(dayOfMonth(lastMonth, 23) - 1);
    const pauseEnd = formatDay(addMonthsToDay(pauseFrom, 1) - 1);

    const show = async () => {
      const reply = await dispatch('plan.show', { profileId });
      if (!reply.ok) throw new Error(reply.error.message.en);
      return (reply.value as { plan: { startsOn: string; items: { on: string; until: string; state: string }[] } }).plan;
    };
    // Nothing paid by the deadline (the 22nd of last month, passed): missed. The pause ended
    // (its last day, a month after it began, is past) with no application: done.
    let checklist = await show();
    expect(checklist.startsOn).toBe(formatDay(now - 70));
    expect(checklist.items.map((i) => [i.on, i.state])).toEqual([[deadline, 'missed'], [formatDay(pauseFrom), 'done']]);
    expect(checklist.items[1]!.until).toBe(pauseEnd);

    // The client says they paid ¥3,000 toward last month's bill (本月实还款, entered by hand): done.
    setMonthFact(db, card.account.id, formatMonth(lastMonth), { amountPaidFen: 300_000 });
    // A query record copied off the report, five days into the pause, with a hard reason (02): the pause was broken.
    queryRecords.save(db, null, { queriedOn: formatDay(pauseFrom + 5), institution: '某某消费金融有限公司', reasonCode: '02' });
    checklist = await show();
    expect(checklist.items.map((i) => i.state)).toEqual(['done', 'missed']);
  });
});

describe('plan.show after an import', () => {
  it('marks a payment done from the repayments an imported bill brought, and one larger than them missed', async () => {
    const { profileId, db, dispatch } = setup();
    // The What-if client's card bill (test/unit/whatif/hand-profile.ts, rows as an import leaves
    // them): ¥8,000 charged each month, each statement (the 25th) repaid in full two days before
    // its due day (the 15th), so ¥8,000 on 2026-10-13.
    const ids = writeHandProfile(db, WHATIF_CLIENT);
    const card = [...ids].find(([name]) => name.includes('1111'))![1];
    // A plan made on 2026-09-20: pay ¥6,000, and (another step) ¥9,000, before October's due day:
    // the deadline 2026-10-14, the window from 2026-09-14.
    const plan = saveScenario(db, null, { name: '十月还款', actions: [
      { type: 'pay', accountId: card, amountFen: 600_000, month: '2026-10', timing: 'before_due' },
      { type: 'pay', accountId: card, amountFen: 900_000, month: '2026-10', timing: 'before_due' },
    ] }, 'user');
    markPlan(db, plan.id, parseDay('2026-09-20')!, 'user');
    const show = async (asOf: string) => {
      const reply = await dispatch('plan.show', { profileId, asOf });
      if (!reply.ok) throw new Error(reply.error.message.en);
      return (reply.value as Response<'plan.show'>).plan!;
    };
    // As of 2026-10-01 the repayment is still ahead: both pending.
    expect((await show('2026-10-01')).items.map((i) => i.state)).toEqual(['pending', 'pending']);
    // As of 2026-11-21: ¥8,000 ≥ ¥6,000 (done); ¥8,000 < ¥9,000 and the deadline passed (missed).
    const later = await show('2026-11-21');
    expect(later.items.map((i) => [i.on, i.state])).toEqual([['2026-10-14', 'done'], ['2026-10-14', 'missed']]);
    expect(fillSentence(later.items[0]!.evidence, 'en')).toMatch(/^¥8,000 paid to .*1111.* from 14 September 2026 to 14 October 2026$/);
  });
});

describe('plan.pdf.export', () => {
  async function withPlan(extra: Partial<HandlerContext>) {
    const s = setup(extra);
    const card = createAccount(s.db, { product: 'credit_card', bank: '招商银行', cardLast4: '1234', limitFen: 2_000_000, statementDay: 5, dueDay: 23 });
    const plan = saveScenario(s.db, null, { name: '计划', actions: [{ type: 'pay', accountId: card.account.id, amountFen: 100_000, month: formatMonth(monthOfDay(today()) + 1), timing: 'before_due' }] }, 'user');
    markPlan(s.db, plan.id, today(), 'user');
    return s;
  }

  it('tells a page without a printer to use the browser’s print, and writes nothing', async () => {
    const { profileId, dispatch } = await withPlan({});
    expect(await dispatch('plan.pdf.export', { profileId, consentId: null, lang: 'zh-CN' })).toEqual({ ok: true, value: { mode: 'browser', path: null, exportId: null } });
  });

  it('prints and writes only under an active consent that covers the plan, and records the export', async () => {
    const printed: string[] = [];
    const dir = tempDir('credence-plan-out-');
    const target = join(dir, 'plan.pdf');
    const pdf = new TextEncoder().encode('%PDF-1.7 stand-in');
    const { profileId, db, dispatch } = await withPlan({
      printPlanPdf: async ({ lang }) => (printed.push(lang), pdf),
      chooseExportPath: async () => ({ path: target, overwrite: false }),
    });
    const refused = async (consentId: string | null, code: string) => {
      const reply = await dispatch('plan.pdf.export', { profileId, consentId, lang: 'both' });
      expect(reply.ok ? 'ok' : reply.error.code).toBe(code);
    };
    await refused(null, 'plan.consent_required');
    const withdrawn = grantPlanConsent(db, today());
    withdrawConsent(db, withdrawn.id, 'dashboard');
    await refused(withdrawn.id, 'export.consent_withdrawn');
    // A consent for the scores alone does not cover the plan.
    const scoresOnly = grantPlanConsent(db, today(), [{ code: 'scores', fields: ['model', 'score'] }]);
    await refused(scoresOnly.id, 'export.fields_out_of_scope');
    // Refused before anything was printed or written.
    expect(printed).toEqual([]);
    expect(existsSync(target)).toBe(false);

    const active = grantPlanConsent(db, today());
    const reply = await dispatch('plan.pdf.export', { profileId, consentId: active.id, lang: 'both' });
    expect(reply).toMatchObject({ ok: true, value: { mode: 'saved', path: target } });
    expect(printed).toEqual(['both']);
    expect(readFileSync(target)).toEqual(Buffer.from(pdf));
    const listed = await dispatch('consent.list', { profileId });
    const consent = (listed as { ok: true; value: { consents: { id: string; exportsUsed: number; exports: { files: { path: string }[] }[] }[] } }).value.consents.find((c) => c.id === active.id)!;
    expect(consent.exportsUsed).toBe(1);
    expect(consent.exports[0]!.files).toEqual([{ path: 'plan.pdf', rows: 1 }]);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'consent.export'").pluck().get()).toBe(1);
  });
});
