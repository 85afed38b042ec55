import { useCallback, useState } from 'react';
import { Checklist } from '../checklist/Checklist.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DropZone, PasswordField } from '../import/DropZone.tsx';
import { ImportProgress } from '../import/ImportProgress.tsx';
import { FailureCard, ReportCard } from '../import/ReportCard.tsx';
import { ReviewGroups } from '../import/ReviewGroups.tsx';
import { ReviewList } from '../import/ReviewList.tsx';
import { useImportRun, type ImportResult } from '../import/useImportRun.ts';
import { useReviewGroups } from '../import/useReviewGroups.ts';
import { useReviewList } from '../import/useReviewList.ts';
import type { ProfileSummary } from '../profiles/ProfilesProvider.tsx';
import '../import/import.css';
import { personName } from '../presentation/format.ts';
import { useAppInfo } from './useAppInfo.ts';

function Results({ profileId, result }: { profileId: string; result: ImportResult }) {
  const { t } = useI18n();
  return (
    <section className="import-results" aria-labelledby="import-results-title">
      <h2 className="section-title" id="import-results-title">
        {t('import.resultsTitle')}
      </h2>
      {/* Failures first: a file that did not land matters more than the figures of one that did. */}
      {result.failures.map((failure, index) => (
        <FailureCard key={`f${index}`} failure={failure} />
      ))}
      {result.reports.map((report, index) => (
        <ReportCard key={`r${index}`} report={report} />
      ))}
      {/* What the files could not say, the few answers that tell the most (the rest on the Dashboard). */}
      {result.reports.length > 0 && <Checklist key={result.reports.map((r) => r.batchId).join(',')} profileId={profileId} limit={3} afterImport />}
    </section>
  );
}

/** Import for the current profile: pick or drop bills, watch progress, read each file's report, review. */
export function ImportPage({ profile }: { profile: ProfileSummary }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  // The desktop app chooses files in main's own dialog: a file of any size is then read from disk there.
  const mainDialog = useAppInfo().info?.transport === 'electron';
  const review = useReviewList(profile.id);
  const reloadRows = review.reload;
  // A group's answer (or its undo) changes the rows listed one by one too.
  const groups = useReviewGroups(profile.id, useCallback(() => void reloadRows(), [reloadRows]));
  // Every import can add items to review, so both lists are refreshed after each one.
  const { run, result, start, cancel } = useImportRun(profile.id, () => {
    void review.reload();
    void groups.reload();
  });

  return (
    <>
      <header className="page-header">
        <p className="eyebrow">{personName(profile.name)}</p>
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.intro', { profile: personName(profile.name) })}</p>
      </header>
      <section className="panel import-picker">
        <DropZone disabled={run.running} mainDialog={mainDialog} onFiles={(files) => void start(files, password)} />
        <PasswordField value={password} onChange={setPassword} disabled={run.running} />
      </section>
      {run.running && <ImportProgress progress={run.progress} cancelling={run.cancelling} onCancel={() => void cancel()} />}
      {result && <Results profileId={profile.id} result={result} />}
      <ReviewGroups state={groups} />
      <ReviewList
        review={{
          ...review,
          // An answer given row by row can empty a group.
          resolve: async (id, action) => {
            await review.resolve(id, action);
            void groups.reload();
          },
        }}
      />
    </>
  );
}
