import { useCallback } from 'react';
import { Checklist } from '../checklist/Checklist.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FactorList } from '../dashboard/FactorList.tsx';
import { HistoryCharts } from '../dashboard/HistoryChart.tsx';
import { KeepScores } from '../dashboard/KeepScores.tsx';
import { ObservedScore } from '../dashboard/ObservedScore.tsx';
import { ProfileFactsForm } from '../dashboard/ProfileFactsForm.tsx';
import { RadarChart } from '../dashboard/RadarChart.tsx';
import { ScoreCard } from '../dashboard/ScoreCard.tsx';
import { SpendingSection } from '../dashboard/SpendingChart.tsx';
import { ThresholdList } from '../dashboard/ThresholdList.tsx';
import { useScoreHistory, useScoreReport, type ScoreReport, type Snapshot } from '../dashboard/useScores.ts';
import type { Loaded } from '../accounts/useLedger.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import { hrefFor } from '../router.ts';
import '../dashboard/dashboard.css';
import { personName } from '../presentation/format.ts';

function Scores({ profileId, report, history, onChange }: { profileId: string; report: ScoreReport; history: Loaded<{ snapshots: Snapshot[] }>; onChange: () => void }) {
  const { t, locale } = useI18n();
  const { bureau, sesame } = report;
  return (
    <>
      <p className="muted" data-testid="score-as-of">
        {t('score.asOf', { date: report.asOf, month: report.latestMonth })}
      </p>
      <div className="score-cards">
        <ScoreCard model={bureau} kind="bureau" />
        <ScoreCard model={sesame} kind="sesame" />
      </div>
      {/* Right under the ranges it narrows. */}
      <Checklist profileId={profileId} onChanged={onChange} />
      <SpendingSection profileId={profileId} revision={report.asOf} />

      <section className="panel" aria-labelledby="dimensions-title" data-testid="sesame-dimensions">
        <h2 className="section-title" id="dimensions-title">
          {t('score.dimensions.title')}
        </h2>
        <p className="muted">{t('score.dimensions.note')}</p>
        <div className="dimensions-layout">
          <div className="dimensions-main">
            <RadarChart model={sesame} />
            <h3 className="score-subtitle">{t('score.observed.title')}</h3>
            <ObservedScore profileId={profileId} model={sesame} asOf={report.asOf} onSaved={onChange} />
          </div>
          <div className="dimensions-side">
            <h3 className="score-subtitle">{t('score.thresholds.title')}</h3>
            <ThresholdList model={sesame} />
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="history-title" data-testid="score-history">
        <h2 className="section-title" id="history-title">
          {t('score.history.title')}
        </h2>
        <p className="muted">{t('score.history.note')}</p>
        {history.error && <ErrorMessage error={history.error} />}
        {history.data && <HistoryCharts snapshots={history.data.snapshots} bureauName={bureau.name[locale]} sesameName={sesame.name[locale]} />}
        <KeepScores profileId={profileId} asOf={report.asOf} onKept={onChange} />
      </section>

      <section className="panel" aria-labelledby="bureau-factors-title">
        <h2 className="section-title" id="bureau-factors-title">
          {t('score.factors.title', { model: bureau.name[locale] })}
        </h2>
        <FactorList model={bureau} kind="bureau" />
      </section>
      <section className="panel" aria-labelledby="sesame-factors-title">
        <h2 className="section-title" id="sesame-factors-title">
          {t('score.factors.title', { model: sesame.name[locale] })}
        </h2>
        <FactorList model={sesame} kind="sesame" />
      </section>

      <section className="panel" aria-labelledby="profile-facts-title">
        <h2 className="section-title" id="profile-facts-title">
          {t('score.profile.title')}
        </h2>
        <p className="muted">{t('score.profile.why')}</p>
        <ProfileFactsForm profileId={profileId} onSaved={onChange} />
      </section>
    </>
  );
}

export function DashboardPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const report = useScoreReport(profile.id);
  const history = useScoreHistory(profile.id);
  const { reload: reloadReport } = report;
  const { reload: reloadHistory } = history;
  // After an edit on the page (a profile fact, a real score) the scores are asked again.
  const changed = useCallback(() => {
    void reloadReport();
    void reloadHistory();
  }, [reloadReport, reloadHistory]);
  const empty = report.data !== null && report.data.inputs.accounts === 0;
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{t('dashboard.eyebrow')}</p>
        <h1 data-testid="dashboard-profile-name">{personName(profile.name)}</h1>
      </header>
      {report.error && <ErrorMessage error={report.error} testId="score-error" />}
      {report.data === null && !report.error && <p className="muted">{t('app.loading')}</p>}
      {empty && (
        <EmptyState
          title={t('dashboard.emptyTitle')}
          body={t('dashboard.emptyBody', { profile: personName(profile.name) })}
          action={
            <a className="button button-primary" href={hrefFor('import')}>
              {t('dashboard.emptyAction')}
            </a>
          }
        />
      )}
      {report.data !== null && !empty && <Scores profileId={profile.id} report={report.data} history={history} onChange={changed} />}
    </>
  );
}
