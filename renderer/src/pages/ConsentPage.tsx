import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ConsentDashboard } from '../consent/ConsentDashboard.tsx';
import { GrantForm, initialDraft } from '../consent/GrantForm.tsx';
import { SeparateConsent } from '../consent/SeparateConsent.tsx';
import type { ConsentView, Notice, TermsDraft } from '../consent/types.ts';
import { useConsentData } from '../consent/useConsents.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import '../consent/consent.css';
import { personName } from '../presentation/format.ts';

type View =
  | { kind: 'dashboard' }
  | { kind: 'form'; draft: TermsDraft; amending: ConsentView | null }
  | { kind: 'separate'; draft: TermsDraft; notice: Notice; amending: ConsentView | null };

/** The consent dashboard (one click from anywhere: the sidebar), the two-step grant, exports and withdrawal. */
export function ConsentPage({ profile }: { profile: ProfileSummary }) {
  const { t, locale } = useI18n();
  const { catalogue, consents, log, error, reload } = useConsentData(profile.id);
  const [view, setView] = useState<View>({ kind: 'dashboard' });
  const [flash, setFlash] = useState<'granted' | 'withdrawn' | null>(null);

  const startForm = (amending: ConsentView | null) => {
    if (!catalogue) return;
    setFlash(null);
    setView({ kind: 'form', draft: initialDraft(catalogue, locale, amending), amending });
  };
  const changed = (next?: 'withdrawn') => {
    if (next) setFlash(next);
    void reload();
  };

  return (
    <>
      <header className="page-header page-header-row consent-header">
        <div>
          <p className="eyebrow">{personName(profile.name)}</p>
          <h1>{t('consent.title')}</h1>
        </div>
        {view.kind === 'dashboard' && (
          <button type="button" className="button button-primary" data-testid="consent-new" disabled={!catalogue} onClick={() => startForm(null)}>
            {t('consent.new')}
          </button>
        )}
      </header>
      <p className="lead">{t('consent.intro')}</p>
      {flash && (
        <p className="notice consent-flash" role="status" data-testid="consent-flash">
          {t(`consent.flash.${flash}`)}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {catalogue && view.kind === 'form' && (
        <GrantForm
          profileId={profile.id}
          catalogue={catalogue}
          draft={view.draft}
          amending={view.amending}
          onDraft={(draft) => setView({ ...view, draft })}
          onNext={(notice) => setView({ kind: 'separate', draft: view.draft, notice, amending: view.amending })}
          onCancel={() => setView({ kind: 'dashboard' })}
        />
      )}
      {catalogue && view.kind === 'separate' && (
        <SeparateConsent
          profileId={profile.id}
          catalogue={catalogue}
          draft={view.draft}
          notice={view.notice}
          amending={view.amending}
          onLanguage={(draft, notice) => setView({ ...view, draft, notice })}
          onBack={() => setView({ kind: 'form', draft: view.draft, amending: view.amending })}
          onGranted={() => {
            setFlash('granted');
            setView({ kind: 'dashboard' });
            void reload();
          }}
        />
      )}
      {view.kind === 'dashboard' && catalogue && consents && log && (
        <ConsentDashboard profileId={profile.id} consents={consents} catalogue={catalogue} log={log} onChanged={changed} onAmend={startForm} />
      )}
      {view.kind === 'dashboard' && !error && !(catalogue && consents && log) && <p className="muted">{t('app.loading')}</p>}
    </>
  );
}
