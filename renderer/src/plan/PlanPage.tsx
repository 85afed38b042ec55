import { useState } from 'react';
import { printHash, type PrintLanguages } from '../../../core/shared/plan-print-route.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { hrefFor } from '../router.ts';
import { Checklist } from './Checklist.tsx';
import { planSentence } from './format.ts';
import { identifier, personName } from '../presentation/format.ts';
import { usePlan } from './usePlan.ts';
import './plan.css';

const LANGS: readonly PrintLanguages[] = ['zh-CN', 'en', 'both'];
const LANG_KEYS = { 'zh-CN': 'plan.print.zh', en: 'plan.print.en', both: 'plan.print.both' } as const;

/** The client's plan as a dated checklist, each step done, missed or pending against the ledger; and its printable hand-out. */
export function PlanPage({ profile }: { profile: ProfileSummary }) {
  const { t, locale } = useI18n();
  const { checklist, error } = usePlan(profile.id);
  const [lang, setLang] = useState<PrintLanguages>(locale);
  const plan = checklist?.plan ?? null;
  const next = plan && plan.next !== null ? plan.items[plan.next] : null;
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{personName(profile.name)}</p>
        <h1>{t('plan.title')}</h1>
      </header>
      <p className="lead">{t('plan.lead')}</p>
      {error && (
        <section className="panel">
          <p>{t('plan.failed')}</p>
          <ErrorMessage error={error} />
        </section>
      )}
      {!checklist && !error && <p className="muted">{t('plan.loading')}</p>}
      {checklist && !plan && (
        <EmptyState
          title={t('plan.none.title')}
          body={t('plan.none.body')}
          action={
            <a className="button" href={hrefFor('whatif')}>
              {t('plan.none.link')}
            </a>
          }
        />
      )}
      {plan && (
        <>
          <section className="panel" data-testid="plan-summary">
            <h2 className="section-title">{t('plan.header', { name: identifier(plan.name), startsOn: plan.startsOn, asOf: plan.asOf })}</h2>
            <p data-testid="plan-counts">{t('plan.counts', plan.counts)}</p>
            {next && <p className="plan-next" data-testid="plan-next">{t('plan.next', { text: planSentence(next.sentence, locale) })}</p>}
            <div className="table-scroll">
              <Checklist items={plan.items} locale={locale} showRule />
            </div>
            <p className="muted">{t('plan.tracking', { version: plan.trackingVersion })}</p>
          </section>
          <section className="panel" data-testid="plan-print">
            <h2 className="section-title">{t('plan.print.title')}</h2>
            <div className="field-inline">
              <label htmlFor="plan-print-lang">{t('plan.print.lang')}</label>
              <select id="plan-print-lang" className="input" value={lang} onChange={(e) => setLang(e.target.value as PrintLanguages)}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {t(LANG_KEYS[l])}
                  </option>
                ))}
              </select>
              <a className="button button-primary" data-testid="plan-print-open" href={printHash({ profileId: profile.id, lang })}>
                {t('plan.print.open')}
              </a>
            </div>
            <p className="form-hint">{t('plan.print.hint')}</p>
          </section>
        </>
      )}
    </>
  );
}
