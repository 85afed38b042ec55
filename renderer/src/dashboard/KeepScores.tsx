import { useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Keeps both scores as they stand on the day shown in the history (`score.snapshot`, as `credence score snapshot`). */
export function KeepScores({ profileId, asOf, onKept }: { profileId: string; asOf: string; onKept: () => void }) {
  const { t } = useI18n();
  const [said, setSaid] = useState<'kept' | 'same' | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = async () => {
    setBusy(true);
    setError(null);
    try {
      const { snapshot } = await invoke('score.snapshot', { profileId, asOf });
      setSaid(snapshot === null ? 'same' : 'kept');
      onKept();
    } catch (failure) {
      setError(asIpcError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="keep-scores">
      <button type="button" className="button" disabled={busy} onClick={() => void keep()} data-testid="keep-scores">
        {t('score.history.keep')}
      </button>
      {said && (
        <span className="muted" role="status" data-testid="keep-scores-said">
          {t(said === 'kept' ? 'score.history.kept' : 'score.history.same')}
        </span>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
