import { useEffect, useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Utc8Time } from '../import/Utc8Time.tsx';
import { prose } from '../presentation/format.ts';
import type { Receipt } from './types.ts';

/** Every receipt of a consent, as readable text in the page's language, with the JSON as issued. */
export function Receipts({ profileId, consentId, version }: { profileId: string; consentId: string; version: number }) {
  const { t, locale } = useI18n();
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    invoke('consent.receipts', { profileId, consentId }).then(
      (answer) => setReceipts(answer.receipts),
      (caught: unknown) => setError(asIpcError(caught)),
    );
  }, [profileId, consentId, version]);
  if (error) return <ErrorMessage error={error} />;
  if (!receipts) return <p className="muted">{t('app.loading')}</p>;
  return (
    <ol className="consent-receipts">
      {receipts.map((r) => (
        <li key={r.id} data-testid="consent-receipt" data-kind={r.kind}>
          <p>
            <strong>{t(`consent.receipt.kind.${r.kind}`)}</strong> · <Utc8Time iso={r.issuedAt} />
          </p>
          <pre className="consent-receipt-text">{prose(r.text[locale])}</pre>
          <details>
            <summary>{t('consent.receipt.json', { sha: r.sha256 })}</summary>
            <pre className="consent-receipt-json">{r.json}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
