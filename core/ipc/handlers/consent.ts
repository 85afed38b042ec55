// The main-process side of the consent channels (core/ipc/channels/consent.ts). Where the package
// goes is the transport's to say: Electron's save dialog and the CLI's --out give a path
// (ctx.chooseExportPath); without one (the preview server, the test page) the bytes go back for
// the browser's download. Either way the one export function writes it (core/consent/export.ts).

import type { consentChannels } from '../channels/consent.ts';
import type { HandlerContext } from '../handler-context.ts';
import type { Handlers } from '../registry.ts';
import { formatDay, today } from '../../shared/calendar.ts';
import { LIMITS, PURPOSES, TICKS } from '../../consent/catalogue.ts';
import { CATEGORIES } from '../../consent/categories/index.ts';
import { verifyConsentLog } from '../../consent/consent-log.ts';
import { toUtc8Iso } from '../../shared/calendar.ts';
import { assertExportable, assertNotSample, exportUnderConsent, packageFileName, type Destination } from '../../consent/export.ts';
import { uuidv7 } from '../../consent/ids.ts';
import { renderConsentNotice } from '../../consent/notice.ts';
import { receiptText, listReceipts, type IssuedReceipt } from '../../consent/receipts.ts';
import { grantConsent, listConsents, requiredTicks, withdrawConsent } from '../../consent/records.ts';
import { REDACTION_PROFILE, REDACTION_RULES } from '../../consent/redaction.ts';
import { parseTerms } from '../../consent/terms.ts';

type ConsentHandlers = Pick<Handlers, keyof typeof consentChannels>;

function receiptView(r: IssuedReceipt) {
  return {
    id: r.id,
    kind: r.kind,
    issuedAt: r.issuedAt,
    sha256: r.sha256,
    auditId: r.auditId,
    json: JSON.stringify(r.receipt, null, 2),
    text: { 'zh-CN': receiptText(r.receipt, 'zh-CN'), en: receiptText(r.receipt, 'en') },
  };
}

export function consentHandlers(ctx: HandlerContext): ConsentHandlers {
  const db = (profileId: string) => ctx.store.database(profileId);
  const via = ctx.transport === 'cli' ? ('cli' as const) : ('dashboard' as const);
  return {
    'consent.catalogue': () => ({
      categories: CATEGORIES.map((c) => ({ code: c.code, label: c.label, purpose: c.purpose, sensitive: c.sensitive, restricted: [...c.restricted], columns: c.columns.map((col) => ({ ...col })) })),
      purposes: PURPOSES.map((p) => ({ ...p })),
      ticks: TICKS.map(({ code, label }) => ({ code, label })),
      redaction: { profile: REDACTION_PROFILE, rules: REDACTION_RULES.map(({ id, label, example }) => ({ id, label, example })) },
      limits: { ...LIMITS },
      today: formatDay(today()),
    }),
    'consent.notice': ({ terms }) => {
      const parsed = parseTerms(terms, today());
      return { ...renderConsentNotice(parsed, parsed.language), requiredTicks: requiredTicks(parsed) };
    },
    'consent.grant': ({ profileId, terms, noticeSha256, evidence, supersedes }) => {
      const { consent, receipt } = grantConsent(db(profileId), { terms, noticeSha256, evidence, supersedes, via });
      return { consent, receipt: receiptView(receipt) };
    },
    'consent.list': ({ profileId }) => ({ consents: listConsents(db(profileId)) }),
    'consent.withdraw': ({ profileId, consentId }) => {
      const { consent, receipt } = withdrawConsent(db(profileId), consentId, via);
      return { consent, receipt: receiptView(receipt) };
    },
    'consent.receipts': ({ profileId, consentId }) => ({ receipts: listReceipts(db(profileId), consentId).map(receiptView) }),
    'export.create': async ({ profileId, consentId, password, unencrypted, includeSample, scope }) => {
      const profile = db(profileId);
      const exportId = uuidv7();
      let destination: Destination = { kind: 'download' };
      if (ctx.chooseExportPath) {
        // A refusal comes before the save dialog, not after the person chose where to save.
        assertNotSample(profile, includeSample);
        assertExportable(profile, consentId, scope, toUtc8Iso());
        const chosen = await ctx.chooseExportPath(packageFileName(exportId));
        if (chosen === null) return { outcome: 'cancelled' as const, export: null, consent: null, fileName: null, download: null, generatedPassword: null };
        destination = { kind: 'file', ...chosen };
      }
      const outcome = await exportUnderConsent(profile, { consentId, exportId, password, unencrypted, includeSample, scope, via, appVersion: ctx.version }, destination);
      return {
        outcome: destination.kind === 'file' ? ('saved' as const) : ('download' as const),
        export: outcome.export,
        consent: outcome.consent,
        fileName: outcome.fileName,
        download: outcome.bytes ? { fileName: outcome.fileName, dataBase64: Buffer.from(outcome.bytes).toString('base64') } : null,
        generatedPassword: outcome.generatedPassword,
      };
    },
    'audit.verify': ({ profileId }) => verifyConsentLog(db(profileId)),
  };
}
