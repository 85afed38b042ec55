import { useEffect, useState } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import type { PrintLanguages } from '../../../core/shared/plan-print-route.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { hrefFor } from '../router.ts';
import { usePresentation } from '../presentation/PresentationProvider.tsx';
import { personName } from '../presentation/format.ts';

type Consent = Response<'consent.list'>['consents'][number];

/** Consents the printed plan may leave under: active, naming the plan category. */
function planConsents(consents: Consent[]): Consent[] {
  return consents.filter((c) => c.state === 'active' && c.record.categories.some((category) => category.code === 'plan'));
}

/**
 * Print: the desktop app prints this view to an A4 PDF and saves it under the chosen consent
 * (plan.pdf.export); in a browser the answer is "browser", and its own print dialog opens.
 */
export function PrintButton({ profileId, lang }: { profileId: string; lang: PrintLanguages }) {
  const { t } = useI18n();
  const { on: presentation } = usePresentation();
  const [consents, setConsents] = useState<Consent[]>([]);
  const [consentId, setConsentId] = useState<string>('');
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    invoke('consent.list', { profileId })
      .then(({ consents: all }) => {
        const usable = planConsents(all);
        setConsents(usable);
        setConsentId((current) => current || usable[0]?.id || '');
      })
      .catch((caught) => setError(asIpcError(caught)));
  }, [profileId]);
  const print = async () => {
    setSaid(null);
    setError(null);
    try {
      const reply = await invoke('plan.pdf.export', { profileId, consentId: consentId || null, lang, presentation });
      if (reply.mode === 'browser') window.print();
      else setSaid(reply.mode === 'saved' ? t('print.saved', { path: reply.path ?? '' }) : t('print.cancelled'));
    } catch (caught) {
      setError(asIpcError(caught));
    }
  };
  return (
    <>
      <label htmlFor="print-consent">{t('print.consent')}</label>
      <select id="print-consent" className="input" value={consentId} onChange={(e) => setConsentId(e.target.value)} data-testid="print-consent">
        <option value="">{t('print.consent.none')}</option>
        {consents.map((c) => (
          <option key={c.id} value={c.id}>
            {t('print.consent.option', { recipient: personName(c.record.recipient.name), until: c.expiresAt.slice(0, 10) })}
          </option>
        ))}
      </select>
      <button type="button" className="button button-primary" data-testid="print-button" onClick={() => void print()}>
        {t('print.print')}
      </button>
      {consents.length === 0 && (
        <a className="link-button" href={hrefFor('consent')}>
          {t('print.consent.grant')}
        </a>
      )}
      {said && <span role="status">{said}</span>}
      {error && <ErrorMessage error={error} />}
    </>
  );
}
