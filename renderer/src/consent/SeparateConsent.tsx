import { useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Catalogue, ConsentView, Notice, TermsDraft } from './types.ts';

/**
 * Step 2, the separate consent (单独同意, PIPL Arts. 23 and 29): the notice in full, in the
 * language chosen here, every statement ticked one by one (none is ticked to start with) and the
 * name typed. Core checks all of it again, and that the notice's hash is the one shown.
 */
export function SeparateConsent(props: {
  profileId: string;
  catalogue: Catalogue;
  draft: TermsDraft;
  notice: Notice;
  amending: ConsentView | null;
  onLanguage: (draft: TermsDraft, notice: Notice) => void;
  onBack: () => void;
  onGranted: (consent: ConsentView) => void;
}) {
  const { t, locale } = useI18n();
  const { notice, draft } = props;
  const [ticks, setTicks] = useState<ReadonlySet<string>>(new Set());
  const [typedName, setTypedName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const complete = notice.requiredTicks.every((code) => ticks.has(code)) && typedName.trim().length > 0;

  async function switchLanguage(language: TermsDraft['language']) {
    const next = { ...draft, language };
    try {
      props.onLanguage(next, await invoke('consent.notice', { profileId: props.profileId, terms: next }));
    } catch (caught) {
      setError(asIpcError(caught));
    }
  }

  async function agree() {
    setBusy(true);
    setError(null);
    try {
      const { consent } = await invoke('consent.grant', {
        profileId: props.profileId,
        terms: draft,
        noticeSha256: notice.sha256,
        evidence: { typedName, ticks: [...ticks] },
        supersedes: props.amending?.id ?? null,
      });
      props.onGranted(consent);
    } catch (caught) {
      setError(asIpcError(caught));
      setBusy(false);
    }
  }

  return (
    <section className="panel consent-separate" data-testid="consent-separate" aria-labelledby="consent-separate-title">
      <h2 id="consent-separate-title">{t('consent.separate.title')}</h2>
      <p>{t('consent.separate.intro')}</p>
      <label className="field-inline">
        {t('consent.separate.noticeLanguage')}
        <select data-testid="consent-notice-language" value={draft.language} disabled={busy} onChange={(event) => void switchLanguage(event.currentTarget.value as TermsDraft['language'])}>
          <option value="zh-CN">{t('consent.language.zh-CN')}</option>
          <option value="en">{t('consent.language.en')}</option>
        </select>
      </label>
      <pre className="consent-notice" data-testid="consent-notice-text" lang={notice.language} tabIndex={0} aria-label={t('consent.separate.noticeLabel')}>
        {notice.text}
      </pre>
      <p className="muted consent-hash" data-testid="consent-notice-hash">
        {t('consent.separate.hash', { version: notice.version, sha: notice.sha256 })}
      </p>
      <fieldset className="consent-ticks">
        <legend>{t('consent.separate.confirmations')}</legend>
        {notice.requiredTicks.map((code) => (
          <label key={code} className="consent-tick">
            <input
              type="checkbox"
              data-testid={`consent-tick-${code}`}
              checked={ticks.has(code)}
              disabled={busy}
              onChange={(event) => {
                const next = new Set(ticks);
                if (event.currentTarget.checked) next.add(code);
                else next.delete(code);
                setTicks(next);
              }}
            />
            <span>{props.catalogue.ticks.find((tick) => tick.code === code)?.label[locale] ?? code}</span>
          </label>
        ))}
      </fieldset>
      <label className="form-field consent-signature">
        {t('consent.separate.typedName')}
        <input type="text" data-testid="consent-typed-name" value={typedName} maxLength={80} autoComplete="off" disabled={busy} onChange={(event) => setTypedName(event.currentTarget.value)} />
      </label>
      {error && <ErrorMessage error={error} testId="consent-grant-error" />}
      <div className="form-actions">
        <button type="button" className="button" data-testid="consent-decline" onClick={props.onBack} disabled={busy}>
          {t('consent.separate.decline')}
        </button>
        <button type="button" className="button button-primary" data-testid="consent-agree" onClick={() => void agree()} disabled={!complete || busy}>
          {t('consent.separate.agree')}
        </button>
      </div>
    </section>
  );
}
