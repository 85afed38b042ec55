import { useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { downloadPackage } from './download.ts';
import type { Catalogue, ConsentView } from './types.ts';

type Result = { kind: 'saved' | 'download'; file: string; password: string | null; left: number } | { kind: 'cancelled' };

/** Exports under one consent: main asks where to save it (Electron) or hands the bytes to the browser's download (preview). */
export function ExportPanel({ profileId, consent, catalogue, onDone, onClose }: { profileId: string; consent: ConsentView; catalogue: Catalogue; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [unencrypted, setUnencrypted] = useState(false);
  // The sample profile's made-up data leaves only when ticked (main refuses it otherwise: export.synthetic_profile).
  const sample = useProfiles().selected?.sample === true;
  const [includeSample, setIncludeSample] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const answer = await invoke('export.create', {
        profileId,
        consentId: consent.id,
        ...(unencrypted ? { unencrypted: true as const } : password !== '' ? { password } : {}),
        ...(includeSample ? { includeSample: true as const } : {}),
      });
      if (answer.outcome === 'cancelled') setResult({ kind: 'cancelled' });
      else {
        if (answer.download) downloadPackage(answer.download.fileName, answer.download.dataBase64);
        setResult({ kind: answer.outcome, file: answer.fileName!, password: answer.generatedPassword, left: answer.consent!.exportsLeft });
        setPassword('');
        onDone();
      }
    } catch (caught) {
      setError(asIpcError(caught));
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="consent-export" data-testid="consent-export">
      <h3 className="section-title">{t('consent.export.title')}</h3>
      <p className="muted">{t('consent.export.intro')}</p>
      <label className="form-field">
        {t('consent.export.password', { min: catalogue.limits.minPasswordLength })}
        <input type="password" data-testid="consent-export-password" value={password} autoComplete="new-password" disabled={busy || unencrypted} onChange={(event) => setPassword(event.currentTarget.value)} />
        <span className="form-hint">{t('consent.export.passwordHint')}</span>
      </label>
      <label className="consent-tick">
        <input type="checkbox" data-testid="consent-export-unencrypted" checked={unencrypted} disabled={busy} onChange={(event) => setUnencrypted(event.currentTarget.checked)} />
        <span>{t('consent.export.unencrypted')}</span>
      </label>
      {sample && (
        <label className="consent-tick">
          <input type="checkbox" data-testid="consent-export-include-sample" checked={includeSample} disabled={busy} onChange={(event) => setIncludeSample(event.currentTarget.checked)} />
          <span>{t('sample.includeInExport')}</span>
        </label>
      )}
      {error && <ErrorMessage error={error} testId="consent-export-error" />}
      {result && (
        <div className="consent-export-result" role="status" data-testid="consent-export-result" data-outcome={result.kind}>
          {result.kind === 'cancelled' ? (
            <p>{t('consent.export.cancelled')}</p>
          ) : (
            <>
              <p>{t(result.kind === 'saved' ? 'consent.export.saved' : 'consent.export.downloaded', { file: result.file })}</p>
              {result.password && (
                <p>
                  {t('consent.export.generated')}: <code data-testid="consent-export-generated">{result.password}</code>
                </p>
              )}
              <p className="muted">{t('consent.export.left', { n: result.left })}</p>
            </>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('consent.export.close')}
        </button>
        <button type="button" className="button button-primary" data-testid="consent-export-submit" onClick={() => void submit()} disabled={busy}>
          {t('consent.export.submit')}
        </button>
      </div>
    </div>
  );
}
