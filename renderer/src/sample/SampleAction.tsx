import { useState } from 'react';
import { asIpcError, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import './sample.css';

/** The first screen's one action for a newcomer without exports: a profile of the synthetic sample client, opened once built. */
export function SampleAction() {
  const { t } = useI18n();
  const { profiles, createSample } = useProfiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  // A second sample gets the next free number rather than a refusal for a taken name.
  function freeName(): string {
    const taken = new Set((profiles ?? []).map((p) => p.name.toLocaleLowerCase()));
    if (!taken.has(t('sample.name').toLocaleLowerCase())) return t('sample.name');
    for (let n = 2; ; n++) if (!taken.has(t('sample.nameNumbered', { n }).toLocaleLowerCase())) return t('sample.nameNumbered', { n });
  }

  async function create() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await createSample(freeName());
    } catch (caught) {
      setError(asIpcError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sample-action" aria-labelledby="sample-action-title">
      <h2 id="sample-action-title" className="section-title">{t('sample.title')}</h2>
      <p className="muted">{t('sample.body')}</p>
      <button type="button" className="button" data-testid="create-sample" onClick={() => void create()} disabled={busy} aria-busy={busy}>
        {busy ? t('sample.creating') : t('sample.create')}
      </button>
      {error && <ErrorMessage error={error} testId="sample-error" />}
    </section>
  );
}

/** Beside the profile's name wherever it is listed, and in the header on every page. */
export function SampleBadge({ header = false }: { header?: boolean }) {
  const { t } = useI18n();
  if (!header) return <span className="badge badge-warning" data-testid="sample-badge">{t('sample.badge')}</span>;
  return (
    <span className="badge badge-warning sample-header-badge" data-testid="sample-header-badge" title={t('sample.headerHint')}>
      {t('sample.headerBadge')}
    </span>
  );
}
